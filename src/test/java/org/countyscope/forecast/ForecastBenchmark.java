package org.countyscope.forecast;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Speed of the standard forecaster (TRAMO identification, the in-history backtest that weights the combination, the
 * forecast to December) on 1,000 generated county-like series; a measurement, not a test, so it runs only with
 * {@code -Dcountyscope.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "countyscope.benchmark", matches = "true")
class ForecastBenchmark {

    private static final int SERIES = 1000;

    @Test
    void seriesPerSecond() {
        // Ten years of monthly growth ending in every month of the year, 1—2月 only as a cumulative.
        List<Series> series = IntStream.range(0, SERIES)
            .mapToObj(i -> SeriesFixtures.growth(YearMonth.of(2014, 1), 108 + i % 12, -3, 1000 + i)).toList();
        Model model = Models.standard();
        series.stream().limit(50).forEach(s -> model.forecast(s, toDecember(s)));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        List<Forecast[]> sequential = series.stream().map(s -> model.forecast(s, toDecember(s))).toList();
        double oneThread = SERIES / ((System.nanoTime() - t0) / 1e9);
        // CPU time, unlike wall time, does not count the time other processes on a shared machine take.
        double perCore = SERIES / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);

        long t1 = System.nanoTime();
        List<Forecast[]> parallel = series.parallelStream().map(s -> model.forecast(s, toDecember(s))).toList();
        double allCores = SERIES / ((System.nanoTime() - t1) / 1e9);

        long fellBack = sequential.stream().filter(f -> !f[0].model().startsWith("combined")).count();
        System.out.printf("forecast benchmark: %d series of %d–%d months, horizons to December%n", SERIES, 108, 119);
        System.out.printf("  per core (CPU time): %.1f series/s; one thread (wall): %.1f series/s; %d threads (wall): "
            + "%.1f series/s; %d fell back from the combination%n", perCore, oneThread,
            Runtime.getRuntime().availableProcessors(), allCores, fellBack);
        for (int i = 0; i < SERIES; i++) {
            assertEquals(sequential.get(i)[0].point(), parallel.get(i)[0].point(), 0, "fits are independent of threads");
        }
    }

    private static int toDecember(Series s) {
        return 12 - s.end().getMonthValue() == 0 ? 12 : 12 - s.end().getMonthValue();
    }
}
