package org.countyscope.review;

import java.util.Arrays;

/**
 * Robust statistics on plain arrays: median, MAD and quartiles, and the band a value is judged against. No Spark.
 */
public final class Band {
    /** Scales a MAD to a standard deviation under normal errors. */
    static final double MAD_TO_SD = 1.4826;

    private Band() {
    }

    /** Median of the finite values; NaN when there are none. */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Median absolute deviation from the median; NaN when there are no finite values. */
    public static double mad(double[] values) {
        double m = median(values);
        if (Double.isNaN(m)) {
            return Double.NaN;
        }
        double[] dev = Arrays.stream(finite(values)).map(v -> Math.abs(v - m)).toArray();
        return median(dev);
    }

    /** Quantile by linear interpolation between order statistics (type 7), NaN when there are no finite values. */
    public static double quantile(double[] values, double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
        }
        double[] v = finite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(v);
        double h = (v.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    /**
     * The band median ± k · max(1.4826 · MAD, floor): where a value is expected when the history's spread is its
     * robust standard deviation, never narrower than the floor (a very steady history must not make a 3% move odd).
     */
    public static Range robust(double[] history, double k, double floor) {
        double m = median(history);
        double s = Math.max(MAD_TO_SD * mad(history), floor);
        return new Range(m - k * s, m + k * s, m, s);
    }

    /** Tukey's fences Q1 − k · IQR, Q3 + k · IQR (k = 1.5 is the box plot's whisker). */
    public static Range fences(double[] values, double k) {
        double q1 = quantile(values, 0.25);
        double q3 = quantile(values, 0.75);
        double iqr = q3 - q1;
        return new Range(q1 - k * iqr, q3 + k * iqr, quantile(values, 0.5), iqr);
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /** An expected range, its centre and its scale (robust SD or IQR). */
    public record Range(double low, double high, double centre, double scale) {
        public boolean contains(double v) {
            return v >= low && v <= high;
        }

        /** How many scales v lies from the centre (signed). */
        public double score(double v) {
            return scale > 0 ? (v - centre) / scale : Double.POSITIVE_INFINITY * Math.signum(v - centre);
        }

        public boolean isDefined() {
            return Double.isFinite(low) && Double.isFinite(high);
        }
    }
}
