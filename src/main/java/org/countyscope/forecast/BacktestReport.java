package org.countyscope.forecast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A full backtest of one series: the baselines (naive, seasonal naive), each member of the combination on its own,
 * and the combination itself (with its fallbacks), all on the same targets.
 *
 * @param combined  the combination's rows: one per target month × horizon
 * @param summaries per model name, in the order run, its summary per horizon
 */
public record BacktestReport(List<BacktestRow> combined, Map<String, List<HorizonSummary>> summaries) {

    public BacktestReport {
        combined = List.copyOf(combined);
        summaries = Collections.unmodifiableMap(new LinkedHashMap<>(summaries));
    }

    /** Runs {@code backtest} on {@code series} for the baselines, each of {@code members}, and their combination. */
    public static BacktestReport run(Series series, Backtest backtest, List<String> members) {
        return runModels(series, backtest, members.stream().map(Models::byName).toList());
    }

    /** {@link #run} with the members given as models (one made elsewhere, such as the cross-series GBT). */
    public static BacktestReport runModels(Series series, Backtest backtest, List<Model> members) {
        List<Model> models = new ArrayList<>(List.of(new NaiveModel(), new SeasonalNaiveModel()));
        for (Model m : members) {
            if (models.stream().noneMatch(x -> x.name().equals(m.name()))) {
                models.add(m);
            }
        }
        List<BacktestRow> naive = null;
        Map<String, List<HorizonSummary>> summaries = new LinkedHashMap<>();
        for (Model model : models) {
            List<BacktestRow> rows = backtest.run(model, series);
            if (naive == null) {
                naive = rows;
            }
            summaries.put(model.name(), Backtest.summarize(model.name(), rows, naive));
        }
        Model combination = Models.combinationOf(members);
        List<BacktestRow> combined = backtest.run(combination, series);
        summaries.put(combination.name(), Backtest.summarize(combination.name(), combined, naive));
        return new BacktestReport(combined, summaries);
    }
}
