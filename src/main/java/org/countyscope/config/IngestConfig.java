package org.countyscope.config;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What one ingest run loads and where.
 *
 * @param inputs    files or folders (folders are searched recursively)
 * @param warehouse warehouse root (a local folder or any Hadoop URI)
 * @param encoding  charset declared for CSV files, or null to detect per file
 * @param dataset   dataset declared for every file, or null to detect from each header
 * @param release   release label for the rows this run brings, or null for the batch id
 * @param asOf      the current month: later periods are rejected as future
 */
public record IngestConfig(List<Path> inputs, String warehouse, Charset encoding, String dataset, String release,
                           YearMonth asOf) {
    public IngestConfig {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("at least one input file or folder is needed");
        }
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(asOf, "asOf");
    }
}
