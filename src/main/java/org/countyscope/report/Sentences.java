package org.countyscope.report;

import org.countyscope.publish.Precision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Writes the sentences of the planners' reports in the statistics bureau's register (统计公报、通报), e.g.
 * "1—6月，泾川县规上工业增加值同比增长5.2%，高于全市1.1个百分点，居全市第3位。", from figure records, never from
 * typed text.
 *
 * <p>Rounding (see {@link #ROUNDING_NOTE}, owned by {@link Precision}): every figure is printed with one decimal,
 * half-up on its decimal value ({@link BigDecimal#valueOf(double)}, so 0.05 becomes 0.1), and a figure that rounds to zero is printed
 * "0.0", never "-0.0". Growth that rounds to zero is "持平". A difference in 百分点 (against the city, 序时进度,
 * a target or the previous period) is the difference of the two figures as printed, so a reader with a pencil gets
 * the same number from the page.
 */
public final class Sentences {
    /** The footnote that states the rounding convention, for the report's footnotes. */
    public static final String ROUNDING_NOTE = "增速、比重等保留一位小数（四舍五入）；文中“高于（低于）全市”“快于（慢于）序时进度”"
        + "“较上期加快（回落）”的百分点差值和位次均按表中公布的数据计算，公布数据相同的位次并列。";

    private static final String PP = "个百分点";

    private Sentences() {
    }

    /**
     * Growth of a region: "1—6月，泾川县规上工业增加值同比增长5.2%，高于全市1.1个百分点，居全市第3位。", or
     * "…同比下降3.4%…", "…与上年同期持平…", "…与全市持平…", the reason when growth is empty, the disclosure
     * sentence when the figure is withheld. The city's own figure: "1—6月，全市规上工业增加值同比增长4.1%。".
     */
    public static String growth(GrowthFigure f) {
        StringBuilder s = subject(f.periodLabel(), f.region(), f.indicator());
        if (f.withheld()) {
            return s.append(withheldClause()).append('。').toString();
        }
        if (f.amount() != null) {
            s.append(f.amount().text()).append('，');
        }
        if (f.growthPct() == null) {
            s.append(f.emptyReason().strip());
        } else {
            s.append(yoy(f.growthPct()));
            if (f.scopeGrowthPct() != null) {
                s.append('，').append(against(printedGap(f.growthPct(), f.scopeGrowthPct()), f.scope()));
            }
        }
        if (f.rank() != null) {
            s.append('，').append(rankClause(f.scope(), f.rank()));
        }
        return s.append('。').toString();
    }

    /** Share of the scope: "1—6月，泾川县规上工业增加值12.35亿元，占全市的23.4%，居全市第2位。". */
    public static String share(ShareFigure f) {
        StringBuilder s = subject(f.periodLabel(), f.region(), f.indicator());
        if (f.withheld()) {
            return s.append(withheldClause()).append('。').toString();
        }
        if (f.amount() != null) {
            s.append(f.amount().text()).append('，');
        }
        if (f.sharePct() == null) {
            s.append(f.emptyReason().strip());
        } else {
            s.append("占").append(f.scope()).append("的").append(oneDecimal(f.sharePct())).append('%');
        }
        if (f.rank() != null) {
            s.append('，').append(rankClause(f.scope(), f.rank()));
        }
        return s.append('。').toString();
    }

    /**
     * Progress against an annual target: "1—6月，泾川县固定资产投资完成年度目标的52.3%，快于序时进度2.3个百分点。"
     * ("慢于序时进度…", "与序时进度持平"); nothing achieved at all: "…尚未破零，慢于序时进度50.0个百分点。".
     */
    public static String target(TargetFigure f) {
        StringBuilder s = subject(f.periodLabel(), f.unit(), f.indicator());
        Double c = f.completionPct();
        if (c == null) {
            return s.append(f.emptyReason().strip()).append('。').toString();
        }
        if (c == 0) {
            s.append("尚未破零");
        } else {
            s.append("完成年度目标的").append(oneDecimal(c)).append('%');
        }
        if (f.elapsedPct() >= 100) {
            // the year is over: completion says it all, and what is short is said as an amount
            if (round1(c).compareTo(BigDecimal.valueOf(100)) < 0) {
                s.append("，未完成");
                if (f.shortfall() != null) {
                    s.append("，差").append(f.shortfall().text());
                }
            }
            return s.append('。').toString();
        }
        s.append('，');
        BigDecimal d = printedGap(c, f.elapsedPct());
        if (d.signum() == 0) {
            s.append("与序时进度持平");
        } else {
            s.append(d.signum() > 0 ? "快于" : "慢于").append("序时进度").append(d.abs().toPlainString()).append(PP);
        }
        return s.append('。').toString();
    }

    /** Growth against a growth target: "1—6月，泾川县规上工业增加值同比增长5.2%，低于年度目标（6.0%）0.8个百分点。". */
    public static String growthTarget(GrowthTargetFigure f) {
        StringBuilder s = subject(f.periodLabel(), f.unit(), f.indicator());
        if (f.growthPct() == null) {
            return s.append(f.emptyReason().strip()).append('。').toString();
        }
        s.append(yoy(f.growthPct())).append('，');
        String target = "年度目标（" + oneDecimal(f.targetPct()) + "%）";
        BigDecimal d = printedGap(f.growthPct(), f.targetPct());
        if (d.signum() == 0) {
            s.append("与").append(target).append("持平");
        } else {
            s.append(d.signum() > 0 ? "高于" : "低于").append(target).append(d.abs().toPlainString()).append(PP);
        }
        return s.append('。').toString();
    }

    /**
     * Fiscal contribution of industry: "1—6月，泾川县工业税收占全部税收的55.6%，工业地方级税收占一般公共预算收入的
     * 31.2%，每百元工业增加值实现税收8.4元。" (the last two clauses when present).
     */
    public static String fiscal(FiscalFigure f) {
        StringBuilder s = new StringBuilder(period(f.periodLabel())).append(f.region().strip());
        if (f.industrialTaxSharePct() == null) {
            s.append(f.emptyReason().strip());
        } else {
            s.append("工业税收占全部税收的").append(oneDecimal(f.industrialTaxSharePct())).append('%');
        }
        if (f.localTaxOfBudgetPct() != null) {
            s.append("，工业地方级税收占一般公共预算收入的").append(oneDecimal(f.localTaxOfBudgetPct())).append('%');
        }
        if (f.taxPerHundredYuan() != null) {
            s.append("，每百元工业增加值实现税收").append(oneDecimal(f.taxPerHundredYuan())).append('元');
        }
        return s.append('。').toString();
    }

    /**
     * The year's forecast: "全市规上工业增加值预计全年增长6.1%，80%预测区间为4.9%至7.3%，实现年度目标（6.0%）的概率约为55%。"
     * (a probability that rounds to 0 or 100 reads "不足1%" or "超过99%").
     */
    public static String forecast(ForecastFigure f) {
        StringBuilder s = new StringBuilder(f.region().strip()).append(f.indicator().strip()).append("预计全年");
        BigDecimal p = round1(f.pointPct());
        if (p.signum() == 0) {
            s.append("与上年持平");
        } else {
            s.append(p.signum() > 0 ? "增长" : "下降").append(p.abs().toPlainString()).append('%');
        }
        s.append("，80%预测区间为").append(oneDecimal(f.lo80Pct())).append("%至").append(oneDecimal(f.hi80Pct()))
            .append('%');
        if (f.targetPct() != null) {
            s.append("，实现年度目标（").append(oneDecimal(f.targetPct())).append("%）的概率");
            int pct = BigDecimal.valueOf(f.probability() * 100).setScale(0, RoundingMode.HALF_UP).intValue();
            if (pct >= 100) {
                s.append("超过99%");
            } else if (pct <= 0) {
                s.append("不足1%");
            } else {
                s.append("约为").append(pct).append('%');
            }
        }
        return s.append('。').toString();
    }

    /** A value with one decimal, half-up on its decimal value, never "-0.0" (e.g. 5.25 → "5.3", -0.04 → "0.0"). */
    public static String oneDecimal(double v) {
        return round1(v).toPlainString();
    }

    /** A value with {@code decimals} decimals, half-up on its decimal value, never a negative zero. */
    public static String fixed(double v, int decimals) {
        requireFinite(v, "value");
        // BigDecimal has no negative zero, so -0.04 at one decimal prints "0.0"
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal round1(double v) {
        requireFinite(v, "value");
        return Precision.PERCENT.round(v);
    }

    private static String yoy(double growthPct) {
        BigDecimal g = round1(growthPct);
        if (g.signum() == 0) {
            return "与上年同期持平";
        }
        return (g.signum() > 0 ? "同比增长" : "同比下降") + g.abs().toPlainString() + "%";
    }

    /** The difference of two figures as printed (one decimal each), in 百分点. */
    public static BigDecimal printedGap(double a, double b) {
        return round1(a).subtract(round1(b));
    }

    /**
     * Growth against an earlier period, from the figures as printed: "较1—11月加快0.2个百分点", "…回落…", for two
     * declines "降幅收窄…"/"降幅扩大…", "与1—11月持平".
     */
    public static String change(double now, double before, String beforeLabel) {
        BigDecimal d = printedGap(now, before);
        if (d.signum() == 0) {
            return "与" + beforeLabel + "持平";
        }
        boolean bothDown = round1(now).signum() < 0 && round1(before).signum() < 0;
        String word = bothDown ? (d.signum() > 0 ? "降幅收窄" : "降幅扩大") : (d.signum() > 0 ? "加快" : "回落");
        return "较" + beforeLabel + word + d.abs().toPlainString() + PP;
    }

    /** Growth as a clause: "增长5.2%", "下降3.4%", "持平" (no 同比: the subject says it). */
    public static String growthWord(double growthPct) {
        BigDecimal g = round1(growthPct);
        return g.signum() == 0 ? "持平" : (g.signum() > 0 ? "增长" : "下降") + g.abs().toPlainString() + "%";
    }

    private static String against(BigDecimal d, String scope) {
        if (d.signum() == 0) {
            return "与" + scope + "持平";
        }
        return (d.signum() > 0 ? "高于" : "低于") + scope + d.abs().toPlainString() + PP;
    }

    private static String rankClause(String scope, int rank) {
        return "居" + scope + "第" + rank + "位";
    }

    private static String withheldClause() {
        return "数据涉及单个或少数调查对象，依据《统计法》不予公布";
    }

    private static StringBuilder subject(String periodLabel, String region, String indicator) {
        return new StringBuilder(period(periodLabel)).append(region.strip()).append(indicator.strip());
    }

    private static String period(String label) {
        return label == null || label.isBlank() ? "" : label.strip() + "，";
    }

    static void requireText(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
    }

    static void requireFinite(double v, String what) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number, got " + v);
        }
    }

    static void requireFiniteOrNull(Double v, String what) {
        if (v != null) {
            requireFinite(v, what);
        }
    }

    static void requireRank(Integer rank, int counties, String region) {
        if (rank != null && (rank < 1 || rank > counties)) {
            throw new IllegalArgumentException(region + ": rank " + rank + " is not within 1.." + counties);
        }
    }
}
