package org.countyscope.review;

/**
 * One data-quality metric of one silver dataset as of one table version (Deequ's metric, kept in
 * {@code gold/dq_metrics}).
 *
 * @param version  the silver table's Delta version the metric was computed on
 * @param release  the latest release label among its current rows
 * @param period   the data's month the metric describes
 * @param metric   row_count, distinct_keys, null_count (per column) or sum_by_region (per region, of the measure)
 * @param column   the column a null count or sum is about, empty otherwise
 * @param region   the region of a sum, empty otherwise
 */
public record DataMetric(String dataset, long version, String release, String period, String metric, String column,
                         String region, double value) {
    public static final String ROW_COUNT = "row_count";
    public static final String DISTINCT_KEYS = "distinct_keys";
    public static final String NULL_COUNT = "null_count";
    public static final String SUM_BY_REGION = "sum_by_region";
}
