package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetProbabilityTest {

    /** Forecasts of months k+1…12 whose errors are those of an ARIMA(0,1,1) with innovation sd σ and weight α. */
    private static Forecast[] forecasts(int k, double[] points, double sigma, double alpha) {
        Forecast[] f = new Forecast[12 - k];
        for (int i = 0; i < f.length; i++) {
            int h = i + 1;
            double sd = sigma * Math.sqrt(1 + (h - 1) * alpha * alpha);
            f[i] = Forecast.normal(YearMonth.of(2024, k + h), h, points[i], sd, "test");
        }
        return f;
    }

    @Test
    void theRealisedErrorsOfTheMonthsAheadSetTheChance() {
        // 1—10月 at 6%, November and December forecast at 6%: the year is expected at 6%. Twelve past origins erred by
        // e_j = j − 5.5 in both months; with equal weights the year's error is 2/12 · e_j.
        Forecast[] f = forecasts(10, new double[] {6, 6}, 1, 0);
        java.util.List<double[]> paths = new java.util.ArrayList<>();
        for (int j = 0; j < 12; j++) {
            paths.add(new double[] {j - 5.5, j - 5.5});
        }
        paths.add(new double[] {1, Double.NaN}); // its December is not known yet: not a complete path
        TargetProbability p = TargetProbability.fromErrors(6, 10, f, null, 6, paths);
        assertEquals(TargetProbability.REALISED, p.basis());
        assertEquals(12, p.outcomes().length, "only complete paths count");
        assertEquals(6, p.expected(), 1e-12);
        assertEquals(0.5, p.probability(), 1e-12, "errors symmetric around zero: even odds at the expected value");
        double[] sorted = p.outcomes().clone();
        java.util.Arrays.sort(sorted);
        assertEquals(6 - 5.5 / 6, sorted[0], 1e-12, "the largest over-forecast, weighted by 2/12");
        assertTrue(p.probabilityOf(8) < 0.01 && p.probabilityOf(4) > 0.99,
            "beyond every realised error: " + p.probabilityOf(8) + ", " + p.probabilityOf(4));
        assertTrue(p.probabilityOf(6.5) < p.probabilityOf(6.2), "monotone in the target");

        TargetProbability few = TargetProbability.fromErrors(6, 10, f, null, 6, paths.subList(0, 11));
        assertEquals(TargetProbability.ASSUMED, few.basis(), "eleven paths are too few");
    }

    /** The assumed structure's own check: years simulated from an ARIMA(0,1,1) (the fallback when no errors are kept). */
    @Test
    void probabilitiesAreCalibratedOnSimulatedYears() {
        Random random = new Random(2024);
        int cases = 2000;
        int bins = 5;
        double[] predicted = new double[bins];
        double[] reached = new double[bins];
        int[] count = new int[bins];
        double brier = 0;
        for (int c = 0; c < cases; c++) {
            int k = 2 + random.nextInt(9);
            double sigma = 0.3 + random.nextDouble();
            double alpha = random.nextDouble();
            double[] weights = new double[12];
            for (int m = 0; m < 12; m++) {
                weights[m] = 0.8 + 0.4 * random.nextDouble() + (m == 11 ? 0.3 : 0);
            }
            double total = 0;
            double publishedWeight = 0;
            for (int m = 0; m < 12; m++) {
                total += weights[m];
                publishedWeight += m < k ? weights[m] : 0;
            }
            double cumulative = 5 + random.nextGaussian();
            double level = cumulative + 0.5 * random.nextGaussian();
            double[] points = new double[12 - k];
            java.util.Arrays.fill(points, level);
            Forecast[] f = forecasts(k, points, sigma, alpha);
            double target = level + random.nextGaussian() * sigma * (12 - k) / 12 * 2;
            TargetProbability p = TargetProbability.of(cumulative, k, f, weights, target);
            // The year as it turns out: the same ARIMA(0,1,1) errors around the forecasts.
            double shocks = 0;
            double outcome = publishedWeight * cumulative;
            for (int i = 0; i < f.length; i++) {
                double e = random.nextGaussian() * sigma;
                outcome += weights[k + i] * (points[i] + e + alpha * shocks);
                shocks += e;
            }
            outcome /= total;
            boolean hit = outcome >= target;
            int bin = Math.min(bins - 1, (int) (p.probability() * bins));
            predicted[bin] += p.probability();
            reached[bin] += hit ? 1 : 0;
            count[bin]++;
            brier += Math.pow(p.probability() - (hit ? 1 : 0), 2);
        }
        for (int b = 0; b < bins; b++) {
            assertTrue(count[b] > 100, "bin " + b + " has " + count[b] + " cases");
            double p = predicted[b] / count[b];
            double share = reached[b] / count[b];
            // Binomial noise of a share over ≥ 100 cases is at most 0.05: allow about two of it.
            assertEquals(p, share, 0.1, "cases given about " + p + " reached the target " + share + " of the time");
        }
        assertTrue(brier / cases < 0.2, "sharper than a coin: Brier " + brier / cases);
    }

    @Test
    void correlatedErrorsWidenTheYear() {
        double[] points = new double[10];
        java.util.Arrays.fill(points, 6);
        TargetProbability independent = TargetProbability.of(6, 2, forecasts(2, points, 1, 0), null, 6.5);
        TargetProbability walk = TargetProbability.of(6, 2, forecasts(2, points, 1, 0.8), null, 6.5);
        assertEquals(6, independent.expected(), 1e-12);
        assertEquals(Math.sqrt(10) / 12, independent.sd(), 1e-9, "ten independent months, each weight 1/12");
        assertTrue(walk.sd() > 2 * independent.sd(), "errors that move together do not average out");
        assertTrue(walk.probability() > independent.probability(), "a wider spread gives a distant target more chance");
    }

    @Test
    void equalWeightsWhenLastYearIsUnknownAndCertaintyAtTheEnd() {
        double[] points = {8, 8, 8, 8, 8, 8};
        TargetProbability p = TargetProbability.of(5, 6, forecasts(6, points, 1e-9, 0), null, 6.4);
        assertEquals(6.5, p.expected(), 1e-9, "half the year at 5, half at 8");
        assertEquals(1, p.probability(), 1e-9);
        TargetProbability december = TargetProbability.of(6.1, 12, new Forecast[0], null, 6.0);
        assertEquals(1, december.probability(), 0, "the year is published and above target");
    }

    @Test
    void thePathToDecemberEndsInTheFullYear() {
        double[] points = {8, 8, 8, 8, 8, 8};
        Forecast[] f = forecasts(6, points, 1, 0);
        java.util.List<TargetProbability.Cumulative> path = TargetProbability.path(5, 6, f, null);
        assertEquals(6, path.size(), "1—7月 … 1—12月");
        TargetProbability.Cumulative eight = path.get(1);
        assertEquals(8, eight.months());
        assertEquals((6 * 5 + 2 * 8) / 8.0, eight.expected(), 1e-12, "six months at 5, two at 8");
        assertEquals(Math.sqrt(2) / 8, eight.sd(), 1e-12, "two independent months of sd 1, each weight 1/8");
        TargetProbability year = TargetProbability.of(5, 6, f, null, 6);
        assertEquals(year.expected(), path.get(5).expected(), 1e-12);
        assertEquals(year.sd(), path.get(5).sd(), 1e-12);
    }
}
