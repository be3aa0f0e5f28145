package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.countyscope.dataset.Datasets;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;

/**
 * 缺报: an enterprise of the year's 规上 register without a 一套表 report for a month it should have reported. Its
 * year-to-date must not fall out of the county total, so the missing 1—N月 is estimated:
 * <ul>
 *   <li>{@link #BY_MONTHS_REPORTED}: with an earlier report of the same year, cum(1—M) = cum(1—m) × M / m, where m is
 *   the last month reported (the year's average month carried on);</li>
 *   <li>{@link #BY_LAST_YEAR}: with no report yet this year, last year's own 1—M report (zero growth);</li>
 *   <li>{@link #NONE}: neither: the month is listed for review but nothing is added.</li>
 * </ul>
 * An enterprise owes reports for months max(2, entry month) to December (to its exit month for 退库), up to the last
 * month of the 一套表 data; 1—2月 is one report, at February.
 *
 * <p>{@code gold/missing_reports}: one row per enterprise × missing month (key credit_code, period), with the estimated
 * cumulatives ({@code *_cum}, null when {@link #NONE}), the last month it did report, and the method. Pure transforms.
 */
public final class MissingReports {
    /** The gold table the data review reads. */
    public static final String TABLE = "missing_reports";
    public static final String LAST_REPORTED = "last_reported_period";
    public static final String METHOD = "method";
    public static final String BY_MONTHS_REPORTED = "按本年已报月份月均推算";
    public static final String BY_LAST_YEAR = "按上年同期数推算";
    public static final String NONE = "无可推算数据";
    private static final List<String> MONEY = List.of(GROSS_OUTPUT, VALUE_ADDED, REVENUE, PROFIT);

    private MissingReports() {
    }

    /**
     * @param monthly  {@code silver/industrial_output_monthly} current rows
     * @param register {@code silver/enterprise_register} current rows
     * @param horizon  the last month compared; months after the data's last report are never missing
     */
    public static Dataset<Row> list(Dataset<Row> monthly, Dataset<Row> register, YearMonth horizon) {
        Dataset<Row> reports = monthly.select(col(CREDIT_CODE), yearOf(col(PERIOD)).as("_y"), monthOf(col(PERIOD)).as("_m"),
            col(VALUE_ADDED + CUM_SUFFIX), col(GROSS_OUTPUT + CUM_SUFFIX), col(REVENUE + CUM_SUFFIX),
            col(PROFIT + CUM_SUFFIX));
        Row last = monthly.agg(functions.max(PERIOD)).head();
        if (last.isNullAt(0)) {
            return emptyList(monthly);
        }
        YearMonth dataEnd = YearMonth.parse(last.getString(0));
        YearMonth end = dataEnd.isBefore(horizon) ? dataEnd : horizon;
        Dataset<Row> years = reports.select(col("_y")).distinct();
        Column entry = monthOf(col(CHANGE_PERIOD));
        Column first = when(col(STATUS).equalTo("新增"), functions.greatest(entry, lit(2))).otherwise(lit(2));
        Column lastOwed = functions.least(when(col(STATUS).equalTo("退库"), entry).otherwise(lit(12)),
            when(col(YEAR).equalTo(end.getYear()), lit(end.getMonthValue())).otherwise(lit(12)));
        Dataset<Row> owed = register.where(col(YEAR).leq(end.getYear()))
            .join(years, col(YEAR).equalTo(col("_y")))
            .withColumn("_first", first).withColumn("_last", lastOwed)
            .where(col("_first").leq(col("_last")))
            .select(col(CREDIT_CODE), col(ENTERPRISE_NAME), col(REGION_CODE), col(INDUSTRY_CODE), col("_y"),
                functions.explode(functions.sequence(col("_first"), col("_last"))).as("_m"));
        Dataset<Row> missing = owed.join(reports.select(CREDIT_CODE, "_y", "_m"),
            seq(CREDIT_CODE, "_y", "_m"), "left_anti");
        // the last report of the same year before the missing month
        Dataset<Row> earlier = reports.select(col(CREDIT_CODE).as("_c"), col("_y").as("_ey"), col("_m").as("_lm"),
            col(VALUE_ADDED + CUM_SUFFIX).as("_va"), col(GROSS_OUTPUT + CUM_SUFFIX).as("_go"),
            col(REVENUE + CUM_SUFFIX).as("_rv"), col(PROFIT + CUM_SUFFIX).as("_pf"));
        WindowSpec latest = Window.partitionBy(col(CREDIT_CODE), col("_y"), col("_m")).orderBy(col("_lm").desc());
        Dataset<Row> withLast = missing.join(earlier, col(CREDIT_CODE).equalTo(col("_c")).and(col("_y").equalTo(col("_ey")))
                .and(col("_lm").lt(col("_m"))), "left")
            .withColumn("_rn", functions.row_number().over(latest))
            .where(col("_rn").equalTo(1))
            .drop("_c", "_ey", "_rn");
        Dataset<Row> lastYear = reports.select(col(CREDIT_CODE).as("_c"), col("_y").plus(1).as("_ly"), col("_m").as("_lym"),
            col(VALUE_ADDED + CUM_SUFFIX).as("_lva"), col(GROSS_OUTPUT + CUM_SUFFIX).as("_lgo"),
            col(REVENUE + CUM_SUFFIX).as("_lrv"), col(PROFIT + CUM_SUFFIX).as("_lpf"));
        Dataset<Row> both = withLast.join(lastYear, col(CREDIT_CODE).equalTo(col("_c")).and(col("_y").equalTo(col("_ly")))
            .and(col("_m").equalTo(col("_lym"))), "left");
        Column scale = col("_m").cast("double").divide(col("_lm"));
        Column hasEarlier = col("_lm").isNotNull();
        Column hasLastYear = col("_lva").isNotNull();
        String[] mine = {"_go", "_va", "_rv", "_pf"};
        String[] theirs = {"_lgo", "_lva", "_lrv", "_lpf"};
        Dataset<Row> out = both.withColumn(METHOD, when(hasEarlier, lit(BY_MONTHS_REPORTED))
            .when(hasLastYear, lit(BY_LAST_YEAR)).otherwise(lit(NONE)));
        for (int i = 0; i < MONEY.size(); i++) {
            out = out.withColumn(MONEY.get(i) + CUM_SUFFIX, when(hasEarlier, functions.round(col(mine[i]).multiply(scale), 2))
                .when(hasLastYear, col(theirs[i])));
        }
        return out.select(col(CREDIT_CODE), col(ENTERPRISE_NAME), col(REGION_CODE), col(INDUSTRY_CODE),
            col("_y").as(YEAR), functions.format_string("%04d-%02d", col("_y"), col("_m")).as(PERIOD),
            when(hasEarlier, functions.format_string("%04d-%02d", col("_y"), col("_lm"))).as(LAST_REPORTED),
            col(METHOD), col(VALUE_ADDED + CUM_SUFFIX), col(GROSS_OUTPUT + CUM_SUFFIX), col(REVENUE + CUM_SUFFIX),
            col(PROFIT + CUM_SUFFIX));
    }

    /**
     * The monthly rows with an estimated row for every missing month that has an estimate ({@link #list}), flagged
     * {@code estimated = 1}, and the single periods recomputed over the completed sequence (a report after a gap
     * counts from the estimate). The estimated row's 上年同期, where the enterprise's last report has them, are scaled
     * like its own figures; its 从业人员 is the last report's.
     */
    public static Dataset<Row> complete(Dataset<Row> monthly, Dataset<Row> missing) {
        Dataset<Row> own = monthly.withColumn(ESTIMATED, lit(0));
        List<String> columns = Arrays.asList(monthly.columns());
        // the last real report before each estimate gives the text columns, headcount and 上年同期
        Dataset<Row> est = missing.where(col(METHOD).notEqual(NONE))
            .select(col(CREDIT_CODE).as("_c"), col(PERIOD).as("_p"), col(LAST_REPORTED).as("_lp"),
                col(ENTERPRISE_NAME).as("_n"), col(REGION_CODE).as("_r"), col(INDUSTRY_CODE).as("_i"),
                col(VALUE_ADDED + CUM_SUFFIX).as("_e" + VALUE_ADDED), col(GROSS_OUTPUT + CUM_SUFFIX).as("_e" + GROSS_OUTPUT),
                col(REVENUE + CUM_SUFFIX).as("_e" + REVENUE), col(PROFIT + CUM_SUFFIX).as("_e" + PROFIT));
        Dataset<Row> joined = est.join(monthly, col("_c").equalTo(col(CREDIT_CODE)).and(col("_lp").equalTo(col(PERIOD))),
            "left");
        Column scale = monthOf(col("_p")).cast("double").divide(monthOf(col("_lp")));
        List<Column> select = new ArrayList<>();
        for (StructField f : monthly.schema().fields()) {
            String n = f.name();
            Column c;
            if (n.equals(PERIOD)) {
                c = col("_p");
            } else if (n.equals(CREDIT_CODE)) {
                c = col("_c");
            } else if (n.equals(ENTERPRISE_NAME)) {
                c = functions.coalesce(col(n), col("_n"));
            } else if (n.equals(REGION_CODE)) {
                c = col("_r");
            } else if (n.equals(INDUSTRY_CODE)) {
                c = functions.coalesce(col(n), col("_i"));
            } else if (n.endsWith(CUM_SUFFIX) && MONEY.contains(n.substring(0, n.length() - CUM_SUFFIX.length()))) {
                c = col("_e" + n.substring(0, n.length() - CUM_SUFFIX.length()));
            } else if (n.endsWith(PREV_SUFFIX)) {
                c = functions.round(col(n).multiply(scale), 2);
            } else if (n.equals(EMPLOYEES) || MONEY.contains(n)) {
                c = col(n); // singles are recomputed below
            } else if (n.equals(YEAR)) {
                c = yearOf(col("_p"));
            } else if (n.equals(org.countyscope.silver.SinglePeriods.MONTH)) {
                c = monthOf(col("_p"));
            } else {
                c = lit(null);
            }
            select.add(c.cast(f.dataType()).as(n));
        }
        Dataset<Row> estimated = joined.select(select.toArray(Column[]::new)).withColumn(ESTIMATED, lit(1));
        Dataset<Row> all = own.unionByName(estimated);
        // single periods over the completed sequence, as silver derives them from reports
        WindowSpec w = Window.partitionBy(col(CREDIT_CODE), yearOf(col(PERIOD))).orderBy(col(PERIOD));
        Column prevMonth = functions.lag(monthOf(col(PERIOD)), 1).over(w);
        if (columns.contains(MONTHS_COVERED)) {
            all = all.withColumn(MONTHS_COVERED, monthOf(col(PERIOD)).minus(functions.coalesce(prevMonth, lit(0))));
        }
        for (String c : Datasets.INDUSTRIAL_OUTPUT.cumulative()) {
            all = all.withColumn(c, when(prevMonth.isNull(), col(c + CUM_SUFFIX))
                .otherwise(col(c + CUM_SUFFIX).minus(functions.lag(col(c + CUM_SUFFIX), 1).over(w))));
        }
        return all;
    }

    private static Dataset<Row> emptyList(Dataset<Row> monthly) {
        return monthly.sparkSession().createDataFrame(List.of(), new org.apache.spark.sql.types.StructType()
            .add(CREDIT_CODE, "string").add(ENTERPRISE_NAME, "string").add(REGION_CODE, "string")
            .add(INDUSTRY_CODE, "string").add(YEAR, "int").add(PERIOD, "string").add(LAST_REPORTED, "string")
            .add(METHOD, "string").add(VALUE_ADDED + CUM_SUFFIX, "double").add(GROSS_OUTPUT + CUM_SUFFIX, "double")
            .add(REVENUE + CUM_SUFFIX, "double").add(PROFIT + CUM_SUFFIX, "double"));
    }

    private static scala.collection.immutable.Seq<String> seq(String... names) {
        return org.countyscope.io.SparkSeqs.of(List.of(names));
    }

    static Column yearOf(Column period) {
        return functions.substring(period, 1, 4).cast("int");
    }

    static Column monthOf(Column period) {
        return functions.substring(period, 6, 2).cast("int");
    }
}
