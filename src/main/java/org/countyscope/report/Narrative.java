package org.countyscope.report;

import org.countyscope.publish.Precision;
import org.countyscope.publish.Ranks;
import org.countyscope.report.ReportInput.CityPoint;
import org.countyscope.report.ReportInput.Figure;
import org.countyscope.report.ReportInput.GrowthPoint;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The analysis a 综合科 writes around the tables (统计分析): the city first (level, growth, 较上期, 当月 or 当季), the
 * counties grouped against the city, the leading contributors (贡献率, 拉动), 两年平均 where the base distorts, rank
 * changes, and what a leader must act on (需关注). Every number is a published figure or the difference of two printed
 * ones; a withheld figure is never named with a number. Pure: records in, sentences out.
 */
final class Narrative {
    /** Growth at or above this (%) is called growth on a small base, and the base is printed beside it. */
    static final double SMALL_BASE_GROWTH = 100;
    /** A gap (百分点) between 同比 and 两年平均 at least this large means the base distorts the year's growth. */
    static final double BASE_EFFECT_PP = 5;
    /** A base below this share of the city's base is a small base. */
    static final double SMALL_BASE_SHARE = 0.05;
    /** The money indicators whose growth on a small base a leader is warned of. */
    static final java.util.Set<String> SMALL_BASE_INDICATORS = java.util.Set.of("fai", "fai_industry", "tax_total",
        "tax_industry", "budget_revenue", "attraction_funds", "attraction_funds_outside", "iva");
    static final String COUNTIES = "个县（市、区）";

    private final ReportInput in;
    private final String label;
    private final Map<String, Map<YearMonth, CityPoint>> path = new HashMap<>();

    Narrative(ReportInput in, String label) {
        this.in = in;
        this.label = label;
        for (CityPoint p : in.cityPath()) {
            path.computeIfAbsent(p.indicator(), k -> new HashMap<>()).put(p.month(), p);
        }
    }

    // ---------------------------------------------------------------- periods

    /** "1—N月" of a month (the cumulative label, whatever the cadence). */
    static String cumLabel(YearMonth m) {
        return m.getMonthValue() == 1 ? "1月" : "1—" + m.getMonthValue() + "月";
    }

    /** The previous period the report compares with (较上期): null when the year has none. */
    YearMonth previous() {
        int m = in.end().getMonthValue();
        return switch (in.cadence()) {
            case "quarter" -> m > 3 ? in.end().minusMonths(3) : null;
            case "half" -> m > 6 ? in.end().minusMonths(6) : null;
            case "year" -> null;
            default -> m > 2 ? in.end().minusMonths(1) : null;
        };
    }

    /** The label of the previous period as the cadence names it: "1—11月" (月调度), "前三季度" (季通报), "上半年" (半年评). */
    String previousLabel() {
        YearMonth p = previous();
        return p == null ? null : ReportBuilder.periodLabel(p, in.cadence());
    }

    static String quarterName(int month) {
        return switch ((month + 2) / 3) {
            case 1 -> "一季度";
            case 2 -> "二季度";
            case 3 -> "三季度";
            default -> "四季度";
        };
    }

    // ---------------------------------------------------------------- the city's path

    /** The city's 1—N月 growth at month {@code m} from its path (%), or null. */
    Double cityCumGrowth(String indicator, YearMonth m) {
        return growthOver(indicator, m, m.getMonthValue());
    }

    /**
     * The city's growth over the {@code months} months ending at {@code m} (the whole 1—N月 when it is not longer):
     * comparable base for 规上工业增加值 (可比价), else the same months a year earlier.
     */
    Double growthOver(String indicator, YearMonth m, int months) {
        Map<YearMonth, CityPoint> p = path.getOrDefault(indicator, Map.of());
        Double v = span(p, m, months, CityPoint::valueCum);
        Double b;
        if (IVA_REAL.equals(indicator)) {
            b = span(p, m, months, x -> x.baseCum());
        } else {
            b = span(p, m.minusYears(1), months, CityPoint::valueCum);
        }
        return v == null || b == null || b <= 0 ? null : (v / b - 1) * 100;
    }

    private static Double span(Map<YearMonth, CityPoint> p, YearMonth m, int months,
                               Function<CityPoint, Double> f) {
        CityPoint end = p.get(m);
        Double v = end == null ? null : f.apply(end);
        if (v == null || months >= m.getMonthValue()) {
            return v;
        }
        YearMonth start = m.minusMonths(months);
        CityPoint before = p.get(start);
        Double w = before == null ? null : f.apply(before);
        return w == null ? null : v - w;
    }

    // ---------------------------------------------------------------- figures

    static final String IVA_REAL = "iva_real";

    Optional<Figure> city(String indicator) {
        return in.figures().stream().filter(f -> f.indicator().equals(indicator) && "city".equals(f.level()))
            .findFirst();
    }

    List<Figure> counties(String indicator) {
        return in.figures().stream().filter(f -> f.indicator().equals(indicator) && "county".equals(f.level()))
            .sorted(Comparator.comparing(Figure::region)).toList();
    }

    /** Published counties with a growth figure, fastest first (as printed), then by code. */
    List<Figure> withGrowth(String indicator) {
        List<Figure> out = new ArrayList<>(counties(indicator).stream()
            .filter(f -> !f.withheld() && f.yoyPct() != null).toList());
        out.sort(Comparator.comparing((Figure f) -> -printed(f.yoyPct())).thenComparing(Figure::region));
        return out;
    }

    /** Growth 位次 among the published counties, by growth as printed (ties share a 位次). */
    Map<String, Integer> growthRanks(String indicator) {
        List<Figure> fs = withGrowth(indicator);
        Integer[] r = Ranks.of(fs.stream().map(Figure::yoyPct).toArray(Double[]::new), Precision.GROWTH);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < fs.size(); i++) {
            out.put(fs.get(i).region(), r[i]);
        }
        return out;
    }

    static double printed(double v) {
        return Precision.GROWTH.rounded(v);
    }

    static String pct(double v) {
        return Precision.GROWTH.text(v) + "%";
    }

    /** A level in 亿元 for the city's money, as printed (and as its tables print it). */
    static String yi(double wanYuan) {
        return Money.text(wanYuan, Money.YI);
    }

    /** A level in 万元 for a county's money, as printed. */
    static String wan(double wanYuan) {
        return Money.text(wanYuan, Money.WAN);
    }

    // ---------------------------------------------------------------- the city first

    /**
     * The city's sentence of one indicator: "1—12月，全市规上工业增加值123.46亿元，同比增长7.0%，较1—11月加快0.2个百分点；
     * 12月当月增长8.6%。" (the level when {@code levelIndicator} has one; 当月 for the month report, 当季 for the quarter).
     */
    Optional<String> citySentence(String indicator, String name, String levelIndicator) {
        Optional<Figure> cf = city(indicator);
        if (cf.isEmpty() || cf.get().yoyPct() == null || cf.get().withheld()) {
            return Optional.empty();
        }
        Figure f = cf.get();
        StringBuilder s = new StringBuilder(label).append("，全市").append(name);
        Optional<Figure> level = levelIndicator == null ? Optional.empty() : city(levelIndicator);
        level.filter(l -> l.value() != null && !l.withheld()).ifPresent(l -> s.append(yi(l.value())).append('，'));
        s.append(Sentences.growthWord(f.yoyPct()).equals("持平") ? "与上年同期持平" : "同比" + Sentences.growthWord(f.yoyPct()));
        changeClause(indicator, f.yoyPct()).ifPresent(c -> s.append('，').append(c));
        periodClause(f).ifPresent(c -> s.append('；').append(c));
        if (f.twoYearAvgPct() != null
            && Math.abs(printed(f.yoyPct()) - printed(f.twoYearAvgPct())) >= BASE_EFFECT_PP) {
            s.append("；受上年基数影响，两年平均").append(Sentences.growthWord(f.twoYearAvgPct()));
        }
        return Optional.of(s.append('。').toString());
    }

    /** "较1—11月加快0.2个百分点" against the previous period of the cadence, when the path has it. */
    Optional<String> changeClause(String indicator, double now) {
        YearMonth p = previous();
        if (p == null) {
            return Optional.empty();
        }
        Double before = cityCumGrowth(indicator, p);
        return before == null ? Optional.empty() : Optional.of(Sentences.change(now, before, previousLabel()));
    }

    /** 当月 (月调度) or 当季 (季通报) growth of the city: "12月当月增长8.6%". */
    Optional<String> periodClause(Figure f) {
        int m = in.end().getMonthValue();
        if (f.yoyPeriodPct() == null || m <= 2) {
            return Optional.empty();
        }
        return switch (in.cadence()) {
            case "month" -> Optional.of(m + "月当月" + Sentences.growthWord(f.yoyPeriodPct()));
            case "quarter" -> m <= 3 ? Optional.empty()
                : Optional.of(quarterName(m) + "当季" + Sentences.growthWord(f.yoyPeriodPct()));
            default -> Optional.empty();
        };
    }

    // ---------------------------------------------------------------- counties grouped

    /**
     * The counties against the city: "分县（市、区）看，增速高于全市平均水平的有崇信县（7.9%）、华亭市（7.5%）2个县（市、区）；
     * 低于全市的有…；其中崇信县增速最高，高于全市0.9个百分点，静宁县、泾川县并列最低，低于全市3.0个百分点。灵台县数据不予公布。"
     */
    List<String> grouped(String indicator, String name) {
        Optional<Figure> cf = city(indicator);
        List<Figure> fs = withGrowth(indicator);
        List<String> out = new ArrayList<>();
        if (cf.isPresent() && cf.get().yoyPct() != null && !fs.isEmpty()) {
            double c = printed(cf.get().yoyPct());
            List<Figure> above = fs.stream().filter(f -> printed(f.yoyPct()) > c).toList();
            List<Figure> equal = fs.stream().filter(f -> printed(f.yoyPct()) == c).toList();
            List<Figure> below = fs.stream().filter(f -> printed(f.yoyPct()) < c).toList();
            List<String> parts = new ArrayList<>();
            if (!above.isEmpty()) {
                parts.add("高于全市平均水平的有" + list(above) + above.size() + COUNTIES);
            }
            if (!equal.isEmpty()) {
                parts.add("与全市持平的有" + list(equal));
            }
            if (!below.isEmpty()) {
                parts.add("低于全市平均水平的有" + list(below) + below.size() + COUNTIES);
            }
            StringBuilder s = new StringBuilder("分县（市、区）看，").append(name).append("增速")
                .append(String.join("；", parts)).append('。');
            if (fs.size() > 1 && printed(fs.get(0).yoyPct()) != printed(fs.get(fs.size() - 1).yoyPct())) {
                s.append("其中").append(extreme(fs, true, c)).append("；").append(extreme(fs, false, c)).append('。');
            }
            out.add(s.toString());
        }
        // withheld counties are named apart, in a sentence of their own with no number in it
        List<String> withheld = counties(indicator).stream().filter(Figure::withheld).map(Figure::regionName).toList();
        if (!withheld.isEmpty()) {
            out.add(String.join("、", withheld) + name + "数据涉及单个或少数调查对象，依据《统计法》不予公布。");
        }
        List<String> noBase = counties(indicator).stream().filter(f -> !f.withheld() && f.yoyPct() == null)
            .map(Figure::regionName).toList();
        if (!noBase.isEmpty()) {
            out.add(String.join("、", noBase) + name + "上年同期无可比数据，不计算增速。");
        }
        return out;
    }

    private static String list(List<Figure> fs) {
        return String.join("、", fs.stream().map(f -> f.regionName() + "（" + pct(f.yoyPct()) + "）").toList());
    }

    /** "崇信县增速最高，高于全市0.9个百分点" or "静宁县、泾川县并列最低，低于全市3.0个百分点". */
    private static String extreme(List<Figure> fs, boolean top, double city) {
        double v = printed((top ? fs.get(0) : fs.get(fs.size() - 1)).yoyPct());
        List<String> names = fs.stream().filter(f -> printed(f.yoyPct()) == v).map(Figure::regionName).toList();
        BigDecimal d = Sentences.printedGap(v, city);
        String gap = d.signum() == 0 ? "与全市持平"
            : (d.signum() > 0 ? "高于" : "低于") + "全市" + d.abs().toPlainString() + "个百分点";
        return String.join("、", names) + (names.size() > 1 ? "并列" : "增速") + (top ? "最高" : "最低") + "，" + gap;
    }

    // ---------------------------------------------------------------- contributions and ranks

    /** "从贡献看，华亭市贡献率为54.3%，拉动全市增长3.8个百分点；崆峒区…" for the two leading published contributors. */
    Optional<String> contributors(String indicator) {
        Optional<Figure> cf = city(indicator);
        if (cf.isEmpty() || cf.get().yoyPct() == null || printed(cf.get().yoyPct()) <= 0) {
            return Optional.empty(); // a 贡献率 of a fall or of no change reads wrong
        }
        List<Figure> fs = counties(indicator).stream()
            .filter(f -> !f.withheld() && f.contributionPct() != null && f.pullPp() != null
                && printed(f.contributionPct()) > 0)
            .sorted(Comparator.comparing((Figure f) -> -printed(f.contributionPct())).thenComparing(Figure::region))
            .limit(2).toList();
        if (fs.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Figure f : fs) {
            parts.add(f.regionName() + "贡献率为" + pct(f.contributionPct()) + "，拉动全市增长"
                + Precision.POINTS.text(f.pullPp()) + "个百分点");
        }
        return Optional.of("从对全市增长的贡献看，" + String.join("；", parts) + "。");
    }

    /**
     * Rank changes of the counties' 1—N月 growth since the previous period, from the growth path the rank chart
     * draws: "位次变化：与1—11月相比，静宁县由第5位降至第7位，崆峒区由第3位升至第2位，其余县（市、区）位次不变。"
     */
    Optional<String> rankChanges(String indicator) {
        YearMonth p = previous();
        if (p == null || !IVA_REAL.equals(indicator)) {
            return Optional.empty();
        }
        Map<String, Integer> now = growthRanks(indicator);
        List<GrowthPoint> before = in.growthPath().stream()
            .filter(g -> "county".equals(g.level()) && g.month().equals(p) && g.cumYoyPct() != null
                && now.containsKey(g.region()))
            .sorted(Comparator.comparing(GrowthPoint::region)).toList();
        if (before.size() != now.size() || now.size() < 2) {
            return Optional.empty();
        }
        Integer[] r = Ranks.of(before.stream().map(GrowthPoint::cumYoyPct).toArray(Double[]::new), Precision.GROWTH);
        Map<Integer, Integer> tiedBefore = new java.util.HashMap<>();
        for (Integer x : r) {
            tiedBefore.merge(x, 1, Integer::sum);
        }
        Map<Integer, Integer> tiedNow = new java.util.HashMap<>();
        now.values().forEach(x -> tiedNow.merge(x, 1, Integer::sum));
        List<String> moved = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            int was = r[i];
            int is = now.get(before.get(i).region());
            if (was != is) {
                // equal printed growth shares a 位次, and the sentence says so
                moved.add(before.get(i).regionName() + "由" + (tiedBefore.get(was) > 1 ? "并列" : "") + "第" + was + "位"
                    + (is < was ? "升至" : "降至") + (tiedNow.get(is) > 1 ? "并列" : "") + "第" + is + "位");
            }
        }
        if (moved.isEmpty()) {
            return Optional.of("位次变化：与" + previousLabel() + "相比，各县（市、区）增速位次均未变化。");
        }
        return Optional.of("位次变化：与" + previousLabel() + "相比，" + String.join("，", moved)
            + (moved.size() < now.size() ? "，其余县（市、区）位次不变" : "") + "。");
    }

    // ---------------------------------------------------------------- 需关注

    /**
     * One warning a leader must act on, with its number.
     *
     * @param kind  target, tax, profit or base: how the 要点 line groups them
     * @param who   the units it names, for the 要点 line
     * @param text  the sentence of the 需关注 paragraph
     */
    record Warning(String kind, List<String> who, String text) {
    }

    /**
     * What needs attention, each with its number: growth below its target, amounts behind 序时进度 (at the year end:
     * not completed, with the shortfall), output up while industrial tax falls, profits falling, growth on a small
     * base (with the base). Published figures only.
     */
    List<Warning> warnings(double elapsedPct) {
        List<Warning> out = new ArrayList<>();
        boolean yearEnd = elapsedPct >= 100;
        // growth targets of the counties
        Map<String, List<String>> belowTarget = new LinkedHashMap<>();
        Map<String, List<String>> behind = new LinkedHashMap<>();
        for (Map<String, Object> r : in.mart(ReportBuilder.TARGETS)) {
            if (!"县区".equals(r.get("unit_type"))) {
                continue;
            }
            String indicator = (String) r.get("indicator");
            String unitName = (String) r.get("unit_name");
            Optional<String> gap = behindText(r, elapsedPct);
            if (gap.isPresent()) {
                ("%".equals(r.get("unit")) ? belowTarget.computeIfAbsent(strip(indicator), k -> new ArrayList<>())
                    : behind.computeIfAbsent(indicator, k -> new ArrayList<>()))
                    .add(unitName + "（" + gap.get() + "）");
            }
        }
        belowTarget.forEach((ind, units) -> out.add(new Warning("target", names(units), ind + "增速低于年度目标的有"
            + String.join("、", units) + "。")));
        behind.forEach((ind, units) -> out.add(new Warning("target", names(units), ind
            + (yearEnd ? "未完成年度目标的有" : "慢于序时进度的有") + String.join("、", units) + "。")));
        // output up while tax falls
        Map<String, Figure> tax = byRegion("tax_industry");
        Map<String, Figure> budget = byRegion("budget_revenue");
        for (Figure f : withGrowth(IVA_REAL)) {
            Figure t = tax.get(f.region());
            if (printed(f.yoyPct()) > 0 && t != null && !t.withheld() && t.yoyPct() != null && printed(t.yoyPct()) < 0) {
                StringBuilder s = new StringBuilder(f.regionName()).append("规上工业增加值增长").append(pct(f.yoyPct()))
                    .append("，但工业税收").append(Sentences.growthWord(t.yoyPct()));
                Figure b = budget.get(f.region());
                if (b != null && !b.withheld() && b.yoyPct() != null && printed(b.yoyPct()) < 0) {
                    s.append("，一般公共预算收入").append(Sentences.growthWord(b.yoyPct()));
                }
                out.add(new Warning("tax", List.of(f.regionName()), s.append("，产出增长未同步转化为财政收入。").toString()));
            }
        }
        // falling profits
        List<Figure> falling = counties("profit").stream()
            .filter(f -> !f.withheld() && f.yoyPct() != null && printed(f.yoyPct()) < 0)
            .sorted(Comparator.comparing((Figure f) -> printed(f.yoyPct())).thenComparing(Figure::region)).toList();
        if (!falling.isEmpty()) {
            out.add(new Warning("profit", falling.stream().map(Figure::regionName).toList(), "规上工业利润总额下降的有" + String.join("、", falling.stream()
                .map(f -> f.regionName() + "（" + Sentences.growthWord(f.yoyPct()) + "）").toList()) + "。"));
        }
        // growth on a small base: a county's main money indicator doubling from a base under a twentieth of the city's
        for (Figure f : in.figures()) {
            if (!"county".equals(f.level()) || !SMALL_BASE_INDICATORS.contains(f.indicator()) || f.withheld()
                || f.yoyPct() == null || f.value() == null || printed(f.yoyPct()) < SMALL_BASE_GROWTH) {
                continue;
            }
            double base = f.value() / (1 + f.yoyPct() / 100);
            Optional<Figure> c = city(f.indicator()).filter(x -> x.value() != null && x.yoyPct() != null);
            if (c.isPresent() && base >= SMALL_BASE_SHARE * c.get().value() / (1 + c.get().yoyPct() / 100)) {
                continue; // a large base that doubled is growth, not a base effect
            }
            out.add(new Warning("base", List.of(f.regionName() + f.indicatorName()), f.regionName() + f.indicatorName()
                + "增长" + pct(f.yoyPct()) + "，上年同期基数仅" + wan(base) + "，高增长主要来自低基数。"));
        }
        return out;
    }

    /**
     * How a unit's target row falls short at {@code elapsedPct} (序时进度; 50 for 时间过半, 100 at the year end), as
     * printed: "增长4.0%，目标6.0%，低于目标2.0个百分点" for a growth target, "完成45.0%，慢于序时进度5.0个百分点" for an
     * amount during the year, "完成89.2%，差8109.75万元" at its end; empty when it does not fall short or has no figure.
     */
    static Optional<String> behindText(Map<String, Object> r, double elapsedPct) {
        Double target = num(r, "target");
        Double actual = num(r, "actual");
        if (target == null || actual == null) {
            return Optional.empty();
        }
        if ("%".equals(r.get("unit"))) {
            BigDecimal gap = Sentences.printedGap(actual, target);
            return gap.signum() < 0 ? Optional.of(Sentences.growthWord(actual) + "，目标" + pct(target) + "，低于目标"
                + gap.abs().toPlainString() + "个百分点") : Optional.empty();
        }
        Double completion = num(r, "completion_pct");
        if (completion == null || Precision.PERCENT.rounded(completion) >= Precision.PERCENT.rounded(elapsedPct)) {
            return Optional.empty();
        }
        String text = "完成" + Precision.PERCENT.text(completion) + "%";
        if (elapsedPct >= 100) {
            return Optional.of(text + "，差" + amount(target, actual, String.valueOf(r.get("unit"))));
        }
        return Optional.of(text + "，慢于序时进度" + Sentences.printedGap(completion, elapsedPct).abs().toPlainString()
            + "个百分点");
    }

    /** The unit names of "静宁县（…）" items. */
    private static List<String> names(List<String> items) {
        return items.stream().map(i -> i.contains("（") ? i.substring(0, i.indexOf('（')) : i).toList();
    }

    private Map<String, Figure> byRegion(String indicator) {
        Map<String, Figure> out = new HashMap<>();
        counties(indicator).forEach(f -> out.put(f.region(), f));
        return out;
    }

    /**
     * A county's shortfall in the unit its row of the targets table prints (万元 for money, counts as integers): the
     * printed target less the printed actual.
     */
    static String amount(double target, double actual, String unit) {
        if (Money.WAN.equals(unit)) {
            return Money.gap(target, actual, Money.WAN).text();
        }
        Precision p = Precision.ofUnit(unit);
        return p.round(target).subtract(p.round(actual)).toPlainString() + unit;
    }

    static Double num(Map<String, Object> r, String column) {
        Object v = r.get(column);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    static String strip(String indicator) {
        return indicator.endsWith("增速") ? indicator.substring(0, indicator.length() - 2) : indicator;
    }
}
