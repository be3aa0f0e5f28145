package org.countyscope.report;

import org.countyscope.publish.Precision;
import org.countyscope.report.ReportInput.Figure;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.ChartRef;
import org.countyscope.report.model.Headline;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.ReportTable.Column;
import org.countyscope.report.model.Section;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link ReportInput} into the {@link Report} every writer renders: headline figures, one section per topic
 * with its sentences (numbers from the input, never typed in), chart references ({@link ReportCharts} draws them)
 * and the published tables. Pure: the same input gives the same report.
 */
public final class ReportBuilder {
    /** The mart names the builder reads (gold table names). */
    public static final String FISCAL = "fiscal_contribution";
    public static final String TAX_STRUCTURE = "tax_structure";
    public static final String TARGETS = "target_progress";
    public static final String PROJECTS = "project_progress";
    public static final String ATTRACTION = "attraction_breakdown";
    public static final String INDUSTRY = "industry_structure";

    static final String IVA = "iva";
    static final String IVA_REAL = "iva_real";
    static final String WITHHELD = "…";
    static final String DISCLOSURE_NOTE = "…表示数据涉及单个或少数调查对象，依据《统计法》不予公布。";
    static final List<String> DEFINITIONS = List.of(
        "规上工业增加值增速按可比价格计算：同一批企业本期与上年同期相比，现价增加值按分行业工业生产者出厂价格指数缩减。",
        "比重为县（市、区）占全市合计的百分比；全市合计为各县（市、区）之和（一般公共预算收入含市本级）。",
        "贡献率为县（市、区）增量占全市增量的百分比；拉动为县（市、区）增量占全市上年同期值的百分点。",
        "序时进度为已过月数占全年的百分比；完成率为累计完成值占年度目标的百分比。",
        "工业地方级税收按增值税50%、企业所得税和个人所得税40%、其他税种全额归属地方的约定口径计算；全市工业地方级税收占"
            + "一般公共预算收入比重的分子、分母同为有税收数据的县（市、区）合计（税收数据不含市本级时，分母也不含市本级）。",
        "达产达效率为已达产达效的工业项目占应达产达效工业项目（已竣工且已到计划达产日期，不含上年已达产的）的百分比；"
            + "亩均税收、亩均产值为投产满一年的工业用地项目近12个月（12月为全年）税收、产值除以其用地面积。",
        "1—2月数据合并报告，不单独发布1月数据。");

    private final ReportInput in;
    private final String label;

    private ReportBuilder(ReportInput in) {
        this.in = in;
        this.label = periodLabel(in.end(), in.cadence());
    }

    /** The report for the input. */
    public static Report build(ReportInput in) {
        return new ReportBuilder(in).report();
    }

    /** The bureau's label of the cumulative period: "1—6月", "一季度", "前三季度", "上半年", "全年". */
    public static String periodLabel(YearMonth end, String cadence) {
        int m = end.getMonthValue();
        switch (cadence) {
            case "year":
                return "全年";
            case "half":
                return m == 6 ? "上半年" : m == 12 ? "全年" : months(m);
            case "quarter":
                return switch (m) {
                    case 3 -> "一季度";
                    case 6 -> "上半年";
                    case 9 -> "前三季度";
                    case 12 -> "全年";
                    default -> months(m);
                };
            default:
                return months(m);
        }
    }

    private static String months(int m) {
        return m == 1 ? "1月" : "1—" + m + "月";
    }

    /** The report's title, in the form the cadence's document takes. */
    public static String title(String city, YearMonth end, String cadence) {
        int y = end.getYear();
        return switch (cadence) {
            case "quarter" -> city + y + "年" + periodLabel(end, cadence) + "县域经济运行情况通报";
            case "half" -> city + y + "年" + periodLabel(end, cadence) + "县域经济运行评估";
            case "year" -> city + y + "年度县域经济发展考核情况";
            default -> city + y + "年" + months(end.getMonthValue()) + "县域经济运行调度";
        };
    }

    private Report report() {
        List<Section> sections = new ArrayList<>();
        sections.add(industry());
        sections.add(fiscal());
        sections.add(investment());
        sections.add(targets());
        forecast().ifPresent(sections::add);
        appendix().ifPresent(sections::add);
        List<String> footnotes = new ArrayList<>(DEFINITIONS);
        if (sections.stream().flatMap(x -> x.tables().stream()).anyMatch(t -> t.footnotes().contains(DISCLOSURE_NOTE))) {
            footnotes.add(DISCLOSURE_NOTE);
        }
        footnotes.add(Sentences.ROUNDING_NOTE);
        return new Report(title(in.cityName(), in.end(), in.cadence()), in.end().toString(), in.cadence(), label,
            headlines(), sections, in.vintage(), footnotes);
    }

    // ---------------------------------------------------------------- headlines

    private List<Headline> headlines() {
        List<Headline> out = new ArrayList<>();
        city(IVA_REAL).ifPresent(f -> out.add(new Headline("规上工业增加值增速", pct(f.yoyPct()), "%",
            "可比价，" + label)));
        city(IVA).ifPresent(f -> out.add(new Headline("规上工业增加值", amount(f.value(), 2), "亿元", label)));
        city("tax_total").ifPresent(f -> out.add(new Headline("税收收入（全口径）", amount(f.value(), 2), "亿元",
            growthNote(f.yoyPct()))));
        city("budget_revenue").ifPresent(f -> out.add(new Headline("一般公共预算收入", amount(f.value(), 2), "亿元",
            growthNote(f.yoyPct()))));
        city("fai").ifPresent(f -> out.add(new Headline("固定资产投资增速", pct(f.yoyPct()), "%", label)));
        city("attraction_funds_outside").ifPresent(f -> out.add(new Headline("招商引资省外到位资金",
            amount(f.value(), 2), "亿元", growthNote(f.yoyPct()))));
        // A fallback forecast (a series too short for the models) is no headline: the forecast section says what it is.
        in.outlook().stream().filter(o -> "city".equals(o.level()) && o.fromModel()).findFirst().ifPresent(o -> out.add(
            new Headline("预计" + o.year() + "年规上工业增加值增速", Sentences.oneDecimal(o.forecastPct()), "%",
                o.probability() == null ? "80%区间 " + Sentences.oneDecimal(o.lo80()) + "～" + Sentences.oneDecimal(o.hi80())
                    : "实现目标概率约" + Math.round(o.probability() * 100) + "%")));
        return out;
    }

    private static String growthNote(Double yoy) {
        return yoy == null ? "" : (yoy >= 0 ? "同比增长" : "同比下降") + Sentences.oneDecimal(Math.abs(yoy)) + "%";
    }

    // ---------------------------------------------------------------- sections

    private Section industry() {
        List<String> s = new ArrayList<>();
        Optional<Figure> cityReal = city(IVA_REAL);
        Optional<Figure> cityIva = city(IVA);
        cityReal.ifPresent(f -> {
            if (f.yoyPct() != null) {
                GrowthFigure g = GrowthFigure.city(label, "规上工业增加值", f.yoyPct());
                s.add(Sentences.growth(cityIva.filter(c -> c.value() != null)
                    .map(c -> g.withAmount(new Quantity(c.value() / 10000, 2, "亿元"))).orElse(g)));
            }
        });
        for (Figure f : rankedCounties(IVA_REAL)) {
            s.add(Sentences.growth(growthFigure(f, "规上工业增加值", cityReal.map(Figure::yoyPct).orElse(null))));
        }
        topShare(IVA).ifPresent(f -> s.add(Sentences.share(ShareFigure.county(label, f.regionName(), "规上工业增加值",
            new Quantity(f.value() / 10000, 2, "亿元"), f.sharePct(), f.rank(), counties(IVA).size()))));
        List<ChartRef> charts = new ArrayList<>();
        charts.add(new ChartRef(ReportCharts.SHARE_IVA, "各县（市、区）规上工业增加值占全市比重（" + label + "，现价）"));
        charts.add(new ChartRef(ReportCharts.GROWTH_IVA, "各县（市、区）规上工业增加值增速与全市（" + label + "，可比价）"));
        charts.add(new ChartRef(ReportCharts.RANKS_IVA, "各县（市、区）规上工业增加值累计增速位次变化（" + in.end().getYear()
            + "年" + (in.end().getMonthValue() <= 2 ? label : "1—2月至" + label) + "）"));
        // county × 大类 is long: it goes to the 附表 at the end
        return new Section("industry", "工业经济", s, charts, List.of(industryTable()));
    }

    private Section fiscal() {
        List<String> s = new ArrayList<>();
        Optional<Figure> tax = city("tax_total");
        tax.filter(f -> f.yoyPct() != null).ifPresent(f -> s.add(Sentences.growth(
            GrowthFigure.city(label, "税收收入（全口径）", f.yoyPct()).withAmount(new Quantity(f.value() / 10000, 2, "亿元")))));
        city("budget_revenue").filter(f -> f.yoyPct() != null).ifPresent(f -> s.add(Sentences.growth(
            GrowthFigure.city(label, "一般公共预算收入", f.yoyPct()).withAmount(new Quantity(f.value() / 10000, 2, "亿元")))));
        for (Map<String, Object> r : in.mart(FISCAL)) {
            Double share = num(r, "industry_share_of_tax_pct");
            if (isCounty(r) || "city".equals(r.get("region_level"))) {
                String name = "city".equals(r.get("region_level")) ? GrowthFigure.CITY : (String) r.get("region_name");
                s.add(Sentences.fiscal(new FiscalFigure(label, name, share, num(r, "industry_local_share_of_budget_pct"),
                    num(r, "tax_per_100_yuan_va"), share == null ? "无税收数据" : null)));
            }
        }
        List<ChartRef> charts = List.of(
            new ChartRef(ReportCharts.TAX_BY_TYPE, "各县（市、区）税收收入结构：分税种（" + label + "，亿元）"),
            new ChartRef(ReportCharts.TAX_BY_SECTION, "各县（市、区）税收收入结构：分行业门类（" + label + "，亿元）"),
            new ChartRef(ReportCharts.FISCAL, "工业对税收和一般公共预算收入的贡献（" + label + "）"));
        List<ReportTable> tables = new ArrayList<>();
        tables.add(comparisonTable("fiscal_growth", "各县（市、区）税收和一般公共预算收入（" + label + "）",
            List.of(new Measure("tax_total", "税收收入"), new Measure("tax_industry", "工业税收"),
                new Measure("budget_revenue", "一般公共预算收入"))));
        tables.add(martTable(FISCAL, "工业财税贡献（" + label + "）", List.of(
            new MartColumn("region_name", "地区", -1), new MartColumn("tax_total_cum", "税收收入（万元）", 1),
            new MartColumn("tax_industry_cum", "工业税收（万元）", 1),
            new MartColumn("industry_share_of_tax_pct", "工业税收占税收比重（%）", 1),
            new MartColumn("budget_revenue_cum", "一般公共预算收入（万元）", 1),
            new MartColumn("industry_local_share_of_budget_pct", "工业地方级税收占一般公共预算收入比重（%）", 1),
            new MartColumn("tax_per_100_yuan_va", "百元增加值税收（元）", 2),
            new MartColumn("top_tax_type", "第一大税种", -1),
            new MartColumn("top_tax_type_share_pct", "第一大税种占比（%）", 1),
            new MartColumn("hhi_industry", "行业集中度（HHI）", 3)), r -> true));
        return new Section("fiscal", "财税收入", s, charts, tables);
    }

    private Section investment() {
        List<String> s = new ArrayList<>();
        Optional<Figure> fai = city("fai");
        fai.filter(f -> f.yoyPct() != null).ifPresent(f -> s.add(Sentences.growth(
            GrowthFigure.city(label, "固定资产投资", f.yoyPct()))));
        for (Figure f : rankedCounties("fai")) {
            if (f.yoyPct() != null || f.withheld()) {
                s.add(Sentences.growth(growthFigure(f, "固定资产投资", fai.map(Figure::yoyPct).orElse(null))));
            }
        }
        city("attraction_funds").filter(f -> f.yoyPct() != null).ifPresent(f -> s.add(Sentences.growth(
            GrowthFigure.city(label, "招商引资到位资金", f.yoyPct()).withAmount(new Quantity(f.value() / 10000, 2, "亿元")))));
        topShare("attraction_funds_outside").ifPresent(f -> s.add(Sentences.share(ShareFigure.county(label,
            f.regionName(), "招商引资省外到位资金", new Quantity(f.value() / 10000, 2, "亿元"), f.sharePct(), f.rank(),
            counties("attraction_funds_outside").size()))));
        List<ChartRef> charts = List.of(
            new ChartRef(ReportCharts.SCATTER, "各县（市、区）固定资产投资增速与规上工业增加值增速（" + label + "）"),
            new ChartRef(ReportCharts.PROJECTS, "各县（市、区）项目开复工率、建成率（" + label + "）"),
            new ChartRef(ReportCharts.ATTRACTION_SOURCE, "全市招商引资到位资金：按资金来源（" + label + "，亿元）"),
            new ChartRef(ReportCharts.ATTRACTION_CHAIN, "全市招商引资到位资金：按产业链（" + label + "，亿元）"));
        List<ReportTable> tables = new ArrayList<>();
        tables.add(comparisonTable("investment_growth", "各县（市、区）投资和招商引资（" + label + "）",
            List.of(new Measure("fai", "固定资产投资"), new Measure("fai_industry", "工业投资"),
                new Measure("attraction_funds", "招商引资到位资金"),
                new Measure("attraction_funds_outside", "省外到位资金"))));
        tables.add(martTable(PROJECTS, "项目推进情况（" + label + "）", List.of(
            new MartColumn("region_name", "地区", -1), new MartColumn("planned_to_start", "计划开复工（个）", 0),
            new MartColumn("started", "已开复工（个）", 0), new MartColumn("start_rate_pct", "开复工率（%）", 1),
            new MartColumn("planned_to_complete", "计划竣工（个）", 0), new MartColumn("completed", "已竣工（个）", 0),
            new MartColumn("completion_rate_pct", "建成率（%）", 1),
            new MartColumn("capacity_rate_pct", "达产达效率（%）", 1),
            new MartColumn("investment_per_mu", "投资强度（万元/亩）", 1),
            new MartColumn("tax_per_mu", "亩均税收（万元/亩，近12个月）", 2),
            new MartColumn("output_per_mu", "亩均产值（万元/亩，近12个月）", 1)), r -> true));
        tables.add(martTable(ATTRACTION, "全市招商引资结构（" + label + "）", List.of(
            new MartColumn("dimension", "分组", -1), new MartColumn("item", "类别", -1),
            new MartColumn("contracts", "签约项目数（个）", 0), new MartColumn("signed_amount", "签约额（万元）", 1),
            new MartColumn("funds_in_place", "到位资金（万元）", 1)), r -> "city".equals(r.get("region_level"))));
        return new Section("investment", "投资和招商引资", s, charts, tables);
    }

    private Section targets() {
        List<String> s = new ArrayList<>();
        int months = in.end().getMonthValue();
        double elapsed = TargetFigure.elapsedPct(months);
        for (Map<String, Object> r : in.mart(TARGETS)) {
            if (!"全市".equals(r.get("unit_type"))) {
                continue;
            }
            String indicator = (String) r.get("indicator");
            Double target = num(r, "target");
            if ("%".equals(r.get("unit")) && target != null) {
                Double actual = num(r, "actual");
                s.add(Sentences.growthTarget(new GrowthTargetFigure(label, GrowthFigure.CITY, strip(indicator), actual,
                    target, actual == null ? "暂无实际增速" : null)));
            } else {
                Double completion = num(r, "completion_pct");
                s.add(Sentences.target(new TargetFigure(label, GrowthFigure.CITY, indicator, completion, elapsed,
                    completion == null ? "未下达年度目标" : null)));
            }
        }
        List<String> behind = in.mart(TARGETS).stream()
            .filter(r -> "县区".equals(r.get("unit_type")) && "慢于序时进度".equals(r.get("status")))
            .map(r -> r.get("unit_name") + "（" + r.get("indicator") + "）").distinct().toList();
        if (!behind.isEmpty()) {
            s.add("慢于序时进度的有：" + String.join("、", behind) + "。");
        }
        List<ChartRef> charts = new ArrayList<>();
        for (String indicator : ReportCharts.bulletIndicators(in)) {
            charts.add(new ChartRef(ReportCharts.bulletName(indicator), "各县（市、区）" + indicator + "完成进度与序时进度（"
                + label + "）"));
        }
        List<ReportTable> tables = List.of(martTable(TARGETS, "目标任务完成情况（" + label + "）", List.of(
            new MartColumn("unit_type", "考核对象", -1), new MartColumn("unit_name", "单位", -1),
            new MartColumn("indicator", "指标", -1), new MartColumn("unit", "计量单位", -1),
            new MartColumn("target", "年度目标", 1), new MartColumn("actual", "完成", 1),
            new MartColumn("completion_pct", "完成率（%）", 1), new MartColumn("time_elapsed_pct", "序时进度（%）", 1),
            new MartColumn("ahead_pp", "快于（慢于）序时进度（百分点）", 1), new MartColumn("status", "状态", -1),
            new MartColumn("rank", "位次", 0)), r -> true));
        return new Section("targets", "目标任务", s, charts, tables);
    }

    private Optional<Section> forecast() {
        if (in.outlook().isEmpty()) {
            return Optional.empty();
        }
        List<String> s = new ArrayList<>();
        List<ReportInput.Outlook> ordered = new ArrayList<>(in.outlook());
        ordered.sort(Comparator.comparing((ReportInput.Outlook o) -> !"city".equals(o.level()))
            .thenComparing(ReportInput.Outlook::region));
        List<List<Cell>> rows = new ArrayList<>();
        for (ReportInput.Outlook o : ordered) {
            if (in.figures().stream().anyMatch(f -> f.region().equals(o.region()) && f.indicator().equals(IVA_REAL)
                && f.withheld())) {
                continue; // a forecast of a withheld series would publish its path
            }
            String name = "city".equals(o.level()) ? GrowthFigure.CITY : o.regionName();
            String sentence = o.fromModel()
                ? Sentences.forecast(new ForecastFigure(name, "规上工业增加值", o.forecastPct(), o.lo80(), o.hi80(),
                    o.probability() == null ? null : o.targetPct(), o.probability()))
                : name + "规上工业增加值全年增速未作模型预测（" + o.caveat() + "）。";
            s.add(o.year() == in.end().getYear() || !o.fromModel() ? sentence : o.year() + "年" + sentence);
            rows.add(List.of(Cell.text(name), Cell.number(o.forecastPct()), Cell.number(o.lo80()), Cell.number(o.hi80()),
                Cell.number(o.lo95()), Cell.number(o.hi95()), o.targetPct() == null ? Cell.empty() : Cell.number(o.targetPct()),
                o.probability() == null ? Cell.empty() : Cell.number(o.probability() * 100),
                Cell.text(o.fromModel() ? o.model() : o.model() + "：" + o.caveat())));
        }
        int year = ordered.get(0).year();
        ReportTable t = new ReportTable("forecast", year + "年规上工业增加值增速预测", List.of(Column.text("地区"),
            Column.number("预计全年增速（%）", 1), Column.number("80%区间下限", 1), Column.number("80%区间上限", 1),
            Column.number("95%区间下限", 1), Column.number("95%区间上限", 1), Column.number("年度目标（%）", 1),
            Column.number("实现目标概率（%）", 0), Column.text("模型")), rows,
            List.of("预测基于截至" + in.end().getYear() + "年" + in.end().getMonthValue() + "月的月度同比增速（可比价）；区间为"
                + "模型以往预测误差的经验分位数；概率为全年增速不低于年度目标的可能性，未下达目标的不计算。"));
        List<ChartRef> charts = ordered.stream().anyMatch(o -> "city".equals(o.level()))
            ? List.of(new ChartRef(ReportCharts.FAN_CITY, "全市规上工业增加值累计增速走势与" + year
                // the caption promises a target line only where the chart draws one
                + "年预测（含80%、95%预测区间" + (ordered.stream().anyMatch(o -> "city".equals(o.level())
                    && o.targetPct() != null) ? "和年度目标）" : "）") + ordered.stream()
                    .filter(o -> "city".equals(o.level()) && !o.fromModel()).findFirst()
                    .map(o -> "；" + o.caveat()).orElse("")))
            : List.of();
        return Optional.of(new Section("forecast", year + "年预测", s, charts, List.of(t)));
    }

    /** 附表: the long tables (county × 大类), after every topic, so the sections read without them. */
    private Optional<Section> appendix() {
        if (in.mart(INDUSTRY).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section("appendix", "附表", List.of(), List.of(), List.of(industryStructureTable())));
    }

    /** A table's notes: the given ones, and the withheld-figure footnote only when a cell of the table is withheld. */
    static List<String> notes(List<List<Cell>> rows, String... notes) {
        List<String> out = new ArrayList<>(List.of(notes));
        if (rows.stream().anyMatch(r -> r.stream().anyMatch(Cell::withheld))) {
            out.add(DISCLOSURE_NOTE);
        }
        return out;
    }

    // ---------------------------------------------------------------- tables

    private ReportTable industryTable() {
        List<Column> cols = List.of(Column.text("地区"), Column.number("规上工业增加值（亿元）", 2),
            Column.number("增速（%，可比价）", 1), Column.number("增速位次", 0), Column.number("占全市比重（%）", 1),
            Column.number("规上工业企业数（个）", 0), Column.number("营业收入（亿元）", 2), Column.number("营业收入增速（%）", 1),
            Column.number("利润总额（亿元）", 2), Column.number("利润总额增速（%）", 1));
        List<List<Cell>> rows = new ArrayList<>();
        for (String region : regionsInOrder()) {
            Figure iva = figure(region, IVA);
            Figure real = figure(region, IVA_REAL);
            Figure n = figure(region, "enterprises");
            Figure rev = figure(region, "revenue");
            Figure profit = figure(region, "profit");
            String name = name(region);
            List<Cell> row = List.of(Cell.text(name), value(iva, 1e4), yoy(real), rank(real), share(iva), value(n, 1),
                value(rev, 1e4), yoy(rev), value(profit, 1e4), yoy(profit));
            // a region without industry (市本级) is no row: a blank line reads as a missing report
            if (row.stream().skip(1).anyMatch(c -> c.withheld() || c.number() != null)) {
                rows.add(row);
            }
        }
        return new ReportTable("industry", "各县（市、区）规上工业主要指标（" + label + "）", cols, rows,
            notes(rows, "增加值、营业收入、利润总额为现价；增速为可比价（增加值）或现价（营业收入、利润总额）。"));
    }

    private ReportTable industryStructureTable() {
        List<Column> cols = List.of(Column.text("地区"), Column.text("行业大类"), Column.number("企业数（个）", 0),
            Column.number("增加值（万元）", 1), Column.number("占本地区比重（%）", 1), Column.number("占全市该行业比重（%）", 1));
        List<List<Cell>> rows = new ArrayList<>();
        List<Map<String, Object>> sorted = new ArrayList<>(in.mart(INDUSTRY));
        sorted.sort(Comparator.comparing((Map<String, Object> r) -> !"city".equals(r.get("region_level")))
            .thenComparing(r -> (String) r.get("region_code")).thenComparing(r -> (String) r.get("division")));
        for (Map<String, Object> r : sorted) {
            boolean city = "city".equals(r.get("region_level"));
            String region = city ? GrowthFigure.CITY : (String) r.get("region_name");
            // the city's own share of the city's 大类 is 100% by definition: no figure
            rows.add(List.of(Cell.text(region), Cell.text(r.get("division") + " " + nullToEmpty(r.get("division_name"))),
                martCell(r.get("enterprises")), martCell(r.get("iva_cum")), martCell(r.get("share_of_region_pct")),
                city ? Cell.empty() : martCell(r.get("share_of_city_division_pct"))));
        }
        return new ReportTable("industry_structure", "附表 分县（市、区）分行业大类规上工业增加值（" + label + "，现价）", cols,
            rows, notes(rows));
    }

    /** A measure of a comparison table: its value (万元), growth and share per region. */
    private record Measure(String indicator, String name) {
    }

    private ReportTable comparisonTable(String id, String title, List<Measure> measures) {
        List<Column> cols = new ArrayList<>();
        cols.add(Column.text("地区"));
        for (Measure m : measures) {
            cols.add(Column.number(m.name() + "（万元）", 1));
            cols.add(Column.number(m.name() + "增速（%）", 1));
            cols.add(Column.number(m.name() + "占全市比重（%）", 1));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (String region : regionsInOrder()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(name(region)));
            boolean any = false;
            for (Measure m : measures) {
                Figure f = figure(region, m.indicator());
                any |= f != null;
                row.add(value(f, 1));
                row.add(yoy(f));
                row.add(share(f));
            }
            if (any) {
                rows.add(row);
            }
        }
        return new ReportTable(id, title, cols, rows, notes(rows));
    }

    /** Mart columns whose figures are in the row's own unit (targets in 万元, % and 户 side by side). */
    private static final java.util.Set<String> UNIT_VALUES = java.util.Set.of("target", "actual");

    /** A column of a mart table: source column, heading, decimals (-1 for text). */
    private record MartColumn(String column, String header, int decimals) {
    }

    private ReportTable martTable(String mart, String title, List<MartColumn> columns,
                                  java.util.function.Predicate<Map<String, Object>> keep) {
        List<Column> cols = columns.stream().map(c -> c.decimals() < 0 ? Column.text(c.header())
            : Column.number(c.header(), c.decimals())).toList();
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> r : in.mart(mart)) {
            if (!keep.test(r)) {
                continue;
            }
            List<Cell> row = new ArrayList<>();
            for (MartColumn c : columns) {
                Object v = r.get(c.column());
                if (c.column().equals("region_name") && "city".equals(r.get("region_level"))) {
                    v = GrowthFigure.CITY;
                }
                if (v instanceof Number n && UNIT_VALUES.contains(c.column())
                    && Precision.ofUnit((String) r.get("unit")) == Precision.COUNT) {
                    // a count in a column of mixed units prints as a count: 3 firms, not 3.0
                    row.add(Cell.text(Precision.COUNT.text(n.doubleValue())));
                    continue;
                }
                row.add(c.decimals() < 0 && !WITHHELD.equals(v) ? Cell.text(v == null ? "" : v.toString()) : martCell(v));
            }
            rows.add(row);
        }
        return new ReportTable(mart, title, cols, rows, notes(rows));
    }

    // ---------------------------------------------------------------- figures

    private Optional<Figure> city(String indicator) {
        return in.figures().stream().filter(f -> f.indicator().equals(indicator) && "city".equals(f.level()))
            .findFirst();
    }

    private List<Figure> counties(String indicator) {
        return in.figures().stream().filter(f -> f.indicator().equals(indicator) && "county".equals(f.level()))
            .toList();
    }

    /** Counties of an indicator from the fastest growth to the slowest (no growth and withheld last, by code). */
    private List<Figure> rankedCounties(String indicator) {
        List<Figure> out = new ArrayList<>(counties(indicator));
        out.sort(Comparator.comparing((Figure f) -> f.yoyPct() == null || f.withheld() ? Double.POSITIVE_INFINITY
            : -f.yoyPct()).thenComparing(Figure::region));
        return out;
    }

    /**
     * A county's place by growth among the counties with a growth figure (1 = fastest, ties share the better place):
     * what "居全市第N位" means in a growth sentence, whatever order the comparison ranks the indicator's levels in.
     */
    private int growthRank(Figure f) {
        return 1 + (int) counties(f.indicator()).stream()
            .filter(o -> o.yoyPct() != null && o.yoyPct() > f.yoyPct()).count();
    }

    private Optional<Figure> topShare(String indicator) {
        return counties(indicator).stream().filter(f -> !f.withheld() && f.sharePct() != null && f.value() != null
                && f.rank() != null)
            .max(Comparator.comparingDouble(Figure::sharePct));
    }

    private GrowthFigure growthFigure(Figure f, String indicator, Double cityYoy) {
        if (f.withheld()) {
            return GrowthFigure.withheld(label, f.regionName(), indicator);
        }
        if (f.yoyPct() == null) {
            return GrowthFigure.noGrowth(label, f.regionName(), indicator, reason(f.note()));
        }
        int n = (int) counties(f.indicator()).stream().filter(o -> o.yoyPct() != null).count();
        return new GrowthFigure(label, f.regionName(), GrowthFigure.CITY, indicator, null, f.yoyPct(), cityYoy,
            growthRank(f), n, null, false);
    }

    private static String reason(String note) {
        return note == null || note.isBlank() ? "上年同期无数据，不计算增速" : note + "，不计算增速";
    }

    /** The city first, then its counties and 市本级 by code. */
    private List<String> regionsInOrder() {
        Map<String, String> levels = new LinkedHashMap<>();
        in.figures().forEach(f -> levels.putIfAbsent(f.region(), f.level()));
        List<String> out = new ArrayList<>(levels.keySet());
        out.sort(Comparator.comparing((String r) -> !"city".equals(levels.get(r))).thenComparing(r -> r));
        return out;
    }

    private Figure figure(String region, String indicator) {
        return in.figures().stream().filter(f -> f.region().equals(region) && f.indicator().equals(indicator))
            .findFirst().orElse(null);
    }

    private String name(String region) {
        return in.figures().stream().filter(f -> f.region().equals(region)).findFirst()
            .map(f -> "city".equals(f.level()) ? GrowthFigure.CITY : f.regionName()).orElse(region);
    }

    private static Cell value(Figure f, double divisor) {
        if (f == null) {
            return Cell.empty();
        }
        return f.withheld() ? Cell.withheldCell() : f.value() == null ? Cell.empty() : Cell.number(f.value() / divisor);
    }

    private static Cell yoy(Figure f) {
        return f == null ? Cell.empty() : f.withheld() ? Cell.withheldCell() : Cell.number(f.yoyPct());
    }

    private static Cell share(Figure f) {
        return f == null || !"county".equals(f.level()) && !"city_own".equals(f.level()) ? Cell.empty()
            : f.withheld() ? Cell.withheldCell() : Cell.number(f.sharePct());
    }

    private static Cell rank(Figure f) {
        return f == null || f.rank() == null ? Cell.empty() : f.withheld() ? Cell.withheldCell()
            : Cell.number(f.rank().doubleValue());
    }

    private static Cell martCell(Object v) {
        if (v == null) {
            return Cell.empty();
        }
        if (WITHHELD.equals(v)) {
            return Cell.withheldCell();
        }
        if (v instanceof Number n) {
            return Cell.number(n.doubleValue());
        }
        return Cell.text(v.toString());
    }

    private static Double num(Map<String, Object> r, String column) {
        Object v = r.get(column);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private static boolean isCounty(Map<String, Object> r) {
        return "county".equals(r.get("region_level"));
    }

    private static String pct(Double v) {
        return v == null ? "—" : Sentences.oneDecimal(v);
    }

    private static String amount(Double v, int decimals) {
        return v == null ? "—" : Sentences.fixed(v / 10000, decimals);
    }

    private static String strip(String indicator) {
        return indicator.endsWith("增速") ? indicator.substring(0, indicator.length() - 2) : indicator;
    }

    private static String nullToEmpty(Object o) {
        return o == null ? "" : o.toString();
    }
}
