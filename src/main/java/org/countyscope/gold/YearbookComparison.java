package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;

/**
 * {@code gold/yearbook_comparison}: the generic yearbook path for any region hierarchy. One row per region ×
 * indicator × year: value, the parent's total (its own reported value where the table has one, else the sum of its
 * children), share of parent, rank among siblings (on the value as printed in its unit: ties share a 位次), YoY growth, growth against the parent, 贡献率, 拉动 and 两年平均.
 * Pure transform over current rows of {@code silver/indicators} with yearly periods.
 */
public final class YearbookComparison {
    private YearbookComparison() {
    }

    public static Dataset<Row> apply(Dataset<Row> indicators) {
        Dataset<Row> d = indicators.where(col(PERIOD).rlike("^\\d{4}$"))
            .select(REGION_CODE, REGION_NAME, PARENT_CODE, PERIOD, INDICATOR, UNIT, VALUE)
            .withColumn("_y", col(PERIOD).cast("int"));
        Dataset<Row> prev = d.select(col(REGION_CODE), col(INDICATOR), col("_y").plus(1).as("_y"), col(VALUE).as("_v1"));
        Dataset<Row> prev2 = d.select(col(REGION_CODE), col(INDICATOR), col("_y").plus(2).as("_y"), col(VALUE).as("_v2"));
        String[] key = {REGION_CODE, INDICATOR, "_y"};
        d = d.join(prev, key, "left").join(prev2, key, "left")
            .withColumn(YOY_PCT, CountyComparison.growth(col(VALUE), col("_v1")))
            .withColumn(TWO_YEAR_AVG_PCT, CountyComparison.twoYear(col(VALUE), col("_v2")));
        Dataset<Row> childSums = d.where(col(PARENT_CODE).isNotNull())
            .groupBy(col(PARENT_CODE).as("_pc"), col(INDICATOR).as("_pi"), col("_y").as("_py"))
            .agg(functions.sum(VALUE).as("_sum"), functions.sum("_v1").as("_sum1"));
        Dataset<Row> own = d.select(col(REGION_CODE).as("_pc"), col(INDICATOR).as("_pi"), col("_y").as("_py"),
            col(VALUE).as("_own"), col("_v1").as("_own1"), col(YOY_PCT).as("_p_yoy"));
        Column parentMatch = col(PARENT_CODE).equalTo(col("_pc")).and(col(INDICATOR).equalTo(col("_pi")))
            .and(col("_y").equalTo(col("_py")));
        d = d.join(own, parentMatch, "left").drop("_pc", "_pi", "_py")
            .join(childSums, parentMatch, "left").drop("_pc", "_pi", "_py");
        Column total = functions.coalesce(col("_own"), col("_sum"));
        Column totalPrev = functions.coalesce(col("_own1"), col("_sum1"));
        Column delta = col(VALUE).minus(col("_v1"));
        Column parentDelta = total.minus(totalPrev);
        d = d.withColumn(PARENT_TOTAL, total)
            .withColumn(SHARE_PCT, when(total.notEqual(0), col(VALUE).divide(total).multiply(100)))
            .withColumn("_printed", Printed.byUnit(col(VALUE), col(UNIT)))
            .withColumn(RANK, Printed.rank(col("_printed"), col(PARENT_CODE).isNotNull(), col(PARENT_CODE),
                col(INDICATOR), col("_y")))
            .withColumn(VS_PARENT_PP, col(YOY_PCT).minus(col("_p_yoy")))
            .withColumn(CONTRIBUTION_PCT, when(parentDelta.notEqual(0), delta.divide(parentDelta).multiply(100)))
            .withColumn(PULL_PP, when(totalPrev.gt(0), delta.divide(totalPrev).multiply(100)))
            .withColumn(NOTE, functions.concat_ws("；",
                when(col("_v1").isNull(), lit("无上年数据，不计算增速")),
                when(col("_v1").isNotNull().and(col("_v1").leq(0)), lit("上年为零或负数，增速无意义"))));
        return d.select(col(REGION_CODE), col(REGION_NAME), col(PARENT_CODE), col(PERIOD), col(INDICATOR), col(UNIT),
            col(VALUE), col(PARENT_TOTAL), col(SHARE_PCT), col(RANK).cast("int").as(RANK), col(YOY_PCT),
            col(VS_PARENT_PP), col(CONTRIBUTION_PCT), col(PULL_PP), col(TWO_YEAR_AVG_PCT),
            when(col(NOTE).equalTo(""), lit(null)).otherwise(col(NOTE)).as(NOTE));
    }
}
