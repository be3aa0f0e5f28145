package org.countyscope.quality;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.countyscope.io.Staging;
import org.countyscope.silver.Conform;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.countyscope.dataset.Columns.BATCH_ID;
import static org.countyscope.dataset.Columns.CHECKSUM;
import static org.countyscope.dataset.Columns.COLUMN;
import static org.countyscope.dataset.Columns.DATASET;
import static org.countyscope.dataset.Columns.LOADED_AT;
import static org.countyscope.dataset.Columns.RAW_VALUE;
import static org.countyscope.dataset.Columns.REASON;
import static org.countyscope.dataset.Columns.RULE;
import static org.countyscope.dataset.Columns.SOURCE_FILE;
import static org.countyscope.dataset.Columns.SOURCE_ROW;

/**
 * The quarantine table {@code quarantine/rejected_rows}: one row per problem of a rejected source row (a row with
 * two bad cells gives two rows). Key: ({@code _checksum}, {@code _seq}, {@code column}, {@code rule}), so loading a
 * file twice quarantines nothing twice.
 */
public final class Quarantine {
    public static final String TABLE = "rejected_rows";
    public static final List<String> KEY = List.of(CHECKSUM, Staging.SEQ, COLUMN, RULE);

    private Quarantine() {
    }

    /** One quarantine row per problem listed in {@code _errors} of conformed rows. */
    public static Dataset<Row> fromErrors(Dataset<Row> conformed, String dataset) {
        return conformed.where(org.apache.spark.sql.functions.size(col(Conform.ERRORS)).gt(0))
            .select(col(SOURCE_FILE), col(CHECKSUM), col(Staging.SEQ), col(SOURCE_ROW),
                col(BATCH_ID), col(LOADED_AT), explode(col(Conform.ERRORS)).as("e"))
            .select(columns(dataset));
    }

    /** Quarantine rows for whole records rejected by a rule outside the row ({@code rule}, {@code reason} columns). */
    public static Dataset<Row> fromRecords(Dataset<Row> rows, String dataset, Column column, Column value) {
        return rows.select(col(SOURCE_FILE), col(CHECKSUM), col(Staging.SEQ), col(SOURCE_ROW), col(BATCH_ID),
                col(LOADED_AT), org.apache.spark.sql.functions.struct(column.as("column"),
                    value.cast("string").as("value"), col(RULE).as("rule"), col(REASON).as("reason")).as("e"))
            .select(columns(dataset));
    }

    private static Column[] columns(String dataset) {
        return new Column[] {lit(dataset).as(DATASET), col(SOURCE_FILE), col(SOURCE_ROW), col("e.column").as(COLUMN),
            col("e.value").as(RAW_VALUE), col("e.rule").as(RULE), col("e.reason").as(REASON), col(CHECKSUM),
            col(Staging.SEQ), col(BATCH_ID), col(LOADED_AT)};
    }
}
