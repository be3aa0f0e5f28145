package org.countyscope.pipeline;

import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.config.IngestConfig;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run} again on a copy of the sample warehouse and its outputs: with the same files nothing is staged and no
 * stage runs; with one revised tax file, compare and the reports run again and the forecast, which no tax figure
 * feeds, does not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunJobRerunTest {
    @TempDir
    static Path tmp;
    static TableStore store;
    static Path out;

    @BeforeAll
    static void setUp() throws IOException {
        SampleWarehouse.result();
        store = new TableStore(TestSpark.session(), SampleWarehouse.copy(tmp.resolve("warehouse")).toString());
        out = tmp.resolve("out");
        try (Stream<Path> walk = Files.walk(SampleWarehouse.out())) {
            for (Path p : walk.toList()) {
                Path dest = out.resolve(SampleWarehouse.out().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static RunJob.Result run(List<Path> inputs, String release) {
        return new RunJob(store).run(new IngestConfig(inputs, store.root(), null, null, release, SampleWarehouse.AS_OF),
            null, out);
    }

    @Test
    @Order(1)
    void anUnchangedRerunStagesNoFileAndRunsNoStage() {
        Map<String, Long> before = versions();
        RunJob.Result r = run(List.of(TestSpark.sampleDir()), "sample-again");
        assertTrue(r.ingest().datasets().isEmpty(), "nothing loaded: " + r.ingest().datasets());
        assertTrue(r.ingest().alreadyLoaded().size() >= 11, "every sample file recognised by its checksum: "
            + r.ingest().alreadyLoaded());
        assertNull(r.compare(), "compare skipped");
        assertNull(r.forecast(), "forecast skipped");
        assertTrue(r.reports().isEmpty(), "reports skipped");
        for (RunSummary.Stage s : r.summary().stages()) {
            assertEquals(s.name().equals("ingest"), s.ran(), s.name() + ": " + s.note());
        }
        assertEquals(before, versions(), "no table got a new version");
        assertTrue(Files.exists(r.outDir().resolve(RunJob.SUMMARY_FILE)));
        assertTrue(Files.exists(r.outDir().resolve("quality/ingest_summary.csv")), "the last load's report stands");
    }

    @Test
    @Order(2)
    void aRevisedTaxFileRecomputesCompareAndTheReportsButNotTheForecast() throws IOException {
        Charset gbk = Charset.forName("GBK");
        List<String> lines = Files.readAllLines(TestSpark.sampleDir().resolve("tax/tax_2025.csv"), gbk);
        String[] first = lines.get(1).split(",", -1);
        first[6] = new java.math.BigDecimal(first[6]).add(java.math.BigDecimal.TEN).toPlainString();
        lines.set(1, String.join(",", first));
        Path revised = tmp.resolve("revision/tax_2025_修订.csv");
        Files.createDirectories(revised.getParent());
        Files.write(revised, lines, gbk);
        Map<String, Long> before = versions();

        RunJob.Result r = run(List.of(TestSpark.sampleDir(), revised), "2025年修订");
        assertEquals(List.of("tax"), r.ingest().datasets().stream().map(IngestReport.DatasetLoad::dataset).toList(),
            "only the revised file is staged and loaded");
        Map<String, RunSummary.Stage> stages = r.summary().stages().stream()
            .collect(Collectors.toMap(RunSummary.Stage::name, s -> s));
        assertNotNull(r.compare(), "compare reads tax");
        assertTrue(stages.get("compare").note().contains("silver/tax"), stages.get("compare").note());
        assertEquals(4, r.reports().size(), "the reports read every gold table");
        assertNull(r.forecast(), "no tax figure feeds the forecast: " + stages.get("forecast").note());
        assertNotEquals(before.get("silver/tax"), versions().get("silver/tax"));
        assertEquals(before.get("gold/forecast"), versions().get("gold/forecast"), "gold/forecast untouched");
        assertTrue(Files.exists(r.outDir().resolve("tables/forecast.csv")), "the forecast's export stays");
        assertTrue(stages.get("quality").ran(), "a load happened: its quality report is written");
    }

    /** Every silver and gold table's Delta version. */
    private static Map<String, Long> versions() {
        Map<String, Long> out = new TreeMap<>();
        for (Layer layer : List.of(Layer.SILVER, Layer.GOLD)) {
            Path dir = Path.of(store.root(), layer.dir());
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isDirectory).forEach(t -> out.put(layer.dir() + "/" + t.getFileName(),
                    store.version(layer, t.getFileName().toString())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
