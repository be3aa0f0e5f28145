package org.countyscope.review;

/**
 * A county's total of one dataset for one single period (tax 当月; budget and investment differenced from 1—N月).
 *
 * @param dataset       tax, budget_revenue or projects
 * @param monthsCovered months the value spans (2 where a 1—2月 figure stands for two months)
 */
public record CountyMonth(String dataset, String regionCode, String period, int monthsCovered, double value) {
}
