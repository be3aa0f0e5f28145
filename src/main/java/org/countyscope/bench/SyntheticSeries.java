package org.countyscope.bench;

import org.countyscope.forecast.Series;
import org.countyscope.forecast.SpringFestival;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * County-like monthly growth series for the forecast speed benchmark, as the NBS publishes them since 2013: a slowly
 * moving level, noise and a Spring Festival effect; January and February only as the cumulative 1—2月 figure.
 */
public final class SyntheticSeries {
    /** First month of every generated series. */
    public static final YearMonth START = YearMonth.of(2014, 1);
    /** Shortest series: nine years; series end in every month of the year in turn. */
    public static final int MIN_MONTHS = 108;
    /** Spring Festival effect, in points per unit of {@link SpringFestival#growthRegressor}. */
    public static final double FESTIVAL = -3;

    private SyntheticSeries() {
    }

    /** {@code n} series of {@link #MIN_MONTHS}–{@link #MIN_MONTHS}+11 months, seeded 1000, 1001, … */
    public static List<Series> batch(int n) {
        List<Series> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(growth(START, MIN_MONTHS + i % 12, FESTIVAL, 1000 + i));
        }
        return out;
    }

    /** One growth series of {@code months} months from {@code start}. */
    public static Series growth(YearMonth start, int months, double festival, long seed) {
        Random random = new Random(seed);
        double[] values = new double[months];
        double[] cumulative = new double[months];
        java.util.Arrays.fill(cumulative, Double.NaN);
        double level = 6 + random.nextGaussian();
        for (int i = 0; i < months; i++) {
            level += 0.15 * random.nextGaussian();
            values[i] = level + 0.5 * random.nextGaussian() + festival * SpringFestival.growthRegressor(start.plusMonths(i));
        }
        for (int i = 0; i < months; i++) {
            int month = start.plusMonths(i).getMonthValue();
            if (month == 2) {
                cumulative[i] = i > 0 ? (values[i - 1] + values[i]) / 2 : values[i];
            }
            if (month <= 2) {
                // published only as the 1—2月 cumulative since 2013
                values[i] = Double.NaN;
            }
        }
        return new Series(start, values, cumulative);
    }
}
