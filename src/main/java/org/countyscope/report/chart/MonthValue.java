package org.countyscope.report.chart;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One month's actual figure of a growth path (当月 or 1—N月 growth in %).
 *
 * @param month the month
 * @param value the growth in %; null leaves the point out
 */
public record MonthValue(YearMonth month, Double value) {
    public MonthValue {
        Objects.requireNonNull(month, "month");
    }
}
