package org.countyscope.report.model;

/**
 * One published cell: text, a number, empty (no figure, e.g. growth on a zero base), or withheld by disclosure
 * control (printed "…").
 *
 * @param text     the text of a TEXT cell (from data: writers must escape it)
 * @param number   the number of a NUMBER cell
 * @param withheld true when disclosure control suppressed the figure
 */
public record Cell(String text, Double number, boolean withheld) {
    public static final String WITHHELD_MARK = "…";

    public static Cell text(String text) {
        return new Cell(text, null, false);
    }

    public static Cell number(Double number) {
        return new Cell(null, number, false);
    }

    public static Cell withheldCell() {
        return new Cell(null, null, true);
    }

    public static Cell empty() {
        return new Cell(null, null, false);
    }

    /** The cell as printed: numbers half-up to the given decimals, never "-0.0", no grouping (as the bureau prints). */
    public String display(int decimals) {
        if (withheld) {
            return WITHHELD_MARK;
        }
        if (number != null) {
            return org.countyscope.report.Sentences.fixed(number, decimals);
        }
        return text == null ? "" : text;
    }
}
