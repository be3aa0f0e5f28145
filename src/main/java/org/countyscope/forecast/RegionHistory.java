package org.countyscope.forecast;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One region's monthly history as the forecast job reads it: 规上工业增加值 growth at comparable prices on the same
 * enterprise set, single month and 1—N月 ({@link Series}, January and February only as the 1—2月 cumulative, as
 * published), and the value added that weights months into a year — the same enterprises' value a year earlier
 * ({@code bases}) and value added at current prices ({@code levels}). A period covering 1—2月 stands at February in the
 * arrays, as in the warehouse. Arrays run parallel to the series' months.
 */
public record RegionHistory(String regionCode, String regionName, String regionLevel, Series growth, double[] bases,
                            double[] levels) implements Serializable {

    public RegionHistory {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(growth, "growth");
        if (bases.length != growth.length() || levels.length != growth.length()) {
            throw new IllegalArgumentException(regionCode + ": bases and levels must cover the " + growth.length()
                + " months of the series");
        }
        bases = bases.clone();
        levels = levels.clone();
    }

    /** One month of a region as read from the warehouse; NaN where a figure is missing. */
    public record Month(YearMonth period, double growth, double cumulativeGrowth, double base, double level)
        implements Serializable {
    }

    /**
     * The history from the earliest of {@code months} to {@code end} (months after it are left out, missing ones are
     * NaN). January and February keep only their cumulative growth: neither is published alone.
     */
    public static RegionHistory of(String regionCode, String regionName, String regionLevel, List<Month> months,
                                   YearMonth end) {
        List<Month> sorted = months.stream().filter(m -> !m.period().isAfter(end))
            .sorted(Comparator.comparing(Month::period)).toList();
        YearMonth start = sorted.isEmpty() ? end : sorted.get(0).period();
        int n = (int) start.until(end, java.time.temporal.ChronoUnit.MONTHS) + 1;
        double[] values = Series.nans(n);
        double[] cumulative = Series.nans(n);
        double[] bases = Series.nans(n);
        double[] levels = Series.nans(n);
        for (Month m : sorted) {
            int i = (int) start.until(m.period(), java.time.temporal.ChronoUnit.MONTHS);
            values[i] = m.period().getMonthValue() <= 2 ? Double.NaN : m.growth();
            cumulative[i] = m.period().getMonthValue() == 2 && !Double.isFinite(m.cumulativeGrowth()) ? m.growth()
                : m.cumulativeGrowth();
            bases[i] = m.base();
            levels[i] = m.level();
        }
        return new RegionHistory(regionCode, regionName, regionLevel, new Series(start, values, cumulative), bases,
            levels);
    }

    @Override
    public double[] bases() {
        return bases.clone();
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    /** The growth of the period that ends in {@code month} as published: 1—2月 at February, none at January. */
    public double periodGrowth(YearMonth month) {
        return month.getMonthValue() == 2 ? cumulativeAt(month) : growth.valueOf(month);
    }

    public double cumulativeAt(YearMonth month) {
        int i = growth.indexOf(month);
        return i >= 0 && i < growth.length() ? growth.cumulative(i) : Double.NaN;
    }

    double baseAt(YearMonth month) {
        return at(bases, month);
    }

    double levelAt(YearMonth month) {
        return at(levels, month);
    }

    private double at(double[] a, YearMonth month) {
        int i = growth.indexOf(month);
        return i >= 0 && i < a.length ? a[i] : Double.NaN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionHistory r && regionCode.equals(r.regionCode) && Objects.equals(regionName, r.regionName)
            && Objects.equals(regionLevel, r.regionLevel) && growth.equals(r.growth) && Arrays.equals(bases, r.bases)
            && Arrays.equals(levels, r.levels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regionCode, growth) * 31 + Arrays.hashCode(bases);
    }

    @Override
    public String toString() {
        return "RegionHistory[" + regionCode + " " + regionName + ", " + growth + "]";
    }
}
