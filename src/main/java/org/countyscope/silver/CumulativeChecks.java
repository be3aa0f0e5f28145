package org.countyscope.silver;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
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
 * Checks of cumulative 1–N月 figures against the other months of the same entity and year, whether those months
 * come in this batch or are already in silver: a cumulative total of a flow that cannot be negative never falls.
 */
public final class CumulativeChecks {
    public static final String DECREASE = "cumulative_decrease";
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
        List<String> checked = monotone(spec);
        if (checked.isEmpty()) {
            return new Result(batch, batch.limit(0));
        }
        String period = spec.periodColumn();
        Column year = functions.substring(col(period), 1, 4);
        List<String> entity = spec.entityKey();
        List<Column> cols = new ArrayList<>();
        entity.forEach(e -> cols.add(col(e)));
        cols.add(col(period));
        checked.forEach(c -> cols.add(col(c)));

        Dataset<Row> series = batch.select(concatCols(cols, lit(true).as("_in_batch")));
        if (existing != null) {
            Dataset<Row> batchYears = batch.select(concatCols(entityCols(entity), year.as("_year"))).distinct();
            Dataset<Row> batchKeys = batch.select(concatCols(entityCols(entity), col(period)));
            List<String> joinYear = new ArrayList<>(entity);
            joinYear.add("_year");
            List<String> joinKey = new ArrayList<>(entity);
            joinKey.add(period);
            Dataset<Row> others = existing.withColumn("_year", year)
                .join(batchYears, org.countyscope.io.SparkSeqs.of(joinYear), "left_semi")
                .join(batchKeys, org.countyscope.io.SparkSeqs.of(joinKey), "left_anti")
                .select(concatCols(cols, lit(false).as("_in_batch")));
            series = series.unionByName(others);
        }
        WindowSpec w = Window.partitionBy(concatCols(entityCols(entity), year)).orderBy(col(period));
        Column reason = lit(null).cast("string");
        Column badCol = lit(null).cast("string");
        Column badVal = lit(null).cast("string");
        for (int i = checked.size() - 1; i >= 0; i--) {
            String c = checked.get(i);
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
        // the batch holds one row per key (deduplicated before), so the key identifies the row again
        List<Column> verdictCols = new ArrayList<>();
        spec.key().forEach(k -> verdictCols.add(col(k)));
        verdictCols.add(reason.as(REASON));
        verdictCols.add(badCol.as("_bad_column"));
        verdictCols.add(badVal.as("_bad_value"));
        verdictCols.add(col("_in_batch"));
        Dataset<Row> verdict = series.select(verdictCols.toArray(Column[]::new))
            .where(col("_in_batch").and(col(REASON).isNotNull()))
            .drop("_in_batch");
        Dataset<Row> rejected = batch.join(verdict, org.countyscope.io.SparkSeqs.of(spec.key()))
            .withColumn(RULE, lit(DECREASE));
        Dataset<Row> kept = batch.join(verdict, org.countyscope.io.SparkSeqs.of(spec.key()), "left_anti");
        return new Result(kept, rejected);
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
