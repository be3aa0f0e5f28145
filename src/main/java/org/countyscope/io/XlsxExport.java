package org.countyscope.io;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes tables as one workbook for planners: a sheet per table, Chinese headings, frozen header row, number formats,
 * and text that Excel would take for a formula kept as text (quote-prefixed), so data can never run as a formula.
 */
public final class XlsxExport {

    /** One sheet: its name, headings and rows (Number, String or null cells). */
    public record Sheet(String name, List<String> headings, List<List<Object>> rows) {
    }

    private XlsxExport() {
    }

    public static void write(Path file, List<Sheet> sheets) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            DataFormat fmt = wb.createDataFormat();
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle head = wb.createCellStyle();
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            CellStyle number = wb.createCellStyle();
            number.setDataFormat(fmt.getFormat("#,##0.00"));
            CellStyle whole = wb.createCellStyle();
            whole.setDataFormat(fmt.getFormat("#,##0"));
            CellStyle text = wb.createCellStyle();
            text.setQuotePrefixed(true);
            java.util.Map<Integer, CellStyle> decimals = new java.util.HashMap<>();
            CellStyle plain = wb.createCellStyle();
            plain.setAlignment(HorizontalAlignment.RIGHT);
            for (Sheet s : sheets) {
                SXSSFSheet sh = wb.createSheet(s.name());
                org.apache.poi.ss.usermodel.Row hr = sh.createRow(0);
                for (int c = 0; c < s.headings().size(); c++) {
                    Cell cell = hr.createCell(c);
                    cell.setCellValue(s.headings().get(c));
                    cell.setCellStyle(head);
                }
                sh.createFreezePane(0, 1);
                int r = 1;
                for (List<Object> row : s.rows()) {
                    org.apache.poi.ss.usermodel.Row xr = sh.createRow(r++);
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = xr.createCell(c);
                        if (v instanceof java.math.BigDecimal d) {
                            // a printed figure: stored as its digits, shown with exactly its decimals
                            cell.setCellValue(d.doubleValue());
                            cell.setCellStyle(decimals.computeIfAbsent(Math.max(0, d.scale()), k -> {
                                CellStyle st = wb.createCellStyle();
                                st.setDataFormat(fmt.getFormat(k == 0 ? "#,##0" : "#,##0." + "0".repeat(k)));
                                return st;
                            }));
                        } else if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            cell.setCellStyle(v instanceof Integer || v instanceof Long ? whole : number);
                        } else {
                            String t = v.toString();
                            cell.setCellValue(t);
                            cell.setCellStyle(t.equals("…") ? plain : text);
                        }
                    }
                }
                for (int c = 0; c < s.headings().size(); c++) {
                    // CJK characters are about two Latin ones wide; auto-sizing would need the font installed
                    sh.setColumnWidth(c, Math.min(60, Math.max(10, s.headings().get(c).length() * 2 + 2)) * 256);
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
