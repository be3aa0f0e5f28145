package org.countyscope.generate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes 一般公共预算收入, cumulative 1—N月 for every month, per county and 市本级: tax revenue from the local share of
 * the tax collected in the county (part of it goes to 市本级), plus 非税收入.
 */
final class BudgetFile {

    static final String FILE = "budget/budget_revenue.csv";
    static final String CITY_LEVEL = "市本级";

    private static final double[] NON_TAX_SEASON = {0.5, 0.6, 0.8, 0.8, 0.9, 1.1, 0.9, 0.9, 1.0, 0.9, 1.1, 2.5};

    private BudgetFile() {
    }

    /** Cumulative totals at the last covered month of each year, 万元: by county × year and by city (市本级) × year. */
    record Result(double[][] countyTotal, double[][] cityLevelTotal, List<String> cities) {
    }

    static Result write(OutputDir out, List<Region> regions, TaxFile.Result tax, Timeline timeline, long seed) {
        List<String> cities = Regions.cityCodes(regions);
        int n = timeline.months();
        int units = regions.size() + cities.size();
        // Unit u < regions.size() is a county; the rest are the cities' 市本级.
        double[][] taxIncrement = new double[units][n];
        double[][] nonTaxIncrement = new double[units][n];
        for (Region r : regions) {
            SplittableRandom random = Seeds.random(seed, "budget", Long.parseLong(r.code()));
            double retention = r.theme() == Theme.CITY_SEAT ? 0.72 : 0.86;
            int city = regions.size() + cities.indexOf(r.cityCode());
            for (int t = 0; t < n; t++) {
                double local = tax.localTax()[r.index()][t];
                taxIncrement[r.index()][t] = Math.max(0, local * retention * (1 + 0.03 * Seeds.gauss(random)));
                taxIncrement[city][t] += Math.max(0, local * (1 - retention) * (1 + 0.03 * Seeds.gauss(random)));
            }
        }
        for (int u = 0; u < units; u++) {
            String unitCode = u < regions.size() ? regions.get(u).code() : cities.get(u - regions.size());
            SplittableRandom random = Seeds.random(seed, "non-tax", Long.parseLong(unitCode), u < regions.size() ? 0 : 1);
            double ratio = u < regions.size() ? Seeds.uniform(random, 0.35, 0.55) : 0.65;
            for (int year = timeline.startYear(); year <= timeline.lastYear(); year++) {
                int first = timeline.index(year, 1);
                int months = timeline.monthsIn(year);
                double yearTax = 0;
                double seasonSum = 0;
                for (int m = 0; m < months; m++) {
                    yearTax += taxIncrement[u][first + m];
                    seasonSum += NON_TAX_SEASON[m];
                }
                for (int m = 0; m < months; m++) {
                    nonTaxIncrement[u][first + m] = yearTax * ratio * NON_TAX_SEASON[m] / seasonSum * StrictMath.exp(0.2 * Seeds.gauss(random));
                }
            }
        }

        double[][] countyTotal = new double[regions.size()][timeline.years()];
        double[][] cityLevelTotal = new double[cities.size()][timeline.years()];
        try (OutputDir.CsvFile csv = out.csv(FILE, StandardCharsets.UTF_8, true, "\n")) {
            csv.header("时期", "区划代码", "地区", "税收收入（万元）", "非税收入（万元）", "一般公共预算收入（万元）");
            long[] cumTax = new long[units];
            long[] cumNonTax = new long[units];
            for (int t = 0; t < n; t++) {
                int year = timeline.year(t);
                if (timeline.month(t) == 1) {
                    Arrays.fill(cumTax, 0);
                    Arrays.fill(cumNonTax, 0);
                }
                String period = timeline.period(t);
                for (int c = 0; c < cities.size(); c++) {
                    int u = regions.size() + c;
                    writeRow(csv, period, cities.get(c), CITY_LEVEL, u, t, taxIncrement, nonTaxIncrement, cumTax, cumNonTax);
                    cityLevelTotal[c][year - timeline.startYear()] = (cumTax[u] + cumNonTax[u]) / 100.0;
                    for (Region r : regions) {
                        if (r.cityCode().equals(cities.get(c))) {
                            int ru = r.index();
                            writeRow(csv, period, r.code(), r.name(), ru, t, taxIncrement, nonTaxIncrement, cumTax, cumNonTax);
                            countyTotal[ru][year - timeline.startYear()] = (cumTax[ru] + cumNonTax[ru]) / 100.0;
                        }
                    }
                }
            }
            csv.finish();
        }
        return new Result(countyTotal, cityLevelTotal, cities);
    }

    private static void writeRow(OutputDir.CsvFile csv, String period, String code, String name, int u, int t,
                                 double[][] taxIncrement, double[][] nonTaxIncrement, long[] cumTax, long[] cumNonTax) {
        cumTax[u] += Fmt.toCents(taxIncrement[u][t]);
        cumNonTax[u] += Fmt.toCents(nonTaxIncrement[u][t]);
        csv.row(period, code, name, Fmt.cents(cumTax[u]), Fmt.cents(cumNonTax[u]), Fmt.cents(cumTax[u] + cumNonTax[u]));
    }
}
