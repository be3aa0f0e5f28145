package org.countyscope.generate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What a generator run wrote: data rows per file, keyed by the path relative to the output directory. */
public record Summary(Map<String, Long> rowsByFile) {

    public Summary {
        rowsByFile = Collections.unmodifiableMap(new TreeMap<>(rowsByFile));
    }

    /** Data rows (headers and titles excluded) in one file, or 0 when it was not written. */
    public long rows(String relativePath) {
        return rowsByFile.getOrDefault(relativePath, 0L);
    }

    /** Data rows over all files. */
    public long totalRows() {
        return rowsByFile.values().stream().mapToLong(Long::longValue).sum();
    }
}
