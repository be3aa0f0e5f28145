package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.countyscope.publish.Precision;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;

/**
 * {@code gold/target_progress}: every annual target against what has been achieved by a period end. One row per
 * year × unit × indicator. Level targets (万元, 个): completion = actual ÷ target × 100, 序时进度 = months elapsed ÷ 12
 * × 100 (1—2月 → 16.7), ahead = completion − 序时进度. Growth targets (%): gap = growth − target (百分点). A unit with a
 * positive target and nothing achieved is 未破零. Units are ranked within their type (县区 / 部门) per indicator.
 * Counties' actuals come from the comparison; departments' from the 招商引资 contracts they are responsible for.
 */
public final class TargetProgress {
    public static final String ACTUAL = "actual";
    public static final String COMPLETION_PCT = "completion_pct";
    public static final String TIME_ELAPSED_PCT = "time_elapsed_pct";
    public static final String AHEAD_PP = "ahead_pp";
    public static final String GAP_PP = "gap_pp";
    public static final String STATUS = "status";

    /** Target indicator (as the 目标任务 table names it) → comparison indicator, and whether it is a growth target. */
    public static final Map<String, String> LEVEL = Map.of(
        "新增规上企业数", Indicators.NEW_ENTERPRISES.code(),
        "招商引资到位资金", Indicators.FUNDS.code(),
        "省外到位资金", Indicators.FUNDS_OUTSIDE.code(),
        "一般公共预算收入", Indicators.BUDGET.code(),
        "签约项目数", Indicators.SIGNED_COUNT.code());
    public static final Map<String, String> GROWTH = Map.of(
        "规上工业增加值增速", Indicators.IVA_REAL.code(),
        "工业投资增速", Indicators.FAI_INDUSTRY.code(),
        "固定资产投资增速", Indicators.FAI.code());

    private TargetProgress() {
    }

    /**
     * @param targets    current rows of {@code silver/targets}
     * @param comparison month-cadence {@code gold/comparison} rows at {@code end}
     * @param contracts  current rows of {@code silver/attraction_contracts}
     * @param funds      current rows of {@code silver/attraction_funds}
     */
    public static Dataset<Row> apply(Dataset<Row> targets, Dataset<Row> comparison, Dataset<Row> contracts,
                                     Dataset<Row> funds, YearMonth end) {
        Dataset<Row> map = mapping(targets.sparkSession());
        Dataset<Row> yearTargets = targets.where(col(YEAR).equalTo(end.getYear())).join(map, INDICATOR);
        Dataset<Row> regionActual = comparison.select(col(REGION_CODE).as(UNIT_CODE), col(INDICATOR).as("_code"),
            col(VALUE_CUM).as("_level"), col(YOY_PCT).as("_growth"));
        Dataset<Row> deptActual = departments(contracts, funds, end);
        Dataset<Row> d = yearTargets
            .join(regionActual, new String[] {UNIT_CODE, "_code"}, "left")
            .join(deptActual, yearTargets.col(UNIT_NAME).equalTo(deptActual.col("_unit"))
                .and(yearTargets.col("_code").equalTo(deptActual.col("_dcode"))), "left")
            .withColumn(ACTUAL, when(col("_growth_target"), col("_growth"))
                .otherwise(functions.coalesce(col("_level"), col("_dept"),
                    when(col(UNIT_TYPE).equalTo("部门"), lit(0.0)))));
        double elapsed = Cadence.timeElapsedPct(end);
        Column level = functions.not(col("_growth_target"));
        d = d.withColumn(TIME_ELAPSED_PCT, when(level, lit(elapsed)))
            .withColumn(COMPLETION_PCT, when(level.and(col(TARGET).gt(0)), col(ACTUAL).divide(col(TARGET)).multiply(100)))
            .withColumn(AHEAD_PP, col(COMPLETION_PCT).minus(col(TIME_ELAPSED_PCT)))
            .withColumn(GAP_PP, when(col("_growth_target"), col(ACTUAL).minus(col(TARGET))));
        // at December the year is over: completion, not 序时进度, judged on the completion as printed
        Column yearEnd = lit(end.getMonthValue() == 12);
        Column completion = Printed.as(col(COMPLETION_PCT), Precision.PERCENT);
        d = d.withColumn(STATUS, when(level.and(col(TARGET).gt(0))
                    .and(col(ACTUAL).isNull().or(col(ACTUAL).leq(0))), lit("未破零"))
                .when(col(ACTUAL).isNull(), lit("无数据"))
                .when(yearEnd.and(completion.gt(100)), lit("超额完成年度目标"))
                .when(yearEnd.and(completion.equalTo(100)), lit("完成年度目标"))
                .when(yearEnd.and(completion.lt(100)), lit("未完成年度目标"))
                .when(col(AHEAD_PP).geq(0), lit("快于序时进度"))
                .when(col(AHEAD_PP).lt(0), lit("慢于序时进度"))
                .when(col(GAP_PP).geq(0), lit("达到目标"))
                .otherwise(lit("低于目标")));
        // completion (%) and gap (百分点) both print with one decimal: rank on the printed figure
        Column score = Printed.as(functions.coalesce(col(COMPLETION_PCT), col(GAP_PP)), Precision.PERCENT);
        d = d.withColumn(RANK, Printed.rank(score, lit(true), col(UNIT_TYPE), col(INDICATOR)));
        return d.select(lit(end.toString()).as(PERIOD), col(YEAR), col(UNIT_TYPE), col(UNIT_CODE), col(UNIT_NAME),
            col(INDICATOR), col(UNIT), col(TARGET), col(ACTUAL), col(COMPLETION_PCT), col(TIME_ELAPSED_PCT),
            col(AHEAD_PP), col(GAP_PP), col(STATUS), col(RANK).cast("int").as(RANK));
    }

    /** Departments' actuals: funds and contracts of the 招商引资 projects each is responsible for, 1—N月. */
    private static Dataset<Row> departments(Dataset<Row> contracts, Dataset<Row> funds, YearMonth end) {
        String from = end.withMonth(1).toString();
        Dataset<Row> f = funds.where(col(PERIOD).geq(from).and(col(PERIOD).leq(end.toString())))
            .join(contracts.select(CONTRACT_CODE, RESPONSIBLE_UNIT, SOURCE), CONTRACT_CODE);
        Dataset<Row> fundsBy = f.groupBy(RESPONSIBLE_UNIT).agg(
            functions.sum(FUNDS_IN_PLACE).as(Indicators.FUNDS.code()),
            functions.sum(when(col(SOURCE).equalTo("省外"), col(FUNDS_IN_PLACE)).otherwise(0.0))
                .as(Indicators.FUNDS_OUTSIDE.code()));
        Dataset<Row> signedBy = contracts
            .where(functions.date_format(col(SIGN_DATE), "yyyy-MM").between(from, end.toString()))
            .groupBy(RESPONSIBLE_UNIT).agg(functions.count(lit(1)).cast("double").as(Indicators.SIGNED_COUNT.code()));
        Dataset<Row> wide = fundsBy.join(signedBy, new String[] {RESPONSIBLE_UNIT}, "full");
        Dataset<Row> out = null;
        for (String code : List.of(Indicators.FUNDS.code(), Indicators.FUNDS_OUTSIDE.code(),
            Indicators.SIGNED_COUNT.code())) {
            Dataset<Row> part = wide.select(col(RESPONSIBLE_UNIT).as("_unit"), lit(code).as("_dcode"),
                functions.coalesce(col(code), lit(0.0)).as("_dept"));
            out = out == null ? part : out.unionByName(part);
        }
        return out;
    }

    private static Dataset<Row> mapping(org.apache.spark.sql.SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        LEVEL.forEach((k, v) -> rows.add(RowFactory.create(k, v, false)));
        GROWTH.forEach((k, v) -> rows.add(RowFactory.create(k, v, true)));
        return spark.createDataFrame(rows, new StructType().add(INDICATOR, "string").add("_code", "string")
            .add("_growth_target", "boolean"));
    }
}
