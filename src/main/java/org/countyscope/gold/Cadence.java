package org.countyscope.gold;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bureau's reporting rhythms: 月调度, 季通报, 半年评, 年度考. */
public enum Cadence {
    MONTH(1, "月度"), QUARTER(3, "季度"), HALF(6, "半年"), YEAR(12, "年度");

    private final int months;
    private final String label;

    Cadence(int months, String label) {
        this.months = months;
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Cadence parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** The last month of the latest complete period of this cadence at or before {@code month}. */
    public YearMonth periodEnd(YearMonth month) {
        int end = (month.getMonthValue() / months) * months;
        return end == 0 ? YearMonth.of(month.getYear() - 1, 12) : month.withMonth(end);
    }

    /** Whether {@code month} closes a period of this cadence (March closes a quarter, June a half year…). */
    public boolean closes(YearMonth month) {
        return month.getMonthValue() % months == 0;
    }

    /** The months of the period that ends in {@code end}, oldest first. */
    public List<YearMonth> months(YearMonth end) {
        List<YearMonth> out = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            out.add(end.minusMonths(i));
        }
        return out;
    }

    /** 序时进度: share of the year elapsed at the end of {@code month}, in % (1—2月 → 16.7). */
    public static double timeElapsedPct(YearMonth month) {
        return month.getMonthValue() / 12.0 * 100.0;
    }
}
