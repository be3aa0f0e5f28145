package org.countyscope.io.source;

/**
 * What a source file may hold at most, so that a hostile or broken file is rejected with a message instead of
 * exhausting memory: Excel's own limits for cells and columns, and a bound on a line that no table of ours comes near.
 */
public final class Limits {
    /** Characters in one cell: Excel cannot hold more (32,767), so a longer field is a runaway quote or no table. */
    public static final int CELL_CHARS = 32_767;
    /** Columns in one row: Excel's last column is XFD, the 16,384th. */
    public static final int COLUMNS = 16_384;
    /** Characters in one record or physical line; the widest dataset's rows are under 1 KB. */
    public static final int LINE_CHARS = 1 << 20;
    /** Bytes of one part of an .xlsx once unzipped; above it the workbook would not fit the heap as a sheet model. */
    public static final long XLSX_PART_BYTES = 100L << 20;
    /** Smallest compressed ÷ uncompressed ratio of an .xlsx part; a real sheet compresses to about 1:10. */
    public static final double XLSX_MIN_INFLATE_RATIO = 0.005;

    private Limits() {
    }

    /** The number with thousands separators, as the messages print it. */
    static String n(long value) {
        return String.format("%,d", value);
    }
}
