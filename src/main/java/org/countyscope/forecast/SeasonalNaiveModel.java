package org.countyscope.forecast;

/** The baseline for series in levels: each month will be what the same month was in the latest year published. */
public final class SeasonalNaiveModel implements Model {

    static final int ERROR_WINDOW = 60;

    @Override
    public String name() {
        return "seasonal-naive";
    }

    @Override
    public Forecast[] forecast(Series history, int horizons) {
        double[] x = history.values();
        int end = x.length - 1;
        Forecast[] out = new Forecast[horizons];
        for (int h = 1; h <= horizons; h++) {
            double point = sameMonth(x, end, end + h);
            double sd = PastErrors.rms(x, (origin, target) -> sameMonth(x, origin, target), h, ERROR_WINDOW);
            if (!Double.isFinite(point) || !Double.isFinite(sd)) {
                throw new IllegalArgumentException("too few years published");
            }
            out[h - 1] = Forecast.normal(history.end().plusMonths(h), h, point, sd, name());
        }
        return out;
    }

    /** The value of the target's calendar month in the latest year published by {@code origin}. */
    private static double sameMonth(double[] x, int origin, int target) {
        for (int i = target - 12; i >= 0; i -= 12) {
            if (i <= origin && Double.isFinite(x[i])) {
                return x[i];
            }
        }
        return Double.NaN;
    }
}
