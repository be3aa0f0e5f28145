package org.countyscope.config;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What one comparison run computes.
 *
 * @param warehouse warehouse root
 * @param period    the month asked for; each cadence compares its latest complete period at or before it
 * @param cadences  month, quarter, half, year (one or more)
 * @param out       output root; exports go to {@code <out>/<period>/tables/}
 */
public record CompareConfig(String warehouse, YearMonth period, List<org.countyscope.gold.Cadence> cadences, Path out) {
    public CompareConfig {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(out, "out");
        cadences = List.copyOf(cadences);
        if (cadences.isEmpty()) {
            throw new IllegalArgumentException("at least one cadence");
        }
    }
}
