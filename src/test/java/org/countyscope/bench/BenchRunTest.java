package org.countyscope.bench;

import org.countyscope.TestSpark;
import org.countyscope.generate.GeneratorConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark end to end on a tiny generated province (3 counties, 200 enterprises, 13 months): every stage is
 * measured and reported, Spark and DuckDB agree on every figure, and a second run re-uses the generated files.
 */
class BenchRunTest {
    static final List<String> STAGES = List.of("generate", "spark-start", "ingest", "compare", "forecast",
        "duckdb-prepare", "duckdb", "forecast-speed");

    @TempDir
    static Path tmp;
    static BenchConfig cfg;
    static BenchResult result;

    @BeforeAll
    static void runOnce() {
        cfg = new BenchConfig("custom", new GeneratorConfig(GeneratorConfig.DEFAULT_SEED, 3, 200, 13, 2023),
            tmp.resolve("work"), tmp.resolve("report/report.md"), 4, true);
        result = new BenchRun(cfg).run(TestSpark::session);
        BenchReport.write(result);
    }

    @Test
    void everyStageIsMeasuredInOrder() {
        assertEquals(STAGES, result.stages().stream().map(Stage::name).toList(), "stages in order");
        for (String name : List.of("generate", "ingest", "compare", "forecast", "duckdb", "forecast-speed")) {
            // a fresh work folder, so generate ran
            Stage s = result.stage(name).orElseThrow();
            assertTrue(s.wallSeconds() > 0 && s.rows() > 0, name + " took time and processed rows: " + s);
            assertTrue(s.peakHeapBytes() > 0, name + " has a peak heap: " + s);
        }
        Stage ingest = result.stage("ingest").orElseThrow();
        assertEquals(result.ingest().datasets().stream().mapToLong(d -> d.read()).sum(), ingest.rows(),
            "ingest counts the records it read");
        assertTrue(result.ingest().rejected().isEmpty(), "no generated file is rejected: " + result.ingest().rejected());
        assertTrue(result.warehouseTotalBytes() > 0 && result.rawBytes() > 0, "sizes on disk are measured");
        assertEquals("2024-01", cfg.period().toString(), "the bench compares the last generated month");
    }

    @Test
    void sparkAndDuckDbAgreeOnEveryFigure() {
        Agreement a = result.agreement();
        assertNotNull(a, "DuckDB ran");
        assertTrue(a.complete(), "complete agreement: " + a);
        assertTrue(a.matchedRows() > 200, "rows compared: " + a.matchedRows());
        assertEquals(a.matchedRows() * (long) DuckDbFigures.FIGURES.size(), a.figuresCompared(), "every figure compared");
        assertEquals(result.comparisonRows(), a.productRows(), "all the product's rows of the compared periods");
    }

    @Test
    void theReportAndCsvShowEveryStage() throws IOException {
        String md = Files.readString(cfg.report(), StandardCharsets.UTF_8);
        String csv = Files.readString(cfg.csv(), StandardCharsets.UTF_8);
        for (String s : STAGES) {
            assertTrue(md.contains("| " + s + " |"), "report has a row for " + s);
            assertTrue(csv.lines().anyMatch(l -> l.startsWith(s + ",")), "CSV has a row for " + s);
        }
        assertEquals(STAGES.size() + 1, csv.lines().count(), "CSV: header and one line per stage");
        assertTrue(md.contains("**Complete agreement.**"), "report states the agreement");
        assertTrue(md.contains("Load average (1/5/15 min) at start"), "report states the load average");
        assertTrue(md.contains("series/s per core"), "report states the forecast speed");
    }

    @Test
    void aSecondRunReusesTheGeneratedFilesAndAnotherConfigDoesNot() {
        BenchRun again = new BenchRun(cfg);
        assertEquals(result.rawRowsByFile(), again.generate(), "the re-used files' row counts come from the marker");
        assertTrue(again.stagesSoFar().get(0).detail().startsWith("re-used"), again.stagesSoFar().get(0).detail());
        BenchConfig other = new BenchConfig("custom", new GeneratorConfig(7, 3, 200, 13, 2023), cfg.work(),
            cfg.report(), 0, false);
        BenchRun fresh = new BenchRun(other);
        fresh.generate();
        assertTrue(fresh.stagesSoFar().get(0).detail().startsWith("generated"), "another seed generates again");
    }

    @Test
    void disagreementsAreCounted() {
        Double[] a = {1.0, 2.0};
        Double[] b = {1.0, 2.0 + 1e-6};
        Agreement agreement = Agreement.of(Map.of("k", a, "only-product", a), Map.of("k", b), List.of("x", "y"));
        assertFalse(agreement.complete(), "a differing figure and a missing row are not agreement");
        assertEquals(1, agreement.matchedRows(), "one row on both sides");
        assertEquals(1, agreement.figuresAgreeing(), "one figure of two agrees");
        assertEquals(2, agreement.problems().size(), "both problems listed: " + agreement.problems());
        assertTrue(Agreement.agree(null, null) && !Agreement.agree(null, 0.0), "empty agrees only with empty");
    }
}
