package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrowthFeaturesTest {

    private static final YearMonth START = YearMonth.of(2016, 1);

    /** Growth 5 + month index / 10 with every month published: each feature can be worked out by hand. */
    private static double[] ramp(int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = 5 + i / 10.0;
        }
        return z;
    }

    @Test
    void featuresOfARampByHand() {
        double[] z = ramp(40);
        int origin = 30;
        double[] f = GrowthFeatures.of(z, START, origin, 2, null);
        // Every month-to-month change is 0.1, so the volatility scale is its floor-free value 0.1.
        double scale = 0.1;
        assertEquals(GrowthFeatures.NAMES.size(), f.length);
        assertEquals(2, f[0], "horizon");
        assertEquals(START.plusMonths(32).getMonthValue(), f[1], "calendar month of the target (2018-09)");
        assertEquals(SpringFestival.growthRegressor(START.plusMonths(32)), f[2], 0, "festival shift of the target");
        assertEquals(0, f[3], "no festival in September");
        assertEquals(0.1 / scale, f[4], 1e-9, "change over one month, in units of volatility");
        assertEquals(0.3 / scale, f[5], 1e-9, "change over three months");
        assertEquals(0.55 / scale, f[6], 1e-9, "level against the mean of the last twelve months (5.5 months back)");
        assertEquals(-1.0 / scale, f[7], 1e-9, "last year's growth in the target month (index 20) against now");
        assertEquals(0.2 / scale, f[8], 1e-9, "how last year's growth moved over the same two months");
        double level = z[30];
        double implied = 100 * ((1 + level / 100) * (1 + z[18] / 100) / (1 + z[20] / 100) - 1) - level;
        assertEquals(implied / scale, f[9], 1e-9, "the change a constant two-year average implies");
    }

    @Test
    void theFestivalMonthFlagFollowsTheLunarCalendar() {
        double[] z = ramp(60);
        // Origin 2019-12, target 2020-01: the festival fell on 25 January 2020.
        int origin = (int) START.until(YearMonth.of(2019, 12), java.time.temporal.ChronoUnit.MONTHS);
        assertEquals(1, GrowthFeatures.of(z, START, origin, 1, null)[3], "2020-01 holds 春节");
        assertEquals(0, GrowthFeatures.of(z, START, origin, 2, null)[3], "2020-02 does not");
    }

    @Test
    void missingMonthsGiveNoFeaturesAndThePpiIsOptional() {
        double[] z = ramp(40);
        z[29] = Double.NaN;
        assertNull(GrowthFeatures.of(z, START, 30, 1, null), "the month before the origin is missing");
        assertNull(GrowthFeatures.of(ramp(40), START, 20, 1, null), "less than two years of history");
        assertNull(GrowthFeatures.of(ramp(40), START, 30, 13, null), "beyond the longest horizon");
        double[] ppi = new double[40];
        java.util.Arrays.fill(ppi, 101);
        ppi[30] = 103;
        double[] f = GrowthFeatures.of(ramp(40), START, 30, 1, new Series(START, ppi));
        assertEquals(GrowthFeatures.NAMES_WITH_PPI.size(), f.length);
        assertArrayEquals(new double[] {3, 2}, new double[] {f[10], f[11]}, 1e-12, "PPI − 100 and its change over 3 months");
    }

    @Test
    void examplesUseOnlyTheSeriesAsGivenAndLabelTheScaledChange() {
        Series s = SeriesFixtures.growth(YearMonth.of(2012, 1), 96, -3, 7);
        Series cut = s.upTo(YearMonth.of(2017, 6));
        List<GrowthFeatures.Example> examples = GrowthFeatures.examples(cut, null, 12);
        double[] z = JanuaryFebruary.filled(cut);
        List<Double> labels = new java.util.ArrayList<>();
        for (int o = 0; o < z.length - 1; o++) {
            for (int h = 1; h <= 12 && o + h < z.length; h++) {
                if (Double.isFinite(z[o]) && Double.isFinite(z[o + h])
                    && GrowthFeatures.of(z, cut.start(), o, h, null) != null) {
                    labels.add((z[o + h] - z[o]) / GrowthFeatures.scale(z, o));
                }
            }
        }
        assertEquals(labels.size(), examples.size(), "one example per origin × horizon with both months known, none past the cut");
        for (int i = 0; i < labels.size(); i++) {
            assertEquals(labels.get(i), examples.get(i).label(), 1e-12, "example " + i + ": the change in units of volatility");
        }
        assertTrue(examples.stream().allMatch(e -> Double.isFinite(e.label())), "no example without a label");
    }
}
