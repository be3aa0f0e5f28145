package org.countyscope.forecast;

/** A forecasting model for one monthly series: fits on the history it is given and forecasts the next months. */
public interface Model {

    /** Short name, used in outputs ("naive", "tramo", …). */
    String name();

    /**
     * Forecasts months {@code end+1 … end+horizons} of {@code history}, whose last month is the origin. Throws when the
     * model cannot fit this history; {@link FallbackModel} turns that into the next model's forecast.
     */
    Forecast[] forecast(Series history, int horizons);

    /**
     * This model with its structure (e.g. ARIMA orders) identified once on {@code history}, to be re-estimated cheaply
     * on earlier cuts of the same history; models without an identification step return themselves.
     */
    default Model identifiedOn(Series history) {
        return this;
    }
}
