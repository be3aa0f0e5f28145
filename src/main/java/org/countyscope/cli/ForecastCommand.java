package org.countyscope.cli;

import org.apache.spark.sql.SparkSession;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.ForecastJob;
import org.countyscope.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.concurrent.Callable;

/** {@code countyscope forecast}: 规上工业增加值 growth to December per county and city, and the odds of the target. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
    description = {"Forecast 规上工业增加值 growth (comparable prices, same enterprise set) to December for every county "
        + "and the city: monthly and 1—N月 with 80%% and 95%% intervals, the full year, and the probability of reaching "
        + "the year's target. Needs the gold tables of compare.",
        "Writes gold/forecast (the period's rows replaced) and <out>/<period>/tables/forecast.csv."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:completed (a region whose models failed falls back and says so)",
        "1:failed (no gold tables, unwritable output)"})
public final class ForecastCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM",
        description = "The origin: forecasts start after the last month with data at or before it.")
    YearMonth period;

    @Option(names = "--no-gbt", description = "Leave the cross-series GBT (Spark MLlib) out of the combination.")
    boolean noGbt;

    @Override
    public Integer call() {
        SparkSession spark = Sessions.getOrCreate(common.session("countyscope-forecast"));
        long t0 = System.nanoTime();
        ForecastJob.Result r = new ForecastJob(new TableStore(spark, common.warehouseUri()))
            .run(new ForecastJob.Config(period, common.out, !noGbt));
        PrintWriter out = spec.commandLine().getOut();
        print(r, out);
        out.printf("forecast %s: %d rows in gold/%s (version %d) and %s (%.1f s)%n", r.period(), r.rows(),
            ForecastJob.TABLE, r.version(), r.csv(), (System.nanoTime() - t0) / 1e9);
        out.flush();
        return 0;
    }

    /** One line per region: full-year growth with its 80% interval, the target and the chance of reaching it. */
    static void print(ForecastJob.Result r, PrintWriter out) {
        out.printf("%-8s %-8s %4s %7s %15s %6s %6s  %s%n", "code", "region", "year", "full-yr", "80% interval",
            "target", "P", "model");
        for (ForecastJob.RegionSummary s : r.regions()) {
            out.printf("%-8s %-8s %4d %7.2f [%6.2f,%6.2f] %6s %6s  %s%s%n", s.regionCode(), s.regionName(), s.year(),
                s.fullYear(), s.lo80(), s.hi80(), s.target() == null ? "-" : String.format("%.1f", s.target()),
                s.probability() == null ? "-" : String.format("%.2f", s.probability()), s.model(),
                s.note().isEmpty() ? "" : " (" + s.note() + ")");
        }
    }
}
