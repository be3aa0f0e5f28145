package org.countyscope.forecast;

import java.io.Serializable;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * One monthly series as published: values from {@code start}, NaN where nothing was published, and optionally the
 * cumulative 1—N月 figure published alongside (all NaN when unknown). A series used for forecasting ends at the
 * forecast origin: its last month is the last month whose data are out, even if that month's value is NaN.
 */
public record Series(YearMonth start, double[] values, double[] cumulative) implements Serializable {

    public Series {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(cumulative, "cumulative");
        if (cumulative.length != values.length) {
            throw new IllegalArgumentException("cumulative has " + cumulative.length + " months, values " + values.length);
        }
        values = values.clone();
        cumulative = cumulative.clone();
    }

    /** A series without cumulative figures. */
    public Series(YearMonth start, double[] values) {
        this(start, values, nans(values.length));
    }

    /** A copy of the values; the record keeps its own. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** A copy of the cumulative figures. */
    @Override
    public double[] cumulative() {
        return cumulative.clone();
    }

    public int length() {
        return values.length;
    }

    /** The last month of the series: the forecast origin. */
    public YearMonth end() {
        return start.plusMonths(values.length - 1L);
    }

    public YearMonth monthAt(int index) {
        return start.plusMonths(index);
    }

    /** The position of {@code month}, which may lie outside the series (negative or ≥ length). */
    public int indexOf(YearMonth month) {
        return (int) start.until(month, ChronoUnit.MONTHS);
    }

    public double value(int index) {
        return values[index];
    }

    public double cumulative(int index) {
        return cumulative[index];
    }

    /** The value of {@code month}, NaN outside the series or when unpublished. */
    public double valueOf(YearMonth month) {
        int i = indexOf(month);
        return i >= 0 && i < values.length ? values[i] : Double.NaN;
    }

    public boolean hasCumulative() {
        return Arrays.stream(cumulative).anyMatch(Double::isFinite);
    }

    /** Index of the last published value, or -1 if there is none. */
    public int lastPublishedIndex() {
        for (int i = values.length - 1; i >= 0; i--) {
            if (Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Number of published values. */
    public int publishedCount() {
        return (int) Arrays.stream(values).filter(Double::isFinite).count();
    }

    /**
     * What was known at the end of {@code origin}: the series cut there, so nothing later exists in it at all.
     * An origin after the end extends the series with unpublished months.
     */
    public Series upTo(YearMonth origin) {
        int n = indexOf(origin) + 1;
        if (n < 1) {
            throw new IllegalArgumentException("origin " + origin + " is before the start " + start);
        }
        double[] v = nans(n);
        double[] c = nans(n);
        int keep = Math.min(n, values.length);
        System.arraycopy(values, 0, v, 0, keep);
        System.arraycopy(cumulative, 0, c, 0, keep);
        return new Series(start, v, c);
    }

    /** An array of {@code n} NaNs: months not published. */
    public static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && start.equals(s.start) && Arrays.equals(values, s.values)
            && Arrays.equals(cumulative, s.cumulative);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * start.hashCode() + Arrays.hashCode(values)) + Arrays.hashCode(cumulative);
    }

    @Override
    public String toString() {
        return "Series[" + start + ".." + end() + ", " + publishedCount() + " published]";
    }
}
