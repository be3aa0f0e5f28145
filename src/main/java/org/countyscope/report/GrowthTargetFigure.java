package org.countyscope.report;

/**
 * A unit's growth against its annual growth target (增速目标), compared in 百分点: the input of
 * {@link Sentences#growthTarget}.
 *
 * @param periodLabel "1—6月"…; null or blank: no period in front
 * @param unit        e.g. "泾川县"
 * @param indicator   e.g. "规上工业增加值"
 * @param growthPct   YoY growth in %, unrounded; null when there is none ({@code emptyReason})
 * @param targetPct   the annual growth target in %
 * @param emptyReason why growth is empty
 */
public record GrowthTargetFigure(String periodLabel, String unit, String indicator, Double growthPct,
                                 double targetPct, String emptyReason) {
    public GrowthTargetFigure {
        Sentences.requireText(unit, "unit");
        Sentences.requireText(indicator, "indicator");
        Sentences.requireFiniteOrNull(growthPct, "growthPct");
        Sentences.requireFinite(targetPct, "targetPct");
        if (growthPct == null && (emptyReason == null || emptyReason.isBlank())) {
            throw new IllegalArgumentException(unit + " " + indicator + ": growth is empty but no reason is given");
        }
    }
}
