package org.countyscope.publish;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The published precision (修约) of every kind of figure the bureau prints: growth, shares, completion rates and other
 * percentages with one decimal, differences in 百分点 with one decimal, money in 万元 or 亿元 with two, counts as
 * integers. Rounding is half-up on the figure's decimal value ({@link BigDecimal#valueOf(double)}: 0.05 → 0.1, 2.25 →
 * 2.3, −0.05 → −0.1) after 15 significant digits (so binary noise such as 4.049999999999997 for a computed 4.05 does
 * not decide the printed digit), and a figure rounds as it reads. Ranks, ties (并列) and every printed number go through here, so
 * "equal printed figures share a 位次" holds wherever a figure is printed. No Spark: a leaf of the code base.
 */
public enum Precision {
    /** Shares, completion rates, 序时进度 and other percentages (%). */
    PERCENT(1),
    /** Growth rates (%), 两年平均, 贡献率. */
    GROWTH(1),
    /** Differences of percentages, 百分点. */
    POINTS(1),
    /** Money in 万元. */
    TEN_THOUSAND_YUAN(2),
    /** Money in 亿元 (headlines). */
    HUNDRED_MILLION_YUAN(2),
    /** Counts: enterprises, projects, contracts. */
    COUNT(0),
    /** Amounts per person in 元. */
    YUAN(0),
    /** Ratios per 亩 (万元/亩) and other quantities with a unit of their own. */
    OTHER(2),
    /** Concentration indices (HHI on shares, 0–1). */
    INDEX(3);

    /** Units of the catalogues and yearbook tables with the kind of figure they carry; others are {@link #OTHER}. */
    private static final Map<String, Precision> BY_UNIT = Map.ofEntries(
        Map.entry("%", PERCENT), Map.entry("百分点", POINTS), Map.entry("万元", TEN_THOUSAND_YUAN),
        Map.entry("亿元", HUNDRED_MILLION_YUAN), Map.entry("元", YUAN), Map.entry("个", COUNT), Map.entry("项", COUNT),
        Map.entry("家", COUNT), Map.entry("户", COUNT), Map.entry("人", COUNT), Map.entry("件", COUNT));

    private static final MathContext SIGNIFICANT = new MathContext(15, RoundingMode.HALF_EVEN);

    private final int decimals;

    Precision(int decimals) {
        this.decimals = decimals;
    }

    /** Decimals printed. */
    public int decimals() {
        return decimals;
    }

    /** The figure as printed, half-up on its decimal value; null stays null. */
    public BigDecimal round(Double value) {
        if (value == null) {
            return null;
        }
        // 15 significant digits first, as a spreadsheet shows a computed figure: (104.05 / 100 − 1) × 100 is
        // 4.049999999999997 in binary and must print 4.1 like the 4.05 it is
        return atDecimals(value, decimals);
    }

    /** The printed figure as a double (exact to its decimals), for ranking and comparing; null stays null. */
    public Double rounded(Double value) {
        BigDecimal r = round(value);
        return r == null ? null : r.doubleValue();
    }

    /**
     * The figure as an export carries it: a {@link BigDecimal} with this precision's decimals (a {@link Long} for
     * counts), so a CSV or workbook cell holds exactly the printed digits; null stays null.
     */
    public Number exported(Double value) {
        BigDecimal r = round(value);
        return r == null ? null : decimals == 0 ? (Number) r.longValueExact() : r;
    }

    /** A figure at a given number of decimals, by the same rule as every printed figure (for a table's own format). */
    public static BigDecimal atDecimals(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a printed figure must be finite, got " + value);
        }
        return BigDecimal.valueOf(value).round(SIGNIFICANT).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** The printed text, never a negative zero ("0.0" for −0.04). */
    public String text(double value) {
        return round(value).toPlainString();
    }

    /** The kind of figure a unit carries ("万元", "%", "个", "亿元" …); an unknown unit gets {@link #OTHER}. */
    public static Precision ofUnit(String unit) {
        return unit == null ? OTHER : BY_UNIT.getOrDefault(unit.strip(), OTHER);
    }
}
