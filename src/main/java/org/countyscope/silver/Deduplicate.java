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

    /** Rows kept and rows rejected (the latter with {@code rule} and {@code reason}). */
    public record Result(Dataset<Row> kept, Dataset<Row> rejected) {
    }

    private Deduplicate() {
    }

    public static Result apply(Dataset<Row> valid, DatasetSpec spec) {
        List<Column> inFile = new ArrayList<>();
        inFile.add(col(CHECKSUM));
        spec.key().forEach(k -> inFile.add(col(k)));
        WindowSpec w = Window.partitionBy(inFile.toArray(Column[]::new));
        Column signature = functions.sha2(functions.to_json(functions.struct(
            spec.valueColumns().stream().map(functions::col).toArray(Column[]::new))), 256);
        Dataset<Row> marked = valid
            .withColumn("_sig", signature)
            .withColumn("_n", functions.count(lit(1)).over(w))
            .withColumn("_nsig", functions.size(functions.collect_set(col("_sig")).over(w)))
            .withColumn("_first_row", functions.min(col(SOURCE_ROW)).over(w))
            .withColumn("_rn", functions.row_number().over(w.orderBy(col(Staging.SEQ))));
        Column conflict = col("_n").gt(1).and(col("_nsig").gt(1));
        Column repeat = col("_n").gt(1).and(col("_nsig").equalTo(1)).and(col("_rn").gt(1));
        Dataset<Row> rejected = marked.where(conflict.or(repeat))
            .withColumn(RULE, when(conflict, lit(DUPLICATE_KEY)).otherwise(lit(DUPLICATE)))
            .withColumn(REASON, when(conflict, concat(lit("主键重复且数值不一致：本文件中同一主键共 "),
                    col("_n").cast("string"), lit(" 行（首见第 "), col("_first_row").cast("string"), lit(" 行），均未入库")))
                .otherwise(concat(lit("与第 "), col("_first_row").cast("string"), lit(" 行完全重复，已忽略"))));
        Dataset<Row> perFile = marked.where(functions.not(conflict.or(repeat)));
        WindowSpec byKey = Window.partitionBy(spec.key().stream().map(functions::col).toArray(Column[]::new))
            .orderBy(col(FILE_SEQ).desc(), col(Staging.SEQ).desc());
        Dataset<Row> kept = perFile.withColumn("_latest", functions.row_number().over(byKey))
            .where(col("_latest").equalTo(1))
            .drop("_sig", "_n", "_nsig", "_first_row", "_rn", "_latest");
        return new Result(kept, rejected.drop("_sig", "_n", "_nsig", "_first_row", "_rn"));
    }

    /** The key of a row as one text, for the quarantine's value column. */
    public static Column keyText(DatasetSpec spec) {
        return functions.concat_ws(" / ", spec.key().stream().map(k -> col(k).cast("string")).toArray(Column[]::new));
    }

    public static String keyName(DatasetSpec spec) {
        return String.join("+", spec.key());
    }
}
