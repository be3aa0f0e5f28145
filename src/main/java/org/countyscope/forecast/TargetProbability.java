package org.countyscope.forecast;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chance that full-year cumulative growth reaches its target (全年目标), from the cumulative growth published so
 * far (1—k月) and forecasts of the months still to come.
 *
 * <p>Full-year growth is the weighted mean of the monthly growth rates, each month weighted by its value added last
 * year: G = (W<sub>k</sub>·C<sub>k</sub> + Σ<sub>m&gt;k</sub> w<sub>m</sub> g<sub>m</sub>) / W. Its spread comes, when
 * the forecaster kept a record ({@link Outcome#errorPaths()}), from the errors it really made: each recent origin's
 * errors at horizons 1…12−k, weighted as the months still to come are, give one realised error of the full-year
 * forecast with 12−k months remaining; P is the share of those outcomes at or above the target, smoothed by a normal
 * kernel ({@link #fromErrors}). Consecutive months' errors move together far more than a simple error model says, and
 * the realised paths carry that as it is. Without such a record ({@link #of}), the errors are assumed to be correlated
 * as an ARIMA(0,1,1)'s: var e<sub>h</sub> = σ²(1 + (h−1)α²), cov(e<sub>h</sub>, e<sub>j</sub>) = σ²(α + (h−1)α²) for
 * h &lt; j, α read from how the forecasts' standard deviations grow with the horizon.
 *
 * @param expected    expected full-year growth, %
 * @param sd          its standard deviation (the root mean square of the realised errors), percentage points
 * @param probability P(full-year growth ≥ target)
 * @param basis       {@link #REALISED} or {@link #ASSUMED}
 * @param outcomes    the full-year outcomes the realised errors imply (expected − error), empty under {@link #ASSUMED}
 * @param bandwidth   the kernel's standard deviation around each outcome, percentage points
 */
public record TargetProbability(double expected, double sd, double probability, String basis, double[] outcomes,
                                double bandwidth) implements Serializable {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);
    /** P from the forecaster's realised errors. */
    public static final String REALISED = "realised errors";
    /** P from an assumed error structure (too few realised errors). */
    public static final String ASSUMED = "assumed ARIMA(0,1,1) errors";
    /** Fewer complete realised paths than this: the assumed structure is used instead. */
    public static final int MIN_PATHS = 12;

    public TargetProbability {
        outcomes = outcomes.clone();
    }

    @Override
    public double[] outcomes() {
        return outcomes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetProbability t && Double.compare(expected, t.expected) == 0
            && Double.compare(sd, t.sd) == 0 && Double.compare(probability, t.probability) == 0
            && basis.equals(t.basis) && Arrays.equals(outcomes, t.outcomes) && Double.compare(bandwidth, t.bandwidth) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(expected, sd, probability, basis, bandwidth) * 31 + Arrays.hashCode(outcomes);
    }

    /** P(full-year growth ≥ {@code target}) from the same distribution, for another target. */
    public double probabilityOf(double target) {
        if (!Double.isFinite(target)) {
            return Double.NaN;
        }
        if (outcomes.length == 0) {
            return sd > 0 ? 1 - STANDARD_NORMAL.cumulativeProbability((target - expected) / sd) : expected >= target ? 1 : 0;
        }
        double p = 0;
        for (double g : outcomes) {
            p += bandwidth > 0 ? STANDARD_NORMAL.cumulativeProbability((g - target) / bandwidth) : g >= target ? 1 : 0;
        }
        return p / outcomes.length;
    }

    /**
     * P from the realised errors {@code errorPaths} (forecast − outcome per origin, columns = horizons 1…; only rows
     * known at every horizon to December count); {@link #of} when fewer than {@link #MIN_PATHS} rows are complete.
     * The kernel's bandwidth is Silverman's rule on the errors (0.9 · min(sd, IQR/1.34) · n<sup>−1/5</sup>).
     */
    public static TargetProbability fromErrors(double cumulative, int monthsPublished, Forecast[] remaining,
                                               double[] weights, double target, List<double[]> errorPaths) {
        check(cumulative, monthsPublished, remaining);
        double[] errors = realised(monthsPublished, remaining.length, weights, errorPaths, 12);
        if (monthsPublished == 12 || errors.length < MIN_PATHS) {
            return of(cumulative, monthsPublished, remaining, weights, target);
        }
        double mean = moments(cumulative, monthsPublished, remaining, weights, 12).expected();
        double[] outcomes = new double[errors.length];
        double squares = 0;
        for (int j = 0; j < errors.length; j++) {
            outcomes[j] = mean - errors[j];
            squares += errors[j] * errors[j];
        }
        double[] sorted = errors.clone();
        Arrays.sort(sorted);
        double sdErrors = sd(errors);
        double iqr = (Intervals.quantile(sorted, 0.75) - Intervals.quantile(sorted, 0.25)) / 1.34;
        double spread = iqr > 0 ? Math.min(sdErrors, iqr) : sdErrors;
        double bandwidth = 0.9 * spread * Math.pow(errors.length, -0.2);
        TargetProbability t = new TargetProbability(mean, Math.sqrt(squares / errors.length), Double.NaN, REALISED,
            outcomes, bandwidth);
        return new TargetProbability(mean, t.sd(), t.probabilityOf(target), REALISED, outcomes, bandwidth);
    }

    /**
     * The realised errors of the 1—{@code upTo}月 forecast: per complete error path, Σ w<sub>m</sub> e<sub>m</sub>
     * over the months m = k+1 … upTo, with the weights of months 1 … upTo normalised to one.
     */
    static double[] realised(int monthsPublished, int horizons, double[] weights, List<double[]> errorPaths,
                             int upTo) {
        int r = upTo - monthsPublished;
        if (r <= 0 || errorPaths == null) {
            return new double[0];
        }
        double[] all = shares(weights);
        double total = 0;
        for (int m = 0; m < upTo; m++) {
            total += all[m];
        }
        List<Double> out = new ArrayList<>();
        for (double[] path : errorPaths) {
            if (path.length < r) {
                continue;
            }
            double e = 0;
            boolean complete = true;
            for (int i = 0; i < r && complete; i++) {
                complete = Double.isFinite(path[i]);
                e += all[monthsPublished + i] / total * path[i];
            }
            if (complete) {
                out.add(e);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double sd(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return x.length > 1 ? Math.sqrt(ss / (x.length - 1)) : 0;
    }

    /**
     * @param cumulative      published cumulative growth of months 1…k, % (ignored when k = 0)
     * @param monthsPublished k, the months the cumulative covers (0–12)
     * @param remaining       forecasts of months k+1…12, in order
     * @param weights         last year's value added of months 1…12 (any scale), or null for equal weights
     * @param target          the full-year growth target, %
     */
    public static TargetProbability of(double cumulative, int monthsPublished, Forecast[] remaining, double[] weights,
                                       double target) {
        check(cumulative, monthsPublished, remaining);
        Cumulative year = moments(cumulative, monthsPublished, remaining, weights, 12);
        double mean = year.expected();
        double sd = year.sd();
        TargetProbability t = new TargetProbability(mean, sd, Double.NaN, ASSUMED, new double[0], 0);
        return new TargetProbability(mean, sd, t.probabilityOf(target), ASSUMED, new double[0], 0);
    }

    /**
     * The cumulative growth of months 1…K expected for each K = k+1 … 12, with its standard deviation, by the same
     * weighted mean and error correlation as {@link #of}; the last one is the full year.
     *
     * @param months K, the months the cumulative covers
     */
    public record Cumulative(int months, double expected, double sd) implements Serializable {
    }

    /**
     * {@link #path} with each 1—K月 interval from the realised errors of that cumulative (their empirical 80% and 95%
     * absolute quantiles, {@link Intervals}) where at least {@link Intervals#MIN_ERRORS} paths are complete, else
     * normal with the assumed structure's standard deviation.
     */
    public static List<Forecast> realisedPath(double cumulative, int monthsPublished, Forecast[] remaining,
                                              double[] weights, List<double[]> errorPaths, int year, String model) {
        List<Forecast> out = new ArrayList<>();
        for (Cumulative c : path(cumulative, monthsPublished, remaining, weights)) {
            java.time.YearMonth month = java.time.YearMonth.of(year, c.months());
            int horizon = c.months() - monthsPublished;
            double[] errors = realised(monthsPublished, remaining.length, weights, errorPaths, c.months());
            out.add(errors.length >= Math.max(Intervals.MIN_ERRORS, MIN_PATHS)
                ? Intervals.fromErrors(month, horizon, c.expected(), errors, model)
                : Forecast.normal(month, horizon, c.expected(), c.sd(), model));
        }
        return out;
    }

    /** {@link Cumulative} for K = k+1 … 12, in order (empty when the year is published). */
    public static List<Cumulative> path(double cumulative, int monthsPublished, Forecast[] remaining, double[] weights) {
        check(cumulative, monthsPublished, remaining);
        List<Cumulative> out = new ArrayList<>();
        for (int k = monthsPublished + 1; k <= 12; k++) {
            out.add(moments(cumulative, monthsPublished, remaining, weights, k));
        }
        return out;
    }

    private static void check(double cumulative, int monthsPublished, Forecast[] remaining) {
        if (monthsPublished < 0 || monthsPublished > 12) {
            throw new IllegalArgumentException("monthsPublished must be 0–12, got " + monthsPublished);
        }
        if (remaining.length != 12 - monthsPublished) {
            throw new IllegalArgumentException("need forecasts of the " + (12 - monthsPublished)
                + " remaining months, got " + remaining.length);
        }
        if (monthsPublished > 0 && !Double.isFinite(cumulative)) {
            throw new IllegalArgumentException("the cumulative growth of 1—" + monthsPublished + "月 is not a number");
        }
    }

    /** Mean and standard deviation of the cumulative growth of months 1…{@code upTo}. */
    private static Cumulative moments(double cumulative, int monthsPublished, Forecast[] remaining, double[] weights,
                                      int upTo) {
        double[] all = shares(weights);
        double total = 0;
        for (int m = 0; m < upTo; m++) {
            total += all[m];
        }
        double[] w = new double[upTo];
        for (int m = 0; m < upTo; m++) {
            w[m] = all[m] / total;
        }
        double published = 0;
        for (int m = 0; m < Math.min(monthsPublished, upTo); m++) {
            published += w[m];
        }
        double mean = published * (monthsPublished > 0 ? cumulative : 0);
        int r = Math.max(0, upTo - monthsPublished);
        double[] sds = new double[r];
        double[] weight = new double[r];
        for (int i = 0; i < r; i++) {
            mean += w[monthsPublished + i] * remaining[i].point();
            sds[i] = remaining[i].sd();
            weight[i] = w[monthsPublished + i];
        }
        // α from every forecast of the year, so each K sees the same error structure.
        double alpha = alpha(remaining);
        double variance = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                variance += weight[i] * weight[j] * sds[i] * sds[j]
                    * correlation(remaining[i].horizon(), remaining[j].horizon(), alpha);
            }
        }
        return new Cumulative(upTo, mean, Math.sqrt(Math.max(variance, 0)));
    }

    /** Weights normalised to sum 1; equal when unknown. */
    private static double[] shares(double[] weights) {
        if (weights == null) {
            double[] equal = new double[12];
            Arrays.fill(equal, 1.0 / 12);
            return equal;
        }
        if (weights.length != 12 || Arrays.stream(weights).anyMatch(x -> !(x >= 0))) {
            throw new IllegalArgumentException("weights must be 12 non-negative numbers, got " + Arrays.toString(weights));
        }
        double total = Arrays.stream(weights).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        return Arrays.stream(weights).map(x -> x / total).toArray();
    }

    /** α of the ARIMA(0,1,1) whose error variance grows with the horizon as the forecasts' does (least squares). */
    static double alpha(Forecast[] f) {
        if (f.length < 2) {
            return 0;
        }
        double first = f[0].sd() * f[0].sd();
        int h0 = f[0].horizon();
        double sxy = 0;
        double sxx = 0;
        for (int i = 1; i < f.length; i++) {
            double x = f[i].horizon() - h0;
            double y = f[i].sd() * f[i].sd() / first - 1;
            sxy += x * y;
            sxx += x * x;
        }
        // var_h / var_h0 − 1 = (h − h0)·s with s = α² / (1 + (h0 − 1)·α²); solved for α² from the fitted slope s.
        double slope = sxx > 0 ? Math.max(0, sxy / sxx) : 0;
        double denominator = 1 - (h0 - 1) * slope;
        return denominator <= slope ? 1 : Math.min(1, Math.sqrt(slope / denominator));
    }

    /** Correlation of the h- and j-step errors of an ARIMA(0,1,1) with smoothing weight α. */
    static double correlation(int h, int j, double alpha) {
        if (h == j) {
            return 1;
        }
        int near = Math.min(h, j);
        int far = Math.max(h, j);
        double a2 = alpha * alpha;
        return (alpha + (near - 1) * a2) / Math.sqrt((1 + (near - 1) * a2) * (1 + (far - 1) * a2));
    }
}
