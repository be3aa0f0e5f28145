package org.countyscope.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One published two-way table: its interior cells and the marginals it publishes (row totals, column totals, grand
 * total), each total being a {@link Cell} with its own contributor counts, because a total can be sensitive too.
 *
 * <p>Totals must add up exactly: a row total is the sum of that row's cells, a column total of that column's cells,
 * the grand total of all cells. Pass unrounded figures and round only when rendering, or the attacker model (and this
 * check) sees rounding noise as information. A marginal that is not published is simply left out. Values are
 * non-negative unless {@code signed} is set (tax after 留抵退税, profits).
 *
 * @param name         the table's name, for messages
 * @param cells        the interior cells, one per row × column key (a missing pair is a structurally empty cell)
 * @param rowTotals    published row totals; each names a row of {@code cells}
 * @param columnTotals published column totals; each names a column of {@code cells}
 * @param grandTotal   the published grand total, if any
 * @param signed       true when cells may be negative
 */
public record Table(String name, List<Cell> cells, List<Cell> rowTotals, List<Cell> columnTotals,
                    Optional<Cell> grandTotal, boolean signed) {

    /** The key used for totals when a caller does not name them. */
    public static final String TOTAL = "合计";

    /** Relative tolerance of the additivity check: totals are sums, up to floating-point noise. */
    private static final double ADDITIVITY_TOLERANCE = 1e-9;

    /** The marginals a table can publish. */
    public enum Marginal { ROW_TOTALS, COLUMN_TOTALS, GRAND_TOTAL }

    public Table {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("table name is blank");
        }
        cells = List.copyOf(cells);
        rowTotals = List.copyOf(rowTotals);
        columnTotals = List.copyOf(columnTotals);
        Objects.requireNonNull(grandTotal, "grandTotal");
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no cells");
        }
        Set<String> ids = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        Map<String, Double> rowSums = new LinkedHashMap<>();
        Map<String, Double> columnSums = new LinkedHashMap<>();
        double sum = 0;
        double largestMagnitude = 0;
        for (Cell c : cells) {
            if (!pairs.add(c.row() + '\u0000' + c.column())) {
                throw new IllegalArgumentException("table " + name + ": two cells at row " + c.row() + ", column "
                    + c.column());
            }
            rowSums.merge(c.row(), c.value(), Double::sum);
            columnSums.merge(c.column(), c.value(), Double::sum);
            sum += c.value();
        }
        List<Cell> all = new ArrayList<>(cells);
        all.addAll(rowTotals);
        all.addAll(columnTotals);
        grandTotal.ifPresent(all::add);
        for (Cell c : all) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("table " + name + ": id " + c.id() + " used twice");
            }
            if (!signed && c.value() < 0) {
                throw new IllegalArgumentException("table " + name + ": " + c.id() + " is negative (" + c.value()
                    + ") but the table is not signed");
            }
            largestMagnitude = Math.max(largestMagnitude, Math.abs(c.value()));
        }
        double tolerance = ADDITIVITY_TOLERANCE * Math.max(1, largestMagnitude);
        Set<String> seen = new HashSet<>();
        for (Cell t : rowTotals) {
            checkTotal(name, t, rowSums.get(t.row()), "row " + t.row(), seen.add(t.row()), tolerance);
        }
        seen.clear();
        for (Cell t : columnTotals) {
            checkTotal(name, t, columnSums.get(t.column()), "column " + t.column(), seen.add(t.column()), tolerance);
        }
        if (grandTotal.isPresent()) {
            checkTotal(name, grandTotal.get(), sum, "all cells", true, tolerance);
        }
    }

    private static void checkTotal(String table, Cell total, Double sum, String of, boolean first, double tolerance) {
        if (sum == null) {
            throw new IllegalArgumentException("table " + table + ": total " + total.id() + " names " + of
                + ", which has no cells");
        }
        if (!first) {
            throw new IllegalArgumentException("table " + table + ": two totals for " + of);
        }
        if (Math.abs(total.value() - sum) > tolerance) {
            throw new IllegalArgumentException("table " + table + ": total " + total.id() + " = " + total.value()
                + " but " + of + " sum to " + sum + " (pass unrounded figures)");
        }
    }

    /**
     * A table whose totals are computed from its cells, named {@code row|totalColumn}, {@code totalRow|column} and
     * {@code totalRow|totalColumn}. A total's contributors are the sum of its cells' contributors and its largest
     * contribution the largest of theirs, which is right when each enterprise lies in one cell of a row or column
     * (county × industry); when one enterprise reports in several cells (months, tax types), build the totals with
     * their true counts and use the canonical constructor.
     *
     * @param totalColumn the column key of the row totals, e.g. {@code "二季度"} so that they share ids with a
     *                    quarterly table's cells
     * @param totalRow    the row key of the column totals, e.g. {@code "全市"}
     */
    public static Table summed(String name, List<Cell> cells, String totalColumn, String totalRow,
                               Set<Marginal> published, boolean signed) {
        Map<String, List<Cell>> rows = new LinkedHashMap<>();
        Map<String, List<Cell>> columns = new LinkedHashMap<>();
        for (Cell c : cells) {
            rows.computeIfAbsent(c.row(), k -> new ArrayList<>()).add(c);
            columns.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(c);
        }
        List<Cell> rowTotals = new ArrayList<>();
        if (published.contains(Marginal.ROW_TOTALS)) {
            rows.forEach((row, members) -> rowTotals.add(sum(row, totalColumn, members)));
        }
        List<Cell> columnTotals = new ArrayList<>();
        if (published.contains(Marginal.COLUMN_TOTALS)) {
            columns.forEach((column, members) -> columnTotals.add(sum(totalRow, column, members)));
        }
        Optional<Cell> grand = published.contains(Marginal.GRAND_TOTAL)
            ? Optional.of(sum(totalRow, totalColumn, cells))
            : Optional.empty();
        return new Table(name, cells, rowTotals, columnTotals, grand, signed);
    }

    /** {@link #summed} with every marginal published, totals keyed {@value #TOTAL}, non-negative values. */
    public static Table summed(String name, List<Cell> cells) {
        return summed(name, cells, TOTAL, TOTAL, Set.of(Marginal.values()), false);
    }

    private static Cell sum(String row, String column, List<Cell> members) {
        double value = 0;
        double largest = 0;
        double magnitude = 0;
        int contributors = 0;
        for (Cell c : members) {
            value += c.value();
            contributors += c.contributors();
            largest = Math.max(largest, Math.abs(c.largest()));
            magnitude += c.magnitude();
        }
        return contributors == 0 ? Cell.empty(row, column) : Cell.signed(row, column, value, contributors, largest,
            magnitude);
    }

    /** Every figure of the table: cells, then row totals, column totals and the grand total. */
    public List<Cell> figures() {
        List<Cell> all = new ArrayList<>(cells);
        all.addAll(rowTotals);
        all.addAll(columnTotals);
        grandTotal.ifPresent(all::add);
        return all;
    }
}
