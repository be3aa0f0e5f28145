package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

import java.time.YearMonth;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;

/**
 * {@code gold/project_progress}: project rates per county and city for a year up to a period end, from each project's
 * latest report at or before it. One row per period × region. 开复工率 = projects started (new ones begun this year,
 * continuing ones with investment this year) ÷ projects planned to start or resume; 建成率 = completed ÷ planned to
 * complete by the period end; 达产达效率 = reached design capacity ÷ completed; 投资强度 = planned investment ÷ land
 * (万元/亩) of industrial projects; 亩均税收 and 亩均产值 of projects in production (万元/亩, this year).
 */
public final class ProjectProgress {
    public static final String PLANNED_START_N = "planned_to_start";
    public static final String STARTED_N = "started";
    public static final String START_RATE = "start_rate_pct";
    public static final String PLANNED_COMPLETE_N = "planned_to_complete";
    public static final String COMPLETED_N = "completed";
    public static final String COMPLETION_RATE = "completion_rate_pct";
    public static final String CAPACITY_N = "reached_capacity_n";
    public static final String CAPACITY_RATE = "capacity_rate_pct";
    public static final String INTENSITY = "investment_per_mu";
    public static final String TAX_PER_MU = "tax_per_mu";
    public static final String OUTPUT_PER_MU = "output_per_mu";

    private ProjectProgress() {
    }

    /** @param projects current rows of {@code silver/projects} (cumulative 本年 figures per report) */
    public static Dataset<Row> apply(Dataset<Row> projects, Dataset<Row> regions, YearMonth end) {
        Column yearStart = functions.to_date(lit(end.withMonth(1) + "-01"));
        Column endDate = functions.last_day(functions.to_date(lit(end + "-01")));
        Dataset<Row> latest = projects.where(col(PERIOD).leq(end.toString()))
            .withColumn("_r", functions.row_number().over(Window.partitionBy(PROJECT_CODE).orderBy(col(PERIOD).desc())))
            .where(col("_r").equalTo(1))
            .where(col(COMPLETION_DATE).isNull().or(col(COMPLETION_DATE).geq(yearStart))
                .or(col(STATUS).equalTo("投产")));
        Column reportedThisYear = functions.substring(col(PERIOD), 1, 4).equalTo(Integer.toString(end.getYear()));
        Column continuing = col(START_DATE).lt(yearStart).and(col(COMPLETION_DATE).isNull().or(col(COMPLETION_DATE)
            .geq(yearStart)));
        Column plannedStart = col(PLANNED_START).between(yearStart, endDate).or(continuing);
        Column started = col(START_DATE).between(yearStart, endDate)
            .or(continuing.and(reportedThisYear).and(col(COMPLETED_YTD).gt(0)));
        Column plannedComplete = col(PLANNED_COMPLETION).between(yearStart, endDate);
        Column completed = col(COMPLETION_DATE).isNotNull().and(col(COMPLETION_DATE).leq(endDate));
        Column producing = col(STATUS).equalTo("投产").and(reportedThisYear);
        Column industrialLand = col(PROJECT_TYPE).equalTo("工业").and(col(LAND_AREA_MU).gt(0));
        Dataset<Row> d = latest.join(regions.select(REGION_CODE, PARENT_CODE), REGION_CODE);
        Dataset<Row> both = d.unionByName(d.withColumn(REGION_CODE, col(PARENT_CODE)));
        Dataset<Row> agg = both.groupBy(REGION_CODE).agg(
            count(plannedStart).as(PLANNED_START_N),
            count(plannedStart.and(started)).as(STARTED_N),
            count(plannedComplete).as(PLANNED_COMPLETE_N),
            count(plannedComplete.and(completed)).as(COMPLETED_N),
            count(completed).as("_completed_all"),
            count(completed.and(col(REACHED_CAPACITY))).as(CAPACITY_N),
            functions.sum(when(industrialLand, col(PLANNED_TOTAL))).as("_inv"),
            functions.sum(when(industrialLand, col(LAND_AREA_MU))).as("_land"),
            functions.sum(when(producing.and(col(LAND_AREA_MU).gt(0)), col(TAX_YTD))).as("_tax"),
            functions.sum(when(producing.and(col(LAND_AREA_MU).gt(0)), col(OUTPUT_YTD))).as("_out"),
            functions.sum(when(producing.and(col(LAND_AREA_MU).gt(0)), col(LAND_AREA_MU))).as("_pland"));
        return regions.select(REGION_CODE, REGION_NAME, PARENT_CODE, REGION_LEVEL).join(agg, REGION_CODE)
            .withColumn(PERIOD, lit(end.toString()))
            .withColumn(START_RATE, pct(col(STARTED_N), col(PLANNED_START_N)))
            .withColumn(COMPLETION_RATE, pct(col(COMPLETED_N), col(PLANNED_COMPLETE_N)))
            .withColumn(CAPACITY_RATE, pct(col(CAPACITY_N), col("_completed_all")))
            .withColumn(INTENSITY, ratio(col("_inv"), col("_land")))
            .withColumn(TAX_PER_MU, ratio(col("_tax"), col("_pland")))
            .withColumn(OUTPUT_PER_MU, ratio(col("_out"), col("_pland")))
            .select(col(PERIOD), col(REGION_CODE), col(REGION_NAME), col(PARENT_CODE), col(REGION_LEVEL),
                col(PLANNED_START_N), col(STARTED_N), col(START_RATE), col(PLANNED_COMPLETE_N), col(COMPLETED_N),
                col(COMPLETION_RATE), col("_completed_all").as("completed_total"), col(CAPACITY_N), col(CAPACITY_RATE),
                col(INTENSITY), col(TAX_PER_MU), col(OUTPUT_PER_MU));
    }

    private static Column count(Column condition) {
        return functions.sum(when(condition, lit(1L)).otherwise(lit(0L)));
    }

    private static Column pct(Column a, Column b) {
        return when(b.gt(0), a.divide(b).multiply(100));
    }

    private static Column ratio(Column a, Column b) {
        return when(b.gt(0), a.divide(b));
    }
}
