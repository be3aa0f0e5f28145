package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpringFestivalTest {

    @Test
    void datesFromTheChineseCalendar() {
        assertEquals(LocalDate.of(2024, 2, 10), SpringFestival.date(2024));
        assertEquals(LocalDate.of(2025, 1, 29), SpringFestival.date(2025));
        assertEquals(LocalDate.of(2026, 2, 17), SpringFestival.date(2026));
        assertEquals(LocalDate.of(2013, 2, 10), SpringFestival.date(2013), "2013, when 1—2月 began to be published together");
        assertEquals(LocalDate.of(2015, 2, 19), SpringFestival.date(2015));
    }

    @Test
    void theWindowIsSharedOutBetweenJanuaryAndMarch() {
        for (int year = 2000; year <= 2030; year++) {
            double total = 0;
            for (int m = 1; m <= 12; m++) {
                total += SpringFestival.share(YearMonth.of(year, m));
            }
            assertEquals(1, total, 1e-12, year + ": the 40 days fall in January–March only");
        }
        // 2015-02-19: the window runs 4 February – 15 March, so 15 of its 40 days are in March.
        assertEquals(15 / 40.0, SpringFestival.share(YearMonth.of(2015, 3)), 1e-12);
        assertEquals(0, SpringFestival.share(YearMonth.of(2017, 3)), "2017-01-28: the window ends 21 February");
    }

    @Test
    void growthRegressorIsThisYearsShareMinusLastYearsWithJanuaryFebruaryAsOnePeriod() {
        YearMonth march2016 = YearMonth.of(2016, 3);
        assertEquals(SpringFestival.share(march2016) - SpringFestival.share(YearMonth.of(2015, 3)),
            SpringFestival.growthRegressor(march2016), 1e-12);
        double janFeb = (SpringFestival.share(YearMonth.of(2015, 3)) - SpringFestival.share(march2016)) / 2;
        assertEquals(janFeb, SpringFestival.growthRegressor(YearMonth.of(2016, 1)), 1e-12);
        assertEquals(janFeb, SpringFestival.growthRegressor(YearMonth.of(2016, 2)), 1e-12);
        assertEquals(0, SpringFestival.growthRegressor(YearMonth.of(2016, 7)));
        double[] block = SpringFestival.growthRegressor(YearMonth.of(2015, 11), 6);
        assertEquals(SpringFestival.growthRegressor(YearMonth.of(2016, 3)), block[4], "the fifth month from 2015-11 is 2016-03");
    }
}
