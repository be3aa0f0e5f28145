package org.countyscope.silver;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.countyscope.dataset.DatasetSpec;
import org.countyscope.io.Staging;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.CHECKSUM;
import static org.countyscope.dataset.Columns.FILE_SEQ;
import static org.countyscope.dataset.Columns.REASON;
import static org.countyscope.dataset.Columns.RULE;
import static org.countyscope.dataset.Columns.SOURCE_ROW;

/**
 * One row per natural key. Within one file, an exact repeat of a row is dropped (quarantined as a repeat) and rows
 * that share a key but disagree are all quarantined: nobody can tell which is right. Across the files of one batch
 * the later file wins, as a resubmission would.
 */
public final class Deduplicate {
    public static final String DUPLICATE = "duplicate";
    public static final String DUPLICATE_KEY = "duplicate_key";
    /** Marks {@link #mark} adds: the quarantine rule and reason of a rejected row (null when it passes)… */
    public static final String DUP_RULE = "_dup_rule";
    public static final String DUP_REASON = "_dup_reason";
    /** …and whether the row is its key's one row for silver. */
    public static final String KEPT = "_dedup_kept";

    /** Rows kept and rows rejected (the latter with {@code rule} and {@code reason}). */
    public record Result(Dataset<Row> kept, Dataset<Row> rejected) {
    }

    private Deduplicate() {
    }

    public static Result apply(Dataset<Row> valid, DatasetSpec spec) {
        Dataset<Row> marked = mark(valid, lit(true), spec);
        Dataset<Row> rejected = marked.where(col(DUP_RULE).isNotNull())
            .withColumn(RULE, col(DUP_RULE)).withColumn(REASON, col(DUP_REASON));
        return new Result(marked.where(col(KEPT)).drop(DUP_RULE, DUP_REASON, KEPT),
            rejected.drop(DUP_RULE, DUP_REASON, KEPT));
    }

    /**
     * Marks every row instead of splitting them: {@link #DUP_RULE}/{@link #DUP_REASON} on the rows to quarantine and
     * {@link #KEPT} on the rows for silver, judged among the rows where {@code eligible} holds (the others are never
     * kept and never marked). Lets the caller run every check in one pass over the rows.
     */
    public static Dataset<Row> mark(Dataset<Row> rows, Column eligible, DatasetSpec spec) {
        List<Column> inFile = new ArrayList<>();
        inFile.add(col("_eligible"));
        inFile.add(col(CHECKSUM));
        spec.key().forEach(k -> inFile.add(col(k)));
        WindowSpec w = Window.partitionBy(inFile.toArray(Column[]::new));
        // the rows of a key agree when the smallest and largest of their values are the same
        Column values = spec.valueColumns().isEmpty() ? lit(true)
            : functions.struct(spec.valueColumns().stream().map(functions::col).toArray(Column[]::new));
        Dataset<Row> marked = rows
            .withColumn("_eligible", functions.coalesce(eligible, lit(false)))
            .withColumn("_n", functions.count(lit(1)).over(w))
            .withColumn("_differ", functions.not(functions.min(values).over(w).eqNullSafe(functions.max(values).over(w))))
            .withColumn("_first_row", functions.min(col(SOURCE_ROW)).over(w))
            .withColumn("_rn", functions.row_number().over(w.orderBy(col(Staging.SEQ))));
        Column conflict = col("_eligible").and(col("_n").gt(1)).and(col("_differ"));
        Column repeat = col("_eligible").and(col("_n").gt(1)).and(functions.not(col("_differ")))
            .and(col("_rn").gt(1));
        marked = marked
            .withColumn(DUP_RULE, when(conflict, lit(DUPLICATE_KEY)).when(repeat, lit(DUPLICATE)))
            .withColumn(DUP_REASON, when(conflict, concat(lit("主键重复且数值不一致：本文件中同一主键共 "),
                    col("_n").cast("string"), lit(" 行（首见第 "), col("_first_row").cast("string"), lit(" 行），均未入库")))
                .when(repeat, concat(lit("与第 "), col("_first_row").cast("string"), lit(" 行完全重复，已忽略"))))
            .withColumn("_candidate", col("_eligible").and(col(DUP_RULE).isNull()));
        List<Column> byKey = new ArrayList<>();
        byKey.add(col("_candidate"));
        spec.key().forEach(k -> byKey.add(col(k)));
        WindowSpec latest = Window.partitionBy(byKey.toArray(Column[]::new))
            .orderBy(col(FILE_SEQ).desc(), col(Staging.SEQ).desc());
        return marked.withColumn(KEPT, col("_candidate").and(functions.row_number().over(latest).equalTo(1)))
            .drop("_eligible", "_n", "_differ", "_first_row", "_rn", "_candidate");
    }

    /** The key of a row as one text, for the quarantine's value column. */
    public static Column keyText(DatasetSpec spec) {
        return functions.concat_ws(" / ", spec.key().stream().map(k -> col(k).cast("string")).toArray(Column[]::new));
    }

    public static String keyName(DatasetSpec spec) {
        return String.join("+", spec.key());
    }
}
