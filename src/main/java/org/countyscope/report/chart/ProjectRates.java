package org.countyscope.report.chart;

import java.util.Objects;

/**
 * A region's project progress rates, both in %.
 *
 * @param region         the county
 * @param startRate      开复工率: started or resumed / planned to start × 100; null leaves the bar out
 * @param completionRate 建成率: completed / planned to complete × 100; null leaves the bar out
 */
public record ProjectRates(String region, Double startRate, Double completionRate) {
    public ProjectRates {
        Objects.requireNonNull(region, "region");
        region = ChartParts.fullWidthBrackets(region);
    }
}
