package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestTest {

    private static final double POISON = 1e9;

    /** The series with every value and cumulative after {@code origin} replaced by a huge number. */
    private static Series poisonedAfter(Series s, YearMonth origin) {
        double[] v = s.values();
        double[] c = s.cumulative();
        for (int i = s.indexOf(origin) + 1; i < v.length; i++) {
            v[i] = POISON;
            c[i] = POISON;
        }
        return new Series(s.start(), v, c);
    }

    @Test
    void forecastsNeverSeePastTheOrigin() {
        Series clean = SeriesFixtures.national();
        Model model = Models.standard();
        for (YearMonth target : List.of(YearMonth.of(2017, 3), YearMonth.of(2018, 7), YearMonth.of(2019, 12))) {
            for (int h = 1; h <= 3; h++) {
                YearMonth origin = target.minusMonths(h);
                Backtest one = new Backtest(target, target, List.of(h));
                BacktestRow expected = one.run(model, clean).get(0);
                BacktestRow poisoned = one.run(model, poisonedAfter(clean, origin)).get(0);
                assertEquals(origin, expected.origin());
                assertEquals(expected.forecast(), poisoned.forecast(), 0, target + " h=" + h + ": later values must not matter");
                assertEquals(expected.hi95(), poisoned.hi95(), 0, target + " h=" + h);
                assertEquals(expected.model(), poisoned.model());
            }
        }
    }

    @Test
    void eachModelIsHandedTheSeriesCutAtTheOrigin() {
        List<YearMonth> ends = new ArrayList<>();
        Model spy = new Model() {
            @Override
            public String name() {
                return "spy";
            }

            @Override
            public Forecast[] forecast(Series history, int horizons) {
                ends.add(history.end());
                assertEquals(history.length(), history.indexOf(history.end()) + 1);
                return new NaiveModel().forecast(history, horizons);
            }
        };
        Series s = SeriesFixtures.national();
        List<BacktestRow> rows = new Backtest(YearMonth.of(2019, 1), YearMonth.of(2019, 6), List.of(1, 3)).run(spy, s);
        // Targets published in 2019-01..06: March to June (January and February are not), at h = 1 and 3.
        assertEquals(8, rows.size());
        for (BacktestRow r : rows) {
            assertEquals(r.target().minusMonths(r.horizon()), r.origin());
            assertTrue(ends.contains(r.origin()));
            assertEquals(s.valueOf(r.target()), r.actual(), 0);
        }
        assertEquals(List.of(YearMonth.of(2018, 12), YearMonth.of(2019, 1), YearMonth.of(2019, 2), YearMonth.of(2019, 3),
            YearMonth.of(2019, 4), YearMonth.of(2019, 5)), ends, "one fit per origin, in order");
    }

    @Test
    void summaryArithmetic() {
        YearMonth o = YearMonth.of(2019, 1);
        List<BacktestRow> model = List.of(
            new BacktestRow(o, o.plusMonths(1), 1, 10, 11, 10.5, 11.5, 9, 13, "m"),
            new BacktestRow(o.plusMonths(1), o.plusMonths(2), 1, 10, 9, 8, 10, 7, 11, "m"));
        List<BacktestRow> naive = List.of(
            new BacktestRow(o, o.plusMonths(1), 1, 10, 14, 13, 15, 12, 16, "naive"),
            new BacktestRow(o.plusMonths(1), o.plusMonths(2), 1, 10, 12, 11, 13, 10, 14, "naive"));
        HorizonSummary s = Backtest.summarize("m", model, naive).get(0);
        assertEquals(2, s.count());
        assertEquals(1.0, s.mae(), 1e-12);
        assertEquals(2.0 / 6.0, s.relativeMae(), 1e-12, "(1 + 1) / (4 + 2)");
        assertEquals((200.0 / 21 + 200.0 / 19) / 2, s.smape(), 1e-9);
        assertEquals(0.5, s.coverage80(), 1e-12, "10 is outside [10.5, 11.5], inside [8, 10]");
        assertEquals(1.0, s.coverage95(), 1e-12);
    }
}
