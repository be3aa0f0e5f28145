package org.countyscope.cli;

import org.countyscope.bench.BenchConfig;
import org.countyscope.bench.BenchReport;
import org.countyscope.bench.BenchResult;
import org.countyscope.bench.BenchRun;
import org.countyscope.bench.Stage;
import org.countyscope.generate.GeneratorConfig;
import org.countyscope.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code countyscope bench}: the whole pipeline timed on generated data, against DuckDB, and the forecaster's speed. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmark: generate a city or a province (re-used when the work folder holds the same config), "
        + "ingest into a fresh warehouse, compare all four cadences, recompute the comparison with DuckDB from the "
        + "raw files and check both agree, and time the forecaster on generated series.",
        "Each stage's wall and CPU time, rows per second and peak heap go to a Markdown report and a CSV beside it."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:completed, Spark and DuckDB agree", "1:failed",
        "3:completed, but Spark and DuckDB disagree (see the report)"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scale", defaultValue = "sample", paramLabel = "sample|province",
        description = "sample: the sample city (7 counties, 260 enterprises, 36 months); province: 100 counties, "
            + "300,000 enterprises, 36 months, about 10.6 million enterprise-months (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--counties", paramLabel = "N", description = "Override the scale's number of counties.")
    Integer counties;

    @Option(names = "--enterprises", paramLabel = "N", description = "Override the scale's number of enterprises.")
    Integer enterprises;

    @Option(names = "--months", paramLabel = "N", description = "Override the scale's number of months (from 2023-01).")
    Integer months;

    @Option(names = "--seed", defaultValue = "20260101", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", paramLabel = "DIR",
        description = "Work folder: raw files (kept for re-use), warehouse (fresh each run), exports "
            + "(default: <out>/bench/<scale>).")
    Path work;

    @Option(names = "--report", paramLabel = "FILE",
        description = "Markdown report; the stage CSV goes beside it (default: <out>/bench/report.md).")
    Path report;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
        description = "Output root for the defaults above (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--forecast-series", paramLabel = "N", defaultValue = "1000",
        description = "Generated series for the forecast speed (0 skips it; default: ${DEFAULT-VALUE}).")
    int forecastSeries;

    @Option(names = "--no-duckdb", description = "Skip the DuckDB comparison.")
    boolean noDuckdb;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
    String master;

    @Option(names = {"-v", "--verbose"}, description = "Show Spark's and Delta's own logging.")
    boolean verbose;

    @Override
    public Integer call() {
        BenchConfig cfg = config();
        BenchResult r = new BenchRun(cfg).run(() -> Sessions.getOrCreate(
            Sessions.Options.embedded("countyscope-bench").withMaster(master).withVerbose(verbose)));
        BenchReport.write(r);
        PrintWriter w = spec.commandLine().getOut();
        for (Stage s : r.stages()) {
            w.printf(Locale.ROOT, "%-15s %8.1f s wall %8.1f s CPU  %s%n", s.name(), s.wallSeconds(), s.cpuSeconds(),
                s.detail());
        }
        if (r.agreement() != null) {
            w.printf(Locale.ROOT, "Spark vs DuckDB: %,d of %,d figures agree over %,d rows (max relative difference "
                + "%.2e)%n", r.agreement().figuresAgreeing(), r.agreement().figuresCompared(),
                r.agreement().matchedRows(), r.agreement().maxRelativeDiff());
        }
        w.printf("report: %s (stages also in %s)%n", cfg.report(), cfg.csv());
        w.flush();
        return r.agreement() != null && !r.agreement().complete() ? 3 : 0;
    }

    private BenchConfig config() {
        BenchConfig.Scale s;
        try {
            s = BenchConfig.Scale.valueOf(scale.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown --scale '" + scale + "': sample or province");
        }
        boolean custom = counties != null || enterprises != null || months != null
            || seed != GeneratorConfig.DEFAULT_SEED;
        GeneratorConfig g;
        try {
            g = new GeneratorConfig(seed, counties != null ? counties : s.counties(),
                enterprises != null ? enterprises : s.enterprises(), months != null ? months : s.months(),
                GeneratorConfig.DEFAULT_START_YEAR);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (forecastSeries < 0) {
            throw new ParameterException(spec.commandLine(), "--forecast-series must be 0 or more");
        }
        String label = custom ? "custom" : s.code();
        Path workDir = work != null ? work : out.resolve("bench").resolve(label);
        Path reportFile = report != null ? report : out.resolve("bench").resolve("report.md");
        return new BenchConfig(label, g, workDir, reportFile, forecastSeries, !noDuckdb);
    }
}
