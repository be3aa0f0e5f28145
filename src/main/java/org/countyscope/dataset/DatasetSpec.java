package org.countyscope.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A source dataset: its columns, its natural key, and how its rows are checked and made monthly.
 *
 * @param name              table name in every layer, e.g. {@code industrial_output}
 * @param label             Chinese name for messages, e.g. 规上工业一套表
 * @param columns           columns in canonical order
 * @param key               natural key columns (the MERGE condition)
 * @param periodColumn      the month/period column, or null for datasets without one
 * @param cumulative        columns reported as cumulative 1—N月 values, turned into single periods in silver
 * @param noJanuary         January is never reported alone (一套表: 1—2月 together)
 * @param rowRules          checks across columns
 */
public record DatasetSpec(String name, String label, List<ColumnSpec> columns, List<String> key,
                          String periodColumn, List<String> cumulative, boolean noJanuary, List<RowRule> rowRules)
    implements java.io.Serializable {

    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        cumulative = List.copyOf(cumulative);
        rowRules = List.copyOf(rowRules);
        List<String> names = columns.stream().map(ColumnSpec::name).toList();
        for (String k : key) {
            if (!names.contains(k)) {
                throw new IllegalArgumentException(name + ": key column " + k + " is not a column");
            }
        }
        for (String c : cumulative) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException(name + ": cumulative column " + c + " is not a column");
            }
        }
        if (!cumulative.isEmpty() && (periodColumn == null || !key.contains(periodColumn))) {
            throw new IllegalArgumentException(name + ": cumulative data need a period column in the key");
        }
    }

    public Optional<ColumnSpec> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    /** The columns that are neither key nor metadata: what a revision may change. */
    public List<String> valueColumns() {
        List<String> out = new ArrayList<>();
        for (ColumnSpec c : columns) {
            if (!key.contains(c.name())) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** Key without the period: the entity whose cumulative series is differenced. */
    public List<String> entityKey() {
        return key.stream().filter(k -> !k.equals(periodColumn)).toList();
    }

    public boolean isCumulative() {
        return !cumulative.isEmpty();
    }
}
