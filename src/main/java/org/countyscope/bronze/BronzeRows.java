package org.countyscope.bronze;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.countyscope.io.StagedFile;

import java.sql.Timestamp;

import static org.apache.spark.sql.functions.lit;
import static org.countyscope.dataset.Columns.BATCH_ID;
import static org.countyscope.dataset.Columns.CHECKSUM;
import static org.countyscope.dataset.Columns.FILE_SEQ;
import static org.countyscope.dataset.Columns.LOADED_AT;
import static org.countyscope.dataset.Columns.SOURCE_FILE;

/**
 * Bronze: every record exactly as received (all text, canonical names, unmatched headings in {@code _extra}) plus
 * where it came from. Grain: one row per source record; key ({@code _checksum}, {@code _seq}). Append-only: a file
 * already loaded (same checksum) is never loaded twice.
 */
public final class BronzeRows {
    public static final String FORMAT = "_format";
    public static final String ENCODING = "_encoding";
    public static final String HEADER_SIZE = "_header_size";

    private BronzeRows() {
    }

    /** Adds the lineage of one staged file to its records. */
    public static Dataset<Row> withLineage(Dataset<Row> staged, StagedFile file, int fileSeq, String batchId,
                                           Timestamp loadedAt) {
        return staged
            .withColumn(SOURCE_FILE, lit(file.fileName()))
            .withColumn(CHECKSUM, lit(file.checksum()))
            .withColumn(FILE_SEQ, lit(fileSeq))
            .withColumn(FORMAT, lit(file.format()))
            .withColumn(ENCODING, lit(file.encoding()).cast("string"))
            .withColumn(HEADER_SIZE, lit(file.headerSize()))
            .withColumn(BATCH_ID, lit(batchId))
            .withColumn(LOADED_AT, lit(loadedAt));
    }
}
