package org.countyscope.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.countyscope.TestSpark;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.countyscope.dataset.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 缺报 on the example: two enterprises making 100 a month, one (X) skips April — 1—4月 must not show −50%.
 * Also: one with no report yet this year (Z, estimated from last year's), one that left in March (not owed after),
 * one that entered in May (not owed before), and one with nothing to estimate from (N).
 */
class MissingReportsTest {
    static final StructType MONTHLY = new StructType().add(PERIOD, "string").add(CREDIT_CODE, "string")
        .add(ENTERPRISE_NAME, "string").add(REGION_CODE, "string").add(INDUSTRY_CODE, "string")
        .add(GROSS_OUTPUT, "double").add(GROSS_OUTPUT + CUM_SUFFIX, "double")
        .add(VALUE_ADDED, "double").add(VALUE_ADDED + CUM_SUFFIX, "double")
        .add(REVENUE, "double").add(REVENUE + CUM_SUFFIX, "double")
        .add(PROFIT, "double").add(PROFIT + CUM_SUFFIX, "double")
        .add(EMPLOYEES, "int").add(VALUE_ADDED + PREV_SUFFIX, "double").add(MONTHS_COVERED, "int");
    static final StructType REGISTER = new StructType().add(YEAR, "int").add(CREDIT_CODE, "string")
        .add(ENTERPRISE_NAME, "string").add(REGION_CODE, "string").add(INDUSTRY_CODE, "string")
        .add(STATUS, "string").add(CHANGE_PERIOD, "string");

    static void reports(List<Row> out, String credit, int year, int... months) {
        int last = 0;
        for (int m : months) {
            double cum = 100.0 * m;
            double single = 100.0 * (m - last);
            out.add(RowFactory.create(String.format("%d-%02d", year, m), credit, "企业" + credit, "620821", "1310",
                3 * single, 3 * cum, single, cum, 2 * single, 2 * cum, single / 10, cum / 10, 50, 90.0 * m, m - last));
            last = m;
        }
    }

    @Test
    void aMissingMonthKeepsTheEnterpriseInTheTotalAsAMarkedEstimate() {
        SparkSession spark = TestSpark.session();
        List<Row> rows = new ArrayList<>();
        reports(rows, "X", 2025, 2, 3, 5);
        reports(rows, "Y", 2025, 2, 3, 4, 5);
        reports(rows, "Z", 2024, 2, 3, 4, 5);
        reports(rows, "Z", 2025, 3, 4, 5);
        reports(rows, "Q", 2025, 2, 3);
        reports(rows, "J", 2025, 5);
        Dataset<Row> monthly = spark.createDataFrame(rows, MONTHLY);
        Dataset<Row> register = spark.createDataFrame(List.of(
            RowFactory.create(2025, "X", "企业X", "620821", "1310", "年初在库", null),
            RowFactory.create(2025, "Y", "企业Y", "620821", "1310", "年初在库", null),
            RowFactory.create(2025, "Z", "企业Z", "620821", "1310", "年初在库", null),
            RowFactory.create(2025, "Q", "企业Q", "620821", "1310", "退库", "2025-03"),
            RowFactory.create(2025, "J", "企业J", "620821", "1310", "新增", "2025-05"),
            RowFactory.create(2025, "N", "企业N", "620821", "1310", "年初在库", null)), REGISTER);

        Dataset<Row> missing = MissingReports.list(monthly, register, YearMonth.of(2025, 12));
        Map<String, Row> listed = new HashMap<>();
        for (Row r : missing.collectAsList()) {
            listed.put(r.getAs(CREDIT_CODE) + " " + r.getAs(PERIOD), r);
        }
        assertEquals(List.of("N 2025-02", "N 2025-03", "N 2025-04", "N 2025-05", "X 2025-04", "Z 2025-02"),
            listed.keySet().stream().sorted().toList(), "Q left in March, J owes from May, the data end in May");
        Row x = listed.get("X 2025-04");
        assertEquals(MissingReports.BY_MONTHS_REPORTED, x.getAs(MissingReports.METHOD));
        assertEquals("2025-03", x.getAs(MissingReports.LAST_REPORTED));
        assertEquals(400.0, x.<Double>getAs(VALUE_ADDED + CUM_SUFFIX), 1e-9, "1—3月 300 × 4 / 3");
        Row z = listed.get("Z 2025-02");
        assertEquals(MissingReports.BY_LAST_YEAR, z.getAs(MissingReports.METHOD));
        assertEquals(200.0, z.<Double>getAs(VALUE_ADDED + CUM_SUFFIX), 1e-9, "its own 1—2月 of 2024");
        assertEquals(MissingReports.NONE, listed.get("N 2025-04").getAs(MissingReports.METHOD));
        assertNull(listed.get("N 2025-04").getAs(VALUE_ADDED + CUM_SUFFIX));

        Dataset<Row> completed = MissingReports.complete(monthly, missing);
        Map<String, Row> xs = new HashMap<>();
        for (Row r : completed.where(CREDIT_CODE + " = 'X'").collectAsList()) {
            xs.put(r.getAs(PERIOD), r);
        }
        assertEquals(1, xs.get("2025-04").<Integer>getAs(ESTIMATED));
        assertEquals(100.0, xs.get("2025-04").<Double>getAs(VALUE_ADDED), 1e-9, "April alone: 400 − 300");
        assertEquals(360.0, xs.get("2025-04").<Double>getAs(VALUE_ADDED + PREV_SUFFIX), 1e-9, "上年同期 270 × 4 / 3");
        assertEquals(1, xs.get("2025-04").<Integer>getAs(MONTHS_COVERED));
        assertEquals(100.0, xs.get("2025-05").<Double>getAs(VALUE_ADDED), 1e-9, "May counts from the estimate");
        assertEquals(1, xs.get("2025-05").<Integer>getAs(MONTHS_COVERED));
        assertEquals(0, xs.get("2025-05").<Integer>getAs(ESTIMATED));

        Map<String, Row> iva = new HashMap<>();
        for (Row r : IndicatorValues.industrialOutput(completed).where("indicator = 'iva' AND period >= '2025-01'")
            .collectAsList()) {
            iva.put(r.getAs(PERIOD), r);
        }
        // X and Y 400 each, Z 400 (reported); Q left in March
        assertEquals(1200.0, iva.get("2025-04").<Double>getAs(VALUE_CUM), 1e-9);
        assertEquals(1L, iva.get("2025-04").<Long>getAs(ESTIMATED), "X's April rests on the estimate");
        assertEquals(1L, iva.get("2025-05").<Long>getAs(ESTIMATED), "so does its May alone");
        assertEquals(1L, iva.get("2025-02").<Long>getAs(ESTIMATED), "Z's 1—2月 from last year");
        assertEquals(1L, iva.get("2025-03").<Long>getAs(ESTIMATED), "Z's March alone starts from its 1—2月 estimate");
        assertTrue(completed.where(CREDIT_CODE + " = 'N'").isEmpty(), "nothing to estimate N from");
    }
}
