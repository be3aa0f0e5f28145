package org.countyscope.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.config.IngestConfig;
import org.countyscope.dataset.DatasetSpec;
import org.countyscope.dataset.Datasets;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.quality.Quarantine;
import org.countyscope.silver.SinglePeriods;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample city end to end: `run` once (shared), then on a copy: the same files again, then a revised tax file. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleRunTest {
    @TempDir
    static Path tmp;
    static SparkSession spark;
    static TableStore store;
    static final YearMonth AS_OF = SampleWarehouse.AS_OF;
    static final Map<String, Long> VERSIONS = new LinkedHashMap<>();
    static final Map<String, List<Row>> CONTENTS = new LinkedHashMap<>();

    @BeforeAll
    static void setUp() {
        spark = TestSpark.session();
        SampleWarehouse.result();
        store = new TableStore(spark, SampleWarehouse.copy(tmp.resolve("warehouse")).toString());
    }

    static IngestConfig config(Path input, String release) {
        return new IngestConfig(List.of(input), store.root(), null, null, release, AS_OF);
    }

    @Test
    @Order(1)
    void runFillsBronzeAndSilverOfEveryDatasetAndWritesTheQualityReport() throws IOException {
        RunJob.Result r = SampleWarehouse.result();
        assertTrue(r.ingest().rejected().isEmpty(), "no sample file is rejected: " + r.ingest().rejected());
        assertEquals("2025-12", r.period(), "the sample's latest month");
        for (DatasetSpec d : Datasets.ALL) {
            IngestReport.DatasetLoad load = r.ingest().datasets().stream().filter(l -> l.dataset().equals(d.name()))
                .findFirst().orElseThrow(() -> new AssertionError("sample lacks dataset " + d.name()));
            assertTrue(load.accepted() > 0, d.name() + " accepted rows");
            assertEquals(load.read(), store.read(Layer.BRONZE, d.name()).count(), d.name() + ": bronze holds every record");
            assertEquals(load.accepted(), store.current(Layer.SILVER, d.name()).count(), d.name() + ": silver rows");
            if (d.isCumulative()) {
                assertEquals(load.accepted(), store.read(Layer.SILVER, SinglePeriods.table(d)).count(),
                    d.name() + ": one single-period row per report");
            }
        }
        assertTrue(Files.exists(r.outDir().resolve("quality/ingest_summary.csv")));
        assertTrue(Files.exists(r.outDir().resolve("tables/indicator_comparison.csv")));
        assertTrue(Files.exists(r.outDir().resolve("tables/comparison.xlsx")));
        String summary = Files.readString(r.outDir().resolve("quality/ingest_summary.csv"));
        assertTrue(summary.startsWith("\uFEFF"), "BOM so that Excel reads Chinese");
        assertTrue(summary.contains("industrial_output"), summary);
        snapshot();
    }

    @Test
    @Order(2)
    void ingestingTheSampleAgainLeavesEveryTableAsItWas() {
        IngestReport again = new IngestJob(spark, store).run(config(TestSpark.sampleDir(), "sample-2"));
        for (IngestReport.DatasetLoad d : again.datasets()) {
            assertEquals(0, d.inserted() + d.updated(), d.dataset() + " changed on a repeat load");
        }
        Map<String, Long> before = new LinkedHashMap<>(VERSIONS);
        Map<String, List<Row>> contents = new LinkedHashMap<>(CONTENTS);
        snapshot();
        assertEquals(before, VERSIONS, "no table got a new version");
        assertEquals(contents, CONTENTS, "identical table contents");
    }

    @Test
    @Order(3)
    void aRevisedTaxFileUpdatesOneValueAndKeepsTheOldOneByVersion() throws IOException {
        Charset gbk = Charset.forName("GBK");
        Path original = TestSpark.sampleDir().resolve("tax/tax_2025.csv");
        List<String> lines = Files.readAllLines(original, gbk);
        String[] first = lines.get(1).split(",", -1);
        String oldAmount = first[6];
        first[6] = new java.math.BigDecimal(oldAmount).add(java.math.BigDecimal.TEN).toPlainString();
        lines.set(1, String.join(",", first));
        Path revised = tmp.resolve("revision/tax_2025_修订.csv");
        Files.createDirectories(revised.getParent());
        Files.write(revised, lines, gbk);
        long before = store.version(Layer.SILVER, "tax");

        IngestReport r = new IngestJob(spark, store).run(config(revised, "2025年修订"));
        IngestReport.DatasetLoad tax = r.datasets().get(0);
        assertEquals(1, tax.updated(), "one changed value");
        assertEquals(lines.size() - 2, tax.unchanged());

        Row now = store.current(Layer.SILVER, "tax").where(col("period").equalTo(first[0])
            .and(col("region_code").equalTo(first[1])).and(col("industry_code").equalTo(first[3]))
            .and(col("tax_type").equalTo(first[5]))).head();
        assertEquals(Double.parseDouble(first[6]), now.<Double>getAs("amount"), 1e-9);
        assertEquals("2025年修订", now.getAs("release"));
        Row then = store.readVersion(Layer.SILVER, "tax", before).where(col("period").equalTo(first[0])
            .and(col("region_code").equalTo(first[1])).and(col("industry_code").equalTo(first[3]))
            .and(col("tax_type").equalTo(first[5]))).head();
        assertEquals(Double.parseDouble(oldAmount), then.<Double>getAs("amount"), 1e-9, "old value by version");
        assertEquals(2, store.read(Layer.SILVER, "tax").where(col("period").equalTo(first[0])
            .and(col("region_code").equalTo(first[1])).and(col("industry_code").equalTo(first[3]))
            .and(col("tax_type").equalTo(first[5]))).count(), "both releases kept as rows");
    }

    private static void snapshot() {
        VERSIONS.clear();
        CONTENTS.clear();
        for (DatasetSpec d : Datasets.ALL) {
            for (Layer l : List.of(Layer.BRONZE, Layer.SILVER)) {
                VERSIONS.put(l.dir() + "/" + d.name(), store.version(l, d.name()));
            }
            List<String> key = new java.util.ArrayList<>(d.key());
            CONTENTS.put(d.name(), store.read(Layer.SILVER, d.name()).orderBy(key.stream()
                .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new)).collectAsList());
        }
        VERSIONS.put("quarantine", store.version(Layer.QUARANTINE, Quarantine.TABLE));
        VERSIONS.put("ingest_log", store.version(Layer.BRONZE, IngestJob.INGEST_LOG));
    }
}
