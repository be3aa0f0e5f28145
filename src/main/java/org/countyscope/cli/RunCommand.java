package org.countyscope.cli;

import org.apache.spark.sql.SparkSession;
import org.countyscope.config.IngestConfig;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.RunJob;
import org.countyscope.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code countyscope run}: the whole pipeline, by default on the sample city for its latest month. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline (ingest, then the later stages) for one period.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:completed", "1:failed", "2:completed, but one or more input files were rejected whole"})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "data/sample", split = ",",
        description = "Source files or folders (default: ${DEFAULT-VALUE}).")
    List<Path> inputs;

    @Option(names = "--period", paramLabel = "YYYY-MM",
        description = "Month to run for (default: the latest month of industrial output in the warehouse).")
    YearMonth period;

    @Option(names = "--as-of", paramLabel = "YYYY-MM",
        description = "Current month; later periods are rejected as future (default: this month).")
    YearMonth asOf;

    @Override
    public Integer call() {
        IngestConfig cfg = IngestCommand.config(inputs, common, null, null, null, asOf);
        SparkSession spark = Sessions.getOrCreate(common.session("countyscope-run"));
        long t0 = System.nanoTime();
        RunJob.Result r = new RunJob(new TableStore(spark, cfg.warehouse()))
            .run(cfg, period == null ? null : period.toString(), common.out);
        PrintWriter out = spec.commandLine().getOut();
        IngestCommand.print(r.ingest(), out);
        out.printf("review: %d open flags (%d verified earlier) in %s; quality page %s%n", r.review().open(),
            r.review().review().verified().size(), r.review().flagsCsv(), r.review().page());
        out.printf("compare: %d rows for every cadence in %s%n", r.compare().comparisonRows(), r.compare().tablesDir());
        ForecastCommand.print(r.forecast(), out);
        out.printf("forecast: %d rows in %s%n", r.forecast().rows(), r.forecast().csv());
        r.reports().forEach(w -> out.printf("report %s: %s%n", w.cadence(), w.dir().resolve("index.html")));
        out.printf("period %s; outputs in %s (%.1f s)%n", r.period(), r.outDir(), (System.nanoTime() - t0) / 1e9);
        out.flush();
        return r.ingest().anyRejected() ? 2 : 0;
    }
}
