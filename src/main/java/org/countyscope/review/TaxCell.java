package org.countyscope.review;

/** One 全口径 tax cell: county × 大类 × tax type × month (万元, 当月). */
public record TaxCell(String regionCode, String industryCode, String industryName, String taxType, String period,
                      double amount) {
}
