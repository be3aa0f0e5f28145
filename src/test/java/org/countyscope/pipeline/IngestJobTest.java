package org.countyscope.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.countyscope.Fixtures;
import org.countyscope.TestSpark;
import org.countyscope.config.IngestConfig;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.quality.CellRules;
import org.countyscope.quality.Quarantine;
import org.countyscope.silver.CumulativeChecks;
import org.countyscope.silver.Deduplicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One small warehouse taken through a first load, a repeat, a revision, a bad month and a rejected file. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IngestJobTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static TableStore store;
    static final String A = Fixtures.creditCode("620881", 1);
    static final String B = Fixtures.creditCode("620823", 2);
    static long silverVersionAfterFirst;

    @BeforeAll
    static void setUp() {
        spark = TestSpark.session();
        store = new TableStore(spark, tmp.resolve("wh").toString());
    }

    static IngestReport ingest(Path input, String release) {
        return new IngestJob(spark, store).run(new IngestConfig(List.of(input), store.root(), null, null, release,
            YearMonth.of(2025, 12)));
    }

    static IngestReport.DatasetLoad only(IngestReport r) {
        assertEquals(1, r.datasets().size(), "one dataset loaded: " + r);
        return r.datasets().get(0);
    }

    @Test
    @Order(1)
    void firstLoadAcceptsGoodRowsAndQuarantinesEachBadOneWithAReason() {
        String text = Fixtures.OUTPUT_HEADER
            + Fixtures.outputLine("2024-02", A, "620881", "0610", 1000, 300, 1100, 50, 800)      // row 2
            + Fixtures.outputLine("2024-03", A, "620881", "0610", 1600, 480, 1750, 80, 805)      // row 3
            + Fixtures.outputLine("2024-04", A, "620881", "0610", 2100, 650, 2300, 90, 806)      // row 4
            + Fixtures.outputLine("2024-02", B, "620823", "4411", 500, 150, 520, 10, 200)        // row 5
            + Fixtures.outputLine("2024-03", B, "620823", "4411", 800, 240, 830, 15, 200)        // row 6
            + Fixtures.outputLine("2024-03", B, "620823", "4411", 800, 240, 830, 15, 200)        // row 7 exact repeat
            + Fixtures.outputLine("2024-04", Fixtures.badCheckDigit(B), "620823", "4411", 900, 250, 900, 1, 200) // 8
            + Fixtures.outputLine("2024-01", B, "620823", "4411", 300, 90, 300, 5, 200)          // row 9 January
            + Fixtures.outputLine("2024-04", B, "620823", "4411", 1100, -5, 1100, 20, 201);      // row 10 negative VA
        Path file = Fixtures.csv(tmp.resolve("in1"), "industrial_output_2024.csv", text);
        IngestReport r = ingest(file, "R1");
        IngestReport.DatasetLoad d = only(r);
        assertEquals("industrial_output", d.dataset());
        assertEquals(9, d.read());
        assertEquals(5, d.accepted(), "rows 2-6");
        assertEquals(4, d.quarantined(), "rows 7-10");
        Set<String> rules = store.read(Layer.QUARANTINE, Quarantine.TABLE).collectAsList().stream()
            .map(q -> q.getAs("_row") + ":" + q.getAs("rule")).collect(Collectors.toSet());
        assertEquals(Set.of("7:" + Deduplicate.DUPLICATE, "8:" + CellRules.CHECK_DIGIT, "9:" + CellRules.NO_JANUARY,
            "10:" + CellRules.RANGE), rules);
        Row monthly = store.read(Layer.SILVER, "industrial_output_monthly")
            .where(col("credit_code").equalTo(A).and(col("period").equalTo("2024-03"))).head();
        assertEquals(180.0, monthly.<Double>getAs("value_added"), 1e-9, "March = 1—3月 − 1—2月");
        assertEquals(480.0, monthly.<Double>getAs("value_added_cum"), 1e-9);
        assertEquals(1L, (long) monthly.<Integer>getAs("months_covered"));
        Row janFeb = store.read(Layer.SILVER, "industrial_output_monthly")
            .where(col("credit_code").equalTo(A).and(col("period").equalTo("2024-02"))).head();
        assertEquals(2, (int) janFeb.<Integer>getAs("months_covered"), "1—2月 is one two-month period");
        silverVersionAfterFirst = store.version(Layer.SILVER, "industrial_output");
    }

    @Test
    @Order(2)
    void loadingTheSameFileAgainChangesNothing() {
        long bronze = store.version(Layer.BRONZE, "industrial_output");
        long quarantine = store.version(Layer.QUARANTINE, Quarantine.TABLE);
        List<Row> before = store.read(Layer.SILVER, "industrial_output").orderBy("credit_code", "period").collectAsList();
        IngestReport.DatasetLoad d = only(ingest(tmp.resolve("in1"), "R1-again"));
        assertEquals(0, d.inserted() + d.updated(), "nothing new");
        assertEquals(5, d.unchanged());
        assertEquals(silverVersionAfterFirst, store.version(Layer.SILVER, "industrial_output"), "no silver commit");
        assertEquals(bronze, store.version(Layer.BRONZE, "industrial_output"), "no bronze commit");
        assertEquals(quarantine, store.version(Layer.QUARANTINE, Quarantine.TABLE), "no quarantine commit");
        assertEquals(before, store.read(Layer.SILVER, "industrial_output").orderBy("credit_code", "period")
            .collectAsList(), "same rows, same values");
    }

    @Test
    @Order(3)
    void aRevisionUpdatesTheValueAndKeepsThePreviousRelease() {
        String text = Fixtures.OUTPUT_HEADER
            + Fixtures.outputLine("2024-04", A, "620881", "0610", 2100, 660, 2300, 90, 806);
        IngestReport.DatasetLoad d = only(ingest(Fixtures.csv(tmp.resolve("in2"), "industrial_output_2024_修订.csv",
            text), "R2"));
        assertEquals(1, d.updated());
        Row now = store.current(Layer.SILVER, "industrial_output")
            .where(col("credit_code").equalTo(A).and(col("period").equalTo("2024-04"))).head();
        assertEquals(660.0, now.<Double>getAs("value_added"), 1e-9);
        assertEquals("R2", now.getAs("release"));
        Row old = store.readVersion(Layer.SILVER, "industrial_output", silverVersionAfterFirst)
            .where(col("credit_code").equalTo(A).and(col("period").equalTo("2024-04"))).head();
        assertEquals(650.0, old.<Double>getAs("value_added"), 1e-9, "time travel shows the first release");
        Row closed = store.read(Layer.SILVER, "industrial_output")
            .where(col("credit_code").equalTo(A).and(col("period").equalTo("2024-04")).and(col("is_current").equalTo(false)))
            .head();
        assertEquals("R1", closed.getAs("release"), "the old release stays as a closed row");
        assertEquals("R2", closed.getAs("superseded_by"));
        Row april = store.read(Layer.SILVER, "industrial_output_monthly")
            .where(col("credit_code").equalTo(A).and(col("period").equalTo("2024-04"))).head();
        assertEquals(180.0, april.<Double>getAs("value_added"), 1e-9, "single month follows the revision: 660 − 480");
    }

    @Test
    @Order(4)
    void aCumulativeFigureBelowLastMonthsIsQuarantined() {
        String text = Fixtures.OUTPUT_HEADER
            + Fixtures.outputLine("2024-05", A, "620881", "0610", 2500, 640, 2800, 95, 806);
        IngestReport.DatasetLoad d = only(ingest(Fixtures.csv(tmp.resolve("in3"), "io_2024_05.csv", text), "R3"));
        assertEquals(1, d.quarantined());
        Row q = store.read(Layer.QUARANTINE, Quarantine.TABLE).where(col("rule").equalTo(CumulativeChecks.DECREASE))
            .head();
        assertEquals("value_added", q.getAs("column"));
        assertTrue(q.<String>getAs("reason").contains("660"), "names last month's figure: " + q.getAs("reason"));
    }

    @Test
    @Order(5)
    void aFileWithAnUnknownLayoutIsRejectedWholeAndChangesNoTable() {
        long silver = store.version(Layer.SILVER, "industrial_output");
        long bronze = store.version(Layer.BRONZE, "industrial_output");
        Path bad = Fixtures.csv(tmp.resolve("in4"), "whatever.csv", "甲,乙,丙\n1,2,3\n");
        IngestReport r = ingest(bad, "R4");
        assertEquals(1, r.rejected().size());
        assertTrue(r.rejected().get(0).reason().contains("无法识别数据集"), r.rejected().get(0).reason());
        assertTrue(r.datasets().isEmpty());
        assertEquals(silver, store.version(Layer.SILVER, "industrial_output"));
        assertEquals(bronze, store.version(Layer.BRONZE, "industrial_output"));
    }
}
