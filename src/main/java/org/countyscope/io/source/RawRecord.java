package org.countyscope.io.source;

import java.util.List;

/** One record of a source file as received: the row number a clerk would find it at, and its text cells. */
public record RawRecord(long row, List<String> cells) {

    public RawRecord {
        // Readers hand over immutable lists, for which List.copyOf does not copy.
        cells = List.copyOf(cells);
    }
}
