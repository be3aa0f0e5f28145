package org.countyscope.forecast;

import java.time.YearMonth;

/** One rolling-origin forecast of a backtest: one row per target month × horizon, with the value later published. */
public record BacktestRow(YearMonth origin, YearMonth target, int horizon, double actual, double forecast, double lo80,
                          double hi80, double lo95, double hi95, String model) {

    static BacktestRow of(YearMonth origin, Forecast f, double actual) {
        return new BacktestRow(origin, f.target(), f.horizon(), actual, f.point(), f.lo80(), f.hi80(), f.lo95(), f.hi95(),
            f.model());
    }

    public double error() {
        return forecast - actual;
    }
}
