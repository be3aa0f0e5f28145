package org.countyscope.forecast;

import java.time.YearMonth;

/**
 * How much each month of a year weighs in its 1—N月 growth: last year's value added of the enterprises compared.
 * Published months have it exactly (the comparable set's base); months still to come take last year's value added at
 * current prices, scaled by how the published bases compare with last year's value added of the same months (the
 * set changes a little from last year's). A 1—2月 figure is split evenly between January and February.
 */
public final class YearWeights {

    private YearWeights() {
    }

    /**
     * The twelve weights of {@code year} with {@code published} months out, or null when last year's value added is
     * not known for every month (equal weights are then the honest choice).
     */
    public static double[] of(RegionHistory history, int year, int published) {
        double[] base = months(history, year, true);
        double[] lastYear = months(history, year - 1, false);
        double baseSum = 0;
        double levelSum = 0;
        for (int m = 0; m < published; m++) {
            baseSum += base[m];
            levelSum += lastYear[m];
        }
        double scale = published > 0 && baseSum > 0 && levelSum > 0 ? baseSum / levelSum : 1;
        double[] w = new double[12];
        double total = 0;
        for (int m = 0; m < 12; m++) {
            w[m] = m < published && Double.isFinite(base[m]) ? base[m] : lastYear[m] * scale;
            if (!(w[m] >= 0)) {
                return null;
            }
            total += w[m];
        }
        return total > 0 ? w : null;
    }

    /** The year's twelve monthly figures, 1—2月 split over January and February. */
    private static double[] months(RegionHistory history, int year, boolean bases) {
        double[] out = new double[12];
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            out[m - 1] = bases ? history.baseAt(month) : history.levelAt(month);
        }
        if (!Double.isFinite(out[0]) && Double.isFinite(out[1])) {
            out[0] = out[1] / 2;
            out[1] = out[1] / 2;
        }
        return out;
    }
}
