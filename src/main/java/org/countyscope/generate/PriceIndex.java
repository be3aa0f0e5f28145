package org.countyscope.generate;

import java.util.SplittableRandom;

/**
 * Synthetic monthly PPI (previous year same month = 100) per industrial 大类, shaped on the real national series, and
 * the price level it implies.
 */
final class PriceIndex {

    /**
     * The national month that stands in for January of the start year: from April 2012 the real series falls, stays
     * flat, then falls again, like 2023–2025.
     */
    private static final int TEMPLATE_YEAR = 2012;
    private static final int TEMPLATE_MONTH = 4;

    private final int[] codes;
    private final double[][] index;
    private final double[][] level;
    private final int coalRow;

    /** @param codes industrial 大类 codes present, ascending */
    PriceIndex(ReferenceData ref, Timeline timeline, int[] codes, long seed) {
        this.codes = codes.clone();
        int n = timeline.months();
        double[] national = new double[n];
        int base = ref.nationalPpiPosition(TEMPLATE_YEAR, TEMPLATE_MONTH);
        for (int t = 0; t < n; t++) {
            national[t] = ref.nationalPpiAt(base + t);
        }
        double[] coal = coalIndex(timeline, seed);
        this.index = new double[codes.length][n];
        this.level = new double[codes.length][n];
        int coalAt = -1;
        for (int i = 0; i < codes.length; i++) {
            SplittableRandom random = Seeds.random(seed, "ppi", codes[i]);
            double noise = 0;
            for (int t = 0; t < n; t++) {
                noise = 0.6 * noise + 0.4 * Seeds.gauss(random);
                index[i][t] = Fmt.round1(value(codes[i], national[t], coal[t], noise, t));
            }
            if (codes[i] == 6) {
                coalAt = i;
            }
            for (int t = 0; t < n; t++) {
                // Level against the year before the run; built from the published (rounded) index so deflating by it is exact.
                double previous = t >= 12 ? level[i][t - 12] : 1.0;
                level[i][t] = previous * index[i][t] / 100.0;
            }
        }
        this.coalRow = coalAt;
    }

    private static double value(int dl, double national, double coal, double noise, int t) {
        double nat = national - 100.0;
        double v;
        if (dl == 6) {
            v = coal - 100.0;
        } else if (dl >= 7 && dl <= 12) {
            v = 0.7 * (coal - 100.0) + 0.5 * nat + 0.6 * noise;
        } else if (dl == 44) {
            v = 1.5 + 0.05 * (coal - 100.0) + 0.5 * noise + 0.4 * StrictMath.sin(2 * Math.PI * t / 12.0);
            v = clamp(v, -0.5, 3.5);
        } else if (dl == 45) {
            v = 1.0 + 0.5 * nat + 0.5 * noise;
        } else if (dl == 46) {
            v = 1.2 + 0.3 * noise;
            v = clamp(v, 0, 2.5);
        } else if (dl >= 13 && dl <= 15) {
            v = 0.9 + 0.2 * nat + 0.4 * noise;
            v = clamp(v, -1.2, 2.2);
        } else if (dl == 25 || dl == 26 || dl == 28) {
            v = 0.4 * (coal - 100.0) + 0.8 * nat + 0.6 * noise;
        } else if (dl == 30) {
            v = -1.0 + 1.5 * nat + 0.8 * noise;
        } else if (dl == 31 || dl == 32) {
            v = 2.0 * nat + 0.8 * noise;
        } else if (dl == 27) {
            v = 0.1 * nat + 0.3 * noise;
        } else if (dl == 22 || dl == 23 || dl == 29) {
            v = 0.9 * nat + 0.5 * noise;
        } else if (dl <= 24) {
            v = 0.3 + 0.3 * nat + 0.4 * noise;
        } else {
            v = 0.3 + 0.5 * nat + 0.4 * noise;
        }
        return 100.0 + v;
    }

    /**
     * Coal: a log price path from the year before the run — rising that year, falling through the first year,
     * flat in the second, down then up in the third, random drifts after — read off as year-on-year indices.
     */
    private static double[] coalIndex(Timeline timeline, long seed) {
        int n = timeline.months();
        SplittableRandom random = Seeds.random(seed, "ppi-coal");
        double[] logPrice = new double[n + 12];
        double drift = 0;
        for (int k = 1; k < n + 12; k++) {
            int yearOffset = k / 12 - 1;
            int month = k % 12 + 1;
            if (yearOffset < 0) {
                drift = 0.008;
            } else if (yearOffset == 0) {
                drift = -0.013;
            } else if (yearOffset == 1) {
                drift = 0.0;
            } else if (yearOffset == 2) {
                drift = month <= 6 ? -0.010 : 0.012;
            } else if (month == 1 || month == 7) {
                drift = 0.008 * Seeds.gauss(random);
            }
            logPrice[k] = logPrice[k - 1] + drift + 0.012 * Seeds.gauss(random);
        }
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            out[t] = clamp(100.0 * StrictMath.exp(logPrice[t + 12] - logPrice[t]), 80.0, 120.0);
        }
        return out;
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }

    int[] codes() {
        return codes.clone();
    }

    /** Row of a 大类 in the arrays, or −1. */
    int row(int dl) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == dl) {
                return i;
            }
        }
        return -1;
    }

    /** Published index (one decimal) of a 大类 row in a month. */
    double index(int row, int t) {
        return index[row][t];
    }

    /** Price level of a 大类 row in a month relative to the same month of the year before the run. */
    double level(int row, int t) {
        return level[row][t];
    }

    /** Coal's price level, or 1 when no coal enterprise is in the sample. */
    double coalLevel(int t) {
        return coalRow < 0 ? 1.0 : level[coalRow][t];
    }

}
