package org.countyscope.report;

/**
 * The forecast of a region's growth for the whole year (全年) with its 80% interval and, when there is a target,
 * the probability of reaching it: the input of {@link Sentences#forecast}.
 *
 * @param region      e.g. "全市" or "泾川县"
 * @param indicator   e.g. "规上工业增加值"
 * @param pointPct    forecast growth for the year in %
 * @param lo80Pct     lower end of the 80% interval in %
 * @param hi80Pct     upper end of the 80% interval in %
 * @param targetPct   the annual growth target in % (null: no target clause)
 * @param probability probability of reaching the target, 0..1 (null: no target clause)
 */
public record ForecastFigure(String region, String indicator, double pointPct, double lo80Pct, double hi80Pct,
                             Double targetPct, Double probability) {
    public ForecastFigure {
        Sentences.requireText(region, "region");
        Sentences.requireText(indicator, "indicator");
        Sentences.requireFinite(pointPct, "pointPct");
        Sentences.requireFinite(lo80Pct, "lo80Pct");
        Sentences.requireFinite(hi80Pct, "hi80Pct");
        Sentences.requireFiniteOrNull(targetPct, "targetPct");
        Sentences.requireFiniteOrNull(probability, "probability");
        if (lo80Pct > pointPct || pointPct > hi80Pct) {
            throw new IllegalArgumentException("the 80% interval [" + lo80Pct + ", " + hi80Pct
                + "] does not contain the forecast " + pointPct);
        }
        if (probability != null && (probability < 0 || probability > 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
        if ((targetPct == null) != (probability == null)) {
            throw new IllegalArgumentException("target and probability come together (one of them is null)");
        }
    }
}
