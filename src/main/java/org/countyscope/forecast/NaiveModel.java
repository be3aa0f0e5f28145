package org.countyscope.forecast;

/** The baseline every model must beat: each month will be what the last published month was. */
public final class NaiveModel implements Model {

    /** Past errors over this many months set the interval width. */
    static final int ERROR_WINDOW = 60;

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public Forecast[] forecast(Series history, int horizons) {
        double[] x = history.values();
        int last = history.lastPublishedIndex();
        if (last < 0) {
            throw new IllegalArgumentException("nothing published");
        }
        Forecast[] out = new Forecast[horizons];
        for (int h = 1; h <= horizons; h++) {
            double sd = PastErrors.rms(x, (origin, target) -> PastErrors.lastFinite(x, origin), h, ERROR_WINDOW);
            if (!Double.isFinite(sd)) {
                throw new IllegalArgumentException("too few published values for intervals");
            }
            out[h - 1] = Forecast.normal(history.end().plusMonths(h), h, x[last], sd, name());
        }
        return out;
    }
}
