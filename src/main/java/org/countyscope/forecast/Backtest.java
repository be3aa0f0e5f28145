package org.countyscope.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Rolling-origin evaluation: every published target month in [{@code from}, {@code to}] is forecast at every horizon h
 * from the series cut at t − h, so the model sees nothing published later. One fit per origin serves all horizons
 * from it.
 */
public record Backtest(YearMonth from, YearMonth to, List<Integer> horizons) {

    public Backtest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        if (horizons.isEmpty() || horizons.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("horizons must be at least 1, got " + horizons);
        }
        horizons = List.copyOf(new TreeSet<>(horizons));
    }

    /** The rows of {@code model} on {@code series}, ordered by origin then horizon; a failing fit falls back to naive. */
    public List<BacktestRow> run(Model model, Series series) {
        Model safe = FallbackModel.orNaive(model);
        int maxHorizon = horizons.get(horizons.size() - 1);
        List<BacktestRow> rows = new ArrayList<>();
        for (YearMonth origin = from.minusMonths(maxHorizon); origin.isBefore(to); origin = origin.plusMonths(1)) {
            List<Integer> wanted = wanted(series, origin);
            if (wanted.isEmpty() || series.indexOf(origin) < 0) {
                continue;
            }
            Forecast[] f = safe.forecast(series.upTo(origin), wanted.get(wanted.size() - 1));
            for (int h : wanted) {
                rows.add(BacktestRow.of(origin, f[h - 1], series.valueOf(origin.plusMonths(h))));
            }
        }
        return rows;
    }

    /** The horizons from {@code origin} whose target lies in the window and was published. */
    private List<Integer> wanted(Series series, YearMonth origin) {
        List<Integer> out = new ArrayList<>();
        for (int h : horizons) {
            YearMonth target = origin.plusMonths(h);
            if (!target.isBefore(from) && !target.isAfter(to) && Double.isFinite(series.valueOf(target))) {
                out.add(h);
            }
        }
        return out;
    }

    /** Per-horizon summary of {@code rows}, its MAE relative to {@code naive}'s on the same targets. */
    public static List<HorizonSummary> summarize(String model, List<BacktestRow> rows, List<BacktestRow> naive) {
        Map<String, BacktestRow> naiveByKey = new HashMap<>();
        for (BacktestRow r : naive) {
            naiveByKey.put(key(r), r);
        }
        List<HorizonSummary> out = new ArrayList<>();
        for (int h : new TreeSet<>(rows.stream().map(BacktestRow::horizon).toList())) {
            int count = 0;
            int in80 = 0;
            int in95 = 0;
            double abs = 0;
            double smape = 0;
            double absPaired = 0;
            double naivePaired = 0;
            for (BacktestRow r : rows) {
                if (r.horizon() != h || !Double.isFinite(r.forecast())) {
                    continue;
                }
                double a = r.actual();
                double e = Math.abs(r.error());
                count++;
                abs += e;
                double denominator = Math.abs(r.forecast()) + Math.abs(a);
                smape += denominator == 0 ? 0 : 200 * e / denominator;
                in80 += a >= r.lo80() && a <= r.hi80() ? 1 : 0;
                in95 += a >= r.lo95() && a <= r.hi95() ? 1 : 0;
                BacktestRow n = naiveByKey.get(key(r));
                if (n != null && Double.isFinite(n.forecast())) {
                    absPaired += e;
                    naivePaired += Math.abs(n.error());
                }
            }
            out.add(new HorizonSummary(model, h, count, abs / count, absPaired / naivePaired, smape / count,
                (double) in80 / count, (double) in95 / count));
        }
        return out;
    }

    private static String key(BacktestRow r) {
        return r.target() + "/" + r.horizon();
    }
}
