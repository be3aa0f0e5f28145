package org.countyscope.gold;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CadenceTest {

    @Test
    void eachCadenceComparesItsLatestCompletePeriod() {
        YearMonth oct = YearMonth.of(2025, 10);
        assertEquals(oct, Cadence.MONTH.periodEnd(oct));
        assertEquals(YearMonth.of(2025, 9), Cadence.QUARTER.periodEnd(oct), "Q3 is the latest complete quarter");
        assertEquals(YearMonth.of(2025, 6), Cadence.HALF.periodEnd(oct));
        assertEquals(YearMonth.of(2024, 12), Cadence.YEAR.periodEnd(oct), "the year before is the latest complete one");
        assertEquals(YearMonth.of(2024, 12), Cadence.QUARTER.periodEnd(YearMonth.of(2025, 2)));
    }

    @Test
    void monthsOfAPeriodAndTimeElapsed() {
        assertEquals(List.of(YearMonth.of(2025, 4), YearMonth.of(2025, 5), YearMonth.of(2025, 6)),
            Cadence.QUARTER.months(YearMonth.of(2025, 6)));
        assertEquals(16.666666666666668, Cadence.timeElapsedPct(YearMonth.of(2025, 2)), 1e-12, "1—2月 → 16.7");
        assertEquals(Cadence.HALF, Cadence.parse(" Half "));
    }
}
