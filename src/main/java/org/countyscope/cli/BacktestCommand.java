package org.countyscope.cli;

import org.countyscope.forecast.Backtest;
import org.countyscope.forecast.BacktestCsv;
import org.countyscope.forecast.BacktestReport;
import org.countyscope.forecast.BacktestRow;
import org.countyscope.forecast.HorizonSummary;
import org.apache.spark.sql.SparkSession;
import org.countyscope.forecast.Model;
import org.countyscope.forecast.Models;
import org.countyscope.forecast.spark.GbtTrainer;
import org.countyscope.spark.Sessions;
import org.countyscope.forecast.Series;
import org.countyscope.io.source.SeriesFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code countyscope backtest}: rolling-origin backtest of the growth forecasts on one monthly series. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = {"Rolling-origin backtest of the 规上工业增加值 growth forecasts on one monthly series: every published "
        + "target month in [--from, --to] is forecast at each horizon h from the series cut at target − h.",
        "Writes the combination's forecasts to --out and prints, per model and horizon, MAE, MAE relative to naive, "
        + "sMAPE and the coverage of the 80%% and 95%% intervals."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:completed", "1:failed (unreadable series, unwritable output)",
        "2:invalid options (unknown model, --to before --from, horizon below 1)"})
public final class BacktestCommand implements Callable<Integer> {

    private static final String GBT = "gbt";

    @Spec
    CommandSpec spec;

    @Option(names = "--series", required = true, paramLabel = "FILE",
        description = "The series: an NBS export, or a CSV with month,value[,cumulative] (YYYY-MM months).")
    Path series;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM", description = "First target month.")
    YearMonth from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM", description = "Last target month.")
    YearMonth to;

    @Option(names = "--horizons", split = ",", defaultValue = "1,2,3", paramLabel = "H",
        description = "Horizons in months (default: ${DEFAULT-VALUE}).")
    List<Integer> horizons;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv",
        description = "Where to write the combination's forecasts, one row per target × horizon.")
    Path out;

    @Option(names = "--models", split = ",", defaultValue = "tramo,local-level,two-year-half,gbt", paramLabel = "MODEL",
        description = "Models to combine, each also reported alone; naive and seasonal-naive are always reported "
            + "as baselines (default: ${DEFAULT-VALUE}; known: naive, seasonal-naive, tramo, local-level, recent-mean, two-year, two-year-half, "
            + "gbt — the cross-series gradient-boosted trees, trained with Spark each December).")
    List<String> models;

    @Option(names = "--ppi", paramLabel = "FILE",
        description = "A monthly PPI (previous year = 100; CSV month,value or an NBS export) for the GBT's PPI features.")
    Path ppi;

    @Option(names = "--master", paramLabel = "URL",
        description = "Spark master for the GBT's training; default local[*], or the one spark-submit gives.")
    String master;

    @Override
    public Integer call() {
        Backtest backtest = backtest();
        Series s = SeriesFiles.read(series);
        long t0 = System.nanoTime();
        List<Model> members = new ArrayList<>();
        for (String name : models) {
            members.add(name.trim().equalsIgnoreCase(GBT) ? gbt(s, backtest) : Models.byName(name));
        }
        BacktestReport report = BacktestReport.runModels(s, backtest, members);
        BacktestCsv.write(out, report.combined());
        PrintWriter w = spec.commandLine().getOut();
        w.printf("series %s: %s, %d rows written to %s (%.1f s)%n", series.getFileName(), s, report.combined().size(),
            out, (System.nanoTime() - t0) / 1e9);
        print(report, w);
        w.flush();
        return 0;
    }

    /** The window and horizons, checked here so that a bad option is a usage error (exit 2), not a failure. */
    private Backtest backtest() {
        try {
            models.stream().filter(m -> !m.trim().equalsIgnoreCase(GBT)).forEach(Models::byName);
            return new Backtest(from, to, horizons);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /**
     * The GBT trained on this one series (and the PPI, if given) every December that an origin of the backtest, or of
     * the combination's three-year backtest inside each history, needs.
     */
    private Model gbt(Series s, Backtest backtest) {
        SparkSession spark = Sessions.getOrCreate(Sessions.Options.embedded("countyscope-backtest").withMaster(master)
            .withVerbose(false));
        int maxHorizon = backtest.horizons().get(backtest.horizons().size() - 1);
        YearMonth first = backtest.from().minusMonths(maxHorizon + 36L);
        return GbtTrainer.train(spark, List.of(s), ppi == null ? null : SeriesFiles.read(ppi),
            GbtTrainer.decembersFor(first, backtest.to().minusMonths(1)), GbtTrainer.Settings.defaults());
    }

    static void print(BacktestReport report, PrintWriter w) {
        w.printf("%-16s %3s %6s %7s %8s %7s %6s %6s%n", "model", "h", "count", "MAE", "relMAE", "sMAPE%", "cov80",
            "cov95");
        for (Map.Entry<String, List<HorizonSummary>> e : report.summaries().entrySet()) {
            for (HorizonSummary h : e.getValue()) {
                w.printf("%-16s %3d %6d %7.3f %8.3f %7.1f %6.2f %6.2f%n", e.getKey(), h.horizon(), h.count(), h.mae(),
                    h.relativeMae(), h.smape(), h.coverage80(), h.coverage95());
            }
        }
        Map<String, Integer> used = new TreeMap<>();
        for (BacktestRow r : report.combined()) {
            used.merge(r.model(), 1, Integer::sum);
        }
        w.println("combined rows by model used: " + used);
    }
}
