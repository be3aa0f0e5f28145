package org.countyscope.bench;

import org.countyscope.forecast.Forecast;
import org.countyscope.forecast.Model;
import org.countyscope.forecast.Models;
import org.countyscope.forecast.Series;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * Speed of the standard forecaster — TRAMO identification, the in-history backtest that weights the combination, the
 * forecast to December — on generated county-like series ({@link SyntheticSeries}): once on one thread, measured in
 * that thread's CPU time (what other processes on a shared machine take does not count), then on every core.
 *
 * @param series          series forecast
 * @param perCore         series per CPU-second on one thread: the figure issue 4 sets a target for (≥ 10)
 * @param oneThreadWall   series per wall second on one thread
 * @param allThreads      series per wall second with {@code threads} threads
 * @param threads         threads of the parallel run
 * @param fellBack        series whose forecast did not come from the combination
 * @param sameInParallel  whether the parallel run gave the same first-horizon points as the sequential one
 */
public record ForecastSpeed(int series, double perCore, double oneThreadWall, double allThreads, int threads,
                            long fellBack, boolean sameInParallel) {

    /** The target of issue 4, in series per second per core. */
    public static final double TARGET_PER_CORE = 10;

    /** Measures on {@code n} generated series, after a warm-up on a few of them. */
    public static ForecastSpeed measure(int n) {
        List<Series> series = SyntheticSeries.batch(n);
        Model model = Models.standard();
        series.stream().limit(Math.min(20, n)).forEach(s -> model.forecast(s, toDecember(s)));

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        List<Forecast[]> sequential = series.stream().map(s -> model.forecast(s, toDecember(s))).toList();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;

        int cores = Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(cores);
        long t1 = System.nanoTime();
        List<Forecast[]> parallel;
        try {
            parallel = pool.submit(() -> series.parallelStream().map(s -> model.forecast(s, toDecember(s))).toList())
                .join();
        } finally {
            pool.shutdown();
        }
        double parallelWall = (System.nanoTime() - t1) / 1e9;

        boolean same = true;
        for (int i = 0; i < n; i++) {
            same &= Double.compare(sequential.get(i)[0].point(), parallel.get(i)[0].point()) == 0;
        }
        long fellBack = sequential.stream().filter(f -> !f[0].model().startsWith("combined")).count();
        return new ForecastSpeed(n, n / cpu, n / wall, n / parallelWall, cores, fellBack, same);
    }

    /** Months from the series' end to December (a full year when it ends in December). */
    static int toDecember(Series s) {
        int left = 12 - s.end().getMonthValue();
        return left == 0 ? 12 : left;
    }
}
