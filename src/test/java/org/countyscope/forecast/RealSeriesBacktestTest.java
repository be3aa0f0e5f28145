package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark on the shipped national series: targets 2015-03…2019-12, horizons 1–3. */
class RealSeriesBacktestTest {

    @Test
    void theCombinationBeatsNaiveByAClearMargin() {
        Series national = SeriesFixtures.national();
        Backtest backtest = new Backtest(YearMonth.of(2015, 3), YearMonth.of(2019, 12), List.of(1, 2, 3));
        List<BacktestRow> naive = backtest.run(new NaiveModel(), national);
        List<BacktestRow> combined = backtest.run(Models.standard(), national);
        assertEquals(150, combined.size(), "50 published targets (March–December of five years) × 3 horizons");
        for (HorizonSummary h : Backtest.summarize("combined", combined, naive)) {
            // Measured 0.770, 0.748, 0.803 (without the cross-series GBT, which needs Spark); the issue asks for ≤ 0.85.
            assertTrue(h.relativeMae() <= 0.85, "h=" + h.horizon() + ": MAE relative to naive " + h.relativeMae());
            // Measured 0.74–0.88 and 0.88–0.94 on 50 targets per horizon, where one target is 2 points.
            assertTrue(h.coverage80() >= 0.7 && h.coverage80() <= 0.9, "h=" + h.horizon() + ": 80% cover " + h.coverage80());
            assertTrue(h.coverage95() >= 0.86 && h.coverage95() <= 1.0, "h=" + h.horizon() + ": 95% cover " + h.coverage95());
        }
    }
}
