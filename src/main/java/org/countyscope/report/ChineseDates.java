package org.countyscope.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Dates as the bureau writes them, in text, tables, workbooks and chart axes: "2026年2月", never "2026-02"; times in
 * Beijing time (Asia/Shanghai), said so, whatever the machine's zone.
 */
public final class ChineseDates {
    /** The zone every printed time is in. */
    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private ChineseDates() {
    }

    /** "2026年2月". */
    public static String month(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /** "2026年2月" for a period key "2026-02"; any other text as it is. */
    public static String month(String period) {
        return period != null && period.matches("\\d{4}-\\d{2}") ? month(YearMonth.parse(period)) : period;
    }

    /** "2026年12月7日 20:41（北京时间）". */
    public static String beijingTime(Instant t) {
        ZonedDateTime z = t.atZone(BEIJING);
        return String.format("%d年%d月%d日 %02d:%02d（北京时间）", z.getYear(), z.getMonthValue(), z.getDayOfMonth(),
            z.getHour(), z.getMinute());
    }
}
