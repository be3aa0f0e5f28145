package org.countyscope.io.source;

import static org.countyscope.io.source.Fixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableTest {

    @TempDir
    Path dir;

    private static void set(Sheet sheet, int row, int column, Object value) {
        Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        Cell cell = r.createCell(column);
        if (value instanceof String text) {
            cell.setCellValue(text);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag);
        }
    }

    private static Path save(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); workbook) {
            workbook.write(out);
        }
        return file;
    }

    /**
     * Row 1: a merged title; row 2: a unit note in one cell; rows 3-4: a header with 县区 and 备注 merged down and
     * two groups 目标 and 完成 over 数值/计量单位; then data with every kind of cell.
     */
    private Path targetsWorkbook() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        workbook.createSheet("说明");
        workbook.setSheetHidden(0, true);
        Sheet sheet = workbook.createSheet("分解表");
        set(sheet, 0, 0, "2025年各县区目标任务分解表");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
        set(sheet, 1, 6, "单位：万元");
        set(sheet, 2, 0, "县区");
        sheet.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
        set(sheet, 2, 1, "目标");
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 1, 2));
        set(sheet, 3, 1, "数值");
        set(sheet, 3, 2, "计量单位");
        set(sheet, 2, 3, "完成");
        sheet.addMergedRegion(new CellRangeAddress(2, 2, 3, 4));
        set(sheet, 3, 3, "数值");
        set(sheet, 3, 4, "是否达标");
        set(sheet, 2, 5, " 上报日期 ");
        sheet.addMergedRegion(new CellRangeAddress(2, 3, 5, 5));
        set(sheet, 2, 6, "备注");
        sheet.addMergedRegion(new CellRangeAddress(2, 3, 6, 6));

        CellStyle dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));

        set(sheet, 4, 0, "崆峒区");
        set(sheet, 4, 1, 1234.5);
        set(sheet, 4, 2, "万元");
        sheet.getRow(4).createCell(3).setCellFormula("B5*2");
        sheet.getRow(4).createCell(4).setCellFormula("D5>B5");
        sheet.getRow(4).createCell(5).setCellValue(LocalDate.of(2025, 3, 31));
        sheet.getRow(4).getCell(5).setCellStyle(dateStyle);
        set(sheet, 4, 6, "1,234.5");

        set(sheet, 5, 0, "泾川县");
        set(sheet, 5, 1, "98");
        set(sheet, 5, 2, "万元");
        set(sheet, 5, 3, 12.0);
        set(sheet, 5, 4, false);
        sheet.getRow(5).createCell(5).setCellValue(LocalDateTime.of(2025, 4, 1, 9, 30, 15));
        sheet.getRow(5).getCell(5).setCellStyle(dateTimeStyle);
        sheet.addMergedRegion(new CellRangeAddress(5, 6, 6, 6));
        set(sheet, 5, 6, "两行合并");

        set(sheet, 6, 0, "灵台县");
        set(sheet, 6, 1, 1e10);
        sheet.getRow(6).createCell(3).setCellFormula("1/0");

        set(sheet, 8, 0, "崇信县");
        set(sheet, 8, 1, 0.1);
        set(sheet, 8, 9, "");

        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        evaluator.evaluateAll();
        return save(workbook, dir.resolve("目标任务.xlsx"));
    }

    @Test
    void readsTitledWorkbookWithTwoRowHeader() throws IOException {
        try (SourceTable table = SourceFiles.open(targetsWorkbook(), null)) {
            assertEquals("xlsx", table.format(), "format");
            assertNull(table.encoding(), "a workbook has no text encoding");
            assertEquals("分解表", table.metadata().get("sheet"), "the hidden first sheet is passed over");
            assertEquals(List.of("县区", "目标|数值", "目标|计量单位", "完成|数值", "完成|是否达标", "上报日期", "备注"),
                    table.header(), "title and unit rows skipped; groups joined with |; merged-down cells once");
            List<RawRecord> records = readAll(table);
            assertEquals(List.of(
                    new RawRecord(5, List.of("崆峒区", "1234.5", "万元", "2469", "true", "2025-03-31", "1,234.5")),
                    new RawRecord(6, List.of("泾川县", "98", "万元", "12", "false", "2025-04-01 09:30:15", "两行合并")),
                    new RawRecord(7, List.of("灵台县", "10000000000", "", "#ERROR", "", "", "两行合并")),
                    new RawRecord(9, List.of("崇信县", "0.1", "", "", "", "", ""))), records,
                    "Excel row numbers; cached formula results; text kept as text; merged cells filled; "
                            + "the empty row 8 skipped; short rows padded to the header");
        }
    }

    @Test
    void readsPlainSingleRowHeader() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("Sheet1");
        set(sheet, 1, 0, "县区");
        set(sheet, 1, 1, "人口");
        set(sheet, 1, 2, 2020);
        set(sheet, 2, 0, "庄浪县");
        set(sheet, 2, 1, 400000);
        set(sheet, 2, 2, "x");
        set(sheet, 2, 4, "多出来的");
        Path file = save(workbook, dir.resolve("plain.xlsx"));
        try (SourceTable table = SourceFiles.open(file, null)) {
            assertEquals(List.of("县区", "人口", "2020"), table.header(), "a numeric header cell reads as its number");
            assertEquals(List.of(new RawRecord(3, List.of("庄浪县", "400000", "x", "", "多出来的"))), readAll(table),
                    "a value right of the header is kept so the caller can quarantine the long record");
        }
    }

    @Test
    void rejectsDuplicateAndEmptyHeaderCells() throws IOException {
        XSSFWorkbook duplicate = new XSSFWorkbook();
        Sheet sheet = duplicate.createSheet("Sheet1");
        set(sheet, 0, 0, "县区");
        set(sheet, 0, 1, "县区 ");
        Path file = save(duplicate, dir.resolve("dup.xlsx"));
        SourceException e = assertThrows(SourceException.class, () -> SourceFiles.open(file, null), "duplicate");
        assertEquals("表头列名重复：县区", e.getMessage(), "same rule as CSV");

        XSSFWorkbook hole = new XSSFWorkbook();
        sheet = hole.createSheet("Sheet1");
        set(sheet, 0, 0, "县区");
        set(sheet, 0, 2, "人口");
        Path holed = save(hole, dir.resolve("hole.xlsx"));
        e = assertThrows(SourceException.class, () -> SourceFiles.open(holed, null), "empty header cell");
        assertEquals("表头第2列（B列）为空", e.getMessage(), "the column letter helps the clerk find it");
    }

    @Test
    void rejectsOldXlsAndBrokenFiles() throws IOException {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        Path xls = Fixtures.writeBytes(dir, "旧表.xls", ole2);
        SourceException e = assertThrows(SourceException.class, () -> SourceFiles.open(xls, null), ".xls");
        assertTrue(e.getMessage().startsWith("不是有效的 XLSX 文件"), e.getMessage());
        assertTrue(e.getMessage().contains(".xls"), "tells the clerk what to do: " + e.getMessage());

        Path text = Fixtures.writeBytes(dir, "假的.xlsx", "县区,人口\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (SourceTable t = SourceFiles.open(text, null)) {
            assertEquals("csv", t.format(), "a CSV saved under an .xlsx name is read as the CSV it is");
            assertEquals(List.of("县区", "人口"), t.header());
        }
        Path noise = Fixtures.writeBytes(dir, "乱码.xlsx", new byte[] {1, (byte) 0x81, (byte) 0xFF, 0, (byte) 0xFE, 7});
        e = assertThrows(SourceException.class, () -> SourceFiles.open(noise, null), "bytes that are neither");
        assertTrue(e.getMessage().startsWith("不是有效的 XLSX 文件"), e.getMessage());

        Path truncated = dir.resolve("截断.xlsx");
        byte[] whole = Files.readAllBytes(targetsWorkbook());
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        e = assertThrows(SourceException.class, () -> SourceFiles.open(truncated, null), "half a zip");
        assertTrue(e.getMessage().startsWith("不是有效的 XLSX 文件"), e.getMessage());
    }

    @Test
    void readsWorkbookRenamedToCsv() throws IOException {
        Path workbook = targetsWorkbook();
        Path renamed = Files.copy(workbook, dir.resolve("目标任务.csv"));
        try (SourceTable table = SourceFiles.open(renamed, null)) {
            assertEquals("xlsx", table.format(), "the content, not the name, says it is a workbook");
        }
    }
}
