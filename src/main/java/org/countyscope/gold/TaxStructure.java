package org.countyscope.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.countyscope.reference.ReferenceData;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.countyscope.dataset.Columns.*;

/**
 * {@code gold/tax_structure}: one row per period end × region (county or city) × breakdown × item — 全口径 tax
 * collected 1—N月 (万元) by tax type and by industry 门类 (section of GB/T 4754), and the item's share of the
 * region's tax. What the stacked tax-structure charts draw. Pure transform.
 */
public final class TaxStructure {
    public static final String DIMENSION = "dimension";
    public static final String ITEM = "item";
    public static final String TAX_CUM = "tax_cum";
    public static final String SHARE_OF_REGION_PCT = "share_of_region_tax_pct";
    /** Breakdown by tax type. */
    public static final String BY_TYPE = "税种";
    /** Breakdown by industry section (门类). */
    public static final String BY_SECTION = "行业门类";

    private TaxStructure() {
    }

    /**
     * @param tax     current rows of {@code silver/tax} (当月 amounts)
     * @param regions the region dimension (unit → city)
     */
    public static Dataset<Row> apply(Dataset<Row> tax, Dataset<Row> regions, YearMonth end) {
        Dataset<Row> ytd = tax.where(col(PERIOD).geq(end.withMonth(1).toString()).and(col(PERIOD).leq(end.toString())))
            .join(regions.select(REGION_CODE, PARENT_CODE), REGION_CODE)
            .join(sections(tax.sparkSession()), new String[] {INDUSTRY_CODE}, "left");
        Dataset<Row> both = ytd.unionByName(ytd.withColumn(REGION_CODE, col(PARENT_CODE)));
        Dataset<Row> byType = both.groupBy(col(REGION_CODE), lit(BY_TYPE).as(DIMENSION), col(TAX_TYPE).as(ITEM))
            .agg(functions.sum(AMOUNT).as(TAX_CUM));
        Dataset<Row> bySection = both.groupBy(col(REGION_CODE), lit(BY_SECTION).as(DIMENSION),
                functions.coalesce(col("_section"), lit("其他")).as(ITEM))
            .agg(functions.sum(AMOUNT).as(TAX_CUM));
        return byType.unionByName(bySection)
            .join(regions.select(REGION_CODE, REGION_NAME, PARENT_CODE, REGION_LEVEL), REGION_CODE)
            .withColumn("_total", functions.sum(TAX_CUM).over(
                org.apache.spark.sql.expressions.Window.partitionBy(REGION_CODE, DIMENSION)))
            .withColumn(SHARE_OF_REGION_PCT, functions.when(col("_total").gt(0),
                col(TAX_CUM).multiply(100).divide(col("_total"))))
            .withColumn(PERIOD, lit(end.toString()))
            .select(PERIOD, REGION_CODE, REGION_NAME, PARENT_CODE, REGION_LEVEL, DIMENSION, ITEM, TAX_CUM,
                SHARE_OF_REGION_PCT);
    }

    /** 大类 code → the name of its 门类, from the reference classification. */
    private static Dataset<Row> sections(org.apache.spark.sql.SparkSession spark) {
        ReferenceData ref = ReferenceData.get();
        List<Row> rows = new ArrayList<>();
        ref.industries().values().stream().filter(i -> i.code().length() == 2).forEach(i -> {
            ReferenceData.Industry section = ref.industries().get(i.section());
            rows.add(RowFactory.create(i.code(), section == null ? i.section() : section.name()));
        });
        return spark.createDataFrame(rows, new StructType().add(INDUSTRY_CODE, "string").add("_section", "string"));
    }
}
