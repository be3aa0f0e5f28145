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

    @Option(names = "--force",
        description = "Stage every file and recompute every stage, even when nothing changed since the last run.")
    boolean force;

    @Override
    public Integer call() {
        IngestConfig cfg = IngestCommand.config(inputs, common, null, null, null, asOf);
        SparkSession spark = Sessions.getOrCreate(common.session("countyscope-run"));
        long t0 = System.nanoTime();
        RunJob.Result r = new RunJob(new TableStore(spark, cfg.warehouse()))
            .run(cfg, period == null ? null : period.toString(), common.out, force);
        PrintWriter out = spec.commandLine().getOut();
        IngestCommand.print(r.ingest(), out);
        if (!r.ingest().alreadyLoaded().isEmpty()) {
            out.printf("%d files already loaded (same checksum in bronze/ingest_log): not read again%n",
                r.ingest().alreadyLoaded().size());
        }
        if (r.review() != null) {
            out.printf("review: %d open flags (%d verified earlier) in %s; quality page %s%n", r.review().open(),
                r.review().review().verified().size(), r.review().flagsCsv(), r.review().page());
        }
        if (r.compare() != null) {
            out.printf("compare: %d rows for every cadence in %s%n", r.compare().comparisonRows(), r.compare().tablesDir());
            if (r.compare().withheld() >= 0) {
                out.printf("disclosure: %d figures withheld (%d by the primary rules alone)%n",
                    r.compare().withheld(), r.compare().primaryOnly());
            }
        }
        if (r.forecast() != null) {
            ForecastCommand.print(r.forecast(), out);
            out.printf("forecast: %d rows in %s%n", r.forecast().rows(), r.forecast().csv());
        }
        r.reports().forEach(w -> out.printf("report %s: %s%n", w.cadence(), w.dir().resolve("index.html")));
        r.summary().print(out);
        out.printf("period %s; outputs in %s (%.1f s; times in %s)%n", r.period(), r.outDir(),
            (System.nanoTime() - t0) / 1e9, r.outDir().resolve("run-summary.json"));
        out.flush();
        return r.ingest().anyRejected() ? 2 : 0;
    }
}
