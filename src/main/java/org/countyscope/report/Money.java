package org.countyscope.report;

import org.countyscope.publish.Precision;

import java.math.BigDecimal;

/**
 * Money as the report prints it, the same in a sentence and in its table: the city's totals (and every table that
 * carries them beside the counties') in 亿元, what lies below them alone — a county's target and its gap, a base, a
 * county × 大类 cell — in 万元, each at the decimals of {@link Precision} (two). Gold holds 万元.
 */
final class Money {
    static final String YI = "亿元";
    static final String WAN = "万元";

    private Money() {
    }

    /** An amount of gold (万元) in {@code unit} (亿元 or 万元), as a double not yet rounded. */
    static double in(double wanYuan, String unit) {
        return YI.equals(unit) ? wanYuan / 10_000 : wanYuan;
    }

    /** The amount as printed in {@code unit}. */
    static BigDecimal printed(double wanYuan, String unit) {
        return Precision.ofUnit(unit).round(in(wanYuan, unit));
    }

    /** "35.35亿元", "1040.31万元". */
    static String text(double wanYuan, String unit) {
        return printed(wanYuan, unit).toPlainString() + unit;
    }

    /**
     * What is short of a target in {@code unit}: the printed target less the printed actual, so a pencil gets the same
     * figure from the table's two cells.
     */
    static Quantity gap(double targetWan, double actualWan, String unit) {
        BigDecimal d = printed(targetWan, unit).subtract(printed(actualWan, unit));
        return new Quantity(d.doubleValue(), Precision.ofUnit(unit).decimals(), unit);
    }
}
