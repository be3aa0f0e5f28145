package org.countyscope.report.chart;

import java.util.Objects;

/**
 * One bullet of the target-progress chart: a unit's completion of its annual target against 序时进度.
 *
 * @param unit       the county or responsible department
 * @param completion cumulative actual / annual target × 100; null leaves the unit out
 * @param elapsed    序时进度, months elapsed / 12 × 100; null draws no marker
 */
public record TargetBullet(String unit, Double completion, Double elapsed) {
    public TargetBullet {
        Objects.requireNonNull(unit, "unit");
    }
}
