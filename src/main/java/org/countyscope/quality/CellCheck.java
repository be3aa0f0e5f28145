package org.countyscope.quality;

import java.io.Serializable;

/**
 * What checking one cell gave: the normalised text of its value (null when empty or unreadable) and, when the cell
 * is rejected, a stable rule code and the reason a clerk reads.
 */
public record CellCheck(String normalized, String rule, String reason) implements Serializable {

    public static CellCheck ok(String normalized) {
        return new CellCheck(normalized, null, null);
    }

    public static CellCheck reject(String rule, String reason) {
        return new CellCheck(null, rule, reason);
    }

    public boolean rejected() {
        return rule != null;
    }
}
