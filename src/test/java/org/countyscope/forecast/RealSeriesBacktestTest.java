package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped national series on the development window, targets 2005-03…2014-12, horizons 1—3: where the members,
 * weights and interval rule were chosen. 2015–2019 is kept blind (docs/forecast.md reports it once).
 */
class RealSeriesBacktestTest {

    @Test
    void theCombinationBeatsNaiveByAClearMargin() {
        Series national = SeriesFixtures.national();
        Backtest backtest = new Backtest(YearMonth.of(2005, 3), YearMonth.of(2014, 12), List.of(1, 2, 3));
        List<BacktestRow> naive = backtest.run(new NaiveModel(), national);
        List<BacktestRow> combined = backtest.run(Models.standard(), national);
        assertEquals(321, combined.size(), "107 published targets (March–December of ten years, 1—2月 from 2013 on) × 3");
        for (HorizonSummary h : Backtest.summarize("combined", combined, naive)) {
            // Measured 0.834, 0.839, 0.889 (without the cross-series GBT, which needs Spark).
            assertTrue(h.relativeMae() <= 0.9, "h=" + h.horizon() + ": MAE relative to naive " + h.relativeMae());
            // Measured 0.80–0.82 and 0.94–0.95 on 107 targets per horizon, where one target is about 1 point.
            assertTrue(h.coverage80() >= 0.74 && h.coverage80() <= 0.86, "h=" + h.horizon() + ": 80% cover " + h.coverage80());
            assertTrue(h.coverage95() >= 0.9 && h.coverage95() <= 0.99, "h=" + h.horizon() + ": 95% cover " + h.coverage95());
        }
    }
}
