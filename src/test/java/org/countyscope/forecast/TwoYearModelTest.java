package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoYearModelTest {

    /** March 2023 to June 2025, single months only: 10% all of 2023–24 except March 2024 at 4%, then 6% in 2025. */
    private static Series series() {
        YearMonth start = YearMonth.of(2023, 3);
        int n = (int) start.until(YearMonth.of(2025, 6), java.time.temporal.ChronoUnit.MONTHS) + 1;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            YearMonth m = start.plusMonths(i);
            v[i] = m.getYear() == 2025 ? 6 : m.equals(YearMonth.of(2024, 3)) ? 4 : 10;
        }
        return new Series(start, v);
    }

    @Test
    void theTwoYearAverageOfTheOriginIsKeptByThePull() {
        Series s = series();
        // Origin 2025-06 at 6% on a base of 10% (2024-06): for 2025-07 on a base of 10%, the full rule keeps 6%.
        Forecast[] full = new TwoYearModel("two-year", 1).forecast(s, 9);
        assertEquals(6, full[0].point(), 1e-9, "same base, same growth");
        // For 2026-03 (h = 9) the base is 2025-03 at 6%: 1.06 · 1.10 / 1.06 − 1 = 10%.
        assertEquals(10, full[8].point(), 1e-9, "a low base lifts the growth a year later");
        Forecast[] half = new TwoYearModel("two-year-half", 0.5).forecast(s, 9);
        assertEquals(8, half[8].point(), 1e-9, "half the pull: half the way from 6 to 10");
    }

    @Test
    void fewErrorsGiveWideIntervals() {
        Series s = series();
        TwoYearModel m = new TwoYearModel("two-year-half", 0.5);
        Forecast shortOne = m.forecast(s.upTo(YearMonth.of(2024, 6)), 1)[0];
        assertTrue(shortOne.hi95() - shortOne.lo95() > 0, "an interval from the errors it made: " + shortOne);
        assertThrows(IllegalArgumentException.class, () -> m.forecast(s.upTo(YearMonth.of(2023, 6)), 1),
            "four months: fewer than six past errors");
    }
}
