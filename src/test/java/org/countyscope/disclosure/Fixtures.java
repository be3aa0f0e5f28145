package org.countyscope.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Small tables for the disclosure tests, written as the bureau would lay them out. */
final class Fixtures {

    static final SuppressionRules RULES = SuppressionRules.defaults();

    private Fixtures() {
    }

    /** A cell with {@code n} equal contributors: only the frequency rule can make it sensitive. */
    static Cell cell(String row, String column, double value, int n) {
        return n == 0 ? Cell.empty(row, column) : Cell.of(row, column, value, n, value / n);
    }

    /**
     * A table of {@code values} with contributor counts {@code n} and every marginal published, totals summed (one
     * enterprise per cell, as in county × industry).
     */
    static Table grid(String name, String[] rows, String[] columns, double[][] values, int[][] n) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                cells.add(cell(rows[i], columns[j], values[i][j], n[i][j]));
            }
        }
        return Table.summed(name, cells);
    }

    /** Primary suppression of {@code tables} plus the given secondary suppressions that belong to them. */
    static SuppressionResult pattern(List<Table> tables, Set<String> secondary) {
        SuppressionResult primary = PrimarySuppression.apply(tables, RULES);
        return primary.withSecondary(secondary.stream().filter(id -> has(primary, id)).toList());
    }

    private static boolean has(SuppressionResult result, String id) {
        return result.decisions().stream().anyMatch(d -> d.cell().id().equals(id));
    }

    static String id(String row, String column) {
        return row + Cell.ID_SEPARATOR + column;
    }
}
