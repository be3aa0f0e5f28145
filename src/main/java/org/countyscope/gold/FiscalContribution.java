package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.countyscope.reference.ReferenceData;

import java.time.YearMonth;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;

/**
 * {@code gold/fiscal_contribution}: how much industry gives to tax and to 一般公共预算收入, per county and for the
 * city, 1—N月 to a period end. One row per period × region: industrial tax / total tax (%), industrial local-level tax
 * / 一般公共预算收入 (%) — for a city both over the same units, those with tax data (the counties; 市本级 too only when the
 * tax data have it), said in words in {@code coverage} — tax intensity (元 of industrial tax per 百元 of 规上工业增加值), and the concentration of the tax
 * base by tax type and by industry (HHI on shares 0–1, the largest item and its share) — a county with one dominant
 * source is what the speeches call 税收收入结构单一. Pure transform.
 */
public final class FiscalContribution {
    public static final String TAX_TOTAL_CUM = "tax_total_cum";
    public static final String TAX_INDUSTRY_CUM = "tax_industry_cum";
    public static final String INDUSTRY_LOCAL_TAX_CUM = "industry_local_tax_cum";
    public static final String BUDGET_CUM = "budget_revenue_cum";
    public static final String IVA_CUM = "iva_cum";
    public static final String INDUSTRY_SHARE_OF_TAX_PCT = "industry_share_of_tax_pct";
    public static final String INDUSTRY_SHARE_OF_BUDGET_PCT = "industry_local_share_of_budget_pct";
    public static final String TAX_INTENSITY = "tax_per_100_yuan_va";
    public static final String HHI_TYPE = "hhi_tax_type";
    public static final String TOP_TYPE = "top_tax_type";
    public static final String TOP_TYPE_SHARE = "top_tax_type_share_pct";
    public static final String HHI_INDUSTRY = "hhi_industry";
    public static final String TOP_INDUSTRY = "top_industry";
    public static final String TOP_INDUSTRY_SHARE = "top_industry_share_pct";
    /** Which units the ratios cover: a county itself, or the units a city's tax and budget are both summed over. */
    public static final String COVERAGE = "coverage";
    static final String OWN_COVERAGE = "本级";

    /** Local-level share of collected tax by type (*convention*, DOMAIN.md); other types stay wholly local. */
    public static final Map<String, Double> DEFAULT_LOCAL_SHARE = Map.of("增值税", 0.5, "企业所得税", 0.4, "个人所得税", 0.4);

    private FiscalContribution() {
    }

    /**
     * @param tax        current rows of {@code silver/tax}
     * @param values     {@code gold/indicator_values} (budget and value added by unit)
     * @param regions    the region dimension (unit → city)
     * @param localShare local-level share of each tax type (others 1.0), a documented convention
     */
    public static Dataset<Row> apply(Dataset<Row> tax, Dataset<Row> values, Dataset<Row> regions, YearMonth end,
                                     Map<String, Double> localShare) {
        String from = end.withMonth(1).toString();
        Object[] industrial = ReferenceData.get().industryCodes(2, true).toArray();
        Column share = lit(1.0);
        for (Map.Entry<String, Double> e : localShare.entrySet()) {
            share = when(col(TAX_TYPE).equalTo(e.getKey()), lit(e.getValue())).otherwise(share);
        }
        // tax reported under a city's code is 市本级's, as in the budget
        Column unit = when(col(REGION_CODE).endsWith("00"),
            functions.concat(col(REGION_CODE), lit(IndicatorValues.CITY_OWN_SUFFIX))).otherwise(col(REGION_CODE));
        Dataset<Row> ytd = tax.where(col(PERIOD).geq(from).and(col(PERIOD).leq(end.toString())))
            .withColumn(REGION_CODE, unit)
            .join(regions.select(REGION_CODE, PARENT_CODE), REGION_CODE)
            .withColumn("_industrial", col(INDUSTRY_CODE).isin(industrial))
            .withColumn("_local", col(AMOUNT).multiply(share));
        // every county also counts towards its city: one copy of the rows per level
        Dataset<Row> both = ytd.unionByName(ytd.withColumn(REGION_CODE, col(PARENT_CODE)));
        Dataset<Row> sums = both.groupBy(REGION_CODE).agg(
            functions.sum(AMOUNT).as(TAX_TOTAL_CUM),
            functions.sum(when(col("_industrial"), col(AMOUNT)).otherwise(0.0)).as(TAX_INDUSTRY_CUM),
            functions.sum(when(col("_industrial"), col("_local")).otherwise(0.0)).as(INDUSTRY_LOCAL_TAX_CUM));
        Dataset<Row> byType = concentration(both, TAX_TYPE, HHI_TYPE, TOP_TYPE, TOP_TYPE_SHARE);
        Dataset<Row> byIndustry = concentration(both, INDUSTRY_CODE, HHI_INDUSTRY, TOP_INDUSTRY, TOP_INDUSTRY_SHARE);

        Dataset<Row> atEnd = values.where(col(PERIOD).equalTo(end.toString()))
            .join(regions.select(REGION_CODE, PARENT_CODE), REGION_CODE);
        // the city's budget and value added over the same units as its tax: the units with tax data this year (the
        // counties; 市本级 only when the tax data have 市本级 rows), never a budget that includes units the tax omits
        Dataset<Row> taxed = ytd.select(REGION_CODE).distinct();
        Dataset<Row> atEndBoth = atEnd.unionByName(atEnd.join(taxed, REGION_CODE)
            .withColumn(REGION_CODE, col(PARENT_CODE)));
        Dataset<Row> other = atEndBoth.groupBy(REGION_CODE).agg(
            functions.sum(when(col(INDICATOR).equalTo(Indicators.BUDGET.code()), col(VALUE_CUM))).as(BUDGET_CUM),
            functions.sum(when(col(INDICATOR).equalTo(Indicators.IVA.code()), col(VALUE_CUM))).as(IVA_CUM));
        Dataset<Row> coverage = coverage(ytd, regions);

        return regions.select(REGION_CODE, REGION_NAME, PARENT_CODE, REGION_LEVEL)
            .join(sums, new String[] {REGION_CODE}, "left")
            .join(other, new String[] {REGION_CODE}, "left")
            .join(byType, new String[] {REGION_CODE}, "left")
            .join(byIndustry, new String[] {REGION_CODE}, "left")
            .join(coverage, new String[] {REGION_CODE}, "left")
            .where(col(TAX_TOTAL_CUM).isNotNull().or(col(BUDGET_CUM).isNotNull()))
            .withColumn(PERIOD, lit(end.toString()))
            .withColumn(INDUSTRY_SHARE_OF_TAX_PCT, ratioPct(col(TAX_INDUSTRY_CUM), col(TAX_TOTAL_CUM)))
            .withColumn(INDUSTRY_SHARE_OF_BUDGET_PCT, ratioPct(col(INDUSTRY_LOCAL_TAX_CUM), col(BUDGET_CUM)))
            .withColumn(TAX_INTENSITY, ratioPct(col(TAX_INDUSTRY_CUM), col(IVA_CUM)))
            .withColumn(COVERAGE, when(col(TAX_TOTAL_CUM).isNotNull(), functions.coalesce(col(COVERAGE),
                lit(OWN_COVERAGE))))
            .select(PERIOD, REGION_CODE, REGION_NAME, PARENT_CODE, REGION_LEVEL, COVERAGE, TAX_TOTAL_CUM,
                TAX_INDUSTRY_CUM, INDUSTRY_LOCAL_TAX_CUM, BUDGET_CUM, IVA_CUM, INDUSTRY_SHARE_OF_TAX_PCT, INDUSTRY_SHARE_OF_BUDGET_PCT,
                TAX_INTENSITY, HHI_TYPE, TOP_TYPE, TOP_TYPE_SHARE, HHI_INDUSTRY, TOP_INDUSTRY, TOP_INDUSTRY_SHARE);
    }

    /**
     * The units a city's ratios cover, in words: "7个县（市、区）合计，不含市本级" or "…和市本级合计" — the units with tax
     * data in the period, the same above and below the line.
     */
    private static Dataset<Row> coverage(Dataset<Row> ytd, Dataset<Row> regions) {
        Column own = col(REGION_LEVEL).equalTo(CountyComparison.LEVEL_CITY_OWN);
        Dataset<Row> units = ytd.select(REGION_CODE).distinct()
            .join(regions.select(REGION_CODE, PARENT_CODE, REGION_LEVEL), REGION_CODE);
        return units.groupBy(col(PARENT_CODE).as(REGION_CODE)).agg(
                functions.sum(when(own, lit(0L)).otherwise(lit(1L))).as("_n"),
                functions.max(when(own, lit(1)).otherwise(lit(0))).as("_own"))
            .select(col(REGION_CODE), functions.concat(col("_n").cast("string"), lit("个县（市、区）"),
                when(col("_own").equalTo(1), lit("和市本级合计")).otherwise(lit("合计，不含市本级"))).as(COVERAGE));
    }

    /** HHI (Σ share², shares 0–1) of one breakdown, with its largest item and that item's share in %. */
    private static Dataset<Row> concentration(Dataset<Row> rows, String by, String hhi, String top, String topShare) {
        Dataset<Row> items = rows.groupBy(REGION_CODE, by).agg(functions.sum(AMOUNT).as("_v"));
        Dataset<Row> withShare = items.withColumn("_total", functions.sum("_v").over(Window.partitionBy(REGION_CODE)))
            .withColumn("_s", when(col("_total").gt(0), col("_v").divide(col("_total"))))
            .withColumn("_r", functions.row_number().over(Window.partitionBy(REGION_CODE)
                .orderBy(col("_v").desc(), col(by))));
        return withShare.groupBy(REGION_CODE).agg(
            functions.sum(col("_s").multiply(col("_s"))).as(hhi),
            functions.max(when(col("_r").equalTo(1), col(by))).as(top),
            functions.max(when(col("_r").equalTo(1), col("_s").multiply(100))).as(topShare));
    }

    private static Column ratioPct(Column a, Column b) {
        return when(b.isNotNull().and(b.notEqual(0)).and(a.isNotNull()), a.divide(b).multiply(100));
    }
}
