package org.countyscope.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.io.Layer;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of {@code gold/comparison} that hold whatever the data (shares add to 100, pulls add to the city's
 * growth), and each definition of DOMAIN.md checked by hand on a few numbers through {@link CountyComparison#apply}.
 */
class CountyComparisonPropertiesTest {
    static final String CITY = "620800";
    static final String A = "620802";
    static final String B = "620821";
    static final String C = "620822";
    static final String D = "620823";
    static final String OWN = "620800_SBJ";
    static final YearMonth END = YearMonth.of(2025, 12);

    // ---- properties of the sample's comparison ----

    /** cadence|period|indicator → rows of that comparison. */
    private static Map<String, List<Row>> sampleGroups() {
        Map<String, List<Row>> groups = new TreeMap<>();
        for (Row r : SampleWarehouse.store().read(Layer.GOLD, "comparison").collectAsList()) {
            String k = r.<String>getAs("cadence") + "|" + r.<String>getAs("period") + "|" + r.<String>getAs("indicator");
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    @Test
    void sharesOfTheUnitsAddUpToOneHundredWhereTheCityTotalIsPositive() {
        int checked = 0;
        for (Map.Entry<String, List<Row>> g : sampleGroups().entrySet()) {
            Row city = g.getValue().stream().filter(r -> "city".equals(r.getAs("region_level"))).findFirst().orElseThrow();
            if (!((Double) city.getAs("value_cum") > 0)) {
                continue;
            }
            double sum = 0;
            for (Row r : g.getValue()) {
                if (!"city".equals(r.getAs("region_level"))) {
                    sum += (Double) r.getAs("share_pct");
                }
            }
            assertEquals(100.0, sum, 0.01, g.getKey());
            checked++;
        }
        assertTrue(checked >= 4 * 25, "groups checked: " + checked);
    }

    @Test
    void pullsOfTheUnitsAddUpToTheCitysGrowth() {
        int checked = 0;
        for (Map.Entry<String, List<Row>> g : sampleGroups().entrySet()) {
            Row city = g.getValue().stream().filter(r -> "city".equals(r.getAs("region_level"))).findFirst().orElseThrow();
            List<Row> units = g.getValue().stream().filter(r -> !"city".equals(r.getAs("region_level"))).toList();
            if (city.getAs("yoy_pct") == null || units.stream().anyMatch(r -> r.getAs("pull_pp") == null)) {
                continue;
            }
            double sum = units.stream().mapToDouble(r -> (Double) r.getAs("pull_pp")).sum();
            assertEquals((Double) city.getAs("yoy_pct"), sum, 1e-6, g.getKey());
            checked++;
        }
        assertTrue(checked >= 4 * 25, "groups checked: " + checked);
    }

    // ---- hand-computed cases ----

    static final StructType VALUES = new StructType().add("region_code", "string").add("indicator", "string")
        .add("period", "string").add("value_month", "double").add("value_cum", "double").add("contributors", "long")
        .add("max_contributor", "double").add("base_month", "double").add("base_cum", "double");

    private static Row v(String region, String indicator, String period, double month, double cum) {
        return RowFactory.create(region, indicator, period, month, cum, null, null, null, null);
    }

    /** A comparable-price row: deflated value (month = cum here) and the same enterprises' base a year earlier. */
    private static Row real(String region, String period, double cum, double base) {
        return RowFactory.create(region, "iva_real", period, cum, cum, null, null, base, base);
    }

    private static Dataset<Row> regions(SparkSession spark, String... units) {
        Map<String, Long> pop = Map.of(A, 100_000L, B, 50_000L, C, 25_000L, D, 20_000L, CITY, 200_000L);
        List<Row> rows = new ArrayList<>();
        for (String u : units) {
            rows.add(u.equals(OWN) ? RowFactory.create(u, "市本级", CITY, "city_own", null)
                : RowFactory.create(u, u, CITY, "county", pop.get(u)));
        }
        rows.add(RowFactory.create(CITY, "平凉市", "620000", "city", pop.get(CITY)));
        return spark.createDataFrame(rows, RegionDimension.SCHEMA);
    }

    /** region → row of one indicator. */
    private static Map<String, Row> compare(List<Row> values, Dataset<Row> regions, Cadence cadence, String indicator) {
        SparkSession spark = TestSpark.session();
        Map<String, Row> out = new HashMap<>();
        for (Row r : CountyComparison.apply(spark.createDataFrame(values, VALUES), regions, END, cadence)
            .where(org.apache.spark.sql.functions.col("indicator").equalTo(indicator)).collectAsList()) {
            out.put(r.getAs("region_code"), r);
        }
        return out;
    }

    private static void is(Double expected, Row r, String column) {
        Object actual = r.getAs(column);
        String what = r.<String>getAs("region_code") + " " + column;
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertEquals(expected, ((Number) actual).doubleValue(), 1e-9 * Math.max(1, Math.abs(expected)), what);
        }
    }

    @Test
    void everyDefinitionOnThreeCounties() {
        SparkSession spark = TestSpark.session();
        List<Row> values = List.of(
            v(A, "tax_total", "2023-12", 9, 100), v(A, "tax_total", "2024-12", 10, 100), v(A, "tax_total", "2025-12", 11, 121),
            v(B, "tax_total", "2023-12", 5, 60), v(B, "tax_total", "2024-12", 5, 50), v(B, "tax_total", "2025-12", 5, 60),
            v(C, "tax_total", "2023-12", 0, 0), v(C, "tax_total", "2024-12", 0, 30), v(C, "tax_total", "2025-12", 3, 19));
        Map<String, Row> m = compare(values, regions(spark, A, B, C), Cadence.MONTH, "tax_total");
        assertEquals(4, m.size(), m.keySet().toString());
        Row a = m.get(A);
        Row b = m.get(B);
        Row c = m.get(C);
        Row city = m.get(CITY);
        // values: 1—12月 and December alone; the city is the sum of its counties
        is(121.0, a, "value_cum");
        is(11.0, a, "value_period");
        is(200.0, city, "value_cum");
        is(19.0, city, "value_period");
        is(200.0, a, "parent_total");
        is(null, city, "parent_total");
        // share = x_c / x_C × 100
        is(60.5, a, "share_pct");
        is(30.0, b, "share_pct");
        is(9.5, c, "share_pct");
        is(null, city, "share_pct");
        // rank: 1 = largest, counties only
        is(1.0, a, "rank");
        is(2.0, b, "rank");
        is(3.0, c, "rank");
        is(null, city, "rank");
        // YoY = (x_t / x_{t−12} − 1) × 100; null on a zero base
        is(21.0, a, "yoy_pct");
        is(20.0, b, "yoy_pct");
        is(-110.0 / 3, c, "yoy_pct");
        is(100.0 / 9, city, "yoy_pct");
        is(10.0, a, "yoy_period_pct");
        is(0.0, b, "yoy_period_pct");
        is(null, c, "yoy_period_pct");
        is(80.0 / 3, city, "yoy_period_pct");
        // vs city (pp)
        is(21.0 - 100.0 / 9, a, "vs_parent_pp");
        is(-110.0 / 3 - 100.0 / 9, c, "vs_parent_pp");
        is(null, city, "vs_parent_pp");
        // 贡献率 = Δx_c / Δx_C × 100: Δ = 21, 10, −11 of 20
        is(105.0, a, "contribution_pct");
        is(50.0, b, "contribution_pct");
        is(-55.0, c, "contribution_pct");
        // 拉动 = Δx_c / x_C,t−12 × 100, adding up to the city's growth
        is(21.0 / 180 * 100, a, "pull_pp");
        is(10.0 / 180 * 100, b, "pull_pp");
        is(-11.0 / 180 * 100, c, "pull_pp");
        // 两年平均 = (√(x_t / x_{t−24}) − 1) × 100: √1.21 = 1.1, √1 = 1, base 0 → null, √1.25
        is(10.0, a, "two_year_avg_pct");
        is(0.0, b, "two_year_avg_pct");
        is(null, c, "two_year_avg_pct");
        is((Math.sqrt(1.25) - 1) * 100, city, "two_year_avg_pct");
        // per capita (元 per person from 万元): x × 10000 / population
        is(12.1, a, "per_capita");
        is(12.0, b, "per_capita");
        is(7.6, c, "per_capita");
        is(10.0, city, "per_capita");
    }

    @Test
    void tiesShareARankAndComparablePriceValueAddedRanksByGrowth() {
        SparkSession spark = TestSpark.session();
        List<Row> values = List.of(
            v(A, "tax_total", "2025-12", 5, 50), v(B, "tax_total", "2025-12", 3, 30),
            v(C, "tax_total", "2025-12", 3, 30), v(D, "tax_total", "2025-12", 1, 10),
            // growth: A 10 %, B 20 %, C −10 %, D 10 % — by size the order would be A, B, D, C
            real(A, "2025-12", 110, 100), real(B, "2025-12", 60, 50), real(C, "2025-12", 27, 30),
            real(D, "2025-12", 44, 40), real(A, "2024-12", 105, 100));
        Dataset<Row> regions = regions(spark, A, B, C, D);
        Map<String, Row> tax = compare(values, regions, Cadence.MONTH, "tax_total");
        is(1.0, tax.get(A), "rank");
        is(2.0, tax.get(B), "rank");
        is(2.0, tax.get(C), "rank");
        is(4.0, tax.get(D), "rank");
        Map<String, Row> iva = compare(values, regions, Cadence.MONTH, "iva_real");
        is(2.0, iva.get(A), "rank");
        is(1.0, iva.get(B), "rank");
        is(4.0, iva.get(C), "rank");
        is(2.0, iva.get(D), "rank");
        // same-set growth against the base, not against last year's deflated value
        is(10.0, iva.get(A), "yoy_pct");
        is(-10.0, iva.get(C), "yoy_pct");
        is(21.0 / 220 * 100, iva.get(CITY), "yoy_pct");
        is(10.0 / 220 * 100, iva.get(A), "pull_pp");
        is(-3.0 / 220 * 100, iva.get(C), "pull_pp");
        is(10.0 / 21 * 100, iva.get(A), "contribution_pct");
        // two-year average chains this year's and last year's same-set growth: √(1.10 × 1.05) − 1
        is((Math.sqrt(1.1 * 1.05) - 1) * 100, iva.get(A), "two_year_avg_pct");
        is(null, iva.get(B), "two_year_avg_pct");
    }

    @Test
    void aQuarterSumsItsMonthsButAStockIsTakenAtTheEnd() {
        SparkSession spark = TestSpark.session();
        List<Row> values = List.of(
            v(A, "tax_total", "2024-10", 8, 88), v(A, "tax_total", "2024-11", 9, 97), v(A, "tax_total", "2024-12", 10, 107),
            v(A, "tax_total", "2025-10", 10, 100), v(A, "tax_total", "2025-11", 10, 110), v(A, "tax_total", "2025-12", 11, 121),
            v(A, "enterprises", "2024-12", 10, 10), v(A, "enterprises", "2025-10", 10, 10),
            v(A, "enterprises", "2025-11", 11, 11), v(A, "enterprises", "2025-12", 12, 12));
        Dataset<Row> regions = regions(spark, A);
        Row tax = compare(values, regions, Cadence.QUARTER, "tax_total").get(A);
        is(31.0, tax, "value_period");
        is(121.0, tax, "value_cum");
        is((31.0 / 27 - 1) * 100, tax, "yoy_period_pct");
        is((121.0 / 107 - 1) * 100, tax, "yoy_pct");
        Row firms = compare(values, regions, Cadence.QUARTER, "enterprises").get(A);
        is(12.0, firms, "value_period");
        is(12.0, firms, "value_cum");
        is(20.0, firms, "yoy_pct");
        is(20.0, firms, "yoy_period_pct");
        is(null, firms, "per_capita");
    }

    @Test
    void cityOwnRevenueCountsInTheCityButIsNotRanked() {
        SparkSession spark = TestSpark.session();
        List<Row> values = List.of(v(A, "budget_revenue", "2025-12", 4, 40), v(B, "budget_revenue", "2025-12", 3, 30),
            v(C, "budget_revenue", "2025-12", 1, 10), v(OWN, "budget_revenue", "2025-12", 2, 20));
        Map<String, Row> m = compare(values, regions(spark, A, B, C, OWN), Cadence.MONTH, "budget_revenue");
        is(100.0, m.get(CITY), "value_cum");
        is(20.0, m.get(OWN), "share_pct");
        is(40.0, m.get(A), "share_pct");
        is(null, m.get(OWN), "rank");
        is(null, m.get(OWN), "per_capita");
        is(1.0, m.get(A), "rank");
        is(3.0, m.get(C), "rank");
        assertEquals("city_own", m.get(OWN).getAs("region_level"));
    }

    @Test
    void countiesPrintedAtTheSameFigureShareAPosition() {
        SparkSession spark = TestSpark.session();
        // growth 4.04 % and 3.96 % both print 4.0 %: 并列第2; 4.05 % (4.049999999999997 in binary) prints 4.1 %
        List<Row> values = List.of(real(A, "2025-12", 104.04, 100), real(B, "2025-12", 103.96, 100),
            real(C, "2025-12", 104.05, 100), real(D, "2025-12", 103.94, 100),
            // 万元 print with two decimals: 100.004 and 99.996 both print 100.00, 99.994 prints 99.99
            v(A, "tax_total", "2025-12", 0, 100.004), v(B, "tax_total", "2025-12", 0, 99.996),
            v(C, "tax_total", "2025-12", 0, 100.006), v(D, "tax_total", "2025-12", 0, 99.994));
        Dataset<Row> regions = regions(spark, A, B, C, D);
        Map<String, Row> iva = compare(values, regions, Cadence.MONTH, "iva_real");
        is(1.0, iva.get(C), "rank");
        is(2.0, iva.get(A), "rank");
        is(2.0, iva.get(B), "rank");
        is(4.0, iva.get(D), "rank");
        is(104.04 / 100 * 100 - 100, iva.get(A), "yoy_pct");
        Map<String, Row> tax = compare(values, regions, Cadence.MONTH, "tax_total");
        is(1.0, tax.get(C), "rank");
        is(2.0, tax.get(A), "rank");
        is(2.0, tax.get(B), "rank");
        is(4.0, tax.get(D), "rank");
    }
}
