package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import java.time.YearMonth;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;

/**
 * {@code gold/comparison}: one row per cadence × period × region × indicator — the county's (and city's) value for
 * the period and 1—N月, its share of the city, rank among the counties, YoY growth, growth against the city, 贡献率,
 * 拉动, 两年平均 growth and per-capita value, each as defined in the bureau's rules, with a {@code note} saying why a
 * figure is empty (a zero or negative base, no data a year earlier). Ranks compare figures as printed (growth of the
 * comparable-price series with one decimal, amounts in 万元 with two, counts whole): equal printed figures share a 位次. The city total is the sum of its counties and, where the
 * source has one (budget), of 市本级, which is shown as its own row and not ranked. Pure transform.
 */
public final class CountyComparison {
    public static final String LEVEL_COUNTY = "county";
    public static final String LEVEL_CITY = REGION_LEVEL_CITY;
    public static final String LEVEL_CITY_OWN = "city_own";
    /** Indicators ranked by growth rather than by size. */
    static final List<String> RANKED_BY_GROWTH = List.of(Indicators.IVA_REAL.code());

    private CountyComparison() {
    }

    /**
     * @param values  {@code gold/indicator_values} rows of the source units (counties, 市本级)
     * @param regions region_code, region_name, parent_code, region_level, population for every unit and city
     * @param end     last month of the period compared
     */
    public static Dataset<Row> apply(Dataset<Row> values, Dataset<Row> regions, YearMonth end, Cadence cadence) {
        for (String flag : List.of(ESTIMATED, DEFLATOR_FALLBACK)) {
            if (!java.util.Arrays.asList(values.columns()).contains(flag)) {
                values = values.withColumn(flag, lit(null).cast("long"));
            }
        }
        Dataset<Row> withParent = values.join(regions.select(REGION_CODE, PARENT_CODE), REGION_CODE);
        Dataset<Row> cities = withParent.groupBy(col(PARENT_CODE).as(REGION_CODE), col(INDICATOR), col(PERIOD))
            .agg(functions.sum(VALUE_MONTH).as(VALUE_MONTH), functions.sum(VALUE_CUM).as(VALUE_CUM),
                functions.sum(CONTRIBUTORS).as(CONTRIBUTORS), functions.max(MAX_CONTRIBUTOR).as(MAX_CONTRIBUTOR),
                functions.sum(BASE_MONTH).as(BASE_MONTH), functions.sum(BASE_CUM).as(BASE_CUM),
                functions.sum(ESTIMATED).as(ESTIMATED), functions.sum(DEFLATOR_FALLBACK).as(DEFLATOR_FALLBACK));
        Dataset<Row> all = values.unionByName(cities);

        Dataset<Row> cur = at(all, end, cadence, "");
        Dataset<Row> prev = at(all, end.minusYears(1), cadence, "_p");
        Dataset<Row> prev2 = at(all, end.minusYears(2), cadence, "_p2");
        String[] key = {REGION_CODE, INDICATOR};
        Dataset<Row> d = cur.join(prev, key, "left").join(prev2, key, "left")
            .join(regions, new String[] {REGION_CODE}, "left");

        Column real = col(INDICATOR).isin(RANKED_BY_GROWTH.toArray());
        // for the comparable-price series the base is the same enterprises a year earlier, not last year's total
        d = d.withColumn("_base_cum", when(real, col("bc")).otherwise(col("c_p")))
            .withColumn("_base_per", when(real, col("bp")).otherwise(col("p_p")))
            .withColumn(YOY_PCT, growth(col("c"), col("_base_cum")))
            .withColumn(YOY_PERIOD_PCT, growth(col("p"), col("_base_per")))
            .withColumn(TWO_YEAR_AVG_PCT, when(real, twoYearChained(col("c"), col("bc"), col("c_p"), col("bc_p")))
                .otherwise(twoYear(col("c"), col("c_p2"))));

        Dataset<Row> parent = d.select(col(REGION_CODE).as("_pc"), col(INDICATOR).as("_pi"), col("c").as("_p_c"),
            col("_base_cum").as("_p_base"), col(YOY_PCT).as("_p_yoy"));
        d = d.join(parent, col(PARENT_CODE).equalTo(col("_pc")).and(col(INDICATOR).equalTo(col("_pi"))), "left")
            .drop("_pc", "_pi");
        Column delta = col("c").minus(col("_base_cum"));
        Column parentDelta = col("_p_c").minus(col("_p_base"));
        d = d.withColumn(PARENT_TOTAL, col("_p_c"))
            .withColumn(SHARE_PCT, when(col("_p_c").notEqual(0), col("c").divide(col("_p_c")).multiply(100)))
            .withColumn(VS_PARENT_PP, col(YOY_PCT).minus(col("_p_yoy")))
            .withColumn(CONTRIBUTION_PCT, when(parentDelta.notEqual(0).and(col("_base_cum").isNotNull()),
                delta.divide(parentDelta).multiply(100)))
            .withColumn(PULL_PP, when(col("_p_base").gt(0).and(col("_base_cum").isNotNull()),
                delta.divide(col("_p_base")).multiply(100)))
            .withColumn(PER_CAPITA, when(col("_unit").equalTo("万元").and(col("population").gt(0)),
                col("c").multiply(10000).divide(col("population"))));
        // ranked on the figure as printed: growth with one decimal, 万元 with two, counts whole (ties 1, 2, 2, 4)
        d = d.withColumn("_rank_by", Printed.byUnit(when(real, col(YOY_PCT)).otherwise(col("c")),
            when(real, lit("%")).otherwise(col("_unit"))));
        d = d.withColumn(RANK, Printed.rank(col("_rank_by"), col(REGION_LEVEL).equalTo(LEVEL_COUNTY), col(PARENT_CODE),
            col(INDICATOR)));
        // figures resting on 缺报 estimates or a stand-in deflator, this year or in the base a year earlier
        d = d.withColumn(ESTIMATED, functions.coalesce(col("e"), lit(0L)).plus(functions.coalesce(col("e_p"), lit(0L))))
            .withColumn(DEFLATOR_FALLBACK, functions.coalesce(col("f"), lit(0L))
                .plus(functions.coalesce(col("f_p"), lit(0L))));
        d = d.withColumn(NOTE, functions.concat_ws("；",
            when(col("_base_cum").isNull(), lit("无上年同期数据，不计算增速")),
            when(col("_base_cum").isNotNull().and(col("_base_cum").leq(0)), lit("上年同期为零或负数，增速无意义")),
            when(col(YOY_PCT).isNotNull().and(col(TWO_YEAR_AVG_PCT).isNull()), lit("无前年同期数据，不计算两年平均增速")),
            when(col(ESTIMATED).gt(0), lit("含缺报企业估算数")),
            when(col(DEFLATOR_FALLBACK).gt(0), lit("部分行业缺少大类出厂价格指数，以门类或全部工业品等指数代替"))));
        return d.select(lit(cadence.code()).as(CADENCE), lit(end.toString()).as(PERIOD), col(REGION_CODE),
            col(REGION_NAME), col(PARENT_CODE), col(REGION_LEVEL), col(INDICATOR), col("_name").as(INDICATOR_NAME),
            col("_unit").as(UNIT), col("p").as(VALUE_PERIOD), col("c").as(VALUE_CUM), col(PARENT_TOTAL), col(SHARE_PCT),
            col(RANK).cast("int").as(RANK), col(YOY_PCT), col(YOY_PERIOD_PCT), col(VS_PARENT_PP), col(CONTRIBUTION_PCT),
            col(PULL_PP), col(TWO_YEAR_AVG_PCT), col(PER_CAPITA), col(CONTRIBUTORS), col(MAX_CONTRIBUTOR),
            when(col(NOTE).equalTo(""), lit(null)).otherwise(col(NOTE)).as(NOTE), col(ESTIMATED), col(DEFLATOR_FALLBACK));
    }

    /** Values at one period end: cumulative (c), the cadence's own period (p), same-set bases (bc, bp). */
    private static Dataset<Row> at(Dataset<Row> all, YearMonth end, Cadence cadence, String suffix) {
        Object[] months = cadence.months(end).stream().map(YearMonth::toString).toArray();
        Column isEnd = col(PERIOD).equalTo(end.toString());
        Column stock = col(INDICATOR).isin(stockCodes());
        Dataset<Row> d = all.where(col(PERIOD).isin(months))
            .groupBy(REGION_CODE, INDICATOR)
            .agg(functions.max(when(isEnd, col(VALUE_CUM))).as("c" + suffix),
                functions.sum(when(stock, when(isEnd, col(VALUE_CUM))).otherwise(col(VALUE_MONTH))).as("p" + suffix),
                functions.max(when(isEnd, col(BASE_CUM))).as("bc" + suffix),
                functions.sum(col(BASE_MONTH)).as("bp" + suffix),
                functions.max(when(isEnd, col(CONTRIBUTORS))).as(CONTRIBUTORS + suffix),
                functions.max(when(isEnd, col(MAX_CONTRIBUTOR))).as(MAX_CONTRIBUTOR + suffix),
                functions.sum(col(ESTIMATED)).as("e" + suffix),
                functions.sum(col(DEFLATOR_FALLBACK)).as("f" + suffix));
        if (suffix.isEmpty()) {
            Dataset<Row> names = catalogue(all.sparkSession());
            d = d.join(names, INDICATOR).where(col("c").isNotNull());
        } else {
            d = d.drop(CONTRIBUTORS + suffix, MAX_CONTRIBUTOR + suffix);
        }
        return d;
    }

    private static Object[] stockCodes() {
        return Indicators.all().stream().filter(Indicator::stock).map(Indicator::code).toArray();
    }

    private static Dataset<Row> catalogue(org.apache.spark.sql.SparkSession spark) {
        List<Row> rows = Indicators.all().stream()
            .map(i -> org.apache.spark.sql.RowFactory.create(i.code(), i.name(), i.unit())).toList();
        return spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
            .add(INDICATOR, "string").add("_name", "string").add("_unit", "string"));
    }

    /** (x / base − 1) × 100, only where the base is positive. */
    static Column growth(Column x, Column base) {
        return when(base.gt(0).and(x.isNotNull()), x.divide(base).minus(1).multiply(100));
    }

    /** (√(x_t / x_{t−24}) − 1) × 100. */
    static Column twoYear(Column x, Column base2) {
        return when(base2.gt(0).and(x.isNotNull()).and(x.geq(0)),
            functions.sqrt(x.divide(base2)).minus(1).multiply(100));
    }

    /** Two-year average of a same-set growth: √((1 + g_t)(1 + g_{t−12})) − 1, from each year's own base. */
    static Column twoYearChained(Column x, Column base, Column xPrev, Column basePrev) {
        return when(base.gt(0).and(basePrev.gt(0)).and(x.isNotNull()).and(xPrev.isNotNull()),
            functions.sqrt(x.divide(base).multiply(xPrev.divide(basePrev))).minus(1).multiply(100));
    }
}
