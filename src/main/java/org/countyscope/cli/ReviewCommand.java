package org.countyscope.cli;

import org.apache.spark.sql.SparkSession;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.ReviewJob;
import org.countyscope.review.Closure;
import org.countyscope.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code countyscope review}: 数据审核 of one month, or reading back a returned review workbook. */
@Command(name = "review", mixinStandardHelpOptions = true,
    description = "数据审核: plausibility flags for one month (flags.csv, review.xlsx, quality page), "
        + "or --accept a returned review.xlsx to close the flags marked 已核实.")
public final class ReviewCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "Month to review.")
    YearMonth period;

    @Option(names = "--accept", paramLabel = "FILE.xlsx",
        description = "A returned review.xlsx: rows whose 核实情况 is 已核实 are closed (and not asked again while the "
            + "value stays the same).")
    Path accept;

    @Override
    public Integer call() {
        if ((period == null) == (accept == null)) {
            throw new IllegalArgumentException("give --period YYYY-MM to review a month, or --accept FILE.xlsx");
        }
        if (accept != null && !Files.isRegularFile(accept)) {
            throw new IllegalArgumentException("no such file: " + accept);
        }
        SparkSession spark = Sessions.getOrCreate(common.session("countyscope-review"));
        TableStore store = new TableStore(spark, common.warehouseUri());
        PrintWriter out = spec.commandLine().getOut();
        {
            if (accept != null) {
                List<Closure> closed = new ReviewJob(store).accept(accept);
                out.printf("accepted %d flags marked 已核实 from %s%n", closed.size(), accept);
            } else {
                ReviewJob.Result r = new ReviewJob(store).run(period.toString(), common.out);
                out.printf("review %s: %d open flags, %d verified earlier%n", period, r.open(),
                    r.review().verified().size());
                for (Map.Entry<String, Integer> e : r.review().openByRule().entrySet()) {
                    out.printf("  %-24s %d%n", e.getKey(), e.getValue());
                }
                out.printf("flags: %s%nworkbook: %s%nquality page: %s%n", r.flagsCsv(), r.workbook(), r.page());
            }
        }
        out.flush();
        return 0;
    }
}
