package org.countyscope.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a forecaster produced for one history and why: the forecasts (each naming the model that made it) and notes on
 * what failed on the way — a model of a fallback chain that could not fit, a member left out of a combination.
 */
public record Outcome(List<Forecast> forecasts, List<String> notes) {

    public Outcome {
        forecasts = List.copyOf(forecasts);
        notes = List.copyOf(notes);
    }

    public Outcome(Forecast[] forecasts, List<String> notes) {
        this(Arrays.asList(Objects.requireNonNull(forecasts, "forecasts")), notes);
    }

    public Forecast[] array() {
        return forecasts.toArray(Forecast[]::new);
    }

    /** The model that made the forecasts ("none" when every model failed). */
    public String model() {
        return forecasts.isEmpty() ? "none" : forecasts.get(0).model();
    }

    /** The notes as one line, empty when nothing failed. */
    public String note() {
        return String.join("; ", notes);
    }
}
