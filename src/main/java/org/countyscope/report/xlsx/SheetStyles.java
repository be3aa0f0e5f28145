package org.countyscope.report.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.HashMap;
import java.util.Map;

/** The workbook's cell styles, created once, every style that may hold text quote-prefixed. */
final class SheetStyles {
    /** The bundled CJK font's family name; where it is not installed Excel falls back to its own CJK font. */
    static final String FONT_NAME = "WenQuanYi Zen Hei";

    final XSSFCellStyle title;
    final XSSFCellStyle header;
    final XSSFCellStyle text;
    final XSSFCellStyle textRight;
    final XSSFCellStyle withheld;
    final XSSFCellStyle blank;
    final XSSFCellStyle note;
    final XSSFCellStyle label;
    final XSSFCellStyle plain;

    private final XSSFWorkbook wb;
    private final XSSFFont bodyFont;
    private final Map<Integer, XSSFCellStyle> numbers = new HashMap<>();

    /** Quote-prefixed text styles keep = + - @ text as text even when a planner edits the cell in Excel. */
    SheetStyles(XSSFWorkbook wb) {
        this.wb = wb;
        bodyFont = font(10, false, null);
        XSSFFont titleFont = font(14, true, new byte[] {0x1F, 0x3A, 0x5F});
        XSSFFont boldFont = font(10, true, null);
        XSSFFont noteFont = font(9, false, new byte[] {0x59, 0x59, 0x59});

        title = style(titleFont, HorizontalAlignment.LEFT, false, true);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        header = style(boldFont, HorizontalAlignment.CENTER, true, true);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xDC, (byte) 0xE3, (byte) 0xEC}, null));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = style(bodyFont, HorizontalAlignment.LEFT, true, true);
        textRight = style(bodyFont, HorizontalAlignment.RIGHT, true, true);
        withheld = style(bodyFont, HorizontalAlignment.RIGHT, true, true);
        blank = style(bodyFont, HorizontalAlignment.GENERAL, true, false);
        note = style(noteFont, HorizontalAlignment.LEFT, false, true);
        label = style(boldFont, HorizontalAlignment.LEFT, false, true);
        plain = style(bodyFont, HorizontalAlignment.LEFT, false, true);
    }

    /** The style of a number with the given decimals: "0", "0.0", "0.00"… (no grouping, as the bureau prints). */
    XSSFCellStyle number(int decimals) {
        int d = Math.max(0, Math.min(10, decimals));
        return numbers.computeIfAbsent(d, k -> {
            XSSFCellStyle s = style(bodyFont, HorizontalAlignment.RIGHT, true, false);
            s.setDataFormat(wb.createDataFormat().getFormat(format(k)));
            return s;
        });
    }

    static String format(int decimals) {
        return decimals <= 0 ? "0" : "0." + "0".repeat(decimals);
    }

    private XSSFFont font(int points, boolean bold, byte[] rgb) {
        XSSFFont f = wb.createFont();
        f.setFontName(FONT_NAME);
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        if (rgb != null) {
            f.setColor(new XSSFColor(rgb, null));
        }
        return f;
    }

    private XSSFCellStyle style(XSSFFont font, HorizontalAlignment align, boolean borders, boolean quoted) {
        XSSFCellStyle s = wb.createCellStyle();
        s.setFont(font);
        s.setAlignment(align);
        s.setQuotePrefixed(quoted);
        if (borders) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            XSSFColor grey = new XSSFColor(new byte[] {(byte) 0xA6, (byte) 0xA6, (byte) 0xA6}, null);
            s.setTopBorderColor(grey);
            s.setBottomBorderColor(grey);
            s.setLeftBorderColor(grey);
            s.setRightBorderColor(grey);
        }
        return s;
    }
}
