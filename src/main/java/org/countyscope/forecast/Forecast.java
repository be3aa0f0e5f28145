package org.countyscope.forecast;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.Objects;

/** The forecast of one target month at one horizon: the point, the 80% and 95% prediction intervals, and the model used. */
public record Forecast(YearMonth target, int horizon, double point, double lo80, double hi80, double lo95, double hi95,
                       String model) implements Serializable {

    /** Standard normal quantiles of the central 80% and 95% intervals. */
    public static final double Z80 = 1.2815515655446004;
    public static final double Z95 = 1.959963984540054;

    public Forecast {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(model, "model");
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
    }

    /** A forecast with normal intervals of standard deviation {@code sd}. */
    public static Forecast normal(YearMonth target, int horizon, double point, double sd, String model) {
        return new Forecast(target, horizon, point, point - Z80 * sd, point + Z80 * sd, point - Z95 * sd,
            point + Z95 * sd, model);
    }

    /** The standard deviation the 95% interval implies, assuming normal errors. */
    public double sd() {
        return (hi95 - lo95) / (2 * Z95);
    }

    /** True when the point and all bounds are finite numbers. */
    public boolean isFinite() {
        return Double.isFinite(point) && Double.isFinite(lo80) && Double.isFinite(hi80) && Double.isFinite(lo95)
            && Double.isFinite(hi95);
    }
}
