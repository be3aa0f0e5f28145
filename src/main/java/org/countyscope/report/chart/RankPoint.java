package org.countyscope.report.chart;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A unit's rank among the counties in one month (1 = first).
 *
 * @param unit  the county, e.g. "灵台县"
 * @param month the month (of the 1—N月 figure)
 * @param rank  the rank, 1 or more; null leaves the point out
 */
public record RankPoint(String unit, YearMonth month, Integer rank) {
    public RankPoint {
        Objects.requireNonNull(unit, "unit");
        unit = ChartParts.fullWidthBrackets(unit);
        Objects.requireNonNull(month, "month");
    }
}
