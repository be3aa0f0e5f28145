package org.countyscope.report.chart;

import java.util.Objects;

/**
 * One bar of a single-series chart: a category (county, source of funds, industrial chain…) and its value.
 *
 * @param category the bar's label, e.g. "泾川县"
 * @param value    the value in the axis's unit; null leaves the bar out
 */
public record CategoryValue(String category, Double value) {
    public CategoryValue {
        Objects.requireNonNull(category, "category");
        category = ChartParts.fullWidthBrackets(category);
    }
}
