package org.countyscope.report;

import java.util.Objects;

/**
 * An amount as the bureau prints it beside a growth or share, e.g. {@code 12.35亿元} or {@code 36个}.
 *
 * @param value    the amount in {@code unit}
 * @param decimals decimals printed (half-up)
 * @param unit     e.g. "亿元", "万元", "个"
 */
public record Quantity(double value, int decimals, String unit) {
    public Quantity {
        Objects.requireNonNull(unit, "unit");
        Sentences.requireFinite(value, "quantity");
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals must be 0..6, got " + decimals);
        }
    }

    /** The amount with its unit, e.g. "12.35亿元". */
    public String text() {
        return Sentences.fixed(value, decimals) + unit;
    }
}
