package org.countyscope.review;

/** A region's 一般公共预算收入 report: 税收收入 and the total, 1—N月 cumulative (万元). */
public record BudgetMonth(String regionCode, String period, double taxRevenueCum, double totalCum) {
}
