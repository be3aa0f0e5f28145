package org.countyscope.dataset;

import java.util.List;
import java.util.Objects;

/**
 * One column of a source dataset: its canonical name, the Chinese heading clerks use, its type and its checks.
 *
 * @param name        canonical snake_case name used in every table
 * @param label       the Chinese heading written in source files (also accepted as an alias)
 * @param type        how the text is parsed
 * @param required    whether an empty cell rejects the row
 * @param aliases     further headings accepted for this column (normalised before comparison)
 * @param min         smallest value allowed for numbers, or null
 * @param max         largest plausible value for numbers, or null
 * @param choices     allowed words for {@link ColumnType#CHOICE}
 * @param digits      code length for {@link ColumnType#INDUSTRY}
 * @param industrial  for industry codes: only 门类 B, C, D (工业) allowed
 */
public record ColumnSpec(String name, String label, ColumnType type, boolean required, List<String> aliases,
                         Double min, Double max, List<String> choices, int digits, boolean industrial) implements java.io.Serializable {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        aliases = List.copyOf(aliases);
        choices = List.copyOf(choices);
        if (type == ColumnType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("CHOICE column " + name + " needs choices");
        }
        if (type == ColumnType.INDUSTRY && digits != 2 && digits != 4) {
            throw new IllegalArgumentException("industry column " + name + " needs 2 or 4 digits, was " + digits);
        }
    }

    public static ColumnSpec of(String name, String label, ColumnType type) {
        return new ColumnSpec(name, label, type, false, List.of(), null, null, List.of(), 0, false);
    }

    public static ColumnSpec choice(String name, String label, String... choices) {
        return new ColumnSpec(name, label, ColumnType.CHOICE, false, List.of(), null, null, List.of(choices), 0, false);
    }

    public static ColumnSpec industry(String name, String label, int digits, boolean industrialOnly) {
        return new ColumnSpec(name, label, ColumnType.INDUSTRY, false, List.of(), null, null, List.of(), digits,
            industrialOnly);
    }

    public ColumnSpec mandatory() {
        return new ColumnSpec(name, label, type, true, aliases, min, max, choices, digits, industrial);
    }

    public ColumnSpec aka(String... more) {
        List<String> all = new java.util.ArrayList<>(aliases);
        all.addAll(List.of(more));
        return new ColumnSpec(name, label, type, required, all, min, max, choices, digits, industrial);
    }

    public ColumnSpec range(Double lo, Double hi) {
        return new ColumnSpec(name, label, type, required, aliases, lo, hi, choices, digits, industrial);
    }

    /** Money, counts and areas that cannot be negative, with a ceiling that catches unit slips. */
    public ColumnSpec nonNegative(double hi) {
        return range(0.0, hi);
    }

    public boolean numeric() {
        return type == ColumnType.NUMBER || type == ColumnType.INTEGER;
    }
}
