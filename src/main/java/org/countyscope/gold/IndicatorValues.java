package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.countyscope.reference.ReferenceData;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;

/**
 * Silver to {@code gold/indicator_values}: one row per region × indicator × month, with the month's own value
 * ({@code value_month}; for 一套表 the 1—2月 value stands at February), the 1—N月 cumulative ({@code value_cum}), and
 * for enterprise data the number of contributing enterprises and the largest one's value (for disclosure control).
 * Regions here are the source's own units (counties, and 市本级 for budget data); totals come later. Only the
 * comparable-price value added ({@link ComparableGrowth}) fills {@code base_month}/{@code base_cum}: the same
 * enterprises' values a year earlier. Pure transforms.
 */
public final class IndicatorValues {
    /** The budget data's 市本级 row uses the city's code; in gold it gets a code of its own. */
    public static final String CITY_OWN_SUFFIX = "_SBJ";
    /** Projects below this planned total (万元) are outside 固定资产投资 statistics. */
    public static final double FAI_THRESHOLD = 500.0;

    private IndicatorValues() {
    }

    /** 规上工业: value added, output, revenue, profit, enterprise count; from {@code silver/industrial_output_monthly}. */
    public static Dataset<Row> industrialOutput(Dataset<Row> monthly) {
        String[] columns = {VALUE_ADDED, GROSS_OUTPUT, REVENUE, PROFIT};
        Indicator[] indicators = {Indicators.IVA, Indicators.GROSS_OUTPUT, Indicators.REVENUE, Indicators.PROFIT};
        // one pass over the enterprise-months for every indicator; a row is one enterprise's report of a period
        // (the table's key), so counting rows counts enterprises
        List<Column> aggs = new ArrayList<>();
        // 缺报 estimates (MissingReports#complete): a cumulative rests on its own row, a single period also on the row
        // before it
        if (java.util.Arrays.asList(monthly.columns()).contains(ESTIMATED)) {
            WindowSpec year = Window.partitionBy(col(CREDIT_CODE), functions.substring(col(PERIOD), 1, 4)).orderBy(PERIOD);
            monthly = monthly.withColumn("_rests", col(ESTIMATED).equalTo(1)
                .or(functions.coalesce(functions.lag(col(ESTIMATED), 1).over(year), lit(0)).equalTo(1)));
            aggs.add(functions.count(when(col("_rests"), lit(1))).as("_est"));
        }
        for (String c : columns) {
            aggs.add(functions.sum(c).as(c + "_m"));
            aggs.add(functions.sum(c + CUM_SUFFIX).as(c + "_c"));
            aggs.add(functions.count(functions.when(col(c + CUM_SUFFIX).notEqual(0), lit(1))).as(c + "_n"));
            aggs.add(functions.max(functions.abs(col(c + CUM_SUFFIX))).as(c + "_x"));
        }
        Dataset<Row> sums = monthly.groupBy(REGION_CODE, PERIOD)
            .agg(functions.count(col(CREDIT_CODE)).as("_enterprises"), aggs.toArray(Column[]::new));
        List<Dataset<Row>> parts = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            String c = columns[i];
            parts.add(shape(sums.select(col(REGION_CODE), col(PERIOD), col(c + "_m").as(VALUE_MONTH),
                col(c + "_c").as(VALUE_CUM), col(c + "_n").as(CONTRIBUTORS), col(c + "_x").as(MAX_CONTRIBUTOR),
                estimatedOf(sums).as(ESTIMATED)), indicators[i]));
        }
        Dataset<Row> count = sums.select(col(REGION_CODE), col(PERIOD),
                col("_enterprises").cast("double").as(VALUE_CUM), estimatedOf(sums).as(ESTIMATED))
            .withColumn(VALUE_MONTH, col(VALUE_CUM))
            .withColumn(CONTRIBUTORS, col(VALUE_CUM).cast("long"))
            .withColumn(MAX_CONTRIBUTOR, lit(null).cast("double"));
        parts.add(shape(count, Indicators.ENTERPRISES));
        return union(parts);
    }

    /** 新增规上企业数 from the register: entries counted in their month, cumulated within the year. */
    public static Dataset<Row> newEnterprises(Dataset<Row> register, YearMonth horizon) {
        Dataset<Row> d = register.where(col(STATUS).equalTo("新增").and(col(CHANGE_PERIOD).isNotNull()))
            .groupBy(col(REGION_CODE), col(CHANGE_PERIOD).as(PERIOD))
            .agg(functions.count(lit(1)).cast("double").as(VALUE_MONTH))
            .withColumn(CONTRIBUTORS, lit(null).cast("long"))
            .withColumn(MAX_CONTRIBUTOR, lit(null).cast("double"));
        return shape(cumulate(d, horizon), Indicators.NEW_ENTERPRISES);
    }

    /** 全口径 tax: total, industrial (大类 of 门类 B, C, D), and each tax type; 当月 values cumulated. */
    public static Dataset<Row> tax(Dataset<Row> tax, YearMonth horizon) {
        Object[] industrial = ReferenceData.get().industryCodes(2, true).toArray();
        List<Dataset<Row>> parts = new ArrayList<>();
        parts.add(shape(cumulate(flow(tax, AMOUNT), horizon), Indicators.TAX_TOTAL));
        parts.add(shape(cumulate(flow(tax.where(col(INDUSTRY_CODE).isin(industrial)), AMOUNT), horizon), Indicators.TAX_INDUSTRY));
        Dataset<Row> byType = tax.groupBy(REGION_CODE, PERIOD, TAX_TYPE).agg(functions.sum(AMOUNT).as(VALUE_MONTH))
            .withColumn(CONTRIBUTORS, lit(null).cast("long"))
            .withColumn(MAX_CONTRIBUTOR, lit(null).cast("double"));
        parts.add(cumulate(byType, horizon, TAX_TYPE)
            .withColumn(INDICATOR, functions.concat(lit("tax."), col(TAX_TYPE)))
            .withColumn(BASE_MONTH, lit(null).cast("double")).withColumn(BASE_CUM, lit(null).cast("double"))
            .select(REGION_CODE, INDICATOR, PERIOD, VALUE_MONTH, VALUE_CUM, CONTRIBUTORS, MAX_CONTRIBUTOR, BASE_MONTH,
                BASE_CUM));
        return union(parts);
    }

    /** 一般公共预算收入 and its tax / non-tax parts from {@code silver/budget_revenue_monthly}; 市本级 recoded. */
    public static Dataset<Row> budget(Dataset<Row> monthly) {
        List<String> cols = List.of(TOTAL_REVENUE, TAX_REVENUE, NON_TAX_REVENUE);
        Column region = when(col(REGION_CODE).endsWith("00"), functions.concat(col(REGION_CODE), lit(CITY_OWN_SUFFIX)))
            .otherwise(col(REGION_CODE));
        Dataset<Row> d = monthly.withColumn(REGION_CODE, region)
            .withColumn(TOTAL_REVENUE, functions.coalesce(col(TOTAL_REVENUE), col(TAX_REVENUE).plus(col(NON_TAX_REVENUE))))
            .withColumn(TOTAL_REVENUE + CUM_SUFFIX, functions.coalesce(col(TOTAL_REVENUE + CUM_SUFFIX),
                col(TAX_REVENUE + CUM_SUFFIX).plus(col(NON_TAX_REVENUE + CUM_SUFFIX))));
        List<Dataset<Row>> parts = new ArrayList<>();
        Indicator[] inds = {Indicators.BUDGET, Indicators.BUDGET_TAX, Indicators.BUDGET_NON_TAX};
        for (int i = 0; i < 3; i++) {
            String c = cols.get(i);
            parts.add(shape(d.select(col(REGION_CODE), col(PERIOD), col(c).as(VALUE_MONTH), col(c + CUM_SUFFIX).as(VALUE_CUM),
                lit(null).cast("long").as(CONTRIBUTORS), lit(null).cast("double").as(MAX_CONTRIBUTOR)), inds[i]));
        }
        return union(parts);
    }

    /**
     * 固定资产投资 (projects ≥ 500万元) and 工业投资 from {@code silver/projects_monthly}. A project's 本年完成投资 stays in
     * the year's total after it stops reporting (a finished project's investment does not vanish in December): each
     * report holds until the project's next report of the year, or to December (the horizon in its last year).
     */
    public static Dataset<Row> investment(Dataset<Row> monthly, YearMonth horizon) {
        Column month = functions.substring(col(PERIOD), 6, 2).cast("int");
        Column year = functions.substring(col(PERIOD), 1, 4).cast("int");
        Column next = functions.lead(month, 1).over(Window.partitionBy(col(PROJECT_CODE), year).orderBy(PERIOD));
        Column lastMonth = when(year.equalTo(horizon.getYear()), lit(horizon.getMonthValue())).otherwise(lit(12));
        Dataset<Row> held = monthly.where(col(PLANNED_TOTAL).geq(FAI_THRESHOLD))
            .withColumn("_m0", month)
            .withColumn("_y", year)
            .withColumn("_upto", functions.coalesce(next.minus(1), functions.greatest(month, lastMonth)))
            .withColumn("_m", functions.explode(functions.sequence(col("_m0"), col("_upto"))))
            .withColumn(PERIOD, functions.format_string("%04d-%02d", col("_y"), col("_m")))
            .withColumn(COMPLETED_YTD, when(col("_m").equalTo(col("_m0")), col(COMPLETED_YTD)).otherwise(lit(0.0)));
        return union(List.of(
            shape(entitySumsOf(held, COMPLETED_YTD), Indicators.FAI),
            shape(entitySumsOf(held.where(col(PROJECT_TYPE).equalTo("工业")), COMPLETED_YTD), Indicators.FAI_INDUSTRY)));
    }

    private static Dataset<Row> entitySumsOf(Dataset<Row> monthly, String column) {
        return monthly.groupBy(REGION_CODE, PERIOD).agg(
            functions.sum(column).as(VALUE_MONTH),
            functions.sum(column + CUM_SUFFIX).as(VALUE_CUM),
            functions.count(functions.when(col(column + CUM_SUFFIX).notEqual(0), lit(1))).as(CONTRIBUTORS),
            functions.max(functions.abs(col(column + CUM_SUFFIX))).as(MAX_CONTRIBUTOR));
    }

    /** 招商引资: signed amount and count by signing month; 到位资金 and 省外到位资金 by month. */
    public static Dataset<Row> attraction(Dataset<Row> contracts, Dataset<Row> funds, YearMonth horizon) {
        Dataset<Row> signed = contracts.withColumn(PERIOD, functions.date_format(col(SIGN_DATE), "yyyy-MM"));
        Dataset<Row> amount = signed.groupBy(REGION_CODE, PERIOD).agg(functions.sum(SIGNED_AMOUNT).as(VALUE_MONTH),
            functions.count(lit(1)).as(CONTRIBUTORS), functions.max(SIGNED_AMOUNT).as(MAX_CONTRIBUTOR));
        Dataset<Row> count = signed.groupBy(REGION_CODE, PERIOD).agg(functions.count(lit(1)).cast("double").as(VALUE_MONTH),
            lit(null).cast("long").as(CONTRIBUTORS), lit(null).cast("double").as(MAX_CONTRIBUTOR));
        Dataset<Row> withSource = funds.join(contracts.select(CONTRACT_CODE, REGION_CODE, SOURCE), CONTRACT_CODE);
        return union(List.of(
            shape(cumulate(amount, horizon), Indicators.SIGNED),
            shape(cumulate(count, horizon), Indicators.SIGNED_COUNT),
            shape(cumulate(flow(withSource, FUNDS_IN_PLACE), horizon), Indicators.FUNDS),
            shape(cumulate(flow(withSource.where(col(SOURCE).equalTo("省外")), FUNDS_IN_PLACE), horizon), Indicators.FUNDS_OUTSIDE)));
    }

    /** Monthly sums of a 当月 column by region, with the count and largest of its parts. */
    private static Dataset<Row> flow(Dataset<Row> rows, String column) {
        return rows.groupBy(REGION_CODE, PERIOD).agg(functions.sum(column).as(VALUE_MONTH),
            lit(null).cast("long").as(CONTRIBUTORS), lit(null).cast("double").as(MAX_CONTRIBUTOR));
    }

    /**
     * 1—N月 cumulative of monthly values within each calendar year. Months without any event (no contract signed, no
     * tax of a kind) still carry the year's cumulative, so the values are first laid on a full grid of months.
     */
    private static Dataset<Row> cumulate(Dataset<Row> monthly, YearMonth horizon, String... keys) {
        List<String> unit = new ArrayList<>(List.of(REGION_CODE));
        unit.addAll(List.of(keys));
        Column first = functions.to_date(functions.concat(functions.substring(functions.min(PERIOD), 1, 4), lit("-01-01")));
        // the grid runs to the horizon: a month without events after the last event still has its cumulative
        Column last = functions.to_date(functions.concat(functions.greatest(functions.max(PERIOD), lit(horizon.toString())),
            lit("-01")));
        Dataset<Row> months = monthly.agg(first.as("_lo"), last.as("_hi"))
            .select(functions.explode(functions.sequence(col("_lo"), col("_hi"), functions.expr("interval 1 month")))
                .as("_m"))
            .select(functions.date_format(col("_m"), "yyyy-MM").as(PERIOD));
        List<String> joinKey = new ArrayList<>(unit);
        joinKey.add(PERIOD);
        Dataset<Row> grid = monthly.select(unit.stream().map(functions::col).toArray(Column[]::new)).distinct()
            .crossJoin(months)
            .join(monthly, org.countyscope.io.SparkSeqs.of(joinKey), "left")
            .withColumn(VALUE_MONTH, functions.coalesce(col(VALUE_MONTH), lit(0.0)));
        List<Column> part = new ArrayList<>();
        unit.forEach(u -> part.add(col(u)));
        part.add(functions.substring(col(PERIOD), 1, 4));
        WindowSpec w = Window.partitionBy(part.toArray(Column[]::new)).orderBy(PERIOD)
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        return grid.withColumn(VALUE_CUM, functions.sum(VALUE_MONTH).over(w));
    }

    /** No indicator values, in the table's shape: a warehouse that holds only yearbook tables. */
    public static Dataset<Row> empty(org.apache.spark.sql.SparkSession spark) {
        org.apache.spark.sql.types.StructType input = new org.apache.spark.sql.types.StructType()
            .add(REGION_CODE, "string").add(PERIOD, "string").add(VALUE_MONTH, "double").add(VALUE_CUM, "double")
            .add(CONTRIBUTORS, "long").add(MAX_CONTRIBUTOR, "double").add(ESTIMATED, "long");
        return shape(spark.createDataFrame(List.<Row>of(), input), Indicators.BUDGET);
    }

    /** Enterprises resting on a 缺报 estimate, where the input was completed; else null. */
    private static Column estimatedOf(Dataset<Row> sums) {
        return java.util.Arrays.asList(sums.columns()).contains("_est") ? col("_est") : lit(null).cast("long");
    }

    private static Dataset<Row> shape(Dataset<Row> d, Indicator ind) {
        List<Column> out = new ArrayList<>(List.of(col(REGION_CODE), lit(ind.code()).as(INDICATOR), col(PERIOD),
            col(VALUE_MONTH).cast("double").as(VALUE_MONTH), col(VALUE_CUM).cast("double").as(VALUE_CUM),
            col(CONTRIBUTORS).cast("long").as(CONTRIBUTORS), col(MAX_CONTRIBUTOR).cast("double").as(MAX_CONTRIBUTOR),
            lit(null).cast("double").as(BASE_MONTH), lit(null).cast("double").as(BASE_CUM)));
        if (java.util.Arrays.asList(d.columns()).contains(ESTIMATED)) {
            out.add(col(ESTIMATED).cast("long").as(ESTIMATED));
        }
        return d.select(out.toArray(Column[]::new));
    }

    /** Unions parts by name; a flag column only some parts have ({@code estimated}) is null in the others. */
    private static Dataset<Row> union(List<Dataset<Row>> parts) {
        Dataset<Row> out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            out = out.unionByName(parts.get(i), true);
        }
        return out;
    }

}
