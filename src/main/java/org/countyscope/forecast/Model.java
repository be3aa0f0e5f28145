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

    /**
     * Only the points of {@link #forecast}, for a combination's backtest inside the history, which needs no intervals;
     * a model whose intervals cost more than its points overrides it.
     */
    default double[] points(Series history, int horizons) {
        Forecast[] f = forecast(history, horizons);
        double[] p = new double[horizons];
        for (int h = 0; h < horizons; h++) {
            p[h] = f[h].point();
        }
        return p;
    }

    /** {@link #forecast} with what went wrong on the way (models that failed, members left out), for the record. */
    default Outcome explain(Series history, int horizons) {
        return new Outcome(forecast(history, horizons), java.util.List.of());
    }
}
