package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.countyscope.dataset.Datasets;
import org.countyscope.reference.ReferenceData;

import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;

/**
 * 规上工业增加值 at comparable prices on the same enterprise set (同口径), month for month (like-for-like). Each
 * enterprise's single-period value added is deflated by its industry's PPI (上年同月 = 100; averaged over the months the
 * period covers, so 1—2月 uses January's and February's) and cumulated within the year. Its base is last year's value
 * added at current prices of exactly the same months:
 * <ul>
 *   <li>last year's 1—N月 ({@code lyCum}) is the report's own 上年同期 column where the file has it; else the
 *   enterprise's own report of last year for 1—N月; else zero for a plant the register lists as 新建投产 in this year;
 *   else unknown;</li>
 *   <li>the base of a single period (the months since the enterprise's previous report of the year) is lyCum of this
 *   report minus lyCum of that previous report, so a last-year first report of 1—7月 is a base for 1—7月 only and
 *   never for July alone.</li>
 * </ul>
 * An enterprise counts in a period's cumulative (or single) comparison only when that base is known; an enterprise
 * that left the register is in no period after its last report. Growth = Σ deflated ÷ Σ base − 1.
 *
 * <p>Deflators: a month without its 大类's index takes the file's 门类 index, else 全部工业品, else the mean of the
 * month's 大类 indices, else 100; every figure resting on such a month counts in {@code deflator_fallback}, and
 * {@link #fallbacks} lists the 大类 and months. Rows of a 缺报 estimate ({@link MissingReports#complete}) carry
 * {@code estimated = 1}; the figures resting on one count them in {@code estimated}.
 *
 * <p>Output: {@code gold/indicator_values} rows of indicator {@code iva_real} (value = deflated, base = last year).
 */
public final class ComparableGrowth {
    /** What stood in for a missing 大类 index. */
    public static final String SECTION = "门类";
    public static final String MONTH_MEAN = "当月各大类平均";
    public static final String NOMINAL = "无（按现价）";
    /** Columns of {@link #fallbacks}. */
    public static final String FALLBACK = "fallback";
    public static final String FALLBACK_INDEX = "fallback_index";
    public static final String REPORTS = "reports";

    private ComparableGrowth() {
    }

    /** Without a register: no 新建投产 zero bases. */
    public static Dataset<Row> apply(Dataset<Row> monthly, Dataset<Row> ppi) {
        return apply(monthly, ppi, null);
    }

    /**
     * @param monthly  {@code silver/industrial_output_monthly} current rows, or those completed by
     *                 {@link MissingReports#complete}
     * @param ppi      {@code silver/ppi} current rows (period, industry_code 大类/门类/全部工业品, ppi_index)
     * @param register {@code silver/enterprise_register} current rows, or null
     */
    public static Dataset<Row> apply(Dataset<Row> monthly, Dataset<Row> ppi, Dataset<Row> register) {
        List<String> have = Arrays.asList(monthly.columns());
        Column prevCum = have.contains(VALUE_ADDED + PREV_SUFFIX) ? col(VALUE_ADDED + PREV_SUFFIX) : lit(null).cast("double");
        Column estimated = have.contains(ESTIMATED) ? col(ESTIMATED) : lit(0);
        Dataset<Row> reports = monthly
            .select(col(CREDIT_CODE), col(REGION_CODE), col(INDUSTRY_CODE), col(PERIOD), col(MONTHS_COVERED),
                col(VALUE_ADDED), col(VALUE_ADDED + CUM_SUFFIX), prevCum.cast("double").as("_prev"),
                estimated.cast("int").as("_est"))
            .withColumn("_ind2", functions.substring(col(INDUSTRY_CODE), 1, 2))
            .withColumn("_y", functions.substring(col(PERIOD), 1, 4).cast("int"))
            .withColumn("_m", functions.substring(col(PERIOD), 6, 2).cast("int"))
            .repartition(col(CREDIT_CODE));
        Dataset<Row> deflators = deflatorMonths(reports.select(col("_ind2"), col(PERIOD), col(MONTHS_COVERED)).distinct(), ppi)
            .groupBy(col("_ind2").as("_d_ind2"), col(PERIOD).as("_d_period"), col(MONTHS_COVERED).as("_d_covered"))
            .agg(functions.avg("_idx").as("_deflator"), functions.max(col(FALLBACK).isNotNull().cast("int")).as("_fb"));
        WindowSpec year = Window.partitionBy(col(CREDIT_CODE), col("_y")).orderBy(PERIOD);
        WindowSpec toDate = year.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> deflated = reports.join(functions.broadcast(deflators), col("_ind2").eqNullSafe(col("_d_ind2"))
                .and(col(PERIOD).equalTo(col("_d_period"))).and(col(MONTHS_COVERED).equalTo(col("_d_covered"))))
            .withColumn("_real", col(VALUE_ADDED).divide(col("_deflator").divide(100.0)))
            .withColumn("_real_cum", functions.sum("_real").over(toDate))
            .withColumn("_fb_cum", functions.max("_fb").over(toDate));
        // the enterprise's own report of last year for the same 1—N月
        Dataset<Row> lastYear = reports.select(col(CREDIT_CODE).as("_lc"), col("_y").plus(1).as("_ly"), col("_m").as("_lm"),
            col(VALUE_ADDED + CUM_SUFFIX).as("_own_ly"));
        Dataset<Row> d = deflated.join(lastYear, col(CREDIT_CODE).equalTo(col("_lc")).and(col("_y").equalTo(col("_ly")))
            .and(col("_m").equalTo(col("_lm"))), "left");
        Column zeroBase = lit(false);
        if (register != null && Arrays.asList(register.columns()).contains(ENTRY_REASON)) {
            Dataset<Row> newPlants = register.where(col(STATUS).equalTo("新增").and(col(ENTRY_REASON).equalTo("新建投产")))
                .select(col(CREDIT_CODE).as("_nc"), col(YEAR).cast("int").as("_ny")).distinct();
            d = d.join(newPlants, col(CREDIT_CODE).equalTo(col("_nc")).and(col("_y").equalTo(col("_ny"))), "left");
            zeroBase = col("_nc").isNotNull();
        }
        // a year is compared only when the 一套表 data hold the year before it: in the data's first year the
        // figures would rest on a handful of entrants (new plants' zero bases) and say nothing of the county
        Dataset<Row> comparedYears = reports.select(col("_y").plus(1).as("_cy")).distinct();
        d = d.join(functions.broadcast(comparedYears), col("_y").equalTo(col("_cy")), "left");
        d = d.withColumn("_ly_cum", when(col("_cy").isNotNull(),
                functions.coalesce(col("_prev"), col("_own_ly"), when(zeroBase, lit(0.0)))))
            .withColumn("_first", functions.lag(col(PERIOD), 1).over(year).isNull())
            .withColumn("_ly_before", functions.lag(col("_ly_cum"), 1).over(year))
            .withColumn("_est_before", functions.coalesce(functions.lag(col("_est"), 1).over(year), lit(0)))
            .withColumn("_base", when(col("_first"), col("_ly_cum")).otherwise(col("_ly_cum").minus(col("_ly_before"))))
            .withColumn("_in_cum", col("_ly_cum").isNotNull())
            .withColumn("_in_month", col("_base").isNotNull())
            // a single period after an estimate starts from the estimate; a cumulative estimate is one itself
            .withColumn("_rests", col("_est").equalTo(1).or(col("_est_before").equalTo(1)));
        Column inAny = col("_in_cum").or(col("_in_month"));
        return d.groupBy(REGION_CODE, PERIOD).agg(
                functions.sum(when(col("_in_month"), col("_real"))).as(VALUE_MONTH),
                functions.sum(when(col("_in_cum"), col("_real_cum"))).as(VALUE_CUM),
                functions.count(when(col("_in_cum"), lit(1))).as(CONTRIBUTORS),
                functions.max(when(col("_in_cum"), functions.abs(col("_real_cum")))).as(MAX_CONTRIBUTOR),
                functions.sum(when(col("_in_month"), col("_base"))).as(BASE_MONTH),
                functions.sum(when(col("_in_cum"), col("_ly_cum"))).as(BASE_CUM),
                functions.count(when(inAny.and(col("_rests")), lit(1))).as(ESTIMATED),
                functions.count(when(inAny.and(col("_fb_cum").equalTo(1)), lit(1))).as(DEFLATOR_FALLBACK))
            .where(col(VALUE_CUM).isNotNull().or(col(VALUE_MONTH).isNotNull()))
            .select(col(REGION_CODE), lit(Indicators.IVA_REAL.code()).as(INDICATOR), col(PERIOD), col(VALUE_MONTH),
                col(VALUE_CUM), col(CONTRIBUTORS), col(MAX_CONTRIBUTOR), col(BASE_MONTH), col(BASE_CUM), col(ESTIMATED),
                col(DEFLATOR_FALLBACK));
    }

    /**
     * The 大类 × month deflations that used something other than their own index: one row per 大类 × month (key
     * industry_code, period), with what stood in ({@code fallback}: 门类 B/C/D, 全部工业品, 当月各大类平均 or
     * 无（按现价）), the index used and the number of enterprise reports deflated with it. For the quality report.
     */
    public static Dataset<Row> fallbacks(Dataset<Row> monthly, Dataset<Row> ppi) {
        Dataset<Row> periods = monthly.select(functions.substring(col(INDUSTRY_CODE), 1, 2).as("_ind2"), col(PERIOD),
            col(MONTHS_COVERED));
        Dataset<Row> months = deflatorMonths(periods.distinct(), ppi).where(col(FALLBACK).isNotNull());
        Dataset<Row> counts = periods.groupBy("_ind2", PERIOD, MONTHS_COVERED).agg(functions.count(lit(1)).as("_n"));
        return months.join(counts, org.countyscope.io.SparkSeqs.of(List.of("_ind2", PERIOD, MONTHS_COVERED)))
            .groupBy(col("_ind2").as(INDUSTRY_CODE), col("_pm").as(PERIOD), col(FALLBACK))
            .agg(functions.first("_idx").as(FALLBACK_INDEX), functions.sum("_n").as(REPORTS))
            .select(INDUSTRY_CODE, PERIOD, FALLBACK, FALLBACK_INDEX, REPORTS);
    }

    /**
     * Each (大类, period, months covered) exploded to the months it covers ({@code _pm}), with the index used
     * ({@code _idx}) and, where the 大类's own index is missing, what stood in ({@code fallback}).
     */
    static Dataset<Row> deflatorMonths(Dataset<Row> periods, Dataset<Row> ppi) {
        Column periodDate = functions.to_date(functions.concat(col(PERIOD), lit("-01")));
        Dataset<Row> covered = periods
            .withColumn("_mm", functions.explode(functions.sequence(
                functions.add_months(periodDate, functions.negate(col(MONTHS_COVERED)).plus(1)), periodDate,
                functions.expr("interval 1 month"))))
            .withColumn("_pm", functions.date_format(col("_mm"), "yyyy-MM"))
            .join(functions.broadcast(sections(ppi.sparkSession())), col("_ind2").equalTo(col("_s_ind2")), "left");
        Column isDivision = col(INDUSTRY_CODE).rlike("^\\d{2}$");
        Dataset<Row> own = ppi.where(isDivision).select(col(PERIOD).as("_pm"), col(INDUSTRY_CODE).as("_ind2"),
            col(PPI_INDEX).as("_own"));
        Dataset<Row> section = ppi.where(col(INDUSTRY_CODE).isin("B", "C", "D")).select(col(PERIOD).as("_pm"),
            col(INDUSTRY_CODE).as("_section"), col(PPI_INDEX).as("_sec"));
        Dataset<Row> all = ppi.where(col(INDUSTRY_CODE).equalTo(Datasets.PPI_ALL_INDUSTRY))
            .select(col(PERIOD).as("_pm"), col(PPI_INDEX).as("_all"));
        Dataset<Row> mean = ppi.where(isDivision).groupBy(col(PERIOD).as("_pm")).agg(functions.avg(PPI_INDEX).as("_mean"));
        return covered.join(own, new String[] {"_pm", "_ind2"}, "left")
            .join(section, new String[] {"_pm", "_section"}, "left")
            .join(all, new String[] {"_pm"}, "left")
            .join(mean, new String[] {"_pm"}, "left")
            .withColumn("_idx", functions.coalesce(col("_own"), col("_sec"), col("_all"), col("_mean"), lit(100.0)))
            .withColumn(FALLBACK, when(col("_own").isNotNull(), lit(null).cast("string"))
                .when(col("_sec").isNotNull(), functions.concat(lit(SECTION), col("_section")))
                .when(col("_all").isNotNull(), lit(Datasets.PPI_ALL_INDUSTRY))
                .when(col("_mean").isNotNull(), lit(MONTH_MEAN))
                .otherwise(lit(NOMINAL)));
    }

    /** 大类 → 门类 of the industrial divisions (GB/T 4754-2017). */
    private static Dataset<Row> sections(org.apache.spark.sql.SparkSession spark) {
        List<Row> rows = ReferenceData.get().industries().values().stream()
            .filter(i -> i.level() == 2 && i.isIndustrial())
            .map(i -> RowFactory.create(i.code(), i.section())).toList();
        return spark.createDataFrame(rows, new StructType().add("_s_ind2", "string").add("_section", "string"));
    }
}
