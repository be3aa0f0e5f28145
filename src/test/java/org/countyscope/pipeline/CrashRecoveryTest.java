package org.countyscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MapType;
import org.countyscope.ChildJvm;
import org.countyscope.TestSpark;
import org.countyscope.config.IngestConfig;
import org.countyscope.dataset.Columns;
import org.countyscope.io.FailPoint;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.io.WarehouseLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Power cuts during ingest: a separate JVM ingests a year of the sample's 一套表 and the PPI, and is halted at a fail point (no
 * finally blocks, no shutdown hooks, the warehouse lock left to the OS); ingesting the same files again must leave
 * every table as one uninterrupted ingest does — the same silver rows and single periods, bronze without duplicated
 * records, the same quarantine and ingest log.
 */
class CrashRecoveryTest {
    static final YearMonth AS_OF = YearMonth.of(2026, 11);
    static final List<String> TABLES = List.of("bronze/industrial_output", "bronze/ppi", "silver/industrial_output",
        "silver/industrial_output_monthly", "silver/ppi", "quarantine/rejected_rows", "bronze/ingest_log");
    /** Columns that name the run that wrote a row, not what the row says. */
    static final List<String> RUN_COLUMNS = List.of(Columns.BATCH_ID, Columns.LOADED_AT, Columns.VALID_FROM,
        Columns.VALID_TO);

    @TempDir
    static Path tmp;
    static Path input;
    static TableStore baseline;

    @BeforeAll
    static void uninterruptedIngest() throws IOException {
        input = tmp.resolve("input");
        Files.createDirectories(input);
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("countyscope.sampleDir", "data/sample"),
            "industry"))) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.equals("industrial_output_2025.csv") || name.startsWith("ppi")) {
                    Files.copy(f, input.resolve(name));
                }
            }
        }
        baseline = new TableStore(TestSpark.session(), tmp.resolve("baseline").toString());
        ingest(baseline);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest.after-bronze", "ingest.before-single-periods", "ingest.before-shared-tables"})
    void ingestingAgainAfterAHaltLeavesWhatAnUninterruptedIngestLeaves(String failPoint) throws Exception {
        Path warehouse = tmp.resolve("crash-" + failPoint);
        Path log = tmp.resolve(failPoint + ".log");
        Process p = new ProcessBuilder(ChildJvm.countyscope("2g", List.of("-D" + FailPoint.PROPERTY + "=" + failPoint),
            List.of("ingest", "--input", input.toString(), "--warehouse", warehouse.toString(), "--release", "sample",
                "--as-of", AS_OF.toString())))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the halted ingest ended");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(FailPoint.EXIT_STATUS, p.exitValue(), "halted at " + failPoint + ":\n" + output);
        assertTrue(output.contains("halting at fail point " + failPoint), output);

        // the dead JVM's lock is gone with it
        WarehouseLock.acquire(warehouse, Duration.ofSeconds(5)).close();
        TableStore store = new TableStore(TestSpark.session(), warehouse.toString());
        ingest(store);
        for (String table : TABLES) {
            assertSameRows(table, baseline, store);
        }
    }

    static void ingest(TableStore store) {
        new IngestJob(TestSpark.session(), store).run(new IngestConfig(List.of(input), store.root(), null, null,
            "sample", AS_OF));
    }

    static void assertSameRows(String table, TableStore expected, TableStore actual) {
        String[] parts = table.split("/");
        Layer layer = Layer.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
        Dataset<Row> e = content(expected.read(layer, parts[1]));
        Dataset<Row> a = content(actual.read(layer, parts[1]));
        assertEquals(e.count(), a.count(), table + ": row count");
        assertEquals(0, e.exceptAll(a).count() + a.exceptAll(e).count(), table + ": the same rows");
    }

    /** A table's rows without the columns that only say which run wrote them; maps as JSON (EXCEPT needs that). */
    static Dataset<Row> content(Dataset<Row> rows) {
        String[] keep = Arrays.stream(rows.schema().fields()).filter(f -> !RUN_COLUMNS.contains(f.name()))
            .map(f -> f.dataType() instanceof MapType ? "to_json(" + f.name() + ") AS " + f.name() : f.name())
            .toArray(String[]::new);
        return rows.selectExpr(keep);
    }
}
