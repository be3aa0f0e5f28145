package org.countyscope.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.countyscope.config.CompareConfig;
import org.countyscope.config.IngestConfig;
import org.countyscope.gold.Cadence;
import org.countyscope.dataset.Datasets;
import org.countyscope.io.CsvExport;
import org.countyscope.io.Layer;
import org.countyscope.review.ReviewTables;
import org.countyscope.io.TableStore;
import org.countyscope.io.WarehouseLock;
import org.countyscope.quality.Quarantine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import static org.apache.spark.sql.functions.col;
import static org.countyscope.dataset.Columns.BATCH_ID;
import static org.countyscope.dataset.Columns.COLUMN;
import static org.countyscope.dataset.Columns.DATASET;
import static org.countyscope.dataset.Columns.PERIOD;
import static org.countyscope.dataset.Columns.RAW_VALUE;
import static org.countyscope.dataset.Columns.REASON;
import static org.countyscope.dataset.Columns.RULE;
import static org.countyscope.dataset.Columns.SOURCE_FILE;
import static org.countyscope.dataset.Columns.SOURCE_ROW;

/**
 * The whole pipeline for one period: ingest the inputs, then each later stage. Leaves under {@code <out>/<period>/}
 * what people read: the load's quality report ({@code quality/ingest_summary.csv} and {@code quality/rejected_rows.csv},
 * the rows a clerk must correct), the county comparison for every cadence and the forecast ({@code tables/}) and the
 * planners' reports
 * (index.html, report.pdf, tables.xlsx, charts/ — the month's in the period folder, the others in sub-folders).
 */
public final class RunJob {

    /**
     * What the run did: the ingest report, the period it ran for, the data review, the comparison, and where its outputs are. A stage
     * skipped because its inputs had not changed since it last ran for the period has a null result ({@code review}, {@code compare},
     * {@code forecast}) or no reports; {@code summary} says which ran and how long each took.
     */
    public record Result(IngestReport ingest, String period, ReviewJob.Result review, CompareJob.Result compare,
                         ForecastJob.Result forecast, List<ReportJob.Written> reports, Path outDir, RunSummary summary) {
    }

    /** Silver datasets the forecast depends on, directly or through gold: value added, its deflator, the targets, and
     * what the comparison's disclosure pattern (which forecast.csv follows) is computed from. */
    static final List<String> FORECAST_DATASETS = List.of(Datasets.INDUSTRIAL_OUTPUT.name(), Datasets.PPI.name(),
        Datasets.TARGETS.name(), Datasets.PROJECTS.name(), Datasets.ENTERPRISE_REGISTER.name());
    static final String SUMMARY_FILE = "run-summary.json";

    private final TableStore store;

    public RunJob(TableStore store) {
        this.store = store;
    }

    public Result run(IngestConfig ingest, String period, Path out) {
        return run(ingest, period, out, false);
    }

    /**
     * @param force recompute every stage and stage every file, even when nothing changed since the last run
     */
    public Result run(IngestConfig ingest, String period, Path out, boolean force) {
        // one run at a time per warehouse, whole: a second run waits (and says for whom) instead of interleaving its
        // stages with this one's; the jobs inside take the same lock again
        try (WarehouseLock lock = WarehouseLock.forWriter(store.root())) {
            return runLocked(ingest, period, out, force);
        }
    }

    private Result runLocked(IngestConfig ingest, String period, Path out, boolean force) {
        RunSummary summary = new RunSummary(store.spark().sparkContext().master(), executors());
        IngestReport report = summary.time("ingest", "", () -> new IngestJob(store.spark(), store)
            .skipLoaded(!force).run(ingest));
        String p = period != null ? period : latestPeriod()
            .orElseThrow(() -> new IllegalStateException("the warehouse holds no industrial output yet: nothing to run"));
        Path dir = out.resolve(p);
        YearMonth ym = YearMonth.parse(p);
        boolean loadedNothing = report.datasets().isEmpty() && report.rejected().isEmpty();
        if (loadedNothing && Files.exists(dir.resolve("quality/ingest_summary.csv")) && !force) {
            summary.skipped("quality", report.alreadyLoaded().size() + " files already loaded: the last load's report stands");
        } else {
            summary.time("quality", "", () -> {
                writeQuality(report, dir.resolve("quality"));
                return null;
            });
        }
        RunLog log = RunLog.of(dir);

        Map<String, Long> silver = versions(Layer.SILVER, t -> true);
        // 数据审核 reads silver and the clerk's earlier verdicts; its flags change no figure downstream
        Map<String, Long> reviewInputs = new TreeMap<>(silver);
        reviewInputs.putAll(versions(Layer.GOLD, t -> t.equals(ReviewTables.CLOSURES)));
        ReviewJob.Result review = stage(summary, log, "review", reviewInputs, dir, force, () -> {
            ReviewJob.Result r = new ReviewJob(store).run(p, out);
            Map<String, Long> written = new TreeMap<>();
            written.put(Layer.GOLD.dir() + "/" + ReviewTables.FLAGS, store.version(Layer.GOLD, ReviewTables.FLAGS));
            return new Ran<>(r, written, filesUnder(dir, "review"));
        });

        CompareJob.Result compare = stage(summary, log, "compare", silver, dir, force, () -> {
            CompareJob.Result r = new CompareJob(store).run(new CompareConfig(store.root(), ym, List.of(Cadence.values()),
                out));
            return new Ran<>(r, prefixed(r.versions()), filesUnder(dir, "tables"));
        });

        Map<String, Long> forecastInputs = versions(Layer.SILVER,
            t -> FORECAST_DATASETS.stream().anyMatch(d -> t.equals(d) || t.startsWith(d + "_")));
        ForecastJob.Result forecast = stage(summary, log, "forecast", forecastInputs, dir, force, () -> {
            ForecastJob.Result r = new ForecastJob(store).run(new ForecastJob.Config(ym, out, true));
            return new Ran<>(r, Map.of("gold/" + ForecastJob.TABLE, r.version()),
                List.of(dir.relativize(r.csv()).toString()));
        });

        Map<String, Long> everything = new TreeMap<>(silver);
        everything.putAll(versions(Layer.GOLD, t -> !t.equals(Publications.TABLE)));
        List<ReportJob.Written> reports = stage(summary, log, "report", everything, dir, force, () -> {
            List<ReportJob.Written> r = new ReportJob(store).run(ym, List.of(Cadence.values()), out);
            List<String> files = new ArrayList<>();
            for (ReportJob.Written w : r) {
                for (String f : List.of("index.html", "report.pdf", "tables.xlsx")) {
                    files.add(dir.relativize(w.dir().resolve(f)).toString());
                }
            }
            return new Ran<>(r, Map.of(), files);
        });
        summary.on(store.spark().sparkContext().master(), executors());
        summary.write(dir.resolve(SUMMARY_FILE));
        return new Result(report, p, review, compare, forecast, reports == null ? List.of() : reports, dir, summary);
    }

    /** A stage's result with what to record of it: the tables it wrote (at their new versions) and its files. */
    private record Ran<T>(T result, Map<String, Long> outputs, List<String> files) {
    }

    /** Runs a stage unless its record in the run log still holds; returns its result, or null when skipped. */
    private <T> T stage(RunSummary summary, RunLog log, String name, Map<String, Long> inputs, Path dir, boolean force,
                        java.util.function.Supplier<Ran<T>> work) {
        Map<String, Long> current = new TreeMap<>();
        log.get(name).ifPresent(e -> e.outputs().keySet().forEach(t -> current.put(t, version(t))));
        Optional<String> why = force ? Optional.of("--force") : log.staleness(name, inputs, current, dir);
        if (why.isEmpty()) {
            summary.skipped(name, "inputs unchanged since it last ran for this period");
            return null;
        }
        log.remove(name);
        Ran<T> ran = summary.time(name, why.get(), work);
        log.put(name, new RunLog.Entry(inputs, ran.outputs(), ran.files()));
        return ran.result();
    }

    /** Current Delta version of every table of a layer whose name passes {@code keep}, as "layer/table" → version. */
    private Map<String, Long> versions(Layer layer, java.util.function.Predicate<String> keep) {
        Map<String, Long> out = new TreeMap<>();
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(store.root() + "/" + layer.dir());
        try {
            org.apache.hadoop.fs.FileSystem fs = dir.getFileSystem(store.spark().sparkContext().hadoopConfiguration());
            if (!fs.exists(dir)) {
                return out;
            }
            for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(dir)) {
                String table = f.getPath().getName();
                if (f.isDirectory() && keep.test(table)) {
                    long v = store.version(layer, table);
                    if (v >= 0) {
                        out.put(layer.dir() + "/" + table, v);
                    }
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
    }

    private long version(String layerAndTable) {
        int slash = layerAndTable.indexOf('/');
        String layer = layerAndTable.substring(0, slash);
        for (Layer l : Layer.values()) {
            if (l.dir().equals(layer)) {
                return store.version(l, layerAndTable.substring(slash + 1));
            }
        }
        throw new IllegalArgumentException("no layer " + layer);
    }

    private static Map<String, Long> prefixed(Map<String, Long> goldVersions) {
        Map<String, Long> out = new TreeMap<>();
        goldVersions.forEach((t, v) -> {
            if (v >= 0) {
                out.put(Layer.GOLD.dir() + "/" + t, v);
            }
        });
        return out;
    }

    /** Files under {@code <dir>/<sub>}, relative to {@code dir}. */
    private static List<String> filesUnder(Path dir, String sub) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir.resolve(sub))) {
            return walk.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Executors the session has now (the driver's own block manager not counted; 1 in local mode). */
    private int executors() {
        if (store.spark().sparkContext().isLocal()) {
            return 1;
        }
        return Math.max(0, store.spark().sparkContext().getExecutorMemoryStatus().size() - 1);
    }

    /** The latest month of 一套表 data in silver: the default period of a run. */
    public Optional<String> latestPeriod() {
        String t = Datasets.INDUSTRIAL_OUTPUT.name();
        if (!store.exists(Layer.SILVER, t)) {
            return Optional.empty();
        }
        Row r = store.current(Layer.SILVER, t).agg(functions.max(col(PERIOD))).head();
        return Optional.ofNullable(r.isNullAt(0) ? null : r.getString(0));
    }

    /**
     * The load's files for the clerk, with Chinese headings and the canonical names as a second heading row:
     * ingest_summary.csv (one row per dataset, and one per file rejected whole) and rejected_rows.csv (one row per
     * problem of this load, with the Excel row number and the reason).
     */
    private void writeQuality(IngestReport report, Path dir) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("dataset", "label", "files", "read", "accepted", "quarantined", "inserted", "updated",
            "unchanged", "bronze_version", "silver_version", "note"));
        for (IngestReport.DatasetLoad d : report.datasets()) {
            rows.add(List.of(d.dataset(), d.label(), d.files(), d.read(), d.accepted(), d.quarantined(), d.inserted(),
                d.updated(), d.unchanged(), d.bronzeVersion(), d.silverVersion(), loadNote(d)));
        }
        for (IngestReport.RejectedFile f : report.rejected()) {
            rows.add(java.util.Arrays.asList("（整个文件被拒收）", f.file(), null, null, null, null, null, null, null, null,
                null, "文件未入库：" + f.reason()));
        }
        CsvExport.write(dir.resolve("ingest_summary.csv"), List.of("数据集", "数据集名称", "文件数", "读入记录",
            "通过审核", "隔离待更正", "新增入库", "修订（替换旧值）", "与库中已有相同", "原始层版本", "清洗层版本", "说明"), rows);
        List<List<Object>> rejected = new ArrayList<>();
        rejected.add(List.of("dataset", "file", "row", "column", "value", "rule", "reason"));
        if (store.exists(Layer.QUARANTINE, Quarantine.TABLE)) {
            for (Row r : store.read(Layer.QUARANTINE, Quarantine.TABLE).where(col(BATCH_ID).equalTo(report.batchId()))
                .orderBy(DATASET, SOURCE_FILE, SOURCE_ROW, COLUMN)
                .select(DATASET, SOURCE_FILE, SOURCE_ROW, COLUMN, RAW_VALUE, RULE, REASON).collectAsList()) {
                String label = Datasets.byName(r.getString(0)).map(d -> d.label()).orElse(r.getString(0));
                rejected.add(java.util.Arrays.asList(label, r.get(1), r.get(2), r.get(3), r.get(4), r.get(5),
                    r.get(6)));
            }
        }
        CsvExport.write(dir.resolve("rejected_rows.csv"),
            List.of("数据集", "文件", "行号（Excel行）", "栏目", "填报值", "审核规则", "问题及处理"), rejected);
    }

    /** What a dataset's counts mean, in words: a repeat load that changed nothing is not an empty load. */
    static String loadNote(IngestReport.DatasetLoad d) {
        StringBuilder s = new StringBuilder("读入" + d.read() + "条，通过" + d.accepted() + "条");
        if (d.quarantined() > 0) {
            s.append("，").append(d.quarantined()).append("条有问题已隔离，见rejected_rows.csv，请更正后重报");
        }
        if (d.inserted() + d.updated() == 0 && d.unchanged() > 0) {
            s.append("；全部与库中已有数据相同（此前已入库，本次无变化）");
        } else {
            s.append("；新增").append(d.inserted()).append("条，修订").append(d.updated()).append("条，")
                .append(d.unchanged()).append("条与库中相同");
        }
        return s.toString();
    }
}
