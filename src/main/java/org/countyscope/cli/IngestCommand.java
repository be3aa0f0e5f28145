package org.countyscope.cli;

import org.apache.spark.sql.SparkSession;
import org.countyscope.config.IngestConfig;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.IngestJob;
import org.countyscope.pipeline.IngestReport;
import org.countyscope.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code countyscope ingest}: validate source files into bronze, silver and quarantine. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Validate tax, industrial output, investment, target and indicator files into Delta tables.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:run completed (rows may be quarantined)", "1:run failed",
        "2:one or more files rejected whole (the others loaded)"})
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR|FILE", split = ",",
        description = "Files or folders to load (folders recursively; files load in path order).")
    List<Path> inputs;

    @Option(names = "--encoding", paramLabel = "CHARSET",
        description = "Declare the CSV encoding (e.g. GBK) instead of detecting it.")
    Charset encoding;

    @Option(names = "--dataset", paramLabel = "NAME",
        description = "Declare the dataset instead of detecting it from the header.")
    String dataset;

    @Option(names = "--release", paramLabel = "LABEL",
        description = "Release label for the values this run brings (default: the batch id).")
    String release;

    @Option(names = "--as-of", paramLabel = "YYYY-MM",
        description = "Current month; later periods are rejected as future (default: this month).")
    YearMonth asOf;

    @Override
    public Integer call() {
        IngestConfig cfg = config(inputs, common, encoding, dataset, release, asOf);
        SparkSession spark = Sessions.getOrCreate(common.session("countyscope-ingest"));
        IngestReport report = new IngestJob(spark, new TableStore(spark, cfg.warehouse())).run(cfg);
        print(report, spec.commandLine().getOut());
        return report.anyRejected() ? 2 : 0;
    }

    static IngestConfig config(List<Path> inputs, CommonOptions common, Charset encoding, String dataset,
                               String release, YearMonth asOf) {
        YearMonth month = asOf != null ? asOf : YearMonth.now(ZoneId.of("Asia/Shanghai"));
        return new IngestConfig(inputs, common.warehouseUri(), encoding, dataset, release, month);
    }

    /** The per-dataset summary a clerk reads after a load. */
    static void print(IngestReport r, PrintWriter out) {
        printTo(r, out);
        out.flush();
    }

    private static void printTo(IngestReport r, PrintWriter out) {
        out.printf("batch %s  release %s%n", r.batchId(), r.release());
        out.printf("%-22s %5s %9s %9s %11s %8s %8s %9s %8s %8s%n", "dataset", "files", "read", "accepted",
            "quarantined", "inserted", "updated", "unchanged", "bronze_v", "silver_v");
        for (IngestReport.DatasetLoad d : r.datasets()) {
            out.printf("%-22s %5d %9d %9d %11d %8d %8d %9d %8d %8d%n", d.dataset(), d.files(), d.read(), d.accepted(),
                d.quarantined(), d.inserted(), d.updated(), d.unchanged(), d.bronzeVersion(), d.silverVersion());
        }
        for (IngestReport.RejectedFile f : r.rejected()) {
            out.printf("REJECTED %s: %s%n", f.file(), f.reason());
        }
    }
}
