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
    public record Result(IngestReport ingest, String period, ReviewJob.Result review, CompareJob.Result compare,
                         ForecastJob.Result forecast, List<ReportJob.Written> reports, Path outDir) {
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
        ReviewJob.Result review = new ReviewJob(store).run(p, out);
        CompareJob.Result compare = new CompareJob(store).run(new CompareConfig(store.root(), YearMonth.parse(p),
            List.of(Cadence.values()), out));
        ForecastJob.Result forecast = new ForecastJob(store).run(new ForecastJob.Config(YearMonth.parse(p), out, true));
        List<ReportJob.Written> reports = new ReportJob(store).run(YearMonth.parse(p), List.of(Cadence.values()), out);
        return new Result(report, p, review, compare, forecast, reports, dir);
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
