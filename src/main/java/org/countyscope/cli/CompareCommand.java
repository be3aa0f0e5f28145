package org.countyscope.cli;

import org.apache.spark.sql.SparkSession;
import org.countyscope.config.CompareConfig;
import org.countyscope.gold.Cadence;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.CompareJob;
import org.countyscope.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code countyscope compare}: the gold marts counties are judged by, and their exports. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare counties for one period: shares, ranks, growth, 贡献率, 拉动; gold tables and exports.")
public final class CompareCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", paramLabel = "YYYY-MM",
        description = "Month to compare (default: the latest month in silver; yearbook tables alone: December of their "
            + "latest year).")
    YearMonth period;

    @Option(names = "--cadence", paramLabel = "CADENCE", split = ",", defaultValue = "month",
        description = "month, quarter, half or year (comma-separated for several; default: ${DEFAULT-VALUE}).")
    List<String> cadences;

    @Override
    public Integer call() {
        SparkSession spark = Sessions.getOrCreate(common.session("countyscope-compare"));
        long t0 = System.nanoTime();
        CompareJob job = new CompareJob(new TableStore(spark, common.warehouseUri()));
        YearMonth month = period != null ? period : job.latestPeriod();
        CompareConfig cfg = new CompareConfig(common.warehouseUri(), month,
            cadences.stream().map(Cadence::parse).toList(), common.out);
        CompareJob.Result r = job.run(cfg);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("compare %s: %d rows exported to %s; gold versions %s (%.1f s)%n", month, r.comparisonRows(),
            r.tablesDir(), r.versions(), (System.nanoTime() - t0) / 1e9);
        if (r.withheld() >= 0) {
            out.printf("disclosure %s: %d figures withheld (%d by the primary rules alone, the least any pattern "
                + "withholds)%n", month, r.withheld(), r.primaryOnly());
        }
        out.flush();
        return 0;
    }
}
