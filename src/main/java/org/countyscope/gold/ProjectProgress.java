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
 * {@code gold/project_progress}: project rates per county and city for a year up to a period end. One row per period ×
 * region; a city counts its counties' projects.
 * <ul>
 * <li>开复工率 = projects started (new ones begun this year, continuing ones with investment this year) ÷ projects
 * planned to start or resume; 建成率 = completed ÷ planned to complete by the period end (each project's latest report
 * at or before it).</li>
 * <li>达产达效率 = industrial projects that reached design capacity ÷ industrial projects due to reach it (应达产): completed
 * (实际竣工日期) and past their 计划达产日期 by the period end, on this year's report, leaving out those that reached capacity
 * before the year began (last year's successes). Reached = 实际达产日期 by the period end (the 是否达产达效 flag where the
 * date is empty). Without 计划达产日期 nothing is due and the rate is empty.</li>
 * <li>投资强度 = planned investment ÷ land (万元/亩) of industrial projects.</li>
 * <li>亩均税收, 亩均产值 = tax and output of the industrial land users over the 12 months ending at the period end (the
 * calendar year at December) ÷ their land (万元/亩). Land users: industrial projects with land that report at the period
 * end and were already in production (投产) twelve months before it, so the 12 months are all producing months.</li>
 * </ul>
 */
public final class ProjectProgress {
    public static final String PLANNED_START_N = "planned_to_start";
    public static final String STARTED_N = "started";
    public static final String START_RATE = "start_rate_pct";
    public static final String PLANNED_COMPLETE_N = "planned_to_complete";
    public static final String COMPLETED_N = "completed";
    public static final String COMPLETION_RATE = "completion_rate_pct";
    public static final String CAPACITY_DUE_N = "due_capacity_n";
    public static final String CAPACITY_N = "reached_capacity_n";
    public static final String CAPACITY_RATE = "capacity_rate_pct";
    public static final String INTENSITY = "investment_per_mu";
    public static final String LAND_USERS_N = "land_users";
    public static final String LAND_USERS_MU = "land_users_mu";
    public static final String TAX_12M = "land_users_tax_12m";
    public static final String OUTPUT_12M = "land_users_output_12m";
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
            .where(col("_r").equalTo(1));
        // 开复工率, 建成率 and 投资强度 leave out projects completed in earlier years (unless producing)
        Column rated = col(COMPLETION_DATE).isNull().or(col(COMPLETION_DATE).geq(yearStart))
            .or(col(STATUS).equalTo("投产"));
        Column reportedThisYear = functions.substring(col(PERIOD), 1, 4).equalTo(Integer.toString(end.getYear()));
        Column continuing = col(START_DATE).lt(yearStart).and(col(COMPLETION_DATE).isNull().or(col(COMPLETION_DATE)
            .geq(yearStart)));
        Column plannedStart = col(PLANNED_START).between(yearStart, endDate).or(continuing);
        Column started = col(START_DATE).between(yearStart, endDate)
            .or(continuing.and(reportedThisYear).and(col(COMPLETED_YTD).gt(0)));
        Column plannedComplete = col(PLANNED_COMPLETION).between(yearStart, endDate);
        Column completed = col(COMPLETION_DATE).isNotNull().and(col(COMPLETION_DATE).leq(endDate));
        Column industrial = col(PROJECT_TYPE).equalTo("工业");
        Column industrialLand = industrial.and(col(LAND_AREA_MU).gt(0));
        // 应达产: completed industrial projects past their planned capacity date, not already at capacity last year
        Column reachedBeforeYear = col(CAPACITY_DATE).isNotNull().and(col(CAPACITY_DATE).lt(yearStart));
        Column due = industrial.and(completed).and(reportedThisYear).and(col(PLANNED_CAPACITY).leq(endDate))
            .and(functions.not(reachedBeforeYear));
        Column reached = functions.coalesce(col(CAPACITY_DATE).leq(endDate),
            col(CAPACITY_DATE).isNull().and(functions.coalesce(col(REACHED_CAPACITY), lit(false))));
        Dataset<Row> d = latest.join(regions.select(REGION_CODE, PARENT_CODE), REGION_CODE);
        Dataset<Row> both = d.unionByName(d.withColumn(REGION_CODE, col(PARENT_CODE)));
        Dataset<Row> agg = both.groupBy(REGION_CODE).agg(
            count(rated.and(plannedStart)).as(PLANNED_START_N),
            count(rated.and(plannedStart).and(started)).as(STARTED_N),
            count(rated.and(plannedComplete)).as(PLANNED_COMPLETE_N),
            count(rated.and(plannedComplete).and(completed)).as(COMPLETED_N),
            count(due).as(CAPACITY_DUE_N),
            count(due.and(reached)).as(CAPACITY_N),
            functions.sum(when(rated.and(industrialLand), col(PLANNED_TOTAL))).as("_inv"),
            functions.sum(when(rated.and(industrialLand), col(LAND_AREA_MU))).as("_land"));
        Dataset<Row> perMu = landUsers(projects, regions, end);
        return regions.select(REGION_CODE, REGION_NAME, PARENT_CODE, REGION_LEVEL).join(agg, REGION_CODE)
            .join(perMu, new String[] {REGION_CODE}, "left")
            .withColumn(PERIOD, lit(end.toString()))
            .withColumn(START_RATE, pct(col(STARTED_N), col(PLANNED_START_N)))
            .withColumn(COMPLETION_RATE, pct(col(COMPLETED_N), col(PLANNED_COMPLETE_N)))
            .withColumn(CAPACITY_RATE, pct(col(CAPACITY_N), col(CAPACITY_DUE_N)))
            .withColumn(INTENSITY, ratio(col("_inv"), col("_land")))
            .withColumn(LAND_USERS_N, functions.coalesce(col(LAND_USERS_N), lit(0L)))
            .withColumn(TAX_PER_MU, ratio(col(TAX_12M), col(LAND_USERS_MU)))
            .withColumn(OUTPUT_PER_MU, ratio(col(OUTPUT_12M), col(LAND_USERS_MU)))
            .select(col(PERIOD), col(REGION_CODE), col(REGION_NAME), col(PARENT_CODE), col(REGION_LEVEL),
                col(PLANNED_START_N), col(STARTED_N), col(START_RATE), col(PLANNED_COMPLETE_N), col(COMPLETED_N),
                col(COMPLETION_RATE), col(CAPACITY_DUE_N), col(CAPACITY_N), col(CAPACITY_RATE), col(INTENSITY),
                col(LAND_USERS_N), col(LAND_USERS_MU), col(TAX_12M), col(OUTPUT_12M), col(TAX_PER_MU),
                col(OUTPUT_PER_MU));
    }

    /**
     * The industrial land users' tax and output over the 12 months ending at {@code end}, by county and city: from the
     * cumulative 本年 figures, this year's to date plus last year's December less last year's same month.
     */
    static Dataset<Row> landUsers(Dataset<Row> projects, Dataset<Row> regions, YearMonth end) {
        YearMonth yearAgo = end.minusYears(1);
        YearMonth lastDecember = YearMonth.of(end.getYear() - 1, 12);
        Column tax = functions.coalesce(col(TAX_YTD), lit(0.0));
        Column output = functions.coalesce(col(OUTPUT_YTD), lit(0.0));
        Dataset<Row> now = projects.where(col(PERIOD).equalTo(end.toString())
                .and(col(PROJECT_TYPE).equalTo("工业")).and(col(LAND_AREA_MU).gt(0)))
            .select(col(PROJECT_CODE), col(REGION_CODE), col(LAND_AREA_MU), tax.as("_t0"), output.as("_o0"));
        Dataset<Row> before = projects.where(col(PERIOD).equalTo(yearAgo.toString()).and(col(STATUS).equalTo("投产")))
            .select(col(PROJECT_CODE), tax.as("_t12"), output.as("_o12"));
        Dataset<Row> december = projects.where(col(PERIOD).equalTo(lastDecember.toString()))
            .select(col(PROJECT_CODE), tax.as("_td"), output.as("_od"));
        Dataset<Row> users = now.join(before, PROJECT_CODE).join(december, PROJECT_CODE)
            .withColumn("_tax", col("_t0").plus(col("_td")).minus(col("_t12")))
            .withColumn("_out", col("_o0").plus(col("_od")).minus(col("_o12")))
            .join(regions.select(REGION_CODE, PARENT_CODE), REGION_CODE);
        return users.unionByName(users.withColumn(REGION_CODE, col(PARENT_CODE))).groupBy(REGION_CODE).agg(
            functions.count(lit(1)).as(LAND_USERS_N),
            functions.sum(LAND_AREA_MU).as(LAND_USERS_MU),
            functions.sum("_tax").as(TAX_12M),
            functions.sum("_out").as(OUTPUT_12M));
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
