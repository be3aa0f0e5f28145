package org.countyscope.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
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
        return explain(history, horizons).array();
    }

    /** The first model that fits, with a note for each model before it saying why it was passed over. */
    @Override
    public Outcome explain(Series history, int horizons) {
        List<String> notes = new ArrayList<>();
        for (Model model : chain) {
            try {
                Outcome o = model.explain(history, horizons);
                if (o.forecasts().size() == horizons && CombinedModel.allFinite(o.array())) {
                    notes.addAll(o.notes());
                    return o.withNotes(notes);
                }
                notes.add(model.name() + ": no finite forecast");
            } catch (RuntimeException e) {
                // Expected for short or degenerate histories: the next model in the chain takes over.
                notes.add(model.name() + ": " + reason(e));
            }
        }
        Forecast[] none = new Forecast[horizons];
        for (int h = 1; h <= horizons; h++) {
            YearMonth target = history.end().plusMonths(h);
            none[h - 1] = new Forecast(target, h, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "none");
        }
        return new Outcome(none, notes);
    }

    /** A failure in one short line: the message, or the exception's type when it has none. */
    static String reason(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
