package org.countyscope.report.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.Section;
import org.countyscope.report.model.Vintage;
import org.countyscope.report.pdf.FixedReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExcelReportTest {
    @TempDir
    static Path dir;
    private static Path file;
    private static XSSFWorkbook wb;

    @BeforeAll
    static void writeOnce() throws IOException {
        file = ExcelReport.write(FixedReport.report(), dir);
        wb = new XSSFWorkbook(Files.newInputStream(file));
    }

    @AfterAll
    static void close() throws IOException {
        wb.close();
    }

    @Test
    void writesTablesXlsxWithANotesSheetThenOneSheetPerTable() {
        assertEquals(dir.resolve("tables.xlsx"), file, "the file is tables.xlsx in the report folder");
        assertEquals(1 + FixedReport.report().tables().size(), wb.getNumberOfSheets(), "说明 plus one sheet per table");
        assertEquals("说明", wb.getSheetName(0), "the first sheet is 说明");
        assertEquals("各县区规上工业增加值", wb.getSheetName(1), "a short title is the sheet name as it is");
        assertFalse(Files.exists(dir.resolve("tables.xlsx.tmp")), "the temporary file is moved into place");
    }

    @Test
    void sheetNamesAreUniqueShortAndLegal() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            String name = wb.getSheetName(i);
            assertTrue(name.length() <= 31, name + " fits Excel's 31 characters");
            assertTrue(name.chars().noneMatch(c -> "\\/?*[]:".indexOf(c) >= 0), name + " has no \\ / ? * [ ] :");
            assertTrue(seen.add(name.toLowerCase(Locale.ROOT)), name + " is unique");
        }
        String cut = wb.getSheetName(2);
        assertEquals(31, cut.length(), "the long title is cut to 31: " + cut);
        assertTrue(cut.startsWith("规上工业企业分行业增加值营业收入及利润总额按县区2025年"), "illegal characters removed: " + cut);
        assertTrue(wb.getSheetName(3).endsWith("(2)") && wb.getSheetName(3).length() == 31,
            "the same title again gets (2) within 31: " + wb.getSheetName(3));
    }

    @Test
    void sheetNamesOfAwkwardTitles() {
        List<String> names = ExcelReport.sheetNames(reportOf(table("a", "Abc"), table("b", "abc"), table("c", "说明"),
            table("d", "[]:*?/\\"), table("e", "'引号'")));
        assertEquals(List.of("Abc", "abc(2)", "说明(2)", "d", "引号"), names,
            "case-insensitive uniqueness, 说明 reserved, id when nothing legal is left, no outer apostrophes");
        List<String> cut = ExcelReport.sheetNames(reportOf(table("f", "表9　附表 分县（市、区）分行业大类规上工业增加值（1—12月，现价）")));
        assertEquals(List.of("表9　附表 分县（市、区）分行业大类规上工业增加值"), cut,
            "a bracket the 31-character cut would leave open goes with what it opened");
    }

    @Test
    void titleRowThenBoldFilledBorderedHeaderFrozenAboveTheData() {
        XSSFSheet sh = wb.getSheet("各县区规上工业增加值");
        assertEquals("各县区规上工业增加值", sh.getRow(0).getCell(0).getStringCellValue(), "a title row");
        XSSFCell head = sh.getRow(ExcelReport.HEADER_ROW).getCell(1);
        assertEquals("增加值（亿元）", head.getStringCellValue(), "the Chinese heading");
        XSSFCellStyle hs = head.getCellStyle();
        assertTrue(hs.getFont().getBold(), "the header is bold");
        assertEquals(FillPatternType.SOLID_FOREGROUND, hs.getFillPattern(), "the header is filled");
        assertEquals(BorderStyle.THIN, hs.getBorderBottom(), "the header has borders");
        assertEquals("WenQuanYi Zen Hei", hs.getFont().getFontName(), "the CJK font is named in the style");
        PaneInformation pane = sh.getPaneInformation();
        assertNotNull(pane, "the sheet has a pane");
        assertTrue(pane.isFreezePane(), "the pane is frozen");
        assertEquals(2, pane.getHorizontalSplitTopRow(), "frozen below the title and header rows");
        assertEquals(0, pane.getVerticalSplitLeftColumn(), "no columns frozen");
    }

    @Test
    void numbersAreNumbersInTheColumnsFormat() {
        XSSFSheet sh = wb.getSheet("各县区规上工业增加值");
        Row first = sh.getRow(2);
        assertEquals("崆峒区", first.getCell(0).getStringCellValue(), "data starts under the header");
        XSSFCell value = (XSSFCell) first.getCell(1);
        assertEquals(CellType.NUMERIC, value.getCellType(), "a number cell is a real number");
        assertEquals(123.46, value.getNumericCellValue(), 0.0,
            "the printed figure is stored, not 123.456 shown rounded: a sum in Excel adds what the page prints");
        assertEquals("0.00", value.getCellStyle().getDataFormatString(), "2 decimals");
        assertEquals("0.0", ((XSSFCell) first.getCell(2)).getCellStyle().getDataFormatString(), "1 decimal");
        XSSFCell whole = wb.getSheetAt(2).getRow(2).getCell(1);
        assertEquals("0", whole.getCellStyle().getDataFormatString(), "0 decimals");
        assertEquals(12346.0, whole.getNumericCellValue(), 0.0, "12345.6 in a column of whole numbers is stored as printed");
    }

    @Test
    void withheldCellsAreTheRightAlignedMark() {
        Row jingchuan = wb.getSheet("各县区规上工业增加值").getRow(3);
        assertEquals("泾川县", jingchuan.getCell(0).getStringCellValue(), "the row with withheld cells");
        for (int c : new int[] {1, 3}) {
            XSSFCell cell = (XSSFCell) jingchuan.getCell(c);
            assertEquals(CellType.STRING, cell.getCellType(), "withheld is text, not a number");
            assertEquals(Cell.WITHHELD_MARK, cell.getStringCellValue(), "withheld prints …");
            assertEquals(HorizontalAlignment.RIGHT, cell.getCellStyle().getAlignment(), "… sits where numbers sit");
        }
        assertEquals(5.2, jingchuan.getCell(2).getNumericCellValue(), 0.0, "the published growth next to it");
    }

    @Test
    void textThatLooksLikeAFormulaStaysQuotePrefixedText() {
        XSSFSheet sh = wb.getSheet("各县区规上工业增加值");
        List<String> found = new ArrayList<>();
        for (Row r : sh) {
            XSSFCell c = (XSSFCell) r.getCell(0);
            if (c != null && FixedReport.HOSTILE.contains(c.getStringCellValue())) {
                assertEquals(CellType.STRING, c.getCellType(), c.getStringCellValue() + " is a string cell");
                assertTrue(c.getCellStyle().getQuotePrefixed(), c.getStringCellValue() + " is quote-prefixed");
                found.add(c.getStringCellValue());
            }
        }
        assertEquals(FixedReport.HOSTILE, found, "every hostile text is there, verbatim and in order");
        for (Sheet s : wb) {
            for (Row r : s) {
                for (org.apache.poi.ss.usermodel.Cell c : r) {
                    assertNotEquals(CellType.FORMULA, c.getCellType(),
                        "no formula anywhere: " + s.getSheetName() + "!" + c.getAddress());
                }
            }
        }
    }

    @Test
    void noSheetXmlHoldsAFormulaElement() throws IOException {
        Pattern formula = Pattern.compile("<(\\w+:)?f[\\s>/]");
        int sheets = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().startsWith("xl/worksheets/sheet")) {
                    sheets++;
                    try (InputStream in = zip.getInputStream(e)) {
                        String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        assertFalse(formula.matcher(xml).find(), e.getName() + " has no <f> element");
                        if (xml.contains("HYPERLINK")) {
                            assertTrue(xml.contains("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)")
                                || xml.contains("=HYPERLINK(\"http://x\",\"y\")"), "the text is stored as a value");
                        }
                    }
                }
            }
        }
        assertEquals(wb.getNumberOfSheets(), sheets, "every sheet's XML was checked");
    }

    @Test
    void longTableAndFootnotesUnderIt() {
        XSSFSheet sh = wb.getSheet("重点项目投资完成情况");
        assertEquals(FixedReport.projectCode(1), sh.getRow(2).getCell(0).getStringCellValue(), "first row");
        assertEquals(FixedReport.projectCode(FixedReport.LONG_ROWS),
            sh.getRow(1 + FixedReport.LONG_ROWS).getCell(0).getStringCellValue(), "all 120 rows");
        assertEquals("注：项目按入库顺序排列。", sh.getRow(3 + FixedReport.LONG_ROWS).getCell(0).getStringCellValue(),
            "the footnote one row under the table");
        assertTrue(sh.getColumnWidth(1) >= 30 * 256, "a column of 15 Chinese characters is wide enough: "
            + sh.getColumnWidth(1) / 256);
        assertTrue(sh.getColumnWidth(0) < sh.getColumnWidth(1), "a code column is narrower than a name column");
    }

    @Test
    void notesSheetHasTitlePeriodVintageAndFootnotes() {
        XSSFSheet sh = wb.getSheet("说明");
        List<String> text = new ArrayList<>();
        for (Row r : sh) {
            StringBuilder b = new StringBuilder();
            for (org.apache.poi.ss.usermodel.Cell c : r) {
                b.append(c.getCellType() == CellType.NUMERIC ? String.valueOf((long) c.getNumericCellValue())
                    : c.getStringCellValue()).append('|');
            }
            text.add(b.toString());
        }
        assertEquals("平凉市2025年1—6月县域经济运行监测|", text.get(0), "the title first");
        assertTrue(text.contains("报告期|1—6月（2025年6月）|"), "the period, in Chinese: " + text);
        assertTrue(text.contains("生成时间|" + FixedReport.GENERATED_AT + "|"), "when it was made");
        assertTrue(text.contains("数据截至|2025年6月|") && text.contains("发布版本|2025-06 初步|"), "the plain vintage: " + text);
        assertTrue(text.contains("gold/comparison|12|2025-06 初步|"), "table, Delta version, release");
        assertTrue(text.contains("gold/project_progress|3|—|"), "no release shows —");
        assertTrue(text.contains("1. " + FixedReport.FOOTNOTE + "|"), "the report's footnotes");
        assertTrue(text.contains("重点项目投资完成情况|重点项目投资完成情况|120|"), "the sheet list with row counts");
    }

    @Test
    void theSourcesHandedOverAreListedOnlyOnTheNotesSheet(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
        throws java.io.IOException {
        Report planners = reportOf(table("a", "甲表"));
        java.nio.file.Path f = ExcelReport.write(planners, List.of(new Vintage.TableVersion("gold/review_flags", 4, "")), dir);
        try (XSSFWorkbook book = new XSSFWorkbook(java.nio.file.Files.newInputStream(f))) {
            XSSFSheet notes = book.getSheet("说明");
            boolean listed = false;
            for (Row r : notes) {
                listed |= r.getCell(0) != null && "gold/review_flags".equals(r.getCell(0).getStringCellValue())
                    && r.getCell(1).getNumericCellValue() == 4;
            }
            assertTrue(listed, "the workbook keeps the internal versions the planners' pages leave out");
        }
    }

    private static ReportTable table(String id, String title) {
        return new ReportTable(id, title, List.of(ReportTable.Column.text("x")), List.of(), List.of());
    }

    private static Report reportOf(ReportTable... tables) {
        return new Report("t", "2025-06", "month", "6月", List.of(),
            List.of(new Section("s", "s", List.of(), List.of(), List.of(tables))),
            new Vintage("now", List.of()), List.of());
    }
}
