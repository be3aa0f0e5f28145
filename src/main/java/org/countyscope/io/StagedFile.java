package org.countyscope.io;

import org.countyscope.dataset.DatasetSpec;

import java.nio.file.Path;
import java.util.Map;

/**
 * A source file read, mapped onto its dataset and written as line-delimited JSON for Spark to read in parallel.
 *
 * @param source    the file as given
 * @param spec      the dataset it belongs to
 * @param staged    the JSON-lines copy (UTF-8, one record per line, canonical column names)
 * @param checksum  SHA-256 of the file's bytes, hex
 * @param format    csv, xlsx or nbs-export
 * @param encoding  charset used, or null for xlsx
 * @param records   records read (blank rows excluded)
 * @param headerSize number of columns in the file's header
 * @param extras    headings kept in {@code _extra} because no column matched them
 * @param metadata  what the reader learnt about the file (sheet, NBS footnotes…)
 */
public record StagedFile(Path source, DatasetSpec spec, Path staged, String checksum, String format, String encoding,
                         long records, int headerSize, java.util.List<String> extras, Map<String, String> metadata) {
    public String fileName() {
        return source.getFileName().toString();
    }
}
