package org.countyscope.forecast;

/**
 * Growth as a slowly moving level plus noise, with the Spring Festival effect taken out first: exponential smoothing
 * of the festival-adjusted series, forecast flat, the festival effect of each target month added back. Monthly
 * year-on-year growth is noisy around a level that moves slowly, so a smoothed level beats the last value.
 *
 * <p>The festival coefficient comes from least squares on first differences over fifteen years (differencing removes
 * the level); the smoothing weight is either fixed or the one with the smallest one-step squared error over ten.
 */
public final class LocalLevelModel implements Model {

    /** Months of history the smoothing weight is fitted on. */
    static final int FIT_WINDOW = 120;
    /** Months of history the festival coefficient is fitted on: fifteen festivals, as it moves only in some years. */
    static final int FESTIVAL_WINDOW = 180;
    /** Past errors over this many months set the interval width. */
    static final int ERROR_WINDOW = 60;
    /** Fewer filled months than this are too few to fit. */
    static final int MIN_MONTHS = 24;

    private final String name;
    private final double alpha;

    private LocalLevelModel(String name, double alpha) {
        this.name = name;
        this.alpha = alpha;
    }

    /** Smoothing weight fitted on the history. */
    public static LocalLevelModel fitted() {
        return new LocalLevelModel("local-level", Double.NaN);
    }

    /**
     * Smoothing weight 0.5: the level is a mean of the last few months (weights ½, ¼, ⅛ …), shrinking the latest value
     * toward the recent mean whatever the history says.
     */
    public static LocalLevelModel recentMean() {
        return new LocalLevelModel("recent-mean", 0.5);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Forecast[] forecast(Series history, int horizons) {
        double[] z = JanuaryFebruary.filled(history);
        int n = z.length;
        double[] sf = SpringFestival.growthRegressor(history.start(), n + horizons);
        int from = Math.max(1, n - FIT_WINDOW);
        int filledMonths = 0;
        for (int i = from; i < n; i++) {
            filledMonths += Double.isFinite(z[i]) ? 1 : 0;
        }
        if (filledMonths < MIN_MONTHS) {
            throw new IllegalArgumentException("needs " + MIN_MONTHS + " months, got " + filledMonths);
        }
        double beta = festivalCoefficient(z, sf, Math.max(1, n - FESTIVAL_WINDOW));
        double[] adjusted = new double[n];
        for (int i = 0; i < n; i++) {
            adjusted[i] = z[i] - beta * sf[i];
        }
        double weight = Double.isNaN(alpha) ? bestWeight(adjusted, from) : alpha;
        double[] level = levels(adjusted, weight);
        double[] published = history.values();
        Forecast[] out = new Forecast[horizons];
        for (int h = 1; h <= horizons; h++) {
            double sd = PastErrors.rms(published, (origin, target) -> level[origin] + beta * sf[target], h, ERROR_WINDOW);
            double point = level[n - 1] + beta * sf[n - 1 + h];
            if (!Double.isFinite(point) || !Double.isFinite(sd)) {
                throw new IllegalArgumentException("no level or too few past errors");
            }
            out[h - 1] = Forecast.normal(history.end().plusMonths(h), h, point, sd, name);
        }
        return out;
    }

    private static double festivalCoefficient(double[] z, double[] sf, int from) {
        double sxy = 0;
        double sxx = 0;
        for (int i = from; i < z.length; i++) {
            double dz = z[i] - z[i - 1];
            if (Double.isFinite(dz)) {
                double dx = sf[i] - sf[i - 1];
                sxy += dz * dx;
                sxx += dx * dx;
            }
        }
        // Without festival movement in the window there is nothing to estimate.
        return sxx > 1e-6 ? sxy / sxx : 0;
    }

    private static double bestWeight(double[] a, int from) {
        double best = Double.POSITIVE_INFINITY;
        double bestWeight = 0.5;
        for (int k = 1; k <= 20; k++) {
            double w = k / 20.0;
            double level = Double.NaN;
            double sse = 0;
            for (int i = from; i < a.length; i++) {
                if (!Double.isFinite(a[i])) {
                    continue;
                }
                if (Double.isNaN(level)) {
                    level = a[i];
                    continue;
                }
                double e = a[i] - level;
                sse += e * e;
                level += w * e;
            }
            if (sse < best) {
                best = sse;
                bestWeight = w;
            }
        }
        return bestWeight;
    }

    /** The smoothed level after each month; unpublished months leave it where it was. */
    private static double[] levels(double[] a, double weight) {
        double[] level = new double[a.length];
        double l = Double.NaN;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i])) {
                l = Double.isNaN(l) ? a[i] : l + weight * (a[i] - l);
            }
            level[i] = l;
        }
        return level;
    }
}
