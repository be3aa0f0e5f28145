package org.countyscope.report;

import org.countyscope.report.ReportInput.Figure;
import org.countyscope.publish.Precision;
import org.countyscope.report.chart.CategoryColours;
import org.countyscope.report.chart.CategoryValue;
import org.countyscope.report.chart.ChartFiles;
import org.countyscope.report.chart.Charts;
import org.countyscope.report.chart.FanPoint;
import org.countyscope.report.chart.FiscalShares;
import org.countyscope.report.chart.MonthValue;
import org.countyscope.report.chart.ProjectRates;
import org.countyscope.report.chart.RankPoint;
import org.countyscope.report.chart.ScatterPoint;
import org.countyscope.report.chart.SeriesValue;
import org.countyscope.report.chart.TargetBullet;
import org.jfree.chart.JFreeChart;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws every chart a {@link ReportBuilder} report refers to, from the same {@link ReportInput}, into
 * {@code <dir>/charts/<name>.png} and {@code .svg}. Withheld figures are left out of the charts as they are of the
 * tables (a bar would give the value back).
 */
public final class ReportCharts {
    public static final String SHARE_IVA = "share_iva";
    public static final String GROWTH_IVA = "growth_iva_real";
    public static final String RANKS_IVA = "rank_iva_real";
    public static final String TAX_BY_TYPE = "tax_by_type";
    public static final String TAX_BY_SECTION = "tax_by_section";
    public static final String FISCAL = "fiscal_contribution";
    public static final String SCATTER = "fai_vs_iva";
    public static final String PROJECTS = "project_rates";
    public static final String ATTRACTION_SOURCE = "attraction_by_source";
    public static final String ATTRACTION_CHAIN = "attraction_by_chain";
    public static final String FAN_CITY = "forecast_city";
    static final int WIDTH = 900;
    /** At most this many quantity targets get a bullet chart each. */
    static final int MAX_BULLETS = 3;

    private ReportCharts() {
    }

    /** The file name of the bullet chart of one target indicator. */
    public static String bulletName(String indicator) {
        return "target_" + Integer.toHexString(indicator.hashCode());
    }

    /** The quantity-target indicators (not growth rates) with county completion figures, at most {@value #MAX_BULLETS}. */
    public static List<String> bulletIndicators(ReportInput in) {
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, Object> r : in.mart(ReportBuilder.TARGETS)) {
            if ("县区".equals(r.get("unit_type")) && r.get("completion_pct") instanceof Number && !"%".equals(r.get("unit"))) {
                out.add((String) r.get("indicator"));
            }
        }
        return out.stream().limit(MAX_BULLETS).toList();
    }

    /**
     * Writes every chart of the report; returns the number written. Every title names the period and the unit, and
     * one {@link CategoryColours} serves the whole report, so a tax type, a 门类 or a county keeps its colour from
     * chart to chart.
     */
    public static int write(ReportInput in, Path reportDir) {
        Path dir = reportDir.resolve("charts");
        String label = ReportBuilder.periodLabel(in.end(), in.cadence());
        String year = in.end().getYear() + "年";
        CategoryColours colours = new CategoryColours();
        int n = 0;
        List<CategoryValue> share = counties(in, ReportBuilder.IVA, Figure::sharePct);
        n += bars(dir, SHARE_IVA, Charts.shareOfCity("各县（市、区）规上工业增加值占全市比重（" + year + label + "，%）",
            share), share.size());
        List<CategoryValue> growth = counties(in, ReportBuilder.IVA_REAL, Figure::yoyPct);
        n += bars(dir, GROWTH_IVA, Charts.growthAgainstCity("各县（市、区）规上工业增加值增速（" + year + label + "，%）",
            growth, cityValue(in, ReportBuilder.IVA_REAL, Figure::yoyPct)), growth.size());
        n += write(dir, RANKS_IVA, Charts.rankChanges("各县（市、区）规上工业增加值累计增速位次（" + year + "）", ranks(in),
            true, colours), 480);
        n += write(dir, TAX_BY_TYPE, Charts.stacked("各县（市、区）税收收入分税种（" + year + label + "，亿元）",
            taxStructure(in, "税种"), "税收收入（亿元）", colours), 480);
        n += write(dir, TAX_BY_SECTION, Charts.stacked("各县（市、区）税收收入分行业门类（" + year + label + "，亿元）",
            taxStructure(in, "行业门类"), "税收收入（亿元）", colours), 480);
        n += write(dir, FISCAL, Charts.fiscalContribution("各县（市、区）工业财税贡献（" + year + label + "，%）", fiscal(in),
            colours), 480);
        n += write(dir, SCATTER, Charts.growthScatter("投资增速与规上工业增加值增速（" + year + label + "，%）", scatter(in),
            "固定资产投资增速（%）", "规上工业增加值增速（%）", cityValue(in, "fai", Figure::yoyPct),
            cityValue(in, ReportBuilder.IVA_REAL, Figure::yoyPct)), 520);
        n += write(dir, PROJECTS, Charts.projectRates("各县（市、区）项目开复工率和建成率（" + year + label + "，%）",
            projects(in), colours), 480);
        List<CategoryValue> source = attraction(in, "资金来源");
        n += bars(dir, ATTRACTION_SOURCE, Charts.attractionFunds("招商引资到位资金按来源（" + year + label + "，亿元）",
            source, "到位资金（亿元）"), source.size());
        List<CategoryValue> chain = attraction(in, "产业链");
        n += bars(dir, ATTRACTION_CHAIN, Charts.attractionFunds("招商引资到位资金按产业链（" + year + label + "，亿元）",
            chain, "到位资金（亿元）"), chain.size());
        for (String indicator : bulletIndicators(in)) {
            List<TargetBullet> bullets = new ArrayList<>();
            String unit = null;
            for (Map<String, Object> r : in.mart(ReportBuilder.TARGETS)) {
                if ("县区".equals(r.get("unit_type")) && indicator.equals(r.get("indicator"))) {
                    bullets.add(new TargetBullet((String) r.get("unit_name"), num(r.get("completion_pct")),
                        num(r.get("time_elapsed_pct")), num(r.get("actual")), num(r.get("target"))));
                    unit = (String) r.get("unit");
                }
            }
            // a count target (户, 个, 项) is drawn in counts: 2 of 3 firms is not a percentage to read off a bar
            JFreeChart chart = Precision.ofUnit(unit) == Precision.COUNT
                ? Charts.targetCounts(indicator + "完成情况（" + year + label + "，" + unit + "）", bullets,
                    indicator + "（" + unit + "）")
                : Charts.targetProgress(indicator + "完成进度（" + year + label + "，%）", bullets);
            n += bars(dir, bulletName(indicator), chart, bullets.size());
        }
        if (in.outlook().stream().anyMatch(o -> "city".equals(o.level()))) {
            n += write(dir, FAN_CITY, fan(in), 480);
        }
        return n;
    }

    private static JFreeChart fan(ReportInput in) {
        ReportInput.Outlook city = in.outlook().stream().filter(o -> "city".equals(o.level())).findFirst().orElseThrow();
        List<MonthValue> actual = in.forecastPath().stream().filter(p -> p.region().equals(city.region()) && p.actual())
            .map(p -> new MonthValue(p.month(), p.forecastPct())).toList();
        List<FanPoint> forecast = in.forecastPath().stream().filter(p -> p.region().equals(city.region()) && !p.actual())
            .map(p -> new FanPoint(p.month(), p.forecastPct(), p.lo80(), p.hi80(), p.lo95(), p.hi95())).toList();
        return Charts.growthPath("全市规上工业增加值累计增速及" + city.year() + "年预测（%）", actual, forecast,
            city.targetPct(), true);
    }

    private static int bars(Path dir, String name, JFreeChart chart, int categories) {
        return write(dir, name, chart, ChartFiles.heightFor(categories));
    }

    private static int write(Path dir, String name, JFreeChart chart, int height) {
        ChartFiles.write(chart, dir, name, WIDTH, height);
        return 1;
    }

    private static List<CategoryValue> counties(ReportInput in, String indicator,
                                                java.util.function.Function<Figure, Double> value) {
        return in.figures().stream().filter(f -> f.indicator().equals(indicator) && "county".equals(f.level())
                && !f.withheld())
            .map(f -> new CategoryValue(f.regionName(), value.apply(f))).toList();
    }

    private static Double cityValue(ReportInput in, String indicator, java.util.function.Function<Figure, Double> value) {
        return in.figures().stream().filter(f -> f.indicator().equals(indicator) && "city".equals(f.level()))
            .findFirst().map(value).orElse(null);
    }

    /**
     * Rank of each county's cumulative growth, 1—2月 to the period (1 = fastest), ties at the printed precision sharing
     * the better rank.
     */
    private static List<RankPoint> ranks(ReportInput in) {
        Map<YearMonth, List<ReportInput.GrowthPoint>> byMonth = new LinkedHashMap<>();
        // 1—2月 is the first published period: January alone is not ranked
        in.growthPath().stream().filter(p -> "county".equals(p.level()) && p.cumYoyPct() != null
                && (p.month().getMonthValue() != 1 || in.end().getMonthValue() == 1))
            .sorted(Comparator.comparing(ReportInput.GrowthPoint::month))
            .forEach(p -> byMonth.computeIfAbsent(p.month(), k -> new ArrayList<>()).add(p));
        List<RankPoint> out = new ArrayList<>();
        byMonth.forEach((month, points) -> {
            for (ReportInput.GrowthPoint p : points) {
                // on the printed figures, as every 位次 of the report: equal printed growth shares a place
                int rank = 1 + (int) points.stream().filter(o -> Precision.GROWTH.rounded(o.cumYoyPct())
                    > Precision.GROWTH.rounded(p.cumYoyPct())).count();
                out.add(new RankPoint(p.regionName(), month, rank));
            }
        });
        return out;
    }

    private static List<SeriesValue> taxStructure(ReportInput in, String dimension) {
        List<SeriesValue> out = new ArrayList<>();
        for (Map<String, Object> r : in.mart(ReportBuilder.TAX_STRUCTURE)) {
            if ("county".equals(r.get("region_level")) && dimension.equals(r.get("dimension"))) {
                Double v = num(r.get("tax_cum"));
                out.add(new SeriesValue((String) r.get("region_name"), (String) r.get("item"), v == null ? null : v / 1e4));
            }
        }
        return out;
    }

    private static List<FiscalShares> fiscal(ReportInput in) {
        List<FiscalShares> out = new ArrayList<>();
        for (Map<String, Object> r : in.mart(ReportBuilder.FISCAL)) {
            if ("county".equals(r.get("region_level"))) {
                out.add(new FiscalShares((String) r.get("region_name"), num(r.get("industry_share_of_tax_pct")),
                    num(r.get("industry_local_share_of_budget_pct"))));
            }
        }
        return out;
    }

    private static List<ScatterPoint> scatter(ReportInput in) {
        List<ScatterPoint> out = new ArrayList<>();
        for (Figure f : in.figures()) {
            if (f.indicator().equals("fai") && "county".equals(f.level()) && !f.withheld()) {
                in.figures().stream().filter(g -> g.region().equals(f.region())
                        && g.indicator().equals(ReportBuilder.IVA_REAL) && !g.withheld()).findFirst()
                    .ifPresent(g -> out.add(new ScatterPoint(f.regionName(), f.yoyPct(), g.yoyPct())));
            }
        }
        return out;
    }

    private static List<ProjectRates> projects(ReportInput in) {
        List<ProjectRates> out = new ArrayList<>();
        for (Map<String, Object> r : in.mart(ReportBuilder.PROJECTS)) {
            if ("county".equals(r.get("region_level"))) {
                out.add(new ProjectRates((String) r.get("region_name"), num(r.get("start_rate_pct")),
                    num(r.get("completion_rate_pct"))));
            }
        }
        return out;
    }

    private static List<CategoryValue> attraction(ReportInput in, String dimension) {
        List<CategoryValue> out = new ArrayList<>();
        for (Map<String, Object> r : in.mart(ReportBuilder.ATTRACTION)) {
            if ("city".equals(r.get("region_level")) && dimension.equals(r.get("dimension"))) {
                Double v = num(r.get("funds_in_place"));
                out.add(new CategoryValue((String) r.get("item"), v == null ? null : v / 1e4));
            }
        }
        return out;
    }

    private static Double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
