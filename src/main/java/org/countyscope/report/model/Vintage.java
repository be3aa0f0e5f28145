package org.countyscope.report.model;

import java.util.List;

/**
 * The data a report was made from, printed in its footer: when, and each gold table's Delta version and the
 * releases of the silver data under it.
 */
public record Vintage(String generatedAt, List<TableVersion> tables) {
    public Vintage {
        tables = List.copyOf(tables);
    }

    /** One table read: its name, Delta version, and the data release(s) it reflects (may be empty). */
    public record TableVersion(String table, long version, String release) {
    }
}
