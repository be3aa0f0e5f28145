package org.countyscope.review;

/**
 * 缺报: an enterprise in the register's scope for a month without a report. Built here from the register and the
 * reports; a table of carried-forward estimates (one row per enterprise × missing month) can supply the same
 * records with {@code estimate} set, and the flag then shows the estimate the figures rest on.
 *
 * @param lastPeriod       the enterprise's last reported period this year, null when none
 * @param lastValueAddedCum its 1—N月 工业增加值 then (万元), NaN when none
 * @param estimate         the carried-forward 1—N月 工业增加值 used in the totals (万元), NaN when not estimated
 */
public record MissingReport(String creditCode, String name, String regionCode, String industryCode, String period,
                            String lastPeriod, double lastValueAddedCum, double estimate) {
}
