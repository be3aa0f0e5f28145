package org.countyscope.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the long-format yearbook (population, GDP, secondary industry, 规上 value added, budget revenue) per province,
 * city, county and year, consistent with the other files.
 */
final class Yearbook {

    static final String FILE = "indicators/yearbook.csv";
    static final int CENSUS_YEAR = 2020;
    static final String[] INDICATORS = {"常住人口", "地区生产总值", "第二产业增加值", "规模以上工业增加值", "一般公共预算收入"};
    static final String[] UNITS = {"万人", "亿元", "亿元", "亿元", "亿元"};
    /** Per-head level of the counties outside the sample relative to those in it, per indicator. */
    private static final double[] REST_OF_PROVINCE = {1.0, 1.6, 1.6, 1.6, 2.4};
    private static final int POPULATION = 0;
    private static final int GDP = 1;
    private static final int SECONDARY = 2;
    private static final int INDUSTRY = 3;
    private static final int BUDGET = 4;

    private Yearbook() {
    }

    /**
     * Years inside the run come from the other files, earlier ones are extrapolated backwards, provinces are scaled
     * up from the sample's counties.
     */
    static void write(OutputDir out, ReferenceData ref, List<Region> regions, IndustryTotals totals, BudgetFile.Result budget,
                      Timeline timeline, long seed) {
        int firstYear = Math.min(CENSUS_YEAR, timeline.startYear());
        int lastYear = timeline.lastFullYear();
        int years = Math.max(0, lastYear - firstYear + 1);
        int anchorYear = timeline.fullYear(timeline.startYear()) ? timeline.startYear() : -1;
        double[][][] county = new double[regions.size()][INDICATORS.length][years];
        for (Region r : regions) {
            double[][] v = county[r.index()];
            for (int k = 0; k < years; k++) {
                int year = firstYear + k;
                v[POPULATION][k] = Fmt.round2(r.populationWan() * StrictMath.pow(0.995, year - CENSUS_YEAR));
                if (year >= timeline.startYear()) {
                    v[INDUSTRY][k] = Fmt.round2(totals.annualValueAdded[r.index()][year - timeline.startYear()] / 1e4);
                    v[BUDGET][k] = Fmt.round2(budget.countyTotal()[r.index()][year - timeline.startYear()] / 1e4);
                }
            }
            backcast(v[INDUSTRY], firstYear, anchorYear, Seeds.random(seed, "yearbook-industry", Long.parseLong(r.code())), 0.03, 0.15,
                    r.theme().calibrationCount() * 0.45);
            backcast(v[BUDGET], firstYear, anchorYear, Seeds.random(seed, "yearbook-budget", Long.parseLong(r.code())), 0.02, 0.09,
                    r.populationWan() * 0.04);
            for (int k = 0; k < years; k++) {
                int since = firstYear + k - timeline.startYear();
                double pop = v[POPULATION][k];
                v[SECONDARY][k] = Fmt.round2(v[INDUSTRY][k] * 1.1 + pop * 0.4 * StrictMath.pow(1.04, since));
                v[GDP][k] = Fmt.round2(v[SECONDARY][k] + pop * r.theme().primaryPerCapita() * StrictMath.pow(1.04, since)
                        + pop * r.theme().tertiaryPerCapita() * StrictMath.pow(1.05, since));
            }
        }
        List<String> cities = budget.cities();
        double[][][] city = new double[cities.size()][INDICATORS.length][years];
        for (Region r : regions) {
            int c = cities.indexOf(r.cityCode());
            for (int i = 0; i < INDICATORS.length; i++) {
                for (int k = 0; k < years; k++) {
                    city[c][i][k] += county[r.index()][i][k];
                }
            }
        }
        for (int c = 0; c < cities.size(); c++) {
            double[] own = new double[years];
            for (int k = 0; k < years; k++) {
                int year = firstYear + k;
                if (year >= timeline.startYear()) {
                    own[k] = Fmt.round2(budget.cityLevelTotal()[c][year - timeline.startYear()] / 1e4);
                }
            }
            backcast(own, firstYear, anchorYear, Seeds.random(seed, "yearbook-city-level", Long.parseLong(cities.get(c))), 0.02, 0.08, 5);
            for (int k = 0; k < years; k++) {
                city[c][BUDGET][k] += own[k];
            }
        }
        List<String> provinces = Regions.provinceCodes(regions);
        double[][][] province = new double[provinces.size()][INDICATORS.length][years];
        for (int p = 0; p < provinces.size(); p++) {
            String provinceCode = provinces.get(p);
            String prefix = provinceCode.substring(0, 2);
            long inProvince = ref.counties().stream()
                    .filter(c -> c.code().startsWith(prefix) && !c.code().endsWith("00") && !c.name().equals("市辖区")).count();
            long included = regions.stream().filter(r -> r.provinceCode().equals(provinceCode)).count();
            // Counties the sample lacks are assumed richer per head than the sample's own (the capital and 省本级 are among them).
            double missing = (double) inProvince / included - 1;
            for (int c = 0; c < cities.size(); c++) {
                if (cities.get(c).startsWith(prefix)) {
                    for (int i = 0; i < INDICATORS.length; i++) {
                        double scale = 1 + missing * REST_OF_PROVINCE[i];
                        for (int k = 0; k < years; k++) {
                            province[p][i][k] += city[c][i][k] * scale;
                        }
                    }
                }
            }
        }

        try (OutputDir.CsvFile csv = out.csv(FILE, StandardCharsets.UTF_8, false, "\n")) {
            csv.header("region_code", "region_name", "parent_code", "period", "indicator", "unit", "value");
            for (int k = 0; k < years; k++) {
                String period = String.valueOf(firstYear + k);
                for (int p = 0; p < provinces.size(); p++) {
                    String code = provinces.get(p);
                    rows(csv, code, ref.provinceName(code), "", period, province[p], k);
                    for (int c = 0; c < cities.size(); c++) {
                        if (!cities.get(c).startsWith(code.substring(0, 2))) {
                            continue;
                        }
                        String cityCode = cities.get(c);
                        String cityName = regions.stream().filter(r -> r.cityCode().equals(cityCode)).findFirst().orElseThrow().cityName();
                        rows(csv, cityCode, cityName, code, period, city[c], k);
                        for (Region r : regions) {
                            if (r.cityCode().equals(cityCode)) {
                                rows(csv, r.code(), r.name(), cityCode, period, county[r.index()], k);
                            }
                        }
                    }
                }
            }
            csv.finish();
        }
    }

    private static void rows(OutputDir.CsvFile csv, String code, String name, String parent, String period, double[][] values, int k) {
        for (int i = 0; i < INDICATORS.length; i++) {
            csv.row(code, name, parent, period, INDICATORS[i], UNITS[i], Fmt.money(values[i][k]));
        }
    }

    /**
     * Fills the years before the anchor (the run's first full year) by stepping back with nominal growth in [low, high);
     * without an anchor the series starts from a typical size.
     */
    private static void backcast(double[] series, int firstYear, int anchorYear, SplittableRandom random, double low, double high,
                                 double typical) {
        int anchor = anchorYear < 0 ? series.length : anchorYear - firstYear;
        double next = anchor < series.length ? series[anchor] : typical;
        for (int k = Math.min(anchor, series.length) - 1; k >= 0; k--) {
            next = next / (1 + Seeds.uniform(random, low, high));
            series[k] = Fmt.round2(next);
        }
    }
}
