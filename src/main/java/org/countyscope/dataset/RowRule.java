package org.countyscope.dataset;

import java.util.Objects;

/**
 * A check across columns of one typed row, written as a Spark SQL predicate that must hold.
 * A predicate that evaluates to null (a column empty) passes: emptiness is the column checks' business.
 *
 * @param code      stable machine name of the rule, e.g. {@code va_le_output}
 * @param column    the column a clerk should look at
 * @param predicate Spark SQL boolean expression over canonical column names
 * @param reason    the explanation written to quarantine, in Chinese
 */
public record RowRule(String code, String column, String predicate, String reason) implements java.io.Serializable {
    public RowRule {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(reason, "reason");
    }
}
