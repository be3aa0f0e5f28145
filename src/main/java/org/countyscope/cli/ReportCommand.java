package org.countyscope.cli;

import org.apache.spark.sql.SparkSession;
import org.countyscope.gold.Cadence;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.ReportJob;
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

/** {@code countyscope report}: the planners' report (index.html, report.pdf, tables.xlsx, charts) from gold. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the planners' report for one period from the gold tables: index.html, report.pdf, "
        + "tables.xlsx and charts/ in <out>/<period>/ (other cadences in <out>/<period>/<cadence>/).")
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "Month of the report.")
    YearMonth period;

    @Option(names = "--cadence", paramLabel = "CADENCE", split = ",", defaultValue = "month",
        description = "month, quarter, half or year (comma-separated for several; default: ${DEFAULT-VALUE}).")
    List<String> cadences;

    @Option(names = "--as-of", paramLabel = "RELEASE",
        description = "Rebuild the report exactly as it was published from this release (the tables at the versions "
            + "that publication recorded), in <out>/releases/<RELEASE>/<period>/.")
    String asOf;

    @Override
    public Integer call() {
        SparkSession spark = Sessions.getOrCreate(common.session("countyscope-report"));
        ReportJob job = new ReportJob(new TableStore(spark, common.warehouseUri()));
        List<Cadence> cs = cadences.stream().map(Cadence::parse).toList();
        List<ReportJob.Written> written = asOf == null ? job.run(period, cs, common.out)
            : job.runAsOf(period, cs, releaseDir(common.out, asOf), asOf);
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(w -> out.printf("report %s %s: %s (%d charts)%n", w.cadence(), period, w.dir().resolve("index.html"),
            w.charts()));
        out.flush();
        return 0;
    }

    /** Where a report rebuilt from a release goes: beside, never over, the current one. */
    static Path releaseDir(Path out, String release) {
        return out.resolve("releases").resolve(org.countyscope.pipeline.Revisions.safeName(release));
    }
}
