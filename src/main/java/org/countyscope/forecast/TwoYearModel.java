package org.countyscope.forecast;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The base effect (基数效应): year-on-year growth of a month moves against last year's growth of the same month, and the
 * two-year average growth (两年平均, √((1+g<sub>t</sub>)(1+g<sub>t−12</sub>)) − 1) is steadier than either. The forecast
 * moves the last known growth g<sub>o</sub> by a share {@code pull} of the change that would keep the two-year average
 * of the origin: g<sub>t</sub> = g<sub>o</sub> + pull · [(1+g<sub>o</sub>)(1+g<sub>o−12</sub>)/(1+g<sub>t−12</sub>) − 1 −
 * g<sub>o</sub>] (rates in %/100); where a base is not known the change is zero (naive). January and February are one
 * period ({@link JanuaryFebruary}). It needs only thirteen months of growth, so it serves series too short for the other
 * models; its intervals come from its own past errors with a Student t quantile for the few errors a short series has,
 * so they are wide when little is known.
 */
public final class TwoYearModel implements Model {

    /** Past errors over this many months set the interval width. */
    static final int ERROR_WINDOW = 60;

    private final String name;
    private final double pull;

    /** @param name as {@link Models#byName} knows it */
    public TwoYearModel(String name, double pull) {
        this.name = name;
        if (!(pull >= 0 && pull <= 1)) {
            throw new IllegalArgumentException("pull must be in [0, 1], got " + pull);
        }
        this.pull = pull;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Forecast[] forecast(Series history, int horizons) {
        double[] z = JanuaryFebruary.filled(history);
        int n = z.length;
        int last = n - 1;
        while (last >= 0 && !Double.isFinite(z[last])) {
            last--;
        }
        if (last < 0) {
            throw new IllegalArgumentException("nothing published");
        }
        Forecast[] out = new Forecast[horizons];
        for (int h = 1; h <= horizons; h++) {
            double[] errors = squaredErrors(z, h);
            double sumSquares = errors[0];
            int count = (int) errors[1];
            if (count < PastErrors.MIN_ERRORS) {
                throw new IllegalArgumentException("too few published values for intervals (" + count + " errors at h="
                    + h + ")");
            }
            double sd = Math.sqrt(sumSquares / count) * new TDistribution(null, count - 1.0)
                .inverseCumulativeProbability(0.975) / Forecast.Z95;
            int target = n - 1 + h;
            out[h - 1] = Forecast.normal(history.end().plusMonths(h), h, predict(z, last, target), sd, name());
        }
        return out;
    }

    /**
     * The sum of squared errors of the forecasts {@code step} months ahead over the last {@link #ERROR_WINDOW} months,
     * and their count. A method of its own: the loop compiled on-stack inside {@link #forecast} crashed the JVM of
     * OpenJDK 17.0.15 (SIGSEGV in C2-compiled OSR code of that method, twice, at the same place in the suite).
     */
    private double[] squaredErrors(double[] z, int step) {
        double sumSquares = 0;
        int count = 0;
        for (int t = Math.max(step, Math.max(1, z.length - ERROR_WINDOW)); t < z.length; t++) {
            int o = t - step;
            if (Double.isFinite(z[t]) && Double.isFinite(z[o])) {
                double e = z[t] - predict(z, o, t);
                sumSquares += e * e;
                count++;
            }
        }
        return new double[] {sumSquares, count};
    }

    /** The forecast of index {@code t} from what was known at {@code o} (z[o] finite). */
    double predict(double[] z, int o, int t) {
        double level = z[o];
        double baseOrigin = o >= 12 ? z[o - 12] : Double.NaN;
        double base = t - 12 >= 0 && t - 12 <= o ? z[t - 12] : Double.NaN;
        if (!Double.isFinite(baseOrigin) || !Double.isFinite(base) || base <= -100) {
            return level;
        }
        double kept = 100 * ((1 + level / 100) * (1 + baseOrigin / 100) / (1 + base / 100) - 1);
        return level + pull * (kept - level);
    }
}
