package org.countyscope.disclosure;

import java.util.Objects;

/**
 * One figure of a published table (a cell or a total): its global id, row and column keys, value, the number of
 * enterprises contributing to it, the largest single contribution in absolute value and the sum of the absolute
 * contributions ({@code magnitude}), on which the dominance rule is judged so that a loss driven by one enterprise, or
 * a small net figure made of one large gain and smaller losses, is sensitive too.
 *
 * <p>The id is what links tables: the same figure published in a monthly and a quarterly table, or a county table's
 * column total that is a cell of the city table, carries the same id in both, and is then suppressed in both or in
 * neither.
 */
public record Cell(String id, String row, String column, double value, int contributors, double largest,
                   double magnitude) {

    /** Separates the row and column keys in the default id. */
    public static final String ID_SEPARATOR = "|";

    public Cell {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(column, "column");
        if (id.isBlank()) {
            throw new IllegalArgumentException("cell id is blank");
        }
        if (!Double.isFinite(value) || !Double.isFinite(largest) || !Double.isFinite(magnitude)) {
            throw new IllegalArgumentException("cell " + id + ": value and largest contribution must be finite");
        }
        if (contributors < 0) {
            throw new IllegalArgumentException("cell " + id + ": contributors " + contributors + " < 0");
        }
        if (contributors == 0 && (value != 0 || largest != 0)) {
            throw new IllegalArgumentException("cell " + id + ": a cell without contributors must be empty (0), got "
                + value);
        }
        if (contributors == 0 && magnitude != 0) {
            throw new IllegalArgumentException("cell " + id + ": a cell without contributors has magnitude 0");
        }
        if (value >= 0 && largest >= 0 && largest > value * (1 + 1e-12) && magnitude <= value) {
            throw new IllegalArgumentException("cell " + id + ": largest contribution " + largest
                + " exceeds the cell value " + value);
        }
        if (Math.abs(largest) > magnitude * (1 + 1e-12) || Math.abs(value) > magnitude * (1 + 1e-9) + 1e-9) {
            throw new IllegalArgumentException("cell " + id + ": magnitude " + magnitude
                + " is less than the largest contribution " + largest + " or the value " + value);
        }
    }

    /**
     * A figure whose contributions all have the same sign: its magnitude is its absolute value (or the largest
     * contribution when a caller passes a loss with its largest absolute contribution).
     */
    public Cell(String id, String row, String column, double value, int contributors, double largest) {
        this(id, row, column, value, contributors, largest,
            value >= 0 ? value : Math.max(-value, Math.abs(largest)));
    }

    /** A cell whose id is {@code row|column}, the natural id when the keys already name the figure globally. */
    public static Cell of(String row, String column, double value, int contributors, double largest) {
        return new Cell(row + ID_SEPARATOR + column, row, column, value, contributors, largest);
    }

    /** A cell of contributions of either sign: {@code magnitude} is the sum of their absolute values. */
    public static Cell signed(String row, String column, double value, int contributors, double largestAbsolute,
                              double magnitude) {
        return new Cell(row + ID_SEPARATOR + column, row, column, value, contributors, largestAbsolute, magnitude);
    }

    /** The same figure under another id (a figure that several tables name differently). */
    public Cell withId(String newId) {
        return new Cell(newId, row, column, value, contributors, largest, magnitude);
    }

    /**
     * An empty cell: no enterprise contributes and the value is 0. It is not sensitive, and it is public knowledge
     * (the enterprise register says which county has which industry), so hiding it would protect nothing.
     */
    public static Cell empty(String row, String column) {
        return of(row, column, 0, 0, 0);
    }

    /** True when no enterprise contributes to this figure: it is 0, and everyone can know it. */
    public boolean isEmpty() {
        return contributors == 0;
    }
}
