package org.countyscope.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.countyscope.TestSpark;
import org.countyscope.dataset.Datasets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.countyscope.dataset.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Like-for-like comparable growth on one county's enterprises with prices flat (PPI 100), so value added is its own
 * real volume: a steady enterprise (A), one that entered last July (B, first report 1—7月), one that leaves in March
 * (C), one that crossed the threshold this July with 上年同期 on its form (D), one that did so without them (D2), and
 * a new plant (E, 新建投产) this July.
 */
class ComparableGrowthTest {
    static final String COUNTY = "620821";
    static final String IND = "1310";
    static final StructType MONTHLY = new StructType().add(CREDIT_CODE, "string").add(REGION_CODE, "string")
        .add(INDUSTRY_CODE, "string").add(PERIOD, "string").add(MONTHS_COVERED, "int").add(VALUE_ADDED, "double")
        .add(VALUE_ADDED + CUM_SUFFIX, "double").add(VALUE_ADDED + PREV_SUFFIX, "double");
    static final StructType PPI = new StructType().add(PERIOD, "string").add(INDUSTRY_CODE, "string")
        .add(PPI_INDEX, "double");
    static final StructType REGISTER = new StructType().add(YEAR, "int").add(CREDIT_CODE, "string")
        .add(STATUS, "string").add(CHANGE_PERIOD, "string").add(ENTRY_REASON, "string");

    /** Reports of months {@code from}..{@code to} of a year, cum = perMonth × month, 上年同期 = prevPerMonth × month. */
    static void reports(List<Row> out, String credit, int year, int from, int to, double perMonth, Double prevPerMonth) {
        int last = 0;
        for (int m = Math.max(2, from); m <= to; m++) {
            double cum = perMonth * m;
            double single = last == 0 ? cum : cum - perMonth * last;
            out.add(RowFactory.create(credit, COUNTY, IND, String.format("%d-%02d", year, m), m - last, single, cum,
                prevPerMonth == null ? null : prevPerMonth * m));
            last = m;
        }
    }

    static Map<String, Row> byPeriod(Dataset<Row> values) {
        Map<String, Row> out = new HashMap<>();
        for (Row r : values.collectAsList()) {
            out.put(r.getAs(PERIOD), r);
        }
        return out;
    }

    static Dataset<Row> flatPpi(SparkSession spark) {
        List<Row> ppi = new ArrayList<>();
        for (int y = 2024; y <= 2025; y++) {
            for (int m = 1; m <= 12; m++) {
                ppi.add(RowFactory.create(String.format("%d-%02d", y, m), "13", 100.0));
            }
        }
        return spark.createDataFrame(ppi, PPI);
    }

    @Test
    void entrantsExitsAndThresholdCrossersCountOnTheSameMonthsOnly() {
        SparkSession spark = TestSpark.session();
        List<Row> rows = new ArrayList<>();
        reports(rows, "A", 2024, 2, 12, 100, null);
        reports(rows, "A", 2025, 2, 12, 110, null);
        reports(rows, "B", 2024, 7, 12, 100, null);
        reports(rows, "B", 2025, 2, 12, 110, null);
        reports(rows, "C", 2024, 2, 12, 100, null);
        reports(rows, "C", 2025, 2, 3, 90, null);
        reports(rows, "D", 2025, 7, 12, 50, 40.0);
        reports(rows, "D2", 2025, 7, 12, 60, null);
        reports(rows, "E", 2025, 7, 12, 30, null);
        Dataset<Row> register = spark.createDataFrame(List.of(
            RowFactory.create(2024, "B", "新增", "2024-07", "升规"),
            RowFactory.create(2025, "C", "退库", "2025-03", null),
            RowFactory.create(2025, "D", "新增", "2025-07", "升规"),
            RowFactory.create(2025, "D2", "新增", "2025-07", "小升规"),
            RowFactory.create(2025, "E", "新增", "2025-07", "新建投产")), REGISTER);
        Map<String, Row> v = byPeriod(ComparableGrowth.apply(spark.createDataFrame(rows, MONTHLY), flatPpi(spark),
            register));

        Row mar = v.get("2025-03");
        assertEquals(330.0 + 270.0, mar.<Double>getAs(VALUE_CUM), 1e-9, "A and C (still in); B has no 1—3月 last year");
        assertEquals(300.0 + 300.0, mar.<Double>getAs(BASE_CUM), 1e-9);
        assertEquals(110.0 + 90.0, mar.<Double>getAs(VALUE_MONTH), 1e-9);
        assertEquals(100.0 + 100.0, mar.<Double>getAs(BASE_MONTH), 1e-9);

        Row apr = v.get("2025-04");
        assertEquals(440.0, apr.<Double>getAs(VALUE_CUM), 1e-9, "C left in March: in neither side from April");
        assertEquals(400.0, apr.<Double>getAs(BASE_CUM), 1e-9);
        assertEquals(1L, apr.<Long>getAs(CONTRIBUTORS));

        Row jul = v.get("2025-07");
        // 1—7月: A, B (last year's first report was 1—7月), D (its 上年同期), E (new plant: zero base); not D2
        assertEquals(770.0 + 770.0 + 350.0 + 210.0, jul.<Double>getAs(VALUE_CUM), 1e-9);
        assertEquals(700.0 + 700.0 + 280.0 + 0.0, jul.<Double>getAs(BASE_CUM), 1e-9);
        // July alone: B's 1—7月 of last year is not a July; D's and E's first reports cover 1—7月 on both sides
        assertEquals(110.0 + 350.0 + 210.0, jul.<Double>getAs(VALUE_MONTH), 1e-9);
        assertEquals(100.0 + 280.0 + 0.0, jul.<Double>getAs(BASE_MONTH), 1e-9);
        assertEquals(4L, jul.<Long>getAs(CONTRIBUTORS));

        Row aug = v.get("2025-08");
        assertEquals(110.0 + 110.0 + 50.0 + 30.0, aug.<Double>getAs(VALUE_MONTH), 1e-9, "B is back from August");
        assertEquals(100.0 + 100.0 + 40.0 + 0.0, aug.<Double>getAs(BASE_MONTH), 1e-9);
        assertEquals(0L, aug.<Long>getAs(ESTIMATED));
        assertEquals(0L, aug.<Long>getAs(DEFLATOR_FALLBACK));
        assertFalse(v.containsKey("2024-08"), "no base for anything in the first year");
    }

    @Test
    void withoutTheRegisterANewPlantHasNoBase() {
        SparkSession spark = TestSpark.session();
        List<Row> rows = new ArrayList<>();
        reports(rows, "A", 2024, 2, 12, 100, null);
        reports(rows, "A", 2025, 2, 12, 110, null);
        reports(rows, "E", 2025, 7, 12, 30, null);
        Row jul = byPeriod(ComparableGrowth.apply(spark.createDataFrame(rows, MONTHLY), flatPpi(spark))).get("2025-07");
        assertEquals(770.0, jul.<Double>getAs(VALUE_CUM), 1e-9);
        assertEquals(1L, jul.<Long>getAs(CONTRIBUTORS));
    }

    @Test
    void aMissingDivisionIndexFallsBackToItsSectionThenAllIndustryThenIsMarked() {
        SparkSession spark = TestSpark.session();
        List<Row> rows = new ArrayList<>();
        reports(rows, "A", 2024, 2, 4, 100, null);
        reports(rows, "A", 2025, 2, 4, 100, null);
        Dataset<Row> ppi = spark.createDataFrame(List.of(
            RowFactory.create("2025-01", "C", 105.0),
            RowFactory.create("2025-02", Datasets.PPI_ALL_INDUSTRY, 102.0),
            RowFactory.create("2025-03", "06", 90.0)), PPI);
        Dataset<Row> monthly = spark.createDataFrame(rows, MONTHLY);
        Map<String, Row> v = byPeriod(ComparableGrowth.apply(monthly, ppi));
        assertEquals(200.0 / 1.035, v.get("2025-02").<Double>getAs(VALUE_CUM), 1e-9,
            "1—2月: January by 门类 C (105), February by 全部工业品 (102)");
        assertEquals(200.0 / 1.035 + 100.0 / 0.90, v.get("2025-03").<Double>getAs(VALUE_CUM), 1e-9,
            "March: the mean of the month's 大类 indices (only 06 at 90)");
        assertEquals(200.0 / 1.035 + 100.0 / 0.90 + 100.0, v.get("2025-04").<Double>getAs(VALUE_CUM), 1e-9,
            "April: no index at all, current prices");
        assertEquals(1L, v.get("2025-04").<Long>getAs(DEFLATOR_FALLBACK));

        Map<String, String> used = new HashMap<>();
        for (Row r : ComparableGrowth.fallbacks(monthly, ppi).where("period >= '2025-01'").collectAsList()) {
            used.put(r.getAs(INDUSTRY_CODE) + " " + r.getAs(PERIOD), r.getAs(ComparableGrowth.FALLBACK));
        }
        assertEquals(Map.of("13 2025-01", "门类C", "13 2025-02", Datasets.PPI_ALL_INDUSTRY,
            "13 2025-03", ComparableGrowth.MONTH_MEAN, "13 2025-04", ComparableGrowth.NOMINAL), used);
        assertNull(v.get("2024-04"));
    }
}
