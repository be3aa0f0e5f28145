package org.countyscope.disclosure;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Figures of any span judged by their own contributors, from the respondents' months. */
class EnterpriseMonthsTest {
    private static final SuppressionRules RULES = SuppressionRules.defaults();

    private static YearMonth m(int month) {
        return YearMonth.of(2025, month);
    }

    @Test
    void aMonthIsJudgedByItsOwnContributorsNotByThoseOfTheYearToDate() {
        EnterpriseMonths e = new EnterpriseMonths(2025, "620800");
        // three enterprises over 1—6月, but only one of them produces in June
        for (int month = 2; month <= 6; month++) {
            e.add("A", "620821", "13", "iva", m(month), 100);
            e.add("B", "620821", "30", "iva", m(month), month < 6 ? 90 : 0);
            e.add("C", "620821", "30", "iva", m(month), month < 6 ? 80 : 0);
        }
        FigureKey half = FigureKey.cumulative("620821", FigureKey.ALL, "iva", m(6));
        FigureKey june = half.over(m(6), m(6));
        assertEquals(3, e.stats(half).contributors());
        assertFalse(e.sensitive(half, RULES), "1—6月 has three enterprises, the largest 500 of 1180");
        assertEquals(1, e.stats(june).contributors(), "June alone has one");
        assertTrue(e.sensitive(june, RULES), "June is one enterprise's value added");
        assertEquals(100, e.stats(june).value(), 1e-9);
        assertEquals(2, e.stats(new FigureKey("620821", "30", "iva", m(1), m(6))).contributors(),
            "county × 大类 30 has B and C");
        assertEquals(1180, e.stats(new FigureKey("620800", FigureKey.ALL, "iva", m(1), m(6))).value(), 1e-9,
            "the city sums its counties");
    }

    @Test
    void dominanceIsOnAbsoluteContributionsSoALossDrivenByOneEnterpriseIsSensitive() {
        EnterpriseMonths e = new EnterpriseMonths(2025, "620800");
        e.add("A", "620821", "13", "profit", m(3), -520);
        e.add("B", "620821", "13", "profit", m(3), 20);
        e.add("C", "620821", "13", "profit", m(3), 20);
        e.add("D", "620821", "13", "profit", m(3), 20);
        FigureKey k = FigureKey.cumulative("620821", FigureKey.ALL, "profit", m(3));
        ReleasePattern.Stats s = e.stats(k);
        assertEquals(-460, s.value(), 1e-9);
        assertEquals(520, s.largest(), 1e-9);
        assertEquals(580, s.magnitude(), 1e-9);
        assertTrue(e.sensitive(k, RULES), "520 of 580 absolute is 89.7% > 85%");
    }

    @Test
    void monthsOfAnotherYearAreRefused() {
        EnterpriseMonths e = new EnterpriseMonths(2025, "620800");
        assertThrows(IllegalArgumentException.class, () -> e.add("A", "620821", "13", "iva", YearMonth.of(2024, 12), 1));
        assertEquals(ReleasePattern.Stats.EMPTY, e.stats(FigureKey.cumulative("620821", FigureKey.ALL, "iva",
            YearMonth.of(2024, 12))));
    }
}
