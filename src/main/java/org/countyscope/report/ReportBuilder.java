package org.countyscope.report;

import org.countyscope.publish.Precision;
import org.countyscope.publish.Ranks;
import org.countyscope.report.ReportInput.Figure;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.ChartRef;
import org.countyscope.report.model.Headline;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.ReportTable.Column;
import org.countyscope.report.model.Section;
import org.countyscope.report.model.Vintage;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    private final Narrative narrative;
    /** 序时进度 at the period end, %. */
    private final double elapsed;

    private ReportBuilder(ReportInput in) {
        this.in = in;
        this.label = periodLabel(in.end(), in.cadence());
        this.narrative = new Narrative(in, label);
        this.elapsed = TargetFigure.elapsedPct(in.end().getMonthValue());
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
        Optional<Section> assessment = "year".equals(in.cadence()) ? assessment() : Optional.empty();
        sections.add(summary(assessment.map(Section::tables).orElse(List.of())));
        if ("half".equals(in.cadence())) {
            sections.add(halfway());
        }
        assessment.ifPresent(sections::add);
        sections.add(industry());
        sections.add(fiscal());
        sections.add(investment());
        sections.add(targets());
        forecast().ifPresent(sections::add);
        attention().ifPresent(sections::add);
        appendix().ifPresent(sections::add);
        List<String> footnotes = new ArrayList<>(DEFINITIONS);
        if (sections.stream().flatMap(x -> x.tables().stream()).anyMatch(t -> t.footnotes().contains(DISCLOSURE_NOTE))) {
            footnotes.add(DISCLOSURE_NOTE);
        }
        footnotes.add(Sentences.ROUNDING_NOTE);
        Vintage vintage = planners(in);
        footnotes.add(vintage.plainWords());
        reviewNote(in).ifPresent(footnotes::add);
        return new Report(title(in.cityName(), in.end(), in.cadence()), in.end().toString(), in.cadence(), label,
            headlines(), sections, vintage, footnotes);
    }

    /**
     * The vintage planners read, in plain words: how far the data reach, the release, when generated — no internal
     * table names or Delta versions (those go to the workbook's 说明 sheet and gold/publications only).
     */
    static Vintage planners(ReportInput in) {
        Vintage v = in.vintage();
        return v.with(v.dataThrough().isBlank() ? ChineseDates.month(in.end()) : v.dataThrough(), v.release())
            .forPlanners();
    }

    /**
     * 附注 on the 数据审核 questions still open: "本期数据审核尚有5条待核实问题（涉及崆峒区、华亭市），相关数据可能修订。"
     * — the counties by code, "全市汇总数据" for questions about a whole dataset; nothing when none is open. The figures
     * themselves stay as reported: a flag is a question, not a correction.
     */
    static Optional<String> reviewNote(ReportInput in) {
        if (in.openFlags().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> counties = new java.util.TreeMap<>();
        boolean citywide = false;
        for (ReportInput.OpenFlag f : in.openFlags()) {
            if (f.regionCode() == null || f.regionCode().isBlank() || f.regionCode().equals(in.cityCode())
                || f.regionName() == null || f.regionName().isBlank()) {
                citywide = true;
            } else {
                counties.put(f.regionCode(), f.regionName());
            }
        }
        String where = String.join("、", counties.values())
            + (citywide ? (counties.isEmpty() ? "" : "和") + "全市汇总数据" : "");
        return Optional.of("本期数据审核尚有" + in.openFlags().size() + "条待核实问题（涉及" + where + "），相关数据可能修订。");
    }

    // ---------------------------------------------------------------- 要点

    /**
     * 要点: three to five lines a leader reads first. Each cadence leads with its own: the month its 1—N月 and the change
     * against the previous 1—N月; the quarter its own quarter against the previous one and the rank changes; the half
     * year 时间过半、任务过半; the year its 考核 result.
     */
    private Section summary(List<ReportTable> assessment) {
        List<String> s = new ArrayList<>();
        switch (in.cadence()) {
            case "quarter" -> {
                quarterLead().ifPresent(s::add);
                narrative.rankChanges(IVA_REAL).ifPresent(s::add);
            }
            case "half" -> {
                s.add(halfwayLead());
                industryLine().ifPresent(s::add);
            }
            case "year" -> {
                assessmentLead(assessment).ifPresent(s::add);
                industryLine().ifPresent(s::add);
            }
            default -> industryLine().ifPresent(s::add);
        }
        fiscalLine().ifPresent(s::add);
        investmentLine().ifPresent(s::add);
        if (!"half".equals(in.cadence())) {
            targetsLine().ifPresent(s::add);
        }
        // five lines at most, and the 需关注 line is never the one cut
        Optional<String> attention = attentionLine();
        List<String> lines = new ArrayList<>(s.stream().limit(attention.isPresent() ? 4 : 5).toList());
        attention.ifPresent(lines::add);
        return new Section("summary", "要点", lines, List.of(), List.of());
    }

    /** "1—12月，全市规上工业增加值同比增长7.0%，较1—11月加快0.2个百分点，12月当月增长8.6%；3个县（市、区）增速高于全市。" */
    private Optional<String> industryLine() {
        Optional<Figure> f = city(IVA_REAL).filter(c -> c.yoyPct() != null);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        double c = Narrative.printed(f.get().yoyPct());
        StringBuilder s = new StringBuilder("工业：").append(label).append("，全市规上工业增加值同比")
            .append(Sentences.growthWord(f.get().yoyPct()));
        narrative.changeClause(IVA_REAL, f.get().yoyPct()).ifPresent(x -> s.append('，').append(x));
        narrative.periodClause(f.get()).ifPresent(x -> s.append('，').append(x));
        long above = narrative.withGrowth(IVA_REAL).stream().filter(x -> Narrative.printed(x.yoyPct()) > c).count();
        s.append('；').append(above).append(Narrative.COUNTIES).append("增速高于全市平均水平。");
        return Optional.of(s.toString());
    }

    /** 季通报's lead: "四季度，全市规上工业增加值当季增长8.1%，较三季度加快0.6个百分点；全年累计增长7.0%。" */
    private Optional<String> quarterLead() {
        Optional<Figure> f = city(IVA_REAL).filter(c -> c.yoyPct() != null);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        int m = in.end().getMonthValue();
        StringBuilder s = new StringBuilder("工业：");
        Double quarter = f.get().yoyPeriodPct();
        if (m > 3 && quarter != null) {
            s.append(Narrative.quarterName(m)).append("，全市规上工业增加值当季同比").append(Sentences.growthWord(quarter));
            Double before = narrative.growthOver(IVA_REAL, in.end().minusMonths(3), 3);
            if (before != null) {
                s.append('，').append(Sentences.change(quarter, before, Narrative.quarterName(m - 3)));
            }
            s.append("；").append(Narrative.cumLabel(in.end())).append("累计").append(Sentences.growthWord(f.get().yoyPct()));
        } else {
            s.append(label).append("，全市规上工业增加值同比").append(Sentences.growthWord(f.get().yoyPct()));
        }
        return Optional.of(s.append('。').toString());
    }

    private Optional<String> fiscalLine() {
        List<String> parts = new ArrayList<>();
        city("tax_total").filter(f -> f.yoyPct() != null && f.value() != null).ifPresent(f -> parts.add(
            "税收收入（全口径）" + Narrative.yi(f.value()) + "，" + yoyWords(f.yoyPct())
                + narrative.changeClause("tax_total", f.yoyPct()).map(c -> "，" + c).orElse("")));
        city("budget_revenue").filter(f -> f.yoyPct() != null && f.value() != null).ifPresent(f -> parts.add(
            "一般公共预算收入" + Narrative.yi(f.value()) + "，" + yoyWords(f.yoyPct())
                + narrative.changeClause("budget_revenue", f.yoyPct()).map(c -> "，" + c).orElse("")));
        return parts.isEmpty() ? Optional.empty() : Optional.of("财税：" + String.join("；", parts) + "。");
    }

    private Optional<String> investmentLine() {
        List<String> parts = new ArrayList<>();
        city("fai").filter(f -> f.yoyPct() != null).ifPresent(f -> parts.add("固定资产投资同比"
            + Sentences.growthWord(f.yoyPct()) + narrative.changeClause("fai", f.yoyPct()).map(c -> "，" + c).orElse("")));
        city("fai_industry").filter(f -> f.yoyPct() != null).ifPresent(f -> parts.add("工业投资"
            + Sentences.growthWord(f.yoyPct())));
        city("attraction_funds").filter(f -> f.yoyPct() != null && f.value() != null).ifPresent(f -> parts.add(
            "招商引资到位资金" + Narrative.yi(f.value()) + "，" + Sentences.growthWord(f.yoyPct())));
        return parts.isEmpty() ? Optional.empty() : Optional.of("投资：" + String.join("；", parts) + "。");
    }

    /** "目标：全市5项年度目标中，3项快于序时进度，2项慢于序时进度（招商引资到位资金、新增规上企业数）。" */
    private Optional<String> targetsLine() {
        List<String> ok = new ArrayList<>();
        List<String> short_ = new ArrayList<>();
        for (Map<String, Object> r : in.mart(TARGETS)) {
            if (!"全市".equals(r.get("unit_type"))) {
                continue;
            }
            Boolean met = met(r, elapsed);
            if (met != null) {
                (met ? ok : short_).add(strip((String) r.get("indicator")));
            }
        }
        if (ok.isEmpty() && short_.isEmpty()) {
            return Optional.empty();
        }
        boolean yearEnd = elapsed >= 100;
        String good = yearEnd ? "完成年度目标" : "达到序时进度";
        String bad = yearEnd ? "未完成" : "滞后";
        int all = ok.size() + short_.size();
        if (short_.isEmpty()) {
            return Optional.of("目标：全市" + all + "项年度目标" + (all > 1 ? "均" : "") + (yearEnd ? "已完成" : "达到序时进度")
                + "。");
        }
        return Optional.of("目标：全市" + all + "项年度目标中，" + (ok.isEmpty() ? "" : ok.size() + "项" + good + "，")
            + short_.size() + "项" + bad + "（" + String.join("、", short_) + "）" + "。");
    }

    /**
     * Whether a target row has reached {@code threshold} (% of the year's target; growth targets: growth at least the
     * target), compared as printed; null when there is nothing to compare.
     */
    private static Boolean met(Map<String, Object> r, double threshold) {
        Double target = num(r, "target");
        Double actual = num(r, "actual");
        if ("%".equals(r.get("unit"))) {
            return target == null || actual == null ? null : Sentences.printedGap(actual, target).signum() >= 0;
        }
        Double completion = num(r, "completion_pct");
        return completion == null ? null : Sentences.printedGap(completion, threshold).signum() >= 0;
    }

    /** "需关注：…" in one line: the kinds of warning, with who. */
    private Optional<String> attentionLine() {
        List<Narrative.Warning> w = narrative.warnings(elapsed);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        Map<String, java.util.Set<String>> kinds = new LinkedHashMap<>();
        w.forEach(x -> kinds.computeIfAbsent(x.kind(), k -> new java.util.LinkedHashSet<>()).addAll(x.who()));
        List<String> parts = new ArrayList<>();
        kinds.forEach((k, who) -> {
            List<String> w2 = new ArrayList<>(who);
            String names = w2.size() > 2 ? w2.get(0) + "等" + w2.size() + (k.equals("base") ? "项" : Narrative.COUNTIES)
                : String.join("、", w2);
            parts.add(switch (k) {
                case "target" -> names + (elapsed >= 100 ? "有年度目标未完成" : "有目标进度滞后");
                case "tax" -> names + "工业增长而工业税收下降";
                case "profit" -> names + "利润总额下降";
                default -> names + "高增长来自低基数";
            });
        });
        return Optional.of("需关注：" + String.join("，", parts) + "（详见“需关注的问题”）。");
    }

    // ---------------------------------------------------------------- 半年评

    private String halfwayLead() {
        boolean half = in.end().getMonthValue() == 6;
        List<String> reached = new ArrayList<>();
        List<String> notReached = new ArrayList<>();
        for (Map<String, Object> r : in.mart(TARGETS)) {
            if (!"全市".equals(r.get("unit_type"))) {
                continue;
            }
            Boolean met = met(r, elapsed);
            if (met == null) {
                continue;
            }
            (met ? reached : notReached).add(strip((String) r.get("indicator")) + leadText(r));
        }
        String head = half ? "时间过半、任务过半：" : "全年目标任务：";
        String yes = half ? "完成过半" : "完成年度目标";
        String no = half ? "未过半" : "未完成";
        if (reached.isEmpty() && notReached.isEmpty()) {
            return head + "本期无可比较的年度目标。";
        }
        return head + "全市" + (reached.size() + notReached.size()) + "项年度目标中，" + reached.size() + "项" + yes
            + (reached.isEmpty() ? "" : "（" + String.join("、", reached) + "）")
            + (notReached.isEmpty() ? "" : "，" + notReached.size() + "项" + no + "（" + String.join("、", notReached) + "）")
            + "。";
    }

    /** "完成52.3%" for an amount, "增长5.2%（目标6.0%）" for a growth target: how a 要点 line lists a target. */
    private static String leadText(Map<String, Object> r) {
        if ("%".equals(r.get("unit"))) {
            Double a = num(r, "actual");
            Double t = num(r, "target");
            return (a == null ? "暂无增速" : Sentences.growthWord(a)) + (t == null ? "" : "（目标" + Narrative.pct(t) + "）");
        }
        return targetValueText(r);
    }

    /** "完成52.3%" for an amount, "增长5.2%，目标6.0%" for a growth target. */
    private static String targetValueText(Map<String, Object> r) {
        if ("%".equals(r.get("unit"))) {
            Double a = num(r, "actual");
            Double t = num(r, "target");
            return (a == null ? "暂无增速" : Sentences.growthWord(a)) + (t == null ? "" : "，目标" + Narrative.pct(t));
        }
        Double c = num(r, "completion_pct");
        return c == null ? "无完成数" : "完成" + Precision.PERCENT.text(c) + "%";
    }

    /**
     * 半年评's own section: every target of the city against 50% (at June; 100% at December), and the counties that
     * reached it and those that did not, with their completion.
     */
    private Section halfway() {
        boolean half = in.end().getMonthValue() == 6;
        String threshold = half ? "过半" : "完成";
        List<String> s = new ArrayList<>();
        Map<String, List<Map<String, Object>>> byIndicator = new LinkedHashMap<>();
        for (Map<String, Object> r : in.mart(TARGETS)) {
            if ("县区".equals(r.get("unit_type"))) {
                byIndicator.computeIfAbsent((String) r.get("indicator"), k -> new ArrayList<>()).add(r);
            }
        }
        // the city's targets first, then the targets only the counties have: every county is named
        Map<String, Map<String, Object>> cityRows = new LinkedHashMap<>();
        for (Map<String, Object> c : in.mart(TARGETS)) {
            if ("全市".equals(c.get("unit_type"))) {
                cityRows.putIfAbsent((String) c.get("indicator"), c);
            }
        }
        java.util.Set<String> indicators = new java.util.LinkedHashSet<>(cityRows.keySet());
        indicators.addAll(byIndicator.keySet());
        for (String indicator : indicators) {
            StringBuilder t = new StringBuilder(strip(indicator)).append("：");
            Map<String, Object> c = cityRows.get(indicator);
            if (c != null) {
                t.append("全市").append(targetValueText(c));
                Boolean met = met(c, elapsed);
                if (met != null) {
                    t.append("，").append(met ? (half ? "完成过半" : "完成年度目标") : (half ? "未过半" : "未完成"));
                }
            }
            List<String> yes = new ArrayList<>();
            List<String> no = new ArrayList<>();
            for (Map<String, Object> r : byIndicator.getOrDefault(indicator, List.of())) {
                Boolean m = met(r, elapsed);
                if (m == null) {
                    continue;
                }
                if (m) {
                    yes.add(r.get("unit_name") + "（" + targetValueText(r) + "）");
                } else {
                    // who is short says by how much, as 需关注 does
                    no.add(r.get("unit_name") + "（" + Narrative.behindText(r, elapsed).orElse(targetValueText(r)) + "）");
                }
            }
            List<String> parts = new ArrayList<>();
            if (!yes.isEmpty()) {
                parts.add(threshold + "的有" + String.join("、", yes));
            }
            if (!no.isEmpty()) {
                parts.add("未" + (half ? "过半" : "完成") + "的有" + String.join("、", no));
            }
            if (c == null && parts.isEmpty()) {
                continue;
            }
            t.append(c == null ? "" : parts.isEmpty() ? "" : "；").append(String.join("；", parts));
            s.add(t.append("。").toString());
        }
        String title = half ? "时间过半、任务过半" : "全年目标任务完成情况";
        s.add(0, half ? "截至6月末，时间进度过半（50.0%），各项年度目标完成情况如下（增速目标以增速是否达到目标计）："
            : "截至12月末，各项年度目标完成情况如下（增速目标以增速是否达到目标计）：");
        return new Section("halfway", title, s, List.of(), List.of());
    }

    // ---------------------------------------------------------------- 年度考

    /**
     * The 考核 table of the year report: each county's score per indicator of {@link ReportInput#assessment()} and in
     * total, and its 位次 by the printed total; the rule printed under the table. A county with a withheld figure in
     * any scored indicator gets no total (a score would reveal the figure's place).
     */
    private Optional<Section> assessment() {
        List<ReportInput.AssessmentRule> rules = in.assessment();
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        List<Figure> counties = in.figures().stream().filter(f -> "county".equals(f.level()))
            .collect(java.util.stream.Collectors.toMap(Figure::region, f -> f, (a, b) -> a, java.util.TreeMap::new))
            .values().stream().toList();
        List<String> regions = counties.stream().map(Figure::region).toList();
        Map<String, String> names = new LinkedHashMap<>();
        counties.forEach(f -> names.put(f.region(), f.regionName()));
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        Map<String, Boolean> withheld = new HashMap<>();
        regions.forEach(r -> scores.put(r, new LinkedHashMap<>()));
        for (ReportInput.AssessmentRule rule : rules) {
            if ("rank".equals(rule.rule())) {
                Map<String, Integer> ranks = narrative.growthRanks(rule.indicator());
                int n = ranks.size();
                for (String r : regions) {
                    Figure f = figure(r, rule.indicator());
                    if (f != null && f.withheld()) {
                        withheld.put(r, true);
                    } else if (ranks.containsKey(r)) {
                        scores.get(r).put(rule.indicator(), rule.weight() * (n - ranks.get(r) + 1) / n);
                    } else {
                        scores.get(r).put(rule.indicator(), 0.0);
                    }
                }
            } else {
                for (String r : regions) {
                    Map<String, Object> row = in.mart(TARGETS).stream().filter(x -> "县区".equals(x.get("unit_type"))
                        && names.get(r).equals(x.get("unit_name")) && rule.indicator().equals(x.get("indicator")))
                        .findFirst().orElse(null);
                    if (row != null && (WITHHELD.equals(row.get("actual")) || WITHHELD.equals(row.get("completion_pct")))) {
                        withheld.put(r, true);
                        continue;
                    }
                    scores.get(r).put(rule.indicator(), row == null ? 0.0 : rule.weight() * completionShare(row));
                }
            }
        }
        // the total is the sum of the printed scores, so a pencil adds up the row
        Map<String, Double> totals = new LinkedHashMap<>();
        for (String r : regions) {
            if (!withheld.getOrDefault(r, false)) {
                totals.put(r, scores.get(r).values().stream().mapToDouble(v -> Precision.PERCENT.rounded(v)).sum());
            }
        }
        List<String> ranked = new ArrayList<>(totals.keySet());
        Integer[] rk = Ranks.of(ranked.stream().map(totals::get).toArray(Double[]::new), Precision.PERCENT);
        Map<String, Integer> rankOf = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            rankOf.put(ranked.get(i), rk[i]);
        }
        List<Column> cols = new ArrayList<>();
        cols.add(Column.text("地区"));
        for (ReportInput.AssessmentRule rule : rules) {
            cols.add(Column.number(rule.name() + "（" + Sentences.fixed(rule.weight(), 0) + "分）", 1));
        }
        cols.add(Column.number("总分", 1));
        cols.add(Column.number("位次", 0));
        List<String> order = new ArrayList<>(regions);
        order.sort(Comparator.comparing((String r) -> rankOf.getOrDefault(r, Integer.MAX_VALUE)).thenComparing(r -> r));
        List<List<Cell>> rows = new ArrayList<>();
        for (String r : order) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(names.get(r)));
            boolean w = withheld.getOrDefault(r, false);
            for (ReportInput.AssessmentRule rule : rules) {
                Double v = scores.get(r).get(rule.indicator());
                row.add(v == null ? (w ? Cell.withheldCell() : Cell.empty()) : Cell.number(Precision.PERCENT.rounded(v)));
            }
            row.add(w ? Cell.withheldCell() : Cell.number(totals.get(r)));
            row.add(w ? Cell.withheldCell() : Cell.number(rankOf.get(r).doubleValue()));
            rows.add(row);
        }
        List<String> notes = new ArrayList<>();
        notes.add("考核规则：总分100分，各项权重见表头。增速类指标按公布增速在各县（市、区）中排位计分，"
            + "得分 = 权重 ×（参评县数 − 位次 + 1）÷ 参评县数，增速相同的位次并列、得分相同，无增速的不得分；目标类指标得分 = "
            + "权重 × 完成率（增速目标为实际增速 ÷ 目标增速），最高为权重，最低为0，未下达目标的不得分。各项得分保留一位小数，"
            + "总分为各项得分之和，按总分排位次。");
        if (withheld.containsValue(true)) {
            notes.add("计分指标数据依据《统计法》不予公布的县（市、区），相应得分、总分和位次不予公布（“…”）。");
        }
        ReportTable t = new ReportTable("assessment", in.end().getYear() + "年度县域经济发展考核得分", cols, rows, notes);
        List<String> s = new ArrayList<>();
        s.add("按年度考核办法，对" + regions.size() + Narrative.COUNTIES + "的" + rules.size() + "项指标计分，结果见下表。");
        return Optional.of(new Section("assessment", "年度考核", s, List.of(), List.of(t)));
    }

    /** Completion as a share of 1 for a target row: completion ÷ 100, or growth ÷ target; within [0, 1]. */
    private static double completionShare(Map<String, Object> r) {
        double share;
        if ("%".equals(r.get("unit"))) {
            Double a = num(r, "actual");
            Double t = num(r, "target");
            if (a == null || t == null) {
                return 0;
            }
            double pa = Narrative.printed(a);
            double pt = Narrative.printed(t);
            share = pt <= 0 ? (pa >= pt ? 1 : 0) : pa / pt;
        } else {
            Double c = num(r, "completion_pct");
            share = c == null ? 0 : Precision.PERCENT.rounded(c) / 100;
        }
        return Math.max(0, Math.min(1, share));
    }

    /** "年度考核：崇信县得分最高（88.5分），华亭市、崆峒区分列第二、三位；静宁县得分最低（52.0分）。" */
    private Optional<String> assessmentLead(List<ReportTable> tables) {
        if (tables.isEmpty()) {
            return Optional.empty();
        }
        ReportTable t = tables.get(0);
        int total = t.columns().size() - 2;
        List<List<Cell>> ranked = t.rows().stream().filter(r -> r.get(total).number() != null).toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        List<String> top = ranked.stream().filter(r -> r.get(total + 1).number() == 1.0)
            .map(r -> r.get(0).text()).toList();
        String topScore = Precision.PERCENT.text(ranked.get(0).get(total).number());
        List<Cell> last = ranked.get(ranked.size() - 1);
        StringBuilder s = new StringBuilder("年度考核：").append(String.join("、", top)).append(top.size() > 1 ? "并列" : "")
            .append("得分最高（").append(topScore).append("分）");
        if (last.get(total + 1).number() > 1) {
            s.append("，").append(last.get(0).text()).append("得分最低（")
                .append(Precision.PERCENT.text(last.get(total).number())).append("分）");
        }
        return Optional.of(s.append("。").toString());
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

    /** "同比增长5.2%", "同比下降3.4%", "与上年同期持平". */
    private static String yoyWords(double yoy) {
        String w = Sentences.growthWord(yoy);
        return "持平".equals(w) ? "与上年同期持平" : "同比" + w;
    }

    private static String growthNote(Double yoy) {
        return yoy == null ? "" : (yoy >= 0 ? "同比增长" : "同比下降") + Sentences.oneDecimal(Math.abs(yoy)) + "%";
    }

    // ---------------------------------------------------------------- sections

    private Section industry() {
        List<String> s = new ArrayList<>();
        narrative.citySentence(IVA_REAL, "规上工业增加值", IVA).ifPresent(s::add);
        s.addAll(narrative.grouped(IVA_REAL, "规上工业增加值"));
        narrative.contributors(IVA_REAL).ifPresent(s::add);
        narrative.rankChanges(IVA_REAL).ifPresent(s::add);
        topShare(IVA).ifPresent(f -> s.add(Sentences.share(ShareFigure.county(label, f.regionName(), "规上工业增加值",
            new Quantity(f.value() / 10000, 2, "亿元"), f.sharePct(), f.rank(), counties(IVA).size()))));
        city("profit").filter(f -> f.yoyPct() != null && f.value() != null && !f.withheld()).ifPresent(f -> s.add(
            label + "，全市规上工业企业实现利润总额" + Narrative.yi(f.value()) + "，" + yoyWords(f.yoyPct())
                + city("revenue").filter(r -> r.yoyPct() != null && r.value() != null && !r.withheld())
                    .map(r -> "；营业收入" + Narrative.yi(r.value()) + "，" + yoyWords(r.yoyPct())).orElse("")
                + "。"));
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
        narrative.citySentence("tax_total", "税收收入（全口径）", "tax_total").ifPresent(s::add);
        narrative.citySentence("budget_revenue", "一般公共预算收入", "budget_revenue").ifPresent(s::add);
        s.addAll(narrative.grouped("tax_total", "税收收入"));
        for (Map<String, Object> r : in.mart(FISCAL)) {
            if ("city".equals(r.get("region_level"))) {
                Double share = num(r, "industry_share_of_tax_pct");
                s.add(Sentences.fiscal(new FiscalFigure(label, fiscalScope(r), share,
                    num(r, "industry_local_share_of_budget_pct"), num(r, "tax_per_100_yuan_va"),
                    share == null ? "无税收数据" : null)));
            }
        }
        in.mart(FISCAL).stream().filter(r -> isCounty(r) && num(r, "industry_share_of_tax_pct") != null)
            .max(Comparator.comparingDouble(r -> num(r, "industry_share_of_tax_pct")))
            .ifPresent(r -> s.add("工业税收占比最高的是" + r.get("region_name") + "（"
                + Sentences.oneDecimal(num(r, "industry_share_of_tax_pct")) + "%），各县（市、区）情况见表。"));
        List<ChartRef> charts = List.of(
            new ChartRef(ReportCharts.TAX_BY_TYPE, "各县（市、区）税收收入结构：分税种（" + label + "，亿元）"),
            new ChartRef(ReportCharts.TAX_BY_SECTION, "各县（市、区）税收收入结构：分行业门类（" + label + "，亿元）"),
            new ChartRef(ReportCharts.FISCAL, "工业对税收和一般公共预算收入的贡献（" + label + "）"));
        List<ReportTable> tables = new ArrayList<>();
        tables.add(comparisonTable("fiscal_growth", "各县（市、区）税收和一般公共预算收入（" + label + "）",
            List.of(new Measure("tax_total", "税收收入"), new Measure("tax_industry", "工业税收"),
                new Measure("budget_revenue", "一般公共预算收入"))));
        tables.add(martTable(FISCAL, "工业财税贡献（" + label + "）", List.of(
            new MartColumn("region_name", "地区", -1), MartColumn.yi("tax_total_cum", "税收收入"),
            MartColumn.yi("tax_industry_cum", "工业税收"),
            new MartColumn("industry_share_of_tax_pct", "工业税收占税收比重（%）", 1),
            MartColumn.yi("budget_revenue_cum", "一般公共预算收入"),
            new MartColumn("industry_local_share_of_budget_pct", "工业地方级税收占一般公共预算收入比重（%）", 1),
            new MartColumn("tax_per_100_yuan_va", "百元增加值税收（元）", 2),
            new MartColumn("top_tax_type", "第一大税种", -1),
            new MartColumn("top_tax_type_share_pct", "第一大税种占比（%）", 1),
            new MartColumn("hhi_industry", HHI_HEADER, 3)), r -> true, fiscalNotes()));
        return new Section("fiscal", "财税收入", s, charts, tables);
    }

    /** The heading of the concentration column: planners read Chinese, and the scale is said. */
    static final String HHI_HEADER = "行业集中度（赫芬达尔指数，0—1）";
    static final String HHI_NOTE = "行业集中度为赫芬达尔指数：各行业大类税收占本地区税收比重（以小数计）的平方和，取值0—1；"
        + "越接近1，税收越集中于少数行业（税收收入结构单一），n个行业平均分布时为1/n。";

    /** Under the fiscal contribution table: what its first row covers (when not the whole city) and the index. */
    private String[] fiscalNotes() {
        boolean countiesOnly = in.mart(FISCAL).stream().anyMatch(r -> "city".equals(r.get("region_level"))
            && COUNTIES_ONLY.equals(fiscalScope(r)));
        return countiesOnly ? new String[] {COUNTIES_ONLY + "为有税收数据的县（市、区）之和，与工业地方级税收占比同口径；"
            + "全市合计（含市本级）见各县（市、区）税收和一般公共预算收入表。", HHI_NOTE} : new String[] {HHI_NOTE};
    }

    /**
     * Who the city row of gold/fiscal_contribution covers, as its label: "全市" when 市本级 is in it, else
     * "各县（市、区）合计（不含市本级）" — so "全市一般公共预算收入" never carries two figures.
     */
    static String fiscalScope(Map<String, Object> r) {
        Object coverage = r.get("coverage");
        return coverage != null && coverage.toString().contains("不含市本级") ? COUNTIES_ONLY : GrowthFigure.CITY;
    }

    static final String COUNTIES_ONLY = "各县（市、区）合计（不含市本级）";

    private Section investment() {
        List<String> s = new ArrayList<>();
        narrative.citySentence("fai", "固定资产投资", null).ifPresent(s::add);
        s.addAll(narrative.grouped("fai", "固定资产投资"));
        narrative.citySentence("fai_industry", "工业投资", null).ifPresent(s::add);
        narrative.citySentence("attraction_funds", "招商引资到位资金", "attraction_funds").ifPresent(s::add);
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
            new MartColumn("contracts", "签约项目数（个）", 0), MartColumn.yi("signed_amount", "签约额"),
            MartColumn.yi("funds_in_place", "到位资金")), r -> "city".equals(r.get("region_level"))));
        return new Section("investment", "投资和招商引资", s, charts, tables);
    }

    /** The city's targets as sentences: growth against its target, amounts against 序时进度 or, at the year end, completion. */
    private List<String> cityTargets() {
        List<String> s = new ArrayList<>();
        for (Map<String, Object> r : in.mart(TARGETS)) {
            if (!"全市".equals(r.get("unit_type"))) {
                continue;
            }
            String indicator = (String) r.get("indicator");
            Double target = num(r, "target");
            Double actual = num(r, "actual");
            if ("%".equals(r.get("unit")) && target != null) {
                s.add(Sentences.growthTarget(new GrowthTargetFigure(label, GrowthFigure.CITY, strip(indicator), actual,
                    target, actual == null ? "暂无实际增速" : null)));
            } else {
                Double completion = num(r, "completion_pct");
                Quantity shortfall = target != null && actual != null && target > actual
                    ? shortfall(target, actual, String.valueOf(r.get("unit"))) : null;
                s.add(Sentences.target(new TargetFigure(label, GrowthFigure.CITY, indicator, completion, elapsed,
                    completion == null ? "未下达年度目标" : null, shortfall)));
            }
        }
        return s;
    }

    /**
     * The city's shortfall in the unit its row of the targets table prints — money in 亿元, counts as integers — as the
     * printed target less the printed actual.
     */
    private static Quantity shortfall(double target, double actual, String unit) {
        if (Money.WAN.equals(unit)) {
            return Money.gap(target, actual, Money.YI);
        }
        Precision p = Precision.ofUnit(unit);
        return new Quantity(p.round(target).subtract(p.round(actual)).doubleValue(), p.decimals(), unit);
    }

    /** The unit a target row prints its money in: 亿元 for the city's, 万元 for any unit below it; others as they are. */
    private static String printedUnit(Map<String, Object> r) {
        String unit = String.valueOf(r.get("unit"));
        return Money.WAN.equals(unit) && "全市".equals(r.get("unit_type")) ? Money.YI : unit;
    }

    private Section targets() {
        List<String> s = new ArrayList<>(cityTargets());
        List<ChartRef> charts = new ArrayList<>();
        for (String indicator : ReportCharts.bulletIndicators(in)) {
            charts.add(new ChartRef(ReportCharts.bulletName(indicator), "各县（市、区）" + indicator + "完成进度与序时进度（"
                + label + "）"));
        }
        List<ReportTable> tables = List.of(targetTable());
        return new Section("targets", "目标任务", s, charts, tables);
    }

    /**
     * The targets table: 位次 by the indicator itself — a growth target by the growth, an amount by its completion rate
     * — among the units of one type, as printed (ties share a 位次); the gap to target or 序时进度 beside it; no 位次 for
     * 全市.
     */
    private ReportTable targetTable() {
        List<Map<String, Object>> rows = in.mart(TARGETS);
        Map<Integer, Integer> rank = new HashMap<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            if (!"全市".equals(r.get("unit_type"))) {
                groups.computeIfAbsent(r.get("unit_type") + "|" + r.get("indicator"), k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> g : groups.values()) {
            Double[] v = g.stream().map(i -> rankValue(rows.get(i))).toArray(Double[]::new);
            Integer[] r = Ranks.of(v, Precision.PERCENT);
            for (int k = 0; k < g.size(); k++) {
                if (r[k] != null) {
                    rank.put(g.get(k), r[k]);
                }
            }
        }
        String lastColumn = elapsed >= 100 ? "与目标差距（百分点）" : "快于（慢于）序时进度（百分点）";
        List<Column> cols = List.of(Column.text("考核对象"), Column.text("单位"), Column.text("指标"), Column.text("计量单位"),
            Column.number("年度目标", 1), Column.number("完成", 1), Column.number("完成率（%）", 1),
            Column.number("序时进度（%）", 1), Column.number(lastColumn, 1), Column.text("状态"),
            Column.number("位次", 0));
        List<List<Cell>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            boolean growth = "%".equals(r.get("unit"));
            Double completion = num(r, "completion_pct");
            Cell gap;
            if (growth) {
                Double a = num(r, "actual");
                Double t = num(r, "target");
                gap = a == null || t == null ? martCell(r.get("gap_pp"))
                    : Cell.number(Sentences.printedGap(a, t).doubleValue());
            } else if (completion != null) {
                gap = Cell.number(Sentences.printedGap(completion, elapsed >= 100 ? 100 : elapsed).doubleValue());
            } else {
                gap = martCell(r.get("ahead_pp"));
            }
            Integer k = rank.get(i);
            out.add(List.of(martCell(r.get("unit_type")), Cell.text(String.valueOf(r.get("unit_name"))),
                martCell(r.get("indicator")), Cell.text(printedUnit(r)), inRowUnit(r, "target"),
                inRowUnit(r, "actual"), martCell(r.get("completion_pct")), martCell(r.get("time_elapsed_pct")), gap,
                martCell(r.get("status")), k == null ? Cell.empty() : Cell.number(k.doubleValue())));
        }
        return new ReportTable(TARGETS, "目标任务完成情况（" + label + "）", cols, out, notes(out,
            "位次按指标本身排列：增速目标按实际增速、总量目标按完成率，在同类考核对象中排位，数据相同的并列；"
                + (elapsed >= 100 ? "“与目标差距”为增速减目标增速或完成率减100%" : "“快于（慢于）序时进度”为完成率减序时进度、"
                + "增速目标为增速减目标增速") + "，按表中公布的数据计算；全市不排位次。"));
    }

    /**
     * A figure in its row's own unit, in a column of mixed units: a count (户, 个, 项) prints as a count ("3", not
     * "3.0"), money in the row's printed unit (the city's in 亿元, a county's in 万元) with publish/Precision's two
     * decimals — the figures the sentences' shortfalls are the difference of; % as the column prints it.
     */
    private static Cell inRowUnit(Map<String, Object> r, String column) {
        Object v = r.get(column);
        if (!(v instanceof Number n)) {
            return martCell(v);
        }
        String unit = printedUnit(r);
        if (Money.YI.equals(unit) || Money.WAN.equals(unit)) {
            return Cell.text(Money.printed(n.doubleValue(), unit).toPlainString());
        }
        return Precision.ofUnit(unit) == Precision.COUNT ? Cell.text(Precision.COUNT.text(n.doubleValue())) : martCell(v);
    }

    /** What a target row is ranked by: growth for a growth target, completion for an amount; null when withheld. */
    private static Double rankValue(Map<String, Object> r) {
        return "%".equals(r.get("unit")) ? num(r, "actual") : num(r, "completion_pct");
    }

    /** 需关注: what a leader must act on, each with its number. */
    private Optional<Section> attention() {
        List<Narrative.Warning> w = narrative.warnings(elapsed);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section("attention", "需关注的问题", w.stream().map(Narrative.Warning::text).toList(),
            List.of(), List.of()));
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
                Cell.text(o.fromModel() ? modelName(o.model()) : modelName(o.model()) + "：" + o.caveat())));
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

    /** Chinese names of the forecast models (gold/forecast names them in ASCII). */
    private static final Map<String, String> MODEL_NAMES = Map.of(
        "tramo", "季节ARIMA（TRAMO）", "local-level", "局部水平模型", "recent-mean", "近期均值",
        "two-year", "两年平均推算", "two-year-half", "两年平均推算（半权）", "naive", "沿用最近一期",
        "seasonal-naive", "上年同月推算", "gbt", "梯度提升树", "combined", "组合预测", "none", "未预测");

    /**
     * A model as planners read it: "组合预测（季节ARIMA（TRAMO）、局部水平模型、两年平均推算（半权））" for
     * "combined(tramo+local-level+two-year-half)"; an unknown name is printed as it is.
     */
    static String modelName(String model) {
        if (model == null || model.isBlank()) {
            return "";
        }
        int open = model.indexOf('(');
        if (open > 0 && model.endsWith(")")) {
            List<String> members = java.util.Arrays.stream(model.substring(open + 1, model.length() - 1).split("\\+"))
                .map(m -> MODEL_NAMES.getOrDefault(m.strip(), m.strip())).toList();
            return MODEL_NAMES.getOrDefault(model.substring(0, open), model.substring(0, open)) + "（"
                + String.join("、", members) + "）";
        }
        return MODEL_NAMES.getOrDefault(model, model);
    }

    // ---------------------------------------------------------------- tables

    private ReportTable industryTable() {
        List<Column> cols = List.of(Column.text("地区"), Column.number("规上工业增加值（亿元）", 2),
            Column.number("增速（%，可比价）", 1), Column.number("增速位次", 0), Column.number("占全市比重（%）", 1),
            Column.number("规上工业企业数（个）", 0), Column.number("营业收入（亿元）", 2), Column.number("营业收入增速（%）", 1),
            Column.number("利润总额（亿元）", 2), Column.number("利润总额增速（%）", 1));
        List<List<Cell>> rows = new ArrayList<>();
        Map<String, Integer> growthRanks = narrative.growthRanks(IVA_REAL);
        for (String region : regionsInOrder()) {
            Figure iva = figure(region, IVA);
            Figure real = figure(region, IVA_REAL);
            Figure n = figure(region, "enterprises");
            Figure rev = figure(region, "revenue");
            Figure profit = figure(region, "profit");
            String name = name(region);
            Cell rank = real != null && real.withheld() ? Cell.withheldCell() : growthRanks.containsKey(region)
                ? Cell.number(growthRanks.get(region).doubleValue()) : Cell.empty();
            List<Cell> row = List.of(Cell.text(name), value(iva, 1e4), yoy(real), rank, share(iva), value(n, 1),
                value(rev, 1e4), yoy(rev), value(profit, 1e4), yoy(profit));
            // a region without industry (市本级) is no row: a blank line reads as a missing report
            if (row.stream().skip(1).anyMatch(c -> c.withheld() || c.number() != null)) {
                rows.add(row);
            }
        }
        return new ReportTable("industry", "各县（市、区）规上工业主要指标（" + label + "）", cols, rows,
            notes(rows, "增加值、营业收入、利润总额为现价；增速为可比价（增加值）或现价（营业收入、利润总额）。"
                + "增速位次按公布的增速在各县（市、区）中排列，增速相同的并列，全市不排位次。"));
    }

    private ReportTable industryStructureTable() {
        List<Column> cols = List.of(Column.text("地区"), Column.text("行业大类"), Column.number("企业数（个）", 0),
            Column.number("增加值（万元）", Precision.TEN_THOUSAND_YUAN.decimals()), Column.number("占本地区比重（%）", 1),
            Column.number("占全市该行业比重（%）", 1));
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

    /** A measure of a comparison table: its value (亿元, as the text prints the city's), growth and share per region. */
    private record Measure(String indicator, String name) {
    }

    private ReportTable comparisonTable(String id, String title, List<Measure> measures) {
        List<Column> cols = new ArrayList<>();
        cols.add(Column.text("地区"));
        for (Measure m : measures) {
            cols.add(Column.number(m.name() + "（亿元）", Precision.HUNDRED_MILLION_YUAN.decimals()));
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
                row.add(value(f, 1e4));
                row.add(yoy(f));
                row.add(share(f));
            }
            if (any) {
                rows.add(row);
            }
        }
        return new ReportTable(id, title, cols, rows, notes(rows));
    }

    /** A column of a mart table: source column, heading, decimals (-1 for text), and what gold's value is divided by. */
    private record MartColumn(String column, String header, int decimals, double divisor) {
        MartColumn(String column, String header, int decimals) {
            this(column, header, decimals, 1);
        }

        /** Money of gold (万元) printed in 亿元, as the text prints the city's. */
        static MartColumn yi(String column, String name) {
            return new MartColumn(column, name + "（亿元）", Precision.HUNDRED_MILLION_YUAN.decimals(), 1e4);
        }
    }

    private ReportTable martTable(String mart, String title, List<MartColumn> columns,
                                  java.util.function.Predicate<Map<String, Object>> keep, String... tableNotes) {
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
                    v = FISCAL.equals(mart) ? fiscalScope(r) : GrowthFigure.CITY;
                }
                if (v instanceof Number n && c.divisor() != 1) {
                    v = n.doubleValue() / c.divisor();
                }
                row.add(c.decimals() < 0 && !WITHHELD.equals(v) ? Cell.text(v == null ? "" : v.toString()) : martCell(v));
            }
            rows.add(row);
        }
        List<String> notes = notes(rows, tableNotes);
        if (notes.contains(DISCLOSURE_NOTE) && (FISCAL.equals(mart) || TAX_STRUCTURE.equals(mart))) {
            // the tax gate's own words: which rule, and whether taxpayers were counted or the 规上 register stood in
            List<String> own = in.mart(mart).stream().filter(keep).map(r -> r.get("note"))
                .filter(n -> n instanceof String t && !t.isBlank()).map(Object::toString).distinct().toList();
            if (!own.isEmpty()) {
                notes.remove(DISCLOSURE_NOTE); // the gate's note says the same, and which rule and source
                notes.addAll(own);
            }
        }
        return new ReportTable(mart, title, cols, rows, notes);
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

    private Optional<Figure> topShare(String indicator) {
        return counties(indicator).stream().filter(f -> !f.withheld() && f.sharePct() != null && f.value() != null
                && f.rank() != null)
            .max(Comparator.comparingDouble(Figure::sharePct));
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
