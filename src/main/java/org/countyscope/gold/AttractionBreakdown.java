package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.time.YearMonth;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;

/**
 * {@code gold/attraction_breakdown}: 招商引资 1—N月 by source (省外 / 省内 / 境外), by 产业链 and by 500强, per county
 * and city. One row per period × region × dimension × item: contracts signed, 签约额, 到位资金 (万元).
 */
public final class AttractionBreakdown {
    public static final String DIMENSION = "dimension";
    public static final String ITEM = "item";
    public static final String CONTRACTS_N = "contracts";
    public static final String SIGNED = "signed_amount";
    public static final String FUNDS = "funds_in_place";

    private AttractionBreakdown() {
    }

    public static Dataset<Row> apply(Dataset<Row> contracts, Dataset<Row> funds, Dataset<Row> regions, YearMonth end) {
        String from = end.withMonth(1).toString();
        Dataset<Row> c = contracts.withColumn("_signed_in", functions.date_format(col(SIGN_DATE), "yyyy-MM")
                .between(from, end.toString()))
            .withColumn("_500", when(col(FORTUNE500), lit("500强")).otherwise(lit("非500强")));
        Dataset<Row> f = funds.where(col(PERIOD).between(from, end.toString())).groupBy(CONTRACT_CODE)
            .agg(functions.sum(FUNDS_IN_PLACE).as("_funds"));
        Dataset<Row> d = c.join(f, new String[] {CONTRACT_CODE}, "left")
            .join(regions.select(REGION_CODE, PARENT_CODE), REGION_CODE);
        Dataset<Row> both = d.unionByName(d.withColumn(REGION_CODE, col(PARENT_CODE)));
        Dataset<Row> out = null;
        for (String[] dim : new String[][] {{"资金来源", SOURCE}, {"产业链", CHAIN}, {"500强", "_500"}}) {
            Dataset<Row> part = both.groupBy(col(REGION_CODE), lit(dim[0]).as(DIMENSION),
                    functions.coalesce(col(dim[1]), lit("未填")).as(ITEM))
                .agg(functions.sum(when(col("_signed_in"), lit(1L)).otherwise(lit(0L))).as(CONTRACTS_N),
                    functions.sum(when(col("_signed_in"), col(SIGNED_AMOUNT)).otherwise(lit(0.0))).as(SIGNED),
                    functions.sum(functions.coalesce(col("_funds"), lit(0.0))).as(FUNDS));
            out = out == null ? part : out.unionByName(part);
        }
        Column any = col(CONTRACTS_N).gt(0).or(col(FUNDS).notEqual(0));
        return out.where(any).join(regions.select(REGION_CODE, REGION_NAME, REGION_LEVEL), REGION_CODE)
            .select(lit(end.toString()).as(PERIOD), col(REGION_CODE), col(REGION_NAME), col(REGION_LEVEL),
                col(DIMENSION), col(ITEM), col(CONTRACTS_N), col(SIGNED), col(FUNDS));
    }
}
