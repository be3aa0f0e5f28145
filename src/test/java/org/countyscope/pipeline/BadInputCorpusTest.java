package org.countyscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.countyscope.Fixtures;
import org.countyscope.HostileFiles;
import org.countyscope.TestSpark;
import org.countyscope.bronze.BronzeRows;
import org.countyscope.io.StagedFile;
import org.countyscope.io.Staging;
import org.countyscope.io.source.Inbox;
import org.countyscope.io.source.SourceException;
import org.countyscope.silver.SinglePeriods;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file under {@code src/test/resources/corpus}, and the hostile files too big or dangerous to commit (named with
 * a leading {@code @} in the list, written by {@link HostileFiles} into a temporary inbox), goes through the inbox check
 * and staging and all the checks, without a warehouse; {@code expected.tsv} there states each file's outcome: rejected
 * whole (with words of the message), or how many rows are accepted and exactly which cells are quarantined under which
 * rule.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    static final String AS_OF = "2025-12";
    static SparkSession spark;
    @TempDir
    static Path staging;
    @TempDir
    static Path generated;
    static Path inbox;
    static Path outside;

    record Case(String file, String outcome, long accepted, Set<String> problems, String note) {
        @Override
        public String toString() {
            return file + " → " + outcome + " (" + note + ")";
        }
    }

    @BeforeAll
    static void session() throws IOException {
        spark = TestSpark.session();
        inbox = Files.createDirectories(generated.resolve("inbox"));
        outside = Files.createDirectories(generated.resolve("outside"));
        writeGenerated(inbox, outside);
    }

    /** The generated hostile files, under the names expected.tsv gives them (without the @). */
    static void writeGenerated(Path inbox, Path outside) throws IOException {
        Path secret = HostileFiles.secret(outside);
        HostileFiles.zipBomb(inbox.resolve("zip_bomb.xlsx"), 512);
        HostileFiles.billionLaughs(inbox.resolve("billion_laughs.xlsx"));
        HostileFiles.externalEntityInSheet(inbox.resolve("xxe_in_sheet.xlsx"), secret);
        HostileFiles.externalEntityInSharedStrings(inbox.resolve("xxe_in_shared_strings.xlsx"), secret);
        HostileFiles.externalParameterEntity(inbox.resolve("xxe_parameter_entity.xlsx"), secret);
        HostileFiles.hugeLine(inbox.resolve("huge_single_line.csv"), 300);
        HostileFiles.hugeFirstLine(inbox.resolve("huge_first_line.csv"), 16);
        HostileFiles.wideHeader(inbox.resolve("columns_100000.csv"), 100_000);
        HostileFiles.wideRow(inbox.resolve("row_of_100000_cells.csv"), 100_000);
        HostileFiles.link(inbox.resolve("link_out_of_inbox.csv"), secret);
        Path real = Fixtures.csv(inbox.resolve("sub"), "tax_real.csv", HostileFiles.TAX_HEADER + "\n"
            + HostileFiles.TAX_ROW + "\n");
        HostileFiles.link(inbox.resolve("link_inside_inbox.csv"), real);
    }

    static Path path(Case c) {
        return c.file().startsWith("@") ? inbox.resolve(c.file().substring(1)) : CORPUS.resolve(c.file());
    }

    /** What ingest does with a file found in a folder: the inbox check, then staging. */
    static StagedFile stage(Path file) {
        Inbox.checkInside(file, List.of(file.getParent()));
        return Staging.stage(file, null, null, staging);
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Set<String> problems = f[3].isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(f[3].split(";")));
            out.add(new Case(f[0], f[1], f[2].isEmpty() ? -1 : Long.parseLong(f[2]), problems, f[4]));
        }
        return out.stream();
    }

    @Test
    void theCorpusHasAtLeast50InputsAndEveryFileIsListed() throws IOException {
        Set<String> listed = cases().map(Case::file).filter(f -> !f.startsWith("@")).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(CORPUS)) {
            Set<String> present = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.tsv"))
                .collect(Collectors.toSet());
            assertEquals(present, listed, "every corpus file has an expected outcome and vice versa");
        }
        long all = cases().count();
        assertTrue(all >= 50, "at least 50 inputs, have " + all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outcomeIsAsExpected(Case c) throws IOException {
        Path file = path(c);
        if (c.outcome().equals("reject")) {
            SourceException e = assertThrows(SourceException.class, () -> stage(file),
                c.file() + " must be rejected whole");
            String m = e.getMessage();
            assertTrue(m.contains(c.note()), "message names the fault: " + m);
            assertTrue(m.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                && !m.contains("Exception") && !m.contains("\tat "), "a message in Chinese, no Java in it: " + m);
            assertFalse(m.contains(HostileFiles.SECRET), "nothing from outside the inbox in the message");
            return;
        }
        StagedFile s = stage(file);
        assertFalse(Files.readString(s.staged()).contains(HostileFiles.SECRET), "nothing from outside the inbox read");
        Dataset<Row> bronze = BronzeRows.withLineage(spark.read().schema(Staging.schema(s.spec()))
            .json(s.staged().toString()), s, 0, "TEST", Timestamp.valueOf("2025-12-01 00:00:00"));
        IngestJob.Validation v = IngestJob.validate(bronze, s.spec(), null, AS_OF);
        try {
            Set<String> problems = v.rejected().collectAsList().stream()
                .map(r -> r.getAs("_row") + ":" + r.getAs("column") + ":" + r.getAs("rule"))
                .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(c.problems(), problems, c.file() + ": quarantined cells and rules");
            assertEquals(c.accepted(), v.accepted().count(), c.file() + ": rows accepted");
            if (c.file().equals("missing_month.csv")) {
                Row may = SinglePeriods.apply(v.accepted().withColumn("release", lit("T")), s.spec())
                    .where(col("period").equalTo("2024-05")).head();
                assertEquals(2, (int) may.<Integer>getAs("months_covered"), "1—5月 minus 1—3月 spans April and May");
                assertEquals(330.0, may.<Double>getAs("value_added"), 1e-9, "780 − 450");
            }
        } finally {
            v.release();
        }
    }

    @Test
    void gbkIsDetectedAndDecoded() {
        StagedFile s = stage(CORPUS.resolve("gbk_tax.csv"));
        assertEquals("GB18030", s.encoding());
        assertEquals("tax", s.spec().name());
    }

    @Test
    void quotedNewlineStaysInsideTheValue() {
        StagedFile s = stage(CORPUS.resolve("quoted_newline.csv"));
        Row first = spark.read().schema(Staging.schema(s.spec())).json(s.staged().toString()).orderBy("_seq").head();
        assertEquals("年产10万吨\n煤基新材料项目", first.getAs("project_name"));
        assertEquals(2L, (long) first.<Long>getAs("_row"), "row numbers count records as Excel shows them");
    }
}
