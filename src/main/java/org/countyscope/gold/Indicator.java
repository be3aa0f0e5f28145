package org.countyscope.gold;

import java.io.Serializable;
import java.util.Objects;

/**
 * An indicator leaders quote about a county.
 *
 * @param code  stable machine name, e.g. {@code iva}
 * @param name  the bureau's Chinese name, e.g. 规模以上工业增加值
 * @param unit  万元, 个 …
 * @param stock true when the value is a count at a point in time (企业数), not a flow summed over months
 */
public record Indicator(String code, String name, String unit, boolean stock) implements Serializable {
    public Indicator {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }
}
