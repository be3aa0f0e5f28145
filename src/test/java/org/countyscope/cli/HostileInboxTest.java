package org.countyscope.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.countyscope.ChildJvm;
import org.countyscope.HostileFiles;
import org.countyscope.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code countyscope ingest} in its own JVM on an inbox where hostile files lie beside good ones: the good files load,
 * each hostile one is rejected with a message the clerk can act on, exit 2; the console shows no stack trace while
 * {@code <warehouse>/logs/countyscope.log} keeps them; nothing from outside the inbox reaches a table; a failing run
 * exits 1, also without a trace on the console.
 */
class HostileInboxTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    static final List<String> GOOD = List.of("tax;$(touch pwned)&`id`'q'.csv", "-rf --input leading dash.csv",
        "csv_named.xlsx", "cr_only_line_ends.csv");
    static final List<String> HOSTILE = List.of("runaway_quote.csv", "nul_in_field.csv", "random_bytes.csv",
        "html_saved_as.xls", "truncated_zip.xlsx");

    @TempDir
    Path dir;

    record Run(int exit, String console) {
    }

    Run countyscope(List<String> args) throws Exception {
        Process p = new ProcessBuilder(ChildJvm.countyscope("1g", List.of(), args)).directory(dir.toFile())
            .redirectErrorStream(true).start();
        String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "ingest ended");
        return new Run(p.exitValue(), console);
    }

    @Test
    void goodFilesLoadBesideHostileOnesAndTheConsoleShowsMessagesNotStackTraces() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        for (String f : concat(GOOD, HOSTILE)) {
            Files.copy(CORPUS.resolve(f), inbox.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path secret = HostileFiles.secret(outside);
        HostileFiles.link(inbox.resolve("link_out_of_inbox.csv"), secret);
        HostileFiles.externalEntityInSharedStrings(inbox.resolve("xxe.xlsx"), secret);
        HostileFiles.zipBomb(inbox.resolve("zip_bomb.xlsx"), 200);
        HostileFiles.wideHeader(inbox.resolve("columns_100000.csv"), 100_000);
        Path warehouse = dir.resolve("warehouse");

        Run run = countyscope(List.of("ingest", "--input", inbox.toString(), "--warehouse", warehouse.toString(),
            "--as-of", "2025-12"));

        assertEquals(2, run.exit(), "exit 2: completed, files rejected whole\n" + run.console());
        assertFalse(run.console().contains("\tat ") || run.console().contains("Exception"),
            "no stack trace on the console:\n" + run.console());
        for (String f : concat(HOSTILE, List.of("link_out_of_inbox.csv", "xxe.xlsx", "zip_bomb.xlsx",
            "columns_100000.csv"))) {
            assertTrue(run.console().lines().anyMatch(l -> l.startsWith("REJECTED " + inbox.resolve(f) + ": ")
                && l.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)),
                f + " rejected with a message in Chinese:\n" + run.console());
        }
        assertTrue(run.console().lines().anyMatch(l -> l.matches("tax\\s+4\\s+7\\s+7\\s+0\\s+7\\b.*")),
            "the four good tax files: 7 records read, 7 accepted, 0 quarantined, 7 inserted\n" + run.console());
        assertFalse(Files.exists(dir.resolve("pwned")) || Files.exists(inbox.resolve("pwned")),
            "a file name is never run by a shell");

        Path log = warehouse.resolve("logs/countyscope.log");
        String logText = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logText.contains("rejected " + inbox.resolve("runaway_quote.csv")) && logText.contains("\tat org.countyscope"),
            "the log file keeps the stack traces");

        SparkSession spark = TestSpark.session();
        for (String table : List.of("bronze/tax", "silver/tax", "quarantine/rejected_rows", "bronze/ingest_log")) {
            Path t = warehouse.resolve(table);
            if (Files.exists(t)) {
                assertFalse(containsText(spark.read().format("delta").load(t.toString()), HostileFiles.SECRET),
                    table + " holds nothing from outside the inbox");
            }
        }
        assertEquals(List.of("620802", "620802", "620821", "620821", "620821", "620823", "620823"),
            spark.read().format("delta").load(warehouse.resolve("silver/tax").toString()).orderBy("region_code")
                .select("region_code").as(org.apache.spark.sql.Encoders.STRING()).collectAsList(),
            "exactly the good files' rows are in silver");
    }

    @Test
    void aFailedRunExitsOneWithAMessageAndTheTraceOnlyInTheLog() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.copy(CORPUS.resolve("gbk_tax.csv"), inbox.resolve("gbk_tax.csv"));
        Path warehouse = dir.resolve("warehouse");
        Run run = countyscope(List.of("ingest", "--input", inbox.toString(), "--warehouse", warehouse.toString(),
            "--dataset", "no_such_dataset"));
        assertEquals(1, run.exit(), run.console());
        assertTrue(run.console().contains("countyscope: unknown dataset no_such_dataset（详细信息 / details: "
            + warehouse.resolve("logs/countyscope.log") + "）"), run.console());
        assertFalse(run.console().contains("\tat "), "no stack trace on the console:\n" + run.console());
        assertTrue(Files.readString(warehouse.resolve("logs/countyscope.log")).contains("\tat org.countyscope"),
            "the log keeps it");
    }

    private static boolean containsText(Dataset<Row> table, String text) {
        for (StructField f : table.schema().fields()) {
            if (f.dataType().equals(DataTypes.StringType)
                && !table.where(org.apache.spark.sql.functions.col(f.name()).contains(text)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

}
