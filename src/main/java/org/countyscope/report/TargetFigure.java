package org.countyscope.report;

/**
 * Progress of one unit against an annual quantity target (年度目标) by the end of a period, against 序时进度
 * (the share of the year elapsed): the input of {@link Sentences#target}.
 *
 * @param periodLabel   "1—6月"…; null or blank: no period in front
 * @param unit          the county or responsible department, e.g. "泾川县", "市发展改革委"
 * @param indicator     e.g. "固定资产投资"
 * @param completionPct cumulative actual ÷ annual target × 100, unrounded; exactly 0 means 未破零; null when there
 *                      is none ({@code emptyReason})
 * @param elapsedPct    序时进度 in %, months elapsed ÷ 12 × 100 (1—2月 → 16.67), in (0, 100]
 * @param emptyReason   why completion is empty, e.g. "未下达年度目标"
 * @param shortfall     at the year end, what is short of the target (printed "未完成，差3.51亿元"); null: not said
 */
public record TargetFigure(String periodLabel, String unit, String indicator, Double completionPct,
                           double elapsedPct, String emptyReason, Quantity shortfall) {
    public TargetFigure {
        Sentences.requireText(unit, "unit");
        Sentences.requireText(indicator, "indicator");
        Sentences.requireFiniteOrNull(completionPct, "completionPct");
        Sentences.requireFinite(elapsedPct, "elapsedPct");
        if (elapsedPct <= 0 || elapsedPct > 100) {
            throw new IllegalArgumentException("序时进度 must be in (0, 100], got " + elapsedPct);
        }
        if (completionPct == null && (emptyReason == null || emptyReason.isBlank())) {
            throw new IllegalArgumentException(unit + " " + indicator + ": completion is empty but no reason is given");
        }
    }

    /** Progress with no shortfall stated. */
    public TargetFigure(String periodLabel, String unit, String indicator, Double completionPct, double elapsedPct,
                        String emptyReason) {
        this(periodLabel, unit, indicator, completionPct, elapsedPct, emptyReason, null);
    }

    /** 序时进度 after {@code months} months of the year: months ÷ 12 × 100. */
    public static double elapsedPct(int months) {
        if (months < 1 || months > 12) {
            throw new IllegalArgumentException("months must be 1..12, got " + months);
        }
        return months * 100.0 / 12;
    }
}
