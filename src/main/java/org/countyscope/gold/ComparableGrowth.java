package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.countyscope.dataset.Columns.*;

/**
 * 规上工业增加值 at comparable prices on the same enterprise set (同口径): each enterprise's single-period value added
 * is deflated by its industry's PPI (上年同月 = 100; averaged over the months a period covers, so 1–2月 uses January's
 * and February's), cumulated within the year, and compared with the same enterprise's current-price cumulative a year
 * earlier. Only enterprises reporting in both periods count. Growth = Σ deflated ÷ Σ base − 1.
 * Output rows are {@code gold/indicator_values} rows of indicator {@code iva_real}: value = deflated, base = last year.
 */
public final class ComparableGrowth {
    private ComparableGrowth() {
    }

    /**
     * @param monthly {@code silver/industrial_output_monthly} current rows
     * @param ppi     {@code silver/ppi} current rows (period, industry_code 大类, ppi_index)
     */
    public static Dataset<Row> apply(Dataset<Row> monthly, Dataset<Row> ppi) {
        Column periodDate = functions.to_date(functions.concat(col(PERIOD), lit("-01")));
        // every check below reads one enterprise's rows, so one shuffle by enterprise serves them all
        Dataset<Row> reports = monthly
            .select(col(CREDIT_CODE), col(REGION_CODE), col(INDUSTRY_CODE), col(PERIOD), col(MONTHS_COVERED),
                col(VALUE_ADDED), col(VALUE_ADDED + CUM_SUFFIX))
            .withColumn("_ind2", functions.substring(col(INDUSTRY_CODE), 1, 2))
            .repartition(col(CREDIT_CODE));
        // a deflator depends only on the 大类, the period and the months it covers: computed once per combination
        Dataset<Row> covered = reports.select(col("_ind2"), col(PERIOD), col(MONTHS_COVERED)).distinct()
            .withColumn("_m", functions.explode(functions.sequence(
                functions.add_months(periodDate, functions.negate(col(MONTHS_COVERED)).plus(1)), periodDate,
                functions.expr("interval 1 month"))))
            .withColumn("_pm", functions.date_format(col("_m"), "yyyy-MM"));
        Dataset<Row> byIndustry = ppi.select(col(PERIOD).as("_pm"), col(INDUSTRY_CODE).as("_ind2"),
            col(PPI_INDEX).as("_ppi"));
        // an industry without its own index is deflated by the mean of the month's industrial indices
        Dataset<Row> overall = ppi.groupBy(col(PERIOD).as("_pm")).agg(functions.avg(PPI_INDEX).as("_ppi_all"));
        Dataset<Row> deflators = covered.join(byIndustry, new String[] {"_pm", "_ind2"}, "left")
            .join(overall, new String[] {"_pm"}, "left")
            .groupBy(col("_ind2").as("_d_ind2"), col(PERIOD).as("_d_period"), col(MONTHS_COVERED).as("_d_covered"))
            .agg(functions.avg(functions.coalesce(col("_ppi"), col("_ppi_all"), lit(100.0))).as("_deflator"));
        Dataset<Row> deflated = reports.join(functions.broadcast(deflators), col("_ind2").eqNullSafe(col("_d_ind2"))
                .and(col(PERIOD).equalTo(col("_d_period"))).and(col(MONTHS_COVERED).equalTo(col("_d_covered"))))
            .withColumn("_real", col(VALUE_ADDED).divide(col("_deflator").divide(100.0)))
            .withColumn("_real_cum", functions.sum("_real").over(Window.partitionBy(col(CREDIT_CODE),
                    functions.substring(col(PERIOD), 1, 4)).orderBy(PERIOD)
                .rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
        // the same enterprise's report twelve months earlier: the previous report of the same calendar month
        WindowSpec sameMonth = Window.partitionBy(col(CREDIT_CODE), functions.substring(col(PERIOD), 6, 2))
            .orderBy(PERIOD);
        Dataset<Row> matched = deflated
            .withColumn("_base_period", functions.lag(col(PERIOD), 1).over(sameMonth))
            .withColumn("_base", functions.lag(col(VALUE_ADDED), 1).over(sameMonth))
            .withColumn("_base_cum", functions.lag(col(VALUE_ADDED + CUM_SUFFIX), 1).over(sameMonth))
            .where(col("_base_period").equalTo(functions.date_format(functions.add_months(periodDate, -12), "yyyy-MM")));
        return matched.groupBy(REGION_CODE, PERIOD).agg(
                functions.sum("_real").as(VALUE_MONTH),
                functions.sum("_real_cum").as(VALUE_CUM),
                functions.count(lit(1)).as(CONTRIBUTORS),
                functions.max(functions.abs(col("_real_cum"))).as(MAX_CONTRIBUTOR),
                functions.sum("_base").as(BASE_MONTH),
                functions.sum("_base_cum").as(BASE_CUM))
            .select(col(REGION_CODE), lit(Indicators.IVA_REAL.code()).as(INDICATOR), col(PERIOD), col(VALUE_MONTH),
                col(VALUE_CUM), col(CONTRIBUTORS), col(MAX_CONTRIBUTOR), col(BASE_MONTH), col(BASE_CUM));
    }
}
