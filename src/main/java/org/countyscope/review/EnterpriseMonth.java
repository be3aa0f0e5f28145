package org.countyscope.review;

/**
 * One enterprise's single period of 一套表 (from {@code silver/industrial_output_monthly}): the period's own values
 * and the 1—N月 cumulative ones.
 *
 * @param monthsCovered 2 for 1—2月, more where a report is missing in between
 */
public record EnterpriseMonth(String creditCode, String name, String regionCode, String industryCode, String period,
                              int monthsCovered, double grossOutput, double valueAdded, double revenue,
                              double grossOutputCum, double valueAddedCum) {

    /** The 大类 (two digits) of the enterprise's 小类. */
    public String division() {
        return industryCode == null || industryCode.length() < 2 ? "" : industryCode.substring(0, 2);
    }

    /** Value added per month of the period (1—2月 counts as two months). */
    public double valueAddedPerMonth() {
        return valueAdded / Math.max(1, monthsCovered);
    }
}
