package org.countyscope.silver;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.countyscope.dataset.ColumnSpec;
import org.countyscope.dataset.DatasetSpec;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.REASON;
import static org.countyscope.dataset.Columns.RULE;

/**
 * Checks of cumulative 1—N月 figures against the other months of the same entity and year, whether those months
 * come in this batch or are already in silver: a cumulative total of a flow that cannot be negative never falls.
 */
public final class CumulativeChecks {
    public static final String DECREASE = "cumulative_decrease";
    /** Marks {@link #mark} adds: why a row fails (null when it passes), and the column and value at fault. */
    public static final String CUM_REASON = "_cum_reason";
    public static final String BAD_COLUMN = "_bad_column";
    public static final String BAD_VALUE = "_bad_value";
    private static final double TOLERANCE = 1e-6;

    /** Rows kept, and rows rejected with {@code rule}, {@code reason}, {@code _bad_column}, {@code _bad_value}. */
    public record Result(Dataset<Row> kept, Dataset<Row> rejected) {
    }

    private CumulativeChecks() {
    }

    /** Cumulative columns that must not fall: those whose monthly values cannot be negative. */
    public static List<String> monotone(DatasetSpec spec) {
        List<String> out = new ArrayList<>();
        for (String c : spec.cumulative()) {
            ColumnSpec cs = spec.column(c).orElseThrow();
            if (cs.min() != null && cs.min() >= 0) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * @param batch    this batch's rows, one per key
     * @param existing current silver rows of the dataset, or null when the table does not exist yet
     */
    public static Result apply(Dataset<Row> batch, Dataset<Row> existing, DatasetSpec spec) {
        Dataset<Row> marked = mark(batch, lit(true), existing, spec);
        Dataset<Row> rejected = marked.where(col(CUM_REASON).isNotNull())
            .withColumnRenamed(CUM_REASON, REASON).withColumn(RULE, lit(DECREASE));
        return new Result(marked.where(col(CUM_REASON).isNull()).drop(CUM_REASON, BAD_COLUMN, BAD_VALUE), rejected);
    }

    /**
     * Marks the rows where {@code checked} holds (one per key among them) with {@link #CUM_REASON},
     * {@link #BAD_COLUMN} and {@link #BAD_VALUE} when their cumulative figures break the rule; every other row gets
     * nulls. The rows come back with all their columns, so the caller needs no join to use the verdict.
     *
     * @param existing current silver rows of the dataset, or null when the table does not exist yet
     */
    public static Dataset<Row> mark(Dataset<Row> rows, Column checked, Dataset<Row> existing, DatasetSpec spec) {
        List<String> monotone = monotone(spec);
        if (monotone.isEmpty()) {
            return rows.withColumn(CUM_REASON, lit(null).cast("string")).withColumn(BAD_COLUMN, lit(null).cast("string"))
                .withColumn(BAD_VALUE, lit(null).cast("string"));
        }
        String period = spec.periodColumn();
        Column year = functions.substring(col(period), 1, 4);
        List<String> entity = spec.entityKey();
        Dataset<Row> series = rows.withColumn("_checked", functions.coalesce(checked, lit(false)))
            .withColumn("_in_batch", lit(true));
        if (existing != null) {
            Dataset<Row> batch = series.where(col("_checked"));
            Dataset<Row> batchYears = batch.select(concatCols(entityCols(entity), year.as("_year"))).distinct();
            Dataset<Row> batchKeys = batch.select(concatCols(entityCols(entity), col(period)));
            List<String> joinYear = new ArrayList<>(entity);
            joinYear.add("_year");
            List<String> joinKey = new ArrayList<>(entity);
            joinKey.add(period);
            Dataset<Row> others = existing.withColumn("_year", year)
                .join(batchYears, org.countyscope.io.SparkSeqs.of(joinYear), "left_semi")
                .join(batchKeys, org.countyscope.io.SparkSeqs.of(joinKey), "left_anti");
            // silver's months carry only what the check reads; the batch's other columns stay empty on them
            List<Column> shaped = new ArrayList<>();
            for (StructField f : series.schema().fields()) {
                boolean read = entity.contains(f.name()) || f.name().equals(period) || monotone.contains(f.name())
                    || f.name().equals("_checked") || f.name().equals("_in_batch");
                shaped.add(read ? col(f.name()) : lit(null).cast(f.dataType()).as(f.name()));
            }
            series = series.unionByName(others.withColumn("_checked", lit(true)).withColumn("_in_batch", lit(false))
                .select(shaped.toArray(Column[]::new)));
        }
        WindowSpec w = Window.partitionBy(concatCols(concatCols(entityCols(entity), year), col("_checked")))
            .orderBy(col(period));
        Column reason = lit(null).cast("string");
        Column badCol = lit(null).cast("string");
        Column badVal = lit(null).cast("string");
        for (int i = monotone.size() - 1; i >= 0; i--) {
            String c = monotone.get(i);
            Column prev = functions.lag(col(c), 1).over(w);
            Column next = functions.lead(col(c), 1).over(w);
            Column down = prev.isNotNull().and(col(c).lt(prev.minus(TOLERANCE)));
            // within a batch the later month is the suspect; against a month already in silver, this one is
            Column nextStored = functions.not(functions.lead(col("_in_batch"), 1).over(w));
            Column up = next.isNotNull().and(nextStored).and(col(c).gt(next.plus(TOLERANCE)));
            reason = when(down, concat(lit("累计值小于上期累计值（上期为 "), prev.cast("string"), lit("）")))
                .when(up, concat(lit("累计值大于下期累计值（下期为 "), next.cast("string"), lit("）")))
                .otherwise(reason);
            badCol = when(down.or(up), lit(c)).otherwise(badCol);
            badVal = when(down.or(up), col(c).cast("string")).otherwise(badVal);
        }
        Column onChecked = col("_checked");
        return series.withColumn(CUM_REASON, when(onChecked, reason))
            .withColumn(BAD_COLUMN, when(onChecked, badCol))
            .withColumn(BAD_VALUE, when(onChecked, badVal))
            .where(col("_in_batch"))
            .drop("_checked", "_in_batch");
    }

    private static Column[] entityCols(List<String> entity) {
        return entity.stream().map(functions::col).toArray(Column[]::new);
    }

    private static Column[] concatCols(List<Column> first, Column... more) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(Column[]::new);
    }

    private static Column[] concatCols(Column[] first, Column... more) {
        return concatCols(List.of(first), more);
    }
}
