package org.countyscope.gold;

import org.apache.spark.sql.Column;
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
 * {@code gold/industry_structure}: one row per period end × region (county or city) × industry 大类 of 规上工业 —
 * enterprises reporting, 规上工业增加值, 工业总产值 and 营业收入 1—N月 (current prices, 万元), each with the number of
 * enterprises contributing and the largest single contribution (for disclosure control), the 大类's share of the
 * region's value added and the county's share of the city's 大类. The county × 大类 table is where small cells occur:
 * its export goes through the same disclosure pattern as the county comparison, to which its row totals link.
 * Pure transform.
 */
public final class IndustryStructure {
    public static final String DIVISION = "division";
    public static final String DIVISION_NAME = "division_name";
    public static final String ENTERPRISES = "enterprises";
    public static final String SHARE_OF_REGION_PCT = "share_of_region_pct";
    public static final String SHARE_OF_CITY_PCT = "share_of_city_division_pct";
    /** The value columns and the indicator each one links to in the comparison. */
    public static final List<Indicator> MEASURES = List.of(Indicators.IVA, Indicators.GROSS_OUTPUT, Indicators.REVENUE);
    private static final List<String> SOURCE = List.of(VALUE_ADDED, GROSS_OUTPUT, REVENUE);

    private IndustryStructure() {
    }

    /** Name of the 1—N月 value column of a measure, e.g. {@code iva_cum}. */
    public static String valueColumn(Indicator measure) {
        return measure.code() + CUM_SUFFIX;
    }

    /** Name of the contributor-count column of a measure. */
    public static String contributorsColumn(Indicator measure) {
        return measure.code() + "_" + CONTRIBUTORS;
    }

    /** Name of the largest-contribution column of a measure. */
    public static String largestColumn(Indicator measure) {
        return measure.code() + "_" + MAX_CONTRIBUTOR;
    }

    /**
     * @param monthly {@code silver/industrial_output_monthly} (enterprise × month, with {@code _cum} columns)
     * @param regions the region dimension (region_code, region_name, parent_code, region_level)
     * @param ends    the period ends to build
     */
    public static Dataset<Row> apply(Dataset<Row> monthly, Dataset<Row> regions, List<YearMonth> ends) {
        Object[] endCodes = ends.stream().map(YearMonth::toString).toArray();
        List<Column> aggs = new ArrayList<>();
        aggs.add(functions.countDistinct(CREDIT_CODE).as(ENTERPRISES));
        for (int i = 0; i < MEASURES.size(); i++) {
            String cum = SOURCE.get(i) + CUM_SUFFIX;
            aggs.add(functions.sum(cum).as(valueColumn(MEASURES.get(i))));
            aggs.add(functions.count(functions.when(col(cum).notEqual(0), lit(1))).as(contributorsColumn(MEASURES.get(i))));
            aggs.add(functions.max(functions.abs(col(cum))).as(largestColumn(MEASURES.get(i))));
        }
        Dataset<Row> counties = monthly.where(col(PERIOD).isin(endCodes))
            .withColumn(DIVISION, functions.substring(col(INDUSTRY_CODE), 1, 2))
            .groupBy(col(PERIOD), col(REGION_CODE), col(DIVISION))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
            .join(regions.select(REGION_CODE, PARENT_CODE), REGION_CODE);
        List<Column> up = new ArrayList<>();
        up.add(functions.sum(ENTERPRISES).as(ENTERPRISES));
        for (Indicator m : MEASURES) {
            up.add(functions.sum(valueColumn(m)).as(valueColumn(m)));
            up.add(functions.sum(contributorsColumn(m)).as(contributorsColumn(m)));
            up.add(functions.max(largestColumn(m)).as(largestColumn(m)));
        }
        Dataset<Row> cities = counties.groupBy(col(PERIOD), col(PARENT_CODE).as(REGION_CODE), col(DIVISION))
            .agg(up.get(0), up.subList(1, up.size()).toArray(Column[]::new));
        String iva = valueColumn(Indicators.IVA);
        Dataset<Row> all = counties.drop(PARENT_CODE).unionByName(cities)
            .join(regions.select(REGION_CODE, REGION_NAME, PARENT_CODE, REGION_LEVEL), REGION_CODE)
            .join(divisionNames(monthly.sparkSession()), new String[] {DIVISION}, "left");
        org.apache.spark.sql.expressions.WindowSpec region = org.apache.spark.sql.expressions.Window
            .partitionBy(PERIOD, REGION_CODE);
        Dataset<Row> cityDivision = cities.select(col(PERIOD), col(REGION_CODE).as("_city"), col(DIVISION),
            col(iva).as("_city_iva"));
        Column cityKey = functions.when(col(REGION_LEVEL).equalTo(CountyComparison.LEVEL_CITY), col(REGION_CODE))
            .otherwise(col(PARENT_CODE));
        return all.withColumn("_city", cityKey)
            .join(cityDivision, new String[] {PERIOD, "_city", DIVISION}, "left")
            .withColumn(SHARE_OF_REGION_PCT, share(col(iva), functions.sum(iva).over(region)))
            .withColumn(SHARE_OF_CITY_PCT, share(col(iva), col("_city_iva")))
            .select(col(PERIOD), col(REGION_CODE), col(REGION_NAME), col(PARENT_CODE), col(REGION_LEVEL),
                col(DIVISION), col(DIVISION_NAME), col(ENTERPRISES).cast("long").as(ENTERPRISES),
                col(valueColumn(Indicators.IVA)), col(valueColumn(Indicators.GROSS_OUTPUT)),
                col(valueColumn(Indicators.REVENUE)), col(SHARE_OF_REGION_PCT), col(SHARE_OF_CITY_PCT),
                col(contributorsColumn(Indicators.IVA)).cast("long").as(contributorsColumn(Indicators.IVA)),
                col(largestColumn(Indicators.IVA)),
                col(contributorsColumn(Indicators.GROSS_OUTPUT)).cast("long").as(contributorsColumn(Indicators.GROSS_OUTPUT)),
                col(largestColumn(Indicators.GROSS_OUTPUT)),
                col(contributorsColumn(Indicators.REVENUE)).cast("long").as(contributorsColumn(Indicators.REVENUE)),
                col(largestColumn(Indicators.REVENUE)));
    }

    /** A share in percent, empty (not Infinity) when the whole is not positive. */
    private static Column share(Column part, Column whole) {
        return functions.when(whole.gt(0), part.multiply(100).divide(whole));
    }

    private static Dataset<Row> divisionNames(org.apache.spark.sql.SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        ReferenceData.get().industries().values().stream().filter(i -> i.code().length() == 2)
            .forEach(i -> rows.add(RowFactory.create(i.code(), i.name())));
        StructType schema = new StructType().add(DIVISION, "string").add(DIVISION_NAME, "string");
        return spark.createDataFrame(rows, schema);
    }
}
