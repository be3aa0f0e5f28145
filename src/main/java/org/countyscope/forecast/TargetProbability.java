package org.countyscope.forecast;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chance that full-year cumulative growth reaches its target (全年目标), from the cumulative growth published so
 * far (1–k月) and forecasts of the months still to come, by a normal approximation.
 *
 * <p>Full-year growth is the weighted mean of the monthly growth rates, each month weighted by its value added last
 * year: G = (W<sub>k</sub>·C<sub>k</sub> + Σ<sub>m&gt;k</sub> w<sub>m</sub> g<sub>m</sub>) / W. Forecast errors of the
 * months ahead move together (a shift in the level moves them all), so they are correlated as the errors of an
 * ARIMA(0,1,1) are: var e<sub>h</sub> = σ²(1 + (h−1)α²) and cov(e<sub>h</sub>, e<sub>j</sub>) = σ²(α + (h−1)α²) for
 * h &lt; j, with α read from how the forecasts' standard deviations grow with the horizon (α = 0 when they do not,
 * i.e. independent errors); each forecast keeps its own standard deviation.
 *
 * @param expected    expected full-year growth, %
 * @param sd          its standard deviation, percentage points
 * @param probability P(full-year growth ≥ target)
 */
public record TargetProbability(double expected, double sd, double probability) implements Serializable {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

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
        double probability = sd > 0 ? 1 - STANDARD_NORMAL.cumulativeProbability((target - mean) / sd)
            : mean >= target ? 1 : 0;
        return new TargetProbability(mean, sd, probability);
    }

    /**
     * The cumulative growth of months 1…K expected for each K = k+1 … 12, with its standard deviation, by the same
     * weighted mean and error correlation as {@link #of}; the last one is the full year.
     *
     * @param months K, the months the cumulative covers
     */
    public record Cumulative(int months, double expected, double sd) implements Serializable {
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
            throw new IllegalArgumentException("the cumulative growth of 1–" + monthsPublished + "月 is not a number");
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
