package org.countyscope.report.chart;

import java.util.Objects;

/**
 * One bullet of the target-progress chart: a unit's completion of its annual target against 序时进度.
 *
 * @param unit       the county or responsible department
 * @param completion cumulative actual / annual target × 100; null leaves the unit out
 * @param elapsed    序时进度, months elapsed / 12 × 100; null draws no marker
 * @param actual     the cumulative actual in the indicator's unit (for a count target drawn as counts), or null
 * @param target     the annual target in the indicator's unit, or null
 */
public record TargetBullet(String unit, Double completion, Double elapsed, Double actual, Double target) {
    public TargetBullet {
        Objects.requireNonNull(unit, "unit");
        unit = ChartParts.fullWidthBrackets(unit);
    }

    /** A bullet drawn as a percentage of the target. */
    public TargetBullet(String unit, Double completion, Double elapsed) {
        this(unit, completion, elapsed, null, null);
    }
}
