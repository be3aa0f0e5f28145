package org.countyscope.report.xlsx;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.countyscope.publish.Precision;
import org.countyscope.report.ChineseDates;
import org.countyscope.report.ReportFiles;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.Vintage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Writes {@code tables.xlsx}: a sheet "说明" then one formatted sheet per report table, every text a quote-prefixed
 * string cell and never a formula.
 */
public final class ExcelReport {
    /** The file written into the report folder. */
    public static final String FILE_NAME = "tables.xlsx";
    /** Name of the first sheet. */
    public static final String NOTES_SHEET = "说明";
    /** Excel's limit on a sheet name's length. */
    public static final int MAX_SHEET_NAME = 31;
    /** Row index (0-based) of a table sheet's header; data and the frozen pane start on the next row. */
    public static final int HEADER_ROW = 1;

    /** Excel's limit on the characters of one cell. */
    private static final int MAX_CELL_TEXT = 32_767;

    private ExcelReport() {
    }

    /**
     * Writes {@code reportDir/tables.xlsx} (atomically: a failure leaves no partial file) and returns its path.
     * "说明" holds the title, period, vintage, the list of sheets and the footnotes; each table sheet a title row, a
     * bold filled header frozen above the data, numbers as numbers in the column's format, withheld cells as "…"
     * and the table's footnotes under it. The data versions listed are the report's own (none for a planners'
     * report: see {@link #write(Report, List, Path)}).
     */
    public static Path write(Report report, Path reportDir) {
        return write(report, report.vintage().tables(), reportDir);
    }

    /**
     * As {@link #write(Report, Path)}, listing {@code sources} — the internal table names with their Delta versions
     * and releases — under "数据版本" on the 说明 sheet: the one place of the report where they appear.
     */
    public static Path write(Report report, List<Vintage.TableVersion> sources, Path reportDir) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(reportDir, "reportDir");
        return ReportFiles.write(reportDir.resolve(FILE_NAME), out -> {
            try (XSSFWorkbook wb = new XSSFWorkbook()) {
                SheetStyles styles = new SheetStyles(wb);
                List<ReportTable> tables = report.tables();
                List<String> names = sheetNames(report);
                notesSheet(wb.createSheet(NOTES_SHEET), report, sources, names, styles);
                for (int i = 0; i < tables.size(); i++) {
                    tableSheet(wb.createSheet(names.get(i)), tables.get(i), styles);
                }
                wb.setActiveSheet(0);
                wb.write(out);
            }
        });
    }

    /**
     * The sheet name of each of {@link Report#tables()}, in order: the Chinese title without {@code \ / ? * [ ] :}
     * and outer apostrophes, cut to 31 characters, made unique (ignoring case, and never "说明") by a suffix "(2)"….
     */
    public static List<String> sheetNames(Report report) {
        Set<String> used = new HashSet<>();
        used.add(NOTES_SHEET.toLowerCase(Locale.ROOT));
        List<String> names = new ArrayList<>();
        for (ReportTable t : report.tables()) {
            names.add(uniqueName(t, used));
        }
        return names;
    }

    private static String uniqueName(ReportTable t, Set<String> used) {
        String base = clean(t.title());
        if (base.isEmpty()) {
            base = clean(t.id());
        }
        if (base.isEmpty()) {
            base = "表";
        }
        String name = cut(base, MAX_SHEET_NAME);
        for (int k = 2; used.contains(name.toLowerCase(Locale.ROOT)); k++) {
            String suffix = "(" + k + ")";
            name = cut(base, MAX_SHEET_NAME - suffix.length()) + suffix;
        }
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(cp -> "\\/?*[]:".indexOf(cp) < 0 && !Character.isISOControl(cp))
            .forEach(b::appendCodePoint);
        String out = b.toString().strip();
        while (out.startsWith("'") || out.endsWith("'")) {
            out = (out.startsWith("'") ? out.substring(1) : out.substring(0, out.length() - 1)).strip();
        }
        return out;
    }

    /** The first {@code max} chars of s, never splitting a surrogate pair. */
    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        String cut = s.substring(0, end).strip();
        // a bracket the cut left open ("…（1—12月，现价") goes with what it opened
        int open = Math.max(cut.lastIndexOf('（'), cut.lastIndexOf('('));
        if (open > 0 && cut.indexOf('）', open) < 0 && cut.indexOf(')', open) < 0) {
            cut = cut.substring(0, open).strip();
        }
        return cut;
    }

    private static void tableSheet(XSSFSheet sh, ReportTable table, SheetStyles styles) {
        int n = table.columns().size();
        XSSFRow titleRow = sh.createRow(0);
        titleRow.setHeightInPoints(26f);
        text(titleRow, 0, table.title(), styles.title);
        if (n > 1) {
            sh.addMergedRegion(new CellRangeAddress(0, 0, 0, n - 1));
        }

        int[] widths = columnWidths(table);
        XSSFRow head = sh.createRow(HEADER_ROW);
        int lines = 1;
        for (int c = 0; c < n; c++) {
            String h = table.columns().get(c).header();
            text(head, c, h, styles.header);
            lines = Math.max(lines, (int) Math.ceil(chars(h) / Math.max(1.0, widths[c] - 1.0)));
        }
        head.setHeightInPoints(15f * Math.min(lines, 4) + 4f);

        int r = HEADER_ROW + 1;
        for (List<Cell> row : table.rows()) {
            XSSFRow xr = sh.createRow(r++);
            for (int c = 0; c < n; c++) {
                ReportTable.Column col = table.columns().get(c);
                cell(xr, c, row.get(c), col, styles);
            }
        }
        if (!table.footnotes().isEmpty()) {
            r++;
            for (int i = 0; i < table.footnotes().size(); i++) {
                text(sh.createRow(r++), 0, (i == 0 ? "注：" : "　　") + table.footnotes().get(i), styles.note);
            }
        }

        for (int c = 0; c < n; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
        sh.createFreezePane(0, HEADER_ROW + 1);
        if (n > 0 && !table.rows().isEmpty()) {
            sh.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW + table.rows().size(), 0, n - 1));
        }
        // printing: the title and header on every page, all columns on one page's width
        sh.setRepeatingRows(new CellRangeAddress(0, HEADER_ROW, -1, -1));
        sh.getPrintSetup().setLandscape(n > 6);
        sh.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        sh.setFitToPage(true);
        sh.getPrintSetup().setFitWidth((short) 1);
        sh.getPrintSetup().setFitHeight((short) 0);
    }

    private static void cell(XSSFRow row, int c, Cell v, ReportTable.Column col, SheetStyles styles) {
        boolean numeric = col.kind() == ReportTable.Kind.NUMBER;
        if (v.withheld()) {
            text(row, c, Cell.WITHHELD_MARK, styles.withheld);
        } else if (v.number() != null && Double.isFinite(v.number())) {
            XSSFCell x = row.createCell(c);
            // the figure as printed, not only shown so: a sum in Excel adds the printed digits
            x.setCellValue(Precision.atDecimals(v.number(), col.decimals()).doubleValue());
            x.setCellStyle(styles.number(col.decimals()));
        } else if (v.text() != null) {
            text(row, c, v.text(), numeric ? styles.textRight : styles.text);
        } else {
            row.createCell(c).setCellStyle(styles.blank);
        }
    }

    /** The one way text reaches a cell: a string cell under a quote-prefixed style, never a formula. */
    private static void text(XSSFRow row, int c, String s, CellStyle style) {
        String t = s == null ? "" : s;
        if (t.length() > MAX_CELL_TEXT) {
            t = t.substring(0, MAX_CELL_TEXT - 1) + Cell.WITHHELD_MARK;
        }
        XSSFCell x = row.createCell(c);
        x.setCellValue(t);
        x.setCellStyle(style);
    }

    /** Column widths in characters: the widest cell (a Chinese character counts two), headers wrap past 16. */
    private static int[] columnWidths(ReportTable table) {
        int n = table.columns().size();
        int[] w = new int[n];
        for (int c = 0; c < n; c++) {
            ReportTable.Column col = table.columns().get(c);
            double widest = Math.min(16.0, chars(col.header()));
            for (List<Cell> row : table.rows()) {
                widest = Math.max(widest, chars(row.get(c).display(col.decimals())));
            }
            w[c] = (int) Math.max(8, Math.min(60, Math.ceil(widest) + 3));
        }
        return w;
    }

    private static double chars(String s) {
        if (s == null) {
            return 0;
        }
        return s.codePoints().mapToDouble(cp -> cp >= 0x2E80 ? 2.0 : 1.1).sum();
    }

    private static void notesSheet(XSSFSheet sh, Report report, List<Vintage.TableVersion> sources, List<String> names,
                                   SheetStyles styles) {
        int r = 0;
        XSSFRow title = sh.createRow(r++);
        title.setHeightInPoints(26f);
        text(title, 0, report.title(), styles.title);
        r++;
        String label = report.periodLabel() == null ? "" : report.periodLabel();
        pair(sh.createRow(r++), "报告期", label.isEmpty() ? ChineseDates.month(report.period())
            : label + "（" + ChineseDates.month(report.period()) + "）",
            styles);
        pair(sh.createRow(r++), "生成时间", report.vintage().generatedAt(), styles);
        if (!report.vintage().dataThrough().isBlank()) {
            pair(sh.createRow(r++), "数据截至", report.vintage().dataThrough(), styles);
        }
        if (!report.vintage().release().isBlank()) {
            pair(sh.createRow(r++), "发布版本", report.vintage().release(), styles);
        }
        r++;

        text(sh.createRow(r++), 0, "数据版本", styles.label);
        XSSFRow vh = sh.createRow(r++);
        text(vh, 0, "数据表", styles.header);
        text(vh, 1, "Delta 版本", styles.header);
        text(vh, 2, "数据发布", styles.header);
        for (Vintage.TableVersion tv : sources) {
            XSSFRow vr = sh.createRow(r++);
            text(vr, 0, tv.table(), styles.text);
            XSSFCell version = vr.createCell(1);
            version.setCellValue(tv.version());
            version.setCellStyle(styles.number(0));
            text(vr, 2, tv.release() == null || tv.release().isBlank() ? "—" : tv.release(), styles.text);
        }
        r++;

        text(sh.createRow(r++), 0, "工作表", styles.label);
        XSSFRow th = sh.createRow(r++);
        text(th, 0, "工作表", styles.header);
        text(th, 1, "表名", styles.header);
        text(th, 2, "行数", styles.header);
        List<ReportTable> tables = report.tables();
        for (int i = 0; i < tables.size(); i++) {
            XSSFRow tr = sh.createRow(r++);
            text(tr, 0, names.get(i), styles.text);
            text(tr, 1, tables.get(i).title(), styles.text);
            XSSFCell rows = tr.createCell(2);
            rows.setCellValue(tables.get(i).rows().size());
            rows.setCellStyle(styles.number(0));
        }

        if (!report.footnotes().isEmpty()) {
            r++;
            text(sh.createRow(r++), 0, "注释", styles.label);
            for (int i = 0; i < report.footnotes().size(); i++) {
                text(sh.createRow(r++), 0, (i + 1) + ". " + report.footnotes().get(i), styles.plain);
            }
        }
        sh.setColumnWidth(0, 34 * 256);
        sh.setColumnWidth(1, 56 * 256);
        sh.setColumnWidth(2, 24 * 256);
        sh.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
    }

    private static void pair(XSSFRow row, String label, String value, SheetStyles styles) {
        text(row, 0, label, styles.label);
        text(row, 1, value, styles.plain);
    }
}
