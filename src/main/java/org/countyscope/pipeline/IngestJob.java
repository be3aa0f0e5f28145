package org.countyscope.pipeline;

import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.countyscope.bronze.BronzeRows;
import org.countyscope.config.IngestConfig;
import org.countyscope.dataset.DatasetSpec;
import org.countyscope.dataset.Datasets;
import org.countyscope.io.FailPoint;
import org.countyscope.io.Layer;
import org.countyscope.io.StagedFile;
import org.countyscope.io.Staging;
import org.countyscope.io.TableStore;
import org.countyscope.io.WarehouseLock;
import org.countyscope.io.source.Inbox;
import org.countyscope.io.source.SourceException;
import org.countyscope.quality.Quarantine;
import org.countyscope.silver.Conform;
import org.countyscope.silver.CumulativeChecks;
import org.countyscope.silver.Deduplicate;
import org.countyscope.silver.SinglePeriods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.countyscope.dataset.Columns.BATCH_ID;
import static org.countyscope.dataset.Columns.CHECKSUM;
import static org.countyscope.dataset.Columns.FILE_SEQ;
import static org.countyscope.dataset.Columns.REASON;
import static org.countyscope.dataset.Columns.RULE;
import static org.countyscope.dataset.Columns.LOADED_AT;
import static org.countyscope.dataset.Columns.SOURCE_FILE;
import static org.countyscope.dataset.Columns.SOURCE_ROW;

/**
 * Ingest: source files → bronze (as received) → checks → quarantine (rejected rows, with reasons) and silver (typed,
 * deduplicated, versioned by release), plus single periods for cumulative datasets. A file with a structural fault is
 * rejected before any table changes; every other file loads, its good rows all of them.
 */
public final class IngestJob {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
    /** The per-file audit table in bronze: one row per file content first loaded. */
    public static final String INGEST_LOG = "ingest_log";
    static final Set<String> EXTENSIONS = Set.of("csv", "txt", "tsv", "xlsx", "xls");
    /** Datasets loaded at once; more gains nothing on a laptop's cores and costs memory. */
    static final int PARALLEL_DATASETS = 3;

    private final SparkSession spark;
    private final TableStore store;
    private final List<org.apache.hadoop.fs.Path> stagedCopies = new ArrayList<>();
    private boolean skipLoaded;

    public IngestJob(SparkSession spark, TableStore store) {
        this.spark = spark;
        this.store = store;
    }

    /**
     * Whether files whose content the ingest log already lists are skipped before staging (what a monthly re-run
     * wants: unchanged files cost one checksum each). Off by default, so an explicit ingest checks every file again
     * against today's rules and {@code --as-of}.
     */
    public IngestJob skipLoaded(boolean skip) {
        this.skipLoaded = skip;
        return this;
    }

    public IngestReport run(IngestConfig cfg) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
        String batchId = "B" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT)) + "-"
            + String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
        String release = cfg.release() != null ? cfg.release() : batchId;
        Timestamp loadedAt = Timestamp.valueOf(now);
        DatasetSpec forced = cfg.dataset() == null ? null : Datasets.byName(cfg.dataset())
            .orElseThrow(() -> new IllegalArgumentException("unknown dataset " + cfg.dataset()));
        String asOf = cfg.asOf().toString();

        List<Path> files = discover(cfg.inputs());
        Path stagingDir = tempDir();
        List<IngestReport.RejectedFile> rejected = new ArrayList<>();
        List<String> alreadyLoaded = new ArrayList<>();
        Map<DatasetSpec, List<StagedFile>> byDataset = new LinkedHashMap<>();
        Datasets.ALL.forEach(d -> byDataset.put(d, new ArrayList<>()));
        // the log lists contents whose load completed (it is written last), so a file cut short by a crash is loaded
        Set<String> completed = skipLoaded ? loggedChecksums() : Set.of();
        for (Path f : files) {
            try {
                Inbox.checkInside(f, cfg.inputs());
                String checksum = Staging.sha256(f);
                if (completed.contains(checksum)) {
                    alreadyLoaded.add(f.toString());
                    LOG.info("{} already loaded (checksum {}): not staged", f.getFileName(), checksum.substring(0, 12));
                    continue;
                }
                StagedFile s = Staging.stage(f, checksum, cfg.encoding(), forced, stagingDir);
                byDataset.get(s.spec()).add(s);
                LOG.info("staged {} as {} ({} records, {})", f.getFileName(), s.spec().name(), s.records(),
                    s.encoding() == null ? s.format() : s.encoding());
            } catch (SourceException e) {
                LOG.warn("rejected {}: {}", f, e.getMessage(), e);
                rejected.add(new IngestReport.RejectedFile(f.toString(), e.getMessage()));
            } catch (RuntimeException | StackOverflowError e) {
                // One unreadable file must not stop the others: it is rejected, and the log keeps the trace.
                LOG.error("could not read {}", f, e);
                rejected.add(new IngestReport.RejectedFile(f.toString(), "读取文件时程序出错（" + e.getClass().getSimpleName()
                    + "），文件未载入；详细信息已写入日志，请把文件和日志交给技术人员"));
            }
        }
        List<IngestReport.DatasetLoad> loads = new ArrayList<>();
        List<Loaded> done = new ArrayList<>();
        try (WarehouseLock lock = WarehouseLock.forWriter(cfg.warehouse())) {
            // datasets go to different tables, so they load side by side: one's Delta commit overlaps another's work
            Set<String> logged = loggedChecksums();
            ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_DATASETS);
            try {
                List<Future<Loaded>> futures = new ArrayList<>();
                for (Map.Entry<DatasetSpec, List<StagedFile>> e : byDataset.entrySet()) {
                    if (!e.getValue().isEmpty()) {
                        futures.add(pool.submit(() -> load(e.getKey(), e.getValue(), batchId, release, loadedAt, asOf,
                            logged)));
                    }
                }
                for (Future<Loaded> f : futures) {
                    done.add(await(f));
                }
            } finally {
                pool.shutdownNow();
            }
            writeSharedTables(done, batchId, loadedAt);
            done.forEach(l -> loads.add(l.report()));
        } finally {
            done.forEach(l -> l.validation().release());
            deleteQuietly(stagingDir);
            deleteStagedCopies();
        }
        return new IngestReport(batchId, release, loads, rejected, alreadyLoaded);
    }

    /** One dataset loaded into bronze and silver; its quarantine rows and log entries still to be written. */
    private record Loaded(IngestReport.DatasetLoad report, Validation validation, List<StagedFile> files,
                          DatasetSpec spec) {
    }

    private static Loaded await(Future<Loaded> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
        }
    }

    /**
     * Quarantine and the ingest log are shared by every dataset, so they are written once, after the datasets, in one
     * commit each. A crash before this point loses nothing: loading the same files again redoes it.
     */
    private void writeSharedTables(List<Loaded> done, String batchId, Timestamp loadedAt) {
        if (done.isEmpty()) {
            return;
        }
        FailPoint.hit("ingest.before-shared-tables");
        Dataset<Row> rejects = null;
        List<Row> log = new ArrayList<>();
        for (Loaded l : done) {
            rejects = rejects == null ? l.validation().rejected() : rejects.unionByName(l.validation().rejected());
            for (StagedFile f : l.files()) {
                log.add(org.apache.spark.sql.RowFactory.create(f.checksum(), f.fileName(), l.spec().name(), f.format(),
                    f.encoding(), f.records(), String.join("|", f.extras()), batchId, loadedAt));
            }
        }
        store.appendNew(Layer.QUARANTINE, Quarantine.TABLE, rejects, Quarantine.KEY);
        store.appendNew(Layer.BRONZE, INGEST_LOG, spark.createDataFrame(log, LOG_SCHEMA), List.of(CHECKSUM));
    }

    private static final org.apache.spark.sql.types.StructType LOG_SCHEMA = new org.apache.spark.sql.types.StructType()
        .add(CHECKSUM, "string").add(SOURCE_FILE, "string").add("dataset", "string").add("format", "string")
        .add("encoding", "string").add("records", "long").add("unmatched_headings", "string")
        .add(BATCH_ID, "string").add(LOADED_AT, "timestamp");

    /** Checksums of the file contents whose load completed (the ingest log is written last). */
    private Set<String> loggedChecksums() {
        if (!store.exists(Layer.BRONZE, INGEST_LOG)) {
            return Set.of();
        }
        return Set.copyOf(store.read(Layer.BRONZE, INGEST_LOG).select(CHECKSUM).as(Encoders.STRING()).collectAsList());
    }

    /**
     * @param logged checksums of files whose load completed before: a staged file not among them may have been cut
     *               short by a crash after its silver commit, so the derived single-period table is rebuilt even
     *               when silver does not change
     */
    private Loaded load(DatasetSpec spec, List<StagedFile> staged, String batchId, String release, Timestamp loadedAt,
                        String asOf, Set<String> logged) {
        long t0 = System.nanoTime();
        Dataset<Row> bronze = null;
        for (int i = 0; i < staged.size(); i++) {
            StagedFile f = staged.get(i);
            Dataset<Row> part = BronzeRows.withLineage(
                spark.read().schema(Staging.schema(spec)).json(stagedLocation(f.staged())), f, i, batchId, loadedAt);
            bronze = bronze == null ? part : bronze.unionByName(part);
        }
        long read = staged.stream().mapToLong(StagedFile::records).sum();
        long bronzeVersion = appendToBronze(spec, bronze, staged);
        FailPoint.hit("ingest.after-bronze");

        Dataset<Row> existing = spec.isCumulative() && store.exists(Layer.SILVER, spec.name())
            ? store.current(Layer.SILVER, spec.name()) : null;
        Validation v = validate(bronze, spec, existing, asOf);
        long quarantined = v.rejected().select(CHECKSUM, Staging.SEQ).distinct().count();
        TableStore.UpsertResult up = store.upsertVersioned(Layer.SILVER, spec.name(), v.accepted(), spec.key(),
            spec.valueColumns(), release, loadedAt);
        boolean unfinished = staged.stream().anyMatch(f -> !logged.contains(f.checksum()));
        if (spec.isCumulative() && (up.inserted() + up.updated() > 0 || unfinished)) {
            FailPoint.hit("ingest.before-single-periods");
            store.overwrite(Layer.SILVER, SinglePeriods.table(spec),
                SinglePeriods.apply(store.current(Layer.SILVER, spec.name()), spec));
        }
        long accepted = up.inserted() + up.updated() + up.unchanged();
        LOG.info("loaded {} in {} ms", spec.name(), (System.nanoTime() - t0) / 1_000_000);
        return new Loaded(new IngestReport.DatasetLoad(spec.name(), spec.label(), staged.size(), read, accepted,
            quarantined, up.inserted(), up.updated(), up.unchanged(), bronzeVersion, up.version()), v, staged, spec);
    }

    /** Appends the records of files whose content bronze does not hold yet; returns bronze's version. */
    private long appendToBronze(DatasetSpec spec, Dataset<Row> bronze, List<StagedFile> staged) {
        List<String> have = store.exists(Layer.BRONZE, spec.name())
            ? store.read(Layer.BRONZE, spec.name()).select(CHECKSUM).distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList()
            : List.of();
        List<Object> fresh = staged.stream().map(StagedFile::checksum).filter(c -> !have.contains(c))
            .map(c -> (Object) c).distinct().toList();
        if (!fresh.isEmpty()) {
            store.append(Layer.BRONZE, spec.name(), bronze.where(col(CHECKSUM).isin(fresh.toArray())));
        }
        return store.version(Layer.BRONZE, spec.name());
    }

    /**
     * What the checks make of bronze rows: the rows for silver (one per key, typed, with lineage) and the quarantine
     * rows, both read from {@code marked} — every row with its verdicts —, which is cached; {@link #release()} frees it.
     */
    public record Validation(Dataset<Row> accepted, Dataset<Row> rejected, Dataset<Row> marked) {
        public void release() {
            marked.unpersist();
        }
    }

    /**
     * Runs every check on bronze rows of one dataset without writing anything: column and row rules, duplicates,
     * and for cumulative data the comparison with neighbouring months (in the batch or in {@code existing}).
     *
     * @param existing current silver rows of the dataset, or null
     */
    public static Validation validate(Dataset<Row> bronze, DatasetSpec spec, Dataset<Row> existing, String asOf) {
        List<Column> silverCols = new ArrayList<>();
        spec.columnNames().forEach(c -> silverCols.add(col(c)));
        for (String c : List.of(SOURCE_FILE, SOURCE_ROW, CHECKSUM, BATCH_ID, LOADED_AT)) {
            silverCols.add(col(c));
        }
        // the raw text is not needed past the cell checks (a problem carries its value): fewer columns to shuffle
        List<Column> slim = new ArrayList<>(silverCols);
        slim.add(col(Staging.SEQ));
        slim.add(col(FILE_SEQ));
        slim.add(col(Conform.ERRORS));
        // every check groups rows of one entity, so one shuffle by entity serves them all
        Dataset<Row> rows = Conform.apply(bronze, spec, asOf).select(slim.toArray(Column[]::new))
            .repartition(spec.entityKey().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
        Dataset<Row> marked = Deduplicate.mark(rows, functions.size(col(Conform.ERRORS)).equalTo(0), spec);
        Column forSilver = col(Deduplicate.KEPT);
        if (spec.isCumulative()) {
            marked = CumulativeChecks.mark(marked, col(Deduplicate.KEPT), existing, spec);
            forSilver = forSilver.and(col(CumulativeChecks.CUM_REASON).isNull());
        }
        // one pass of the checks, cached: silver rows and quarantine rows are both read from it
        Dataset<Row> all = marked.cache();
        Dataset<Row> rejects = Quarantine.fromErrors(all, spec.name())
            .unionByName(Quarantine.fromRecords(all.where(col(Deduplicate.DUP_RULE).isNotNull())
                    .withColumn(RULE, col(Deduplicate.DUP_RULE)).withColumn(REASON, col(Deduplicate.DUP_REASON)),
                spec.name(), lit(Deduplicate.keyName(spec)), Deduplicate.keyText(spec)));
        if (spec.isCumulative()) {
            rejects = rejects.unionByName(Quarantine.fromRecords(all.where(col(CumulativeChecks.CUM_REASON).isNotNull())
                    .withColumn(RULE, lit(CumulativeChecks.DECREASE)).withColumn(REASON, col(CumulativeChecks.CUM_REASON)),
                spec.name(), col(CumulativeChecks.BAD_COLUMN), col(CumulativeChecks.BAD_VALUE)));
        }
        return new Validation(all.where(forSilver).select(silverCols.toArray(Column[]::new)), rejects, all);
    }

    /** Data files under the inputs, in path order (the order in which later files supersede earlier ones). */
    static List<Path> discover(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> walk = Files.walk(in)) {
                    walk.filter(Files::isRegularFile).filter(IngestJob::isDataFile)
                        .sorted(Comparator.comparing(Path::toString)).forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + in, e);
                }
            } else {
                out.add(in);
            }
        }
        return out;
    }

    private static boolean isDataFile(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".") && !name.startsWith("~$") && dot > 0
            && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Where executors read a staged file: the driver's local path when they run in the driver's JVM (a local master
     * and a local warehouse), else a copy in the warehouse's file system ({@code <warehouse>/_staging}), which every
     * executor reads — on YARN, Kubernetes, a standalone master or local-cluster alike.
     */
    private String stagedLocation(Path local) {
        if (spark.sparkContext().isLocal() && isLocal(store.root())) {
            return local.toUri().toString();
        }
        try {
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(store.root() + "/_staging/"
                + local.getFileName());
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.toUri()), target);
            synchronized (stagedCopies) {
                stagedCopies.add(target);
            }
            return target.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy staged file to " + store.root(), e);
        }
    }

    /** Removes this run's copies from {@code <warehouse>/_staging}; a leftover copy is harmless, so only logged. */
    private void deleteStagedCopies() {
        synchronized (stagedCopies) {
            for (org.apache.hadoop.fs.Path p : stagedCopies) {
                try {
                    p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, false);
                } catch (IOException e) {
                    LOG.warn("could not delete staged copy {}", p);
                }
            }
            stagedCopies.clear();
        }
    }

    static boolean isLocal(String warehouse) {
        return WarehouseLock.isLocal(warehouse);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("countyscope-staging-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete staging folder {}", dir);
        }
    }
}
