package org.countyscope.bench;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.countyscope.config.CompareConfig;
import org.countyscope.config.IngestConfig;
import org.countyscope.generate.SampleCityGenerator;
import org.countyscope.generate.Summary;
import org.countyscope.gold.Cadence;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.CompareJob;
import org.countyscope.pipeline.ForecastJob;
import org.countyscope.pipeline.IngestJob;
import org.countyscope.pipeline.IngestReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;

/**
 * The benchmark: generate (or re-use) the data, start Spark, ingest into a fresh warehouse, compare all four cadences
 * (as {@code run} does), forecast (when the bench has that stage), then the same comparison with DuckDB from the raw
 * files and the agreement of the two, and the forecaster's speed. Every stage is measured with a {@link Meter}.
 */
public final class BenchRun {
    private static final Logger LOG = LoggerFactory.getLogger(BenchRun.class);
    /** Marks a finished generation in the raw folder, with its config and row counts. */
    static final String MARKER = ".bench-generated.properties";
    /** Release label of the benchmark's load. */
    static final String RELEASE = "bench";

    private final BenchConfig cfg;
    private final List<Stage> stages = new ArrayList<>();

    public BenchRun(BenchConfig cfg) {
        this.cfg = cfg;
    }

    /**
     * Runs every stage.
     *
     * @param spark builds (or returns) the session; its start is measured as a stage
     */
    public BenchResult run(Supplier<SparkSession> spark) {
        Machine machine = Machine.now();
        LOG.info("bench {}: {} (load {})", cfg.scale(), cfg.generatorLine(), machine.loadAverage()[0]);
        Map<String, Long> rawRows = generate();

        Meter m = Meter.start();
        SparkSession session = spark.get();
        stages.add(m.stop("spark-start", -1, "", "SparkSession " + session.version() + ", master "
            + session.sparkContext().master()));

        deleteTree(cfg.warehouse());
        TableStore store = new TableStore(session, cfg.warehouse().toAbsolutePath().toString());
        m = Meter.start();
        IngestReport ingest = new IngestJob(session, store).run(new IngestConfig(List.of(cfg.raw()), store.root(), null,
            null, RELEASE, cfg.period()));
        long read = ingest.datasets().stream().mapToLong(IngestReport.DatasetLoad::read).sum();
        long accepted = ingest.datasets().stream().mapToLong(IngestReport.DatasetLoad::accepted).sum();
        long quarantined = ingest.datasets().stream().mapToLong(IngestReport.DatasetLoad::quarantined).sum();
        stages.add(m.stop("ingest", read, "records read", String.format("%,d accepted into silver, %,d quarantined, "
            + "%d file(s) rejected whole", accepted, quarantined, ingest.rejected().size())));

        m = Meter.start();
        CompareJob.Result compare = new CompareJob(store).run(new CompareConfig(store.root(), cfg.period(),
            List.of(Cadence.values()), cfg.out()));
        stages.add(m.stop("compare", accepted, "silver rows", String.format("4 cadences at %s; %,d rows exported",
            cfg.period(), compare.comparisonRows())));

        m = Meter.start();
        ForecastJob.Result forecast = new ForecastJob(store).run(new ForecastJob.Config(cfg.period(), cfg.out(), true));
        stages.add(m.stop("forecast", forecast.rows(), "forecast rows", String.format(
            "every county and the city, as run does (%d regions)", forecast.regions().size())));

        Map<String, Double[]> product = productFigures(store);
        Map<String, Long> warehouse = new LinkedHashMap<>();
        for (Layer l : Layer.values()) {
            warehouse.put(l.dir(), sizeOf(cfg.warehouse().resolve(l.dir())));
        }
        Agreement agreement = duckdb(product);
        ForecastSpeed speed = forecastSpeed();
        return new BenchResult(cfg, machine, Machine.currentLoad(), stages, rawRows, sizeOf(cfg.raw()), ingest,
            product.size(), warehouse, agreement, speed);
    }

    /** The stages measured so far. */
    List<Stage> stagesSoFar() {
        return List.copyOf(stages);
    }

    /** The periods compared: each cadence's latest complete period at the bench's month. */
    List<DuckDbFigures.Period> periods() {
        List<DuckDbFigures.Period> out = new ArrayList<>();
        for (Cadence c : Cadence.values()) {
            out.add(new DuckDbFigures.Period(c.code(), c.months(c.periodEnd(cfg.period())).size(),
                c.periodEnd(cfg.period())));
        }
        return out;
    }

    /** Generates into the work folder, or re-uses what an earlier run with the same config generated there. */
    Map<String, Long> generate() {
        Path marker = cfg.raw().resolve(MARKER);
        Meter m = Meter.start();
        Properties done = readProperties(marker);
        if (cfg.generatorLine().equals(done.getProperty("config"))) {
            Map<String, Long> rows = new TreeMap<>();
            for (String k : done.stringPropertyNames()) {
                if (k.startsWith("rows.")) {
                    rows.put(k.substring(5), Long.parseLong(done.getProperty(k)));
                }
            }
            stages.add(m.stop("generate", -1, "", String.format("re-used %s (%s; %,d rows)", cfg.raw(),
                cfg.generatorLine(), rows.values().stream().mapToLong(Long::longValue).sum())));
            return rows;
        }
        deleteTree(cfg.raw());
        Summary s = SampleCityGenerator.generate(cfg.generator(), cfg.raw());
        Properties p = new Properties();
        p.setProperty("config", cfg.generatorLine());
        s.rowsByFile().forEach((f, n) -> p.setProperty("rows." + f, Long.toString(n)));
        try (Writer w = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
            p.store(w, "written by countyscope bench once generation finished");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stages.add(m.stop("generate", s.totalRows(), "rows", "generated " + cfg.generatorLine()));
        return s.rowsByFile();
    }

    /** The product's figures for the compared periods, keyed as DuckDB's are. */
    private Map<String, Double[]> productFigures(TableStore store) {
        List<org.apache.spark.sql.Column> cols = new ArrayList<>(List.of(col("cadence"), col("period"),
            col("region_code"), col("indicator")));
        DuckDbFigures.FIGURES.forEach(f -> cols.add(col(f)));
        org.apache.spark.sql.Column wanted = null;
        for (DuckDbFigures.Period p : periods()) {
            org.apache.spark.sql.Column one = col("cadence").equalTo(p.cadence()).and(col("period").equalTo(p.end().toString()));
            wanted = wanted == null ? one : wanted.or(one);
        }
        Map<String, Double[]> out = new TreeMap<>();
        for (Row r : store.read(Layer.GOLD, CompareJob.COMPARISON).where(wanted)
            .select(cols.toArray(org.apache.spark.sql.Column[]::new)).collectAsList()) {
            Double[] figures = new Double[DuckDbFigures.FIGURES.size()];
            for (int i = 0; i < figures.length; i++) {
                figures[i] = r.isNullAt(4 + i) ? null : ((Number) r.get(4 + i)).doubleValue();
            }
            out.put(DuckDbFigures.key(r.getString(0), r.getString(1), r.getString(2), r.getString(3)), figures);
        }
        return out;
    }

    private Agreement duckdb(Map<String, Double[]> product) {
        if (!cfg.duckdb()) {
            stages.add(Meter.skipped("duckdb-prepare", "DuckDB comparison not asked for"));
            stages.add(Meter.skipped("duckdb", "DuckDB comparison not asked for"));
            return null;
        }
        if (!DuckDbFigures.available()) {
            String why = "DuckDB JDBC driver not on the classpath (org.duckdb:duckdb_jdbc)";
            stages.add(Meter.skipped("duckdb-prepare", why));
            stages.add(Meter.skipped("duckdb", why));
            return null;
        }
        Meter m = Meter.start();
        RawFiles files = RawFiles.prepare(cfg.raw(), referenceDir(), cfg.work().resolve("duckdb"));
        stages.add(m.stop("duckdb-prepare", -1, "", "tax files GBK → UTF-8, projects.xlsx → CSV (JDK and POI)"));
        m = Meter.start();
        DuckDbFigures.Result duck;
        try {
            duck = DuckDbFigures.compute(files, periods());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("DuckDB comparison failed: " + e.getMessage(), e);
        }
        stages.add(m.stop("duckdb", duck.rowsRead(), "records read", String.format("same comparison in DuckDB SQL "
            + "from the raw files: %,d rows (native memory, not in the JVM heap figure)", duck.figures().size())));
        return Agreement.of(product, duck.figures(), DuckDbFigures.FIGURES);
    }

    private ForecastSpeed forecastSpeed() {
        if (cfg.forecastSeries() == 0) {
            stages.add(Meter.skipped("forecast-speed", "not asked for"));
            return null;
        }
        Meter m = Meter.start();
        ForecastSpeed s = ForecastSpeed.measure(cfg.forecastSeries());
        stages.add(m.stop("forecast-speed", cfg.forecastSeries(), "series", String.format("standard forecaster: "
            + "%.1f series/s per core (CPU time), %.1f series/s on %d threads", s.perCore(), s.allThreads(),
            s.threads())));
        return s;
    }

    /** data/reference when the bench runs from the repository (or the test's property), else the classpath copies. */
    private static Path referenceDir() {
        String property = System.getProperty(SampleCityGenerator.REFERENCE_DIR_PROPERTY);
        if (property != null) {
            return Path.of(property);
        }
        Path local = Path.of("data", "reference");
        return Files.isDirectory(local) ? local : null;
    }

    private static Properties readProperties(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                LOG.warn("cannot read {}: generating again", file);
            }
        }
        return p;
    }

    /** Bytes of the regular files under a folder, 0 when it does not exist. */
    static long sizeOf(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
