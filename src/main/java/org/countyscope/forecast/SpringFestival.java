package org.countyscope.forecast;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Spring Festival (春节) calendar effect: its date from ICU4J's Chinese calendar, and regressors for how much of
 * the festival's slowdown falls in each month.
 *
 * <p>The slowdown is taken to last the 40 days of 春运 (the festival travel season, from 15 days before to 24 days
 * after New Year's Day), when migrant workers are away from factories; a fixed window chosen from how the season is
 * defined, not fitted to the data. It starts on 6 January at the earliest and ends on 16 March at the latest.
 */
public final class SpringFestival {

    /** Days of 春运 before New Year's Day. */
    static final int DAYS_BEFORE = 15;
    /** Length of 春运 in days, New Year's Day included. */
    static final int WINDOW_DAYS = 40;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    // The Gregorian year y starts in Chinese extended year y + 2637 (2024 is 4661, the year of the dragon).
    private static final int EXTENDED_YEAR_OFFSET = 2637;
    private static final Map<Integer, LocalDate> DATES = new ConcurrentHashMap<>();
    // Regressors by year, January to December: every model fit asks for hundreds of months.
    private static final Map<Integer, double[]> GROWTH = new ConcurrentHashMap<>();

    private SpringFestival() {
    }

    /** The first day of the first lunar month (正月初一) that falls in Gregorian {@code year}. */
    public static LocalDate date(int year) {
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("year must be between 1900 and 2200, got " + year);
        }
        return DATES.computeIfAbsent(year, SpringFestival::compute);
    }

    private static LocalDate compute(int year) {
        ChineseCalendar calendar = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        calendar.clear();
        calendar.set(ChineseCalendar.EXTENDED_YEAR, year + EXTENDED_YEAR_OFFSET);
        calendar.set(ChineseCalendar.MONTH, 0);
        calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        calendar.set(ChineseCalendar.DAY_OF_MONTH, 1);
        return calendar.getTime().toInstant().atZone(CHINA).toLocalDate();
    }

    /** The share of the year's 春运 window that falls in {@code month} (zero outside January–March). */
    public static double share(YearMonth month) {
        if (month.getMonthValue() > 3) {
            return 0;
        }
        LocalDate first = date(month.getYear()).minusDays(DAYS_BEFORE);
        LocalDate afterLast = first.plusDays(WINDOW_DAYS);
        LocalDate from = max(first, month.atDay(1));
        LocalDate to = min(afterLast, month.plusMonths(1).atDay(1));
        return from.isBefore(to) ? (double) (to.toEpochDay() - from.toEpochDay()) / WINDOW_DAYS : 0;
    }

    /**
     * The regressor for year-on-year growth: this year's share minus last year's, with January and February taken
     * as one period (each gets half the change of their combined share), as the growth series treats them.
     */
    public static double growthRegressor(YearMonth month) {
        return GROWTH.computeIfAbsent(month.getYear(), SpringFestival::growthYear)[month.getMonthValue() - 1];
    }

    private static double[] growthYear(int year) {
        double[] x = new double[12];
        for (int m = 1; m <= 12; m++) {
            x[m - 1] = computeGrowth(YearMonth.of(year, m));
        }
        return x;
    }

    private static double computeGrowth(YearMonth month) {
        if (month.getMonth() == Month.JANUARY || month.getMonth() == Month.FEBRUARY) {
            YearMonth march = YearMonth.of(month.getYear(), 3);
            // January + February hold whatever of the window March does not.
            return (share(march.minusYears(1)) - share(march)) / 2;
        }
        return share(month) - share(month.minusYears(1));
    }

    /** {@link #growthRegressor} for {@code n} consecutive months from {@code from}. */
    public static double[] growthRegressor(YearMonth from, int n) {
        double[] x = new double[n];
        int year = from.getYear();
        int month = from.getMonthValue() - 1;
        double[] regressors = GROWTH.computeIfAbsent(year, SpringFestival::growthYear);
        for (int i = 0; i < n; i++) {
            x[i] = regressors[month];
            if (++month == 12) {
                month = 0;
                regressors = GROWTH.computeIfAbsent(++year, SpringFestival::growthYear);
            }
        }
        return x;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
