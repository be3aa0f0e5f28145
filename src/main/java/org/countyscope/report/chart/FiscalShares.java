package org.countyscope.report.chart;

import java.util.Objects;

/**
 * A region's fiscal contribution of industry, both in %.
 *
 * @param region             the county, e.g. "华亭市"
 * @param industrialTaxShare industrial tax / total tax × 100; null leaves the bar out
 * @param budgetShare        industrial local-level tax / 一般公共预算收入 × 100; null leaves the bar out
 */
public record FiscalShares(String region, Double industrialTaxShare, Double budgetShare) {
    public FiscalShares {
        Objects.requireNonNull(region, "region");
        region = ChartParts.fullWidthBrackets(region);
    }
}
