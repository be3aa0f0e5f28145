package org.countyscope.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.countyscope.config.CompareConfig;
import org.countyscope.config.IngestConfig;
import org.countyscope.gold.Cadence;
import org.countyscope.dataset.Datasets;
import org.countyscope.io.CsvExport;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.quality.Quarantine;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
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

    /** What the run did: the ingest report, the period it ran for, the comparison, and where its outputs are. */
    public record Result(IngestReport ingest, String period, CompareJob.Result compare, ForecastJob.Result forecast,
                         List<ReportJob.Written> reports, Path outDir) {
    }

    private final TableStore store;

    public RunJob(TableStore store) {
        this.store = store;
    }

    public Result run(IngestConfig ingest, String period, Path out) {
        IngestReport report = new IngestJob(store.spark(), store).run(ingest);
        String p = period != null ? period : latestPeriod()
            .orElseThrow(() -> new IllegalStateException("the warehouse holds no industrial output yet: nothing to run"));
        Path dir = out.resolve(p);
        writeQuality(report, dir.resolve("quality"));
        CompareJob.Result compare = new CompareJob(store).run(new CompareConfig(store.root(), YearMonth.parse(p),
            List.of(Cadence.values()), out));
        ForecastJob.Result forecast = new ForecastJob(store).run(new ForecastJob.Config(YearMonth.parse(p), out, true));
        List<ReportJob.Written> reports = new ReportJob(store).run(YearMonth.parse(p), List.of(Cadence.values()), out);
        return new Result(report, p, compare, forecast, reports, dir);
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

    private void writeQuality(IngestReport report, Path dir) {
        List<List<Object>> rows = new ArrayList<>();
        for (IngestReport.DatasetLoad d : report.datasets()) {
            rows.add(List.of(d.dataset(), d.label(), d.files(), d.read(), d.accepted(), d.quarantined(), d.inserted(),
                d.updated(), d.unchanged(), d.bronzeVersion(), d.silverVersion()));
        }
        for (IngestReport.RejectedFile f : report.rejected()) {
            rows.add(java.util.Arrays.asList("(rejected file)", f.file(), null, null, null, null, null, null, null, null,
                f.reason()));
        }
        CsvExport.write(dir.resolve("ingest_summary.csv"), List.of("dataset", "数据集", "files", "read", "accepted",
            "quarantined", "inserted", "updated", "unchanged", "bronze_version", "silver_version"), rows);
        List<List<Object>> rejected = new ArrayList<>();
        if (store.exists(Layer.QUARANTINE, Quarantine.TABLE)) {
            for (Row r : store.read(Layer.QUARANTINE, Quarantine.TABLE).where(col(BATCH_ID).equalTo(report.batchId()))
                .orderBy(DATASET, SOURCE_FILE, SOURCE_ROW, COLUMN)
                .select(DATASET, SOURCE_FILE, SOURCE_ROW, COLUMN, RAW_VALUE, RULE, REASON).collectAsList()) {
                rejected.add(java.util.Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6)));
            }
        }
        CsvExport.write(dir.resolve("rejected_rows.csv"),
            List.of("数据集", "文件", "行号", "列", "值", "规则", "原因"), rejected);
    }
}
