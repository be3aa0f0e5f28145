package org.countyscope.report;

/**
 * The fiscal contribution of industry in one region (工业对财政的贡献) from gold/fiscal_contribution: the input of
 * {@link Sentences#fiscal}. Each clause is printed when its figure is present.
 *
 * @param periodLabel          "1—6月"…; null or blank: no period in front
 * @param region               e.g. "泾川县" or "全市"
 * @param industrialTaxSharePct industrial tax ÷ total tax × 100; null when there is none ({@code emptyReason})
 * @param localTaxOfBudgetPct  industrial local-level tax ÷ 一般公共预算收入 × 100 (may be null)
 * @param taxPerHundredYuan    industrial tax per 百元 of industrial value added, 元 (may be null)
 * @param emptyReason          why the industrial tax share is empty
 */
public record FiscalFigure(String periodLabel, String region, Double industrialTaxSharePct,
                           Double localTaxOfBudgetPct, Double taxPerHundredYuan, String emptyReason) {
    public FiscalFigure {
        Sentences.requireText(region, "region");
        Sentences.requireFiniteOrNull(industrialTaxSharePct, "industrialTaxSharePct");
        Sentences.requireFiniteOrNull(localTaxOfBudgetPct, "localTaxOfBudgetPct");
        Sentences.requireFiniteOrNull(taxPerHundredYuan, "taxPerHundredYuan");
        if (industrialTaxSharePct == null && (emptyReason == null || emptyReason.isBlank())) {
            throw new IllegalArgumentException(region + ": industrial tax share is empty but no reason is given");
        }
    }
}
