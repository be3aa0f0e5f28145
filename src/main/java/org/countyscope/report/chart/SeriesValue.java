package org.countyscope.report.chart;

import java.util.Objects;

/**
 * One cell of a grouped or stacked bar chart: region × category × value.
 *
 * @param category the bar (a county or unit), e.g. "崆峒区"
 * @param series   the segment or group within the bar, e.g. "增值税" or "开复工率"
 * @param value    the value in the axis's unit; null leaves the cell out
 */
public record SeriesValue(String category, String series, Double value) {
    public SeriesValue {
        Objects.requireNonNull(category, "category");
        category = ChartParts.fullWidthBrackets(category);
        Objects.requireNonNull(series, "series");
        series = ChartParts.fullWidthBrackets(series);
    }
}
