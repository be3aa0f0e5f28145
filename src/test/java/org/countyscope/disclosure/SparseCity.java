package org.countyscope.disclosure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A sparse city for a year of releases: seven counties, three of them with one or two 规上 enterprises, one dominated
 * by a single plant, four 大类; value added and profit (with losses) per enterprise and month. Figures are computed
 * straight from the enterprises, as the bureau would from 一套表 returns.
 */
final class SparseCity {
    static final String CITY = "620800";
    static final List<String> COUNTIES = List.of("620802", "620821", "620822", "620823", "620825", "620826", "620881");
    static final List<String> DIVISIONS = List.of("06", "13", "30", "44");
    static final int YEAR = 2026;
    /** The measures a monthly release publishes: value added by county and 大类; profit (with losses) by county. */
    static final List<String> MEASURES = List.of(System.getProperty("countyscope.sparseMeasures", "iva").split(","));

    /** One enterprise: where, what, and its value added and profit in each month (index 0 = January). */
    record Enterprise(String county, String division, double[] iva, double[] profit) {
        double[] of(String measure) {
            return measure.equals("profit") ? profit : iva;
        }
    }

    final List<Enterprise> enterprises = new ArrayList<>();

    SparseCity(long seed) {
        Random r = new Random(seed);
        // 620821: one enterprise; 620822: two; 620823: one until June, three from July; 620825: one giant plant and
        // three small ones; the rest have five to eight enterprises over the 大类
        add(r, "620821", "06", 400, 1);
        add(r, "620822", "13", 150, 1);
        add(r, "620822", "30", 90, 1);
        add(r, "620823", "30", 120, 1);
        add(r, "620823", "44", 200, 7);
        add(r, "620823", "13", 180, 7);
        add(r, "620825", "44", 3000, 1);
        for (int i = 0; i < 3; i++) {
            add(r, "620825", DIVISIONS.get(i), 40 + 20 * i, 1);
        }
        for (String county : List.of("620802", "620826", "620881")) {
            int n = 5 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                add(r, county, DIVISIONS.get(r.nextInt(DIVISIONS.size())), Math.exp(4 + r.nextGaussian()), 1);
            }
        }
    }

    private void add(Random r, String county, String division, double size, int opens) {
        double[] iva = new double[12];
        double[] profit = new double[12];
        for (int m = opens; m <= 12; m++) {
            iva[m - 1] = Math.round(size * (0.8 + 0.4 * r.nextDouble()) * 100) / 100.0;
            profit[m - 1] = Math.round(size * (r.nextDouble() - 0.35) * 50) / 100.0;
        }
        enterprises.add(new Enterprise(county, division, iva, profit));
    }

    /** A county (or county × 大类) figure with its contributors: enterprises with a non-zero value over the months. */
    ReleasePattern.Stats stats(FigureKey k) {
        double sum = 0;
        double largest = 0;
        double magnitude = 0;
        int n = 0;
        for (Enterprise e : enterprises) {
            boolean in = (k.region().equals(CITY) || e.county().equals(k.region()))
                && (k.division().equals(FigureKey.ALL) || e.division().equals(k.division()));
            if (!in) {
                continue;
            }
            double v = 0;
            for (int m = k.from().getMonthValue(); m <= k.to().getMonthValue(); m++) {
                v += e.of(k.measure())[m - 1];
            }
            if (v != 0) {
                n++;
                sum += v;
                largest = Math.max(largest, Math.abs(v));
                magnitude += Math.abs(v);
            }
        }
        return n == 0 ? ReleasePattern.Stats.EMPTY : new ReleasePattern.Stats(sum, n, largest, magnitude);
    }

    /** Whether the rules call the figure sensitive. */
    boolean sensitive(FigureKey k, SuppressionRules rules) {
        ReleasePattern.Stats s = stats(k);
        return s.contributors() > 0 && (s.contributors() < rules.minContributors()
            || s.largest() * 100 > rules.dominanceK() * s.magnitude());
    }

    static ReleasePattern.Geography geography() {
        return new ReleasePattern.Geography(CITY, COUNTIES, DIVISIONS);
    }

    /**
     * What a monthly release publishes: 1—N月 and the month (1—2月 in February) of value added by county and by
     * county × 大类 and of profit by county; the quarter and the half year when the month closes one.
     */
    static List<ReleasePattern.Publication> monthly(YearMonth end) {
        List<ReleasePattern.Publication> out = new ArrayList<>();
        YearMonth jan = end.withMonth(1);
        for (String measure : MEASURES) {
            boolean byDivision = measure.equals("iva");
            out.add(new ReleasePattern.Publication(measure, byDivision, jan, end));
            out.add(new ReleasePattern.Publication(measure, false, end.getMonthValue() == 2 ? jan : end, end));
            if (end.getMonthValue() % 3 == 0) {
                out.add(new ReleasePattern.Publication(measure, false, end.minusMonths(2).getMonthValue() == 1
                    ? jan : end.minusMonths(2), end));
            }
            if (end.getMonthValue() == 12) {
                out.add(new ReleasePattern.Publication(measure, false, end.withMonth(7), end));
            }
        }
        return out;
    }
}
