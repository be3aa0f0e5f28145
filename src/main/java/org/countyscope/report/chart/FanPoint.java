package org.countyscope.report.chart;

import org.countyscope.forecast.Forecast;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One forecast month of a growth path: the point and its 80% and 95% intervals, in %.
 *
 * @param month the forecast month
 * @param point the point forecast
 * @param lo80  lower bound of the 80% interval
 * @param hi80  upper bound of the 80% interval
 * @param lo95  lower bound of the 95% interval
 * @param hi95  upper bound of the 95% interval
 */
public record FanPoint(YearMonth month, double point, double lo80, double hi80, double lo95, double hi95) {
    public FanPoint {
        Objects.requireNonNull(month, "month");
    }

    /** The chart point of a forecast engine result. */
    public static FanPoint of(Forecast f) {
        return new FanPoint(f.target(), f.point(), f.lo80(), f.hi80(), f.lo95(), f.hi95());
    }

    /** True when the point and all bounds are finite (other points are left out). */
    public boolean isFinite() {
        return Double.isFinite(point) && Double.isFinite(lo80) && Double.isFinite(hi80) && Double.isFinite(lo95)
            && Double.isFinite(hi95);
    }
}
