package org.countyscope.forecast.spark;

import org.countyscope.forecast.Series;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Simulated county growth series for the Spark-side forecast tests. */
final class Panels {

    private Panels() {
    }

    /**
     * Growth as a slowly moving level plus month-to-month noise of standard deviation {@code noise}, published the
     * NBS way since 2013: January and February only as their 1—2月 cumulative. The last value is a noisy guess of the
     * level, so a learner that pulls it toward the recent mean beats naive.
     */
    static Series growth(YearMonth start, int months, double noise, long seed) {
        Random random = new Random(seed);
        double[] values = new double[months];
        double[] cumulative = Series.nans(months);
        double level = 7 + random.nextGaussian();
        for (int i = 0; i < months; i++) {
            level += 0.1 * random.nextGaussian();
            values[i] = level + noise * random.nextGaussian();
        }
        for (int i = 0; i < months; i++) {
            if (start.plusMonths(i).getMonthValue() == 2) {
                cumulative[i] = i > 0 ? (values[i - 1] + values[i]) / 2 : values[i];
            }
        }
        // Only then are the single months withheld: the cumulative above needs January's value.
        for (int i = 0; i < months; i++) {
            if (start.plusMonths(i).getMonthValue() <= 2) {
                values[i] = Double.NaN;
            }
        }
        return new Series(start, values, cumulative);
    }

    static List<Series> panel(int count, YearMonth start, int months, long seed) {
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(growth(start, months, 0.6 + 0.3 * i, seed + i));
        }
        return out;
    }

    /** The series with every value after {@code origin} replaced by a huge number. */
    static Series poisonedAfter(Series s, YearMonth origin) {
        double[] v = s.values();
        double[] c = s.cumulative();
        for (int i = s.indexOf(origin) + 1; i < v.length; i++) {
            v[i] = 1e9;
            c[i] = 1e9;
        }
        return new Series(s.start(), v, c);
    }
}
