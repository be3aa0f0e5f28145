package org.countyscope.pipeline;

import org.countyscope.gold.FiscalContribution;
import org.countyscope.io.TableStore;
import org.countyscope.io.WarehouseLock;
import org.countyscope.reference.ReferenceData;
import org.countyscope.review.Closure;
import org.countyscope.review.DataMetric;
import org.countyscope.review.EnterpriseChecks;
import org.countyscope.review.EnterpriseMonth;
import org.countyscope.review.QualityPage;
import org.countyscope.review.ReviewFiles;
import org.countyscope.review.ReviewResult;
import org.countyscope.review.ReviewRules;
import org.countyscope.review.ReviewTables;
import org.countyscope.review.Reviewer;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 数据审核 for one month: reads silver, measures the data ({@code gold/dq_metrics}), runs the declared plausibility
 * rules, applies earlier acceptances, and writes {@code gold/review_flags}, {@code <out>/<period>/review/flags.csv},
 * {@code review.xlsx} and the quality page {@code <out>/<period>/quality/index.html}. Nothing later reads the flags:
 * the planners' figures do not change because of them.
 */
public final class ReviewJob {

    /** What the review found and where it wrote it. */
    public record Result(ReviewResult review, Path flagsCsv, Path workbook, Path page) {
        public int open() {
            return review.open().size();
        }
    }

    private final TableStore store;
    private final ReviewRules rules;

    public ReviewJob(TableStore store) {
        this(store, ReviewRules.load());
    }

    public ReviewJob(TableStore store, ReviewRules rules) {
        this.store = store;
        this.rules = rules;
    }

    public Result run(String period, Path out) {
        try (WarehouseLock lock = WarehouseLock.forWriter(store.root())) {
            return review(period, out);
        }
    }

    private Result review(String period, Path out) {
        ReviewTables tables = new ReviewTables(store);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<DataMetric> metrics = tables.computeMetrics();
        List<DataMetric> previous = tables.previousMetrics(metrics);
        tables.saveMetrics(metrics, now);
        List<EnterpriseMonth> enterprises = tables.enterpriseMonths(period);
        Map<String, String> names = new HashMap<>();
        ReferenceData ref = ReferenceData.get();
        ref.regions().forEach((code, r) -> names.put(code, r.name()));
        Reviewer.Inputs in = new Reviewer.Inputs(period, enterprises,
            EnterpriseChecks.missingFromRegister(tables.register(period), enterprises, period),
            tables.taxCells(period), tables.budget(period), tables.countyMonths(period), tables.contractFunds(period),
            tables.projectMonths(period), metrics, previous, names, ref.industryCodes(2, true),
            FiscalContribution.DEFAULT_LOCAL_SHARE);
        ReviewResult review = new Reviewer(rules).review(in, tables.closures());
        tables.saveFlags(period, review.flags(), now);
        Path dir = out.resolve(period);
        Path csv = dir.resolve("review").resolve("flags.csv");
        Path xlsx = dir.resolve("review").resolve("review.xlsx");
        Path page = dir.resolve("quality").resolve("index.html");
        ReviewFiles.writeCsv(csv, review.open(), rules);
        ReviewFiles.writeWorkbook(xlsx, review.open(), rules);
        QualityPage.write(page, review, rules);
        return new Result(review, csv, xlsx, page);
    }

    /** Reads a returned review.xlsx and records its 已核实 rows in {@code gold/review_closures}; returns them. */
    public List<Closure> accept(Path workbook) {
        List<Closure> closures = ReviewFiles.readAccepted(workbook);
        if (!closures.isEmpty()) {
            try (WarehouseLock lock = WarehouseLock.forWriter(store.root())) {
                new ReviewTables(store).appendClosures(closures, new Timestamp(System.currentTimeMillis()));
            }
        }
        return closures;
    }
}
