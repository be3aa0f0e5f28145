package org.countyscope.report.model;

import java.util.List;
import java.util.Objects;

/**
 * A table as published: disclosure control already applied (withheld cells are {@link Cell#withheld()}).
 *
 * @param id        ASCII id, also the sheet name's base in tables.xlsx (e.g. "comparison_iva")
 * @param title     Chinese title
 * @param columns   column headings and kinds
 * @param rows      cells, one list per row, as many as columns
 * @param footnotes notes under the table (e.g. "…为按统计制度不予公布的数据")
 */
public record ReportTable(String id, String title, List<Column> columns, List<List<Cell>> rows, List<String> footnotes) {
    public ReportTable {
        Objects.requireNonNull(id, "id");
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        footnotes = List.copyOf(footnotes);
        for (List<Cell> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": a row has " + r.size() + " cells for "
                    + columns.size() + " columns");
            }
        }
    }

    /** A column: its heading (with unit, e.g. "增加值（亿元）"), kind and decimals shown. */
    public record Column(String header, Kind kind, int decimals) {
        public static Column text(String header) {
            return new Column(header, Kind.TEXT, 0);
        }

        public static Column number(String header, int decimals) {
            return new Column(header, Kind.NUMBER, decimals);
        }
    }

    /** What a column holds; numbers are right-aligned and formatted with the column's decimals. */
    public enum Kind { TEXT, NUMBER }
}
