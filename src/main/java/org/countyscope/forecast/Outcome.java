package org.countyscope.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a forecaster produced for one history and why: the forecasts (each naming the model that made it), notes on
 * what failed on the way — a model of a fallback chain that could not fit, a member left out of a combination — and,
 * when the forecaster backtested itself inside the history, the errors it really made there.
 *
 * @param errorPaths the forecaster's own out-of-sample errors (forecast − outcome) from each of its recent origins
 *                   inside the history, one row per origin and one column per horizon 1…H, NaN where the outcome was
 *                   not yet known; empty when the forecaster keeps no such record
 */
public record Outcome(List<Forecast> forecasts, List<String> notes, List<double[]> errorPaths) {

    public Outcome {
        forecasts = List.copyOf(forecasts);
        notes = List.copyOf(notes);
        errorPaths = errorPaths.stream().map(double[]::clone).toList();
    }

    public Outcome(List<Forecast> forecasts, List<String> notes) {
        this(forecasts, notes, List.of());
    }

    public Outcome(Forecast[] forecasts, List<String> notes) {
        this(Arrays.asList(Objects.requireNonNull(forecasts, "forecasts")), notes);
    }

    /** The same forecasts and error record with other notes. */
    public Outcome withNotes(List<String> other) {
        return new Outcome(forecasts, other, errorPaths);
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
