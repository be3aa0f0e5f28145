package org.countyscope.forecast;

import java.time.YearMonth;
import java.util.List;

/**
 * A chain of models tried in order: the first whose fit succeeds with finite forecasts is used, and each forecast
 * names the model that made it. Never throws for a history: if every model fails (nothing published), the forecasts
 * are NaN and name the model "none".
 */
public final class FallbackModel implements Model {

    private final String name;
    private final List<Model> chain;

    public FallbackModel(String name, List<Model> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one model");
        }
        this.name = name;
        this.chain = List.copyOf(chain);
    }

    /** {@code model}, falling back to the naive forecast. */
    public static FallbackModel orNaive(Model model) {
        return model instanceof FallbackModel f ? f : new FallbackModel(model.name(), List.of(model, new NaiveModel()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Forecast[] forecast(Series history, int horizons) {
        for (Model model : chain) {
            try {
                Forecast[] f = model.forecast(history, horizons);
                if (f.length == horizons && CombinedModel.allFinite(f)) {
                    return f;
                }
            } catch (RuntimeException e) {
                // Expected for short or degenerate histories: the next model in the chain takes over.
            }
        }
        Forecast[] none = new Forecast[horizons];
        for (int h = 1; h <= horizons; h++) {
            YearMonth target = history.end().plusMonths(h);
            none[h - 1] = new Forecast(target, h, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "none");
        }
        return none;
    }
}
