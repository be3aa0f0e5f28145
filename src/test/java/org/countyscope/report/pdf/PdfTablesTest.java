package org.countyscope.report.pdf;

import org.countyscope.report.model.Cell;
import org.countyscope.report.model.ReportTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfTablesTest {
    private static final float TEXT_WIDTH = 471f;
    private final PdfStyle style = PdfStyle.load();
    private final PdfTables tables = new PdfTables(style, TEXT_WIDTH);

    @Test
    void aWideComparisonTableKeepsEveryNumberOnOneLine() {
        List<ReportTable.Column> cols = new ArrayList<>();
        cols.add(ReportTable.Column.text("县区"));
        String[] heads = {"1—6月增加值（亿元）", "全市合计（亿元）", "占全市比重（%）", "位次", "同比增长（%）",
            "比全市高低（百分点）", "贡献率（%）", "拉动（百分点）", "两年平均增长（%）", "人均（元）", "增加值（万元）"};
        for (String h : heads) {
            cols.add(ReportTable.Column.number(h, 1));
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (String county : List.of("崆峒区", "平凉工业园区", "全市")) {
            List<Cell> r = new ArrayList<>();
            r.add(Cell.text(county));
            for (int c = 0; c < heads.length; c++) {
                r.add(c == 2 ? Cell.withheldCell() : Cell.number(-123456.789 / (c + 1)));
            }
            rows.add(r);
        }
        ReportTable wide = new ReportTable("wide", "宽表", cols, rows, List.of());
        PdfTables.Layout layout = tables.layout(wide);
        float sum = 0f;
        for (int c = 0; c < cols.size(); c++) {
            sum += layout.widths()[c];
            if (c == 0) {
                continue;
            }
            for (List<Cell> r : rows) {
                String shown = r.get(c).display(1);
                float need = style.base.getWidthPoint(shown, layout.size()) + 8f;
                assertTrue(layout.widths()[c] >= need, "column " + cols.get(c).header() + " holds " + shown
                    + " on one line at " + layout.size() + " pt: " + layout.widths()[c] + " >= " + need);
            }
            String header = cols.get(c).header();
            String unit = header.contains("（") ? header.substring(header.indexOf('（')) : header;
            assertTrue(layout.widths()[c] >= style.base.getWidthPoint(unit, layout.size()) + 8f,
                "the unit " + unit + " is never broken");
        }
        assertEquals(TEXT_WIDTH, sum, 0.01f, "the table spans the text width exactly");
        assertTrue(layout.size() < 9f && layout.size() >= 6.5f, "twelve columns need a smaller size: " + layout.size());
    }

    @Test
    void aNarrowTableUsesTheBodyTableSize() {
        ReportTable narrow = new ReportTable("n", "窄表",
            List.of(ReportTable.Column.text("县区"), ReportTable.Column.number("增加值（亿元）", 2)),
            List.of(List.of(Cell.text("泾川县"), Cell.number(12.3))), List.of());
        assertEquals(9f, tables.layout(narrow).size(), "two columns fit at 9 pt");
    }

    @Test
    void spareWidthGoesFirstToColumnsThatWouldWrap() {
        float[] w = PdfTables.spread(new float[] {40f, 30f}, new float[] {100f, 30f}, 200f);
        // 130 spare: 60 bring the text column to its natural 100, the other 70 are shared 100:30
        assertArrayEquals(new float[] {100f + 70f * 100f / 130f, 30f + 70f * 30f / 130f}, w, 0.001f,
            "natural widths first, then in proportion");
        float[] tight = PdfTables.spread(new float[] {300f, 100f}, new float[] {300f, 100f}, 200f);
        assertArrayEquals(new float[] {150f, 50f}, tight, 0.001f, "too wide: shrunk in proportion");
    }

    @Test
    void aLongHeadingBreaksBeforeItsUnit() {
        assertEquals("本年完成投资\n（万元）", tables.header("本年完成投资（万元）", 40f, 9f), "unit on its own line");
        assertEquals("本年完成投资（万元）", tables.header("本年完成投资（万元）", 200f, 9f), "fits: one line");
        assertEquals("位次", tables.header("位次", 5f, 9f), "no unit: left to wrap");
    }

    @Test
    void chapterNumbersInChinese() {
        assertEquals(List.of("一", "九", "十", "十二", "二十", "二十一"),
            List.of(PdfReport.chineseNumber(1), PdfReport.chineseNumber(9), PdfReport.chineseNumber(10),
                PdfReport.chineseNumber(12), PdfReport.chineseNumber(20), PdfReport.chineseNumber(21)),
            "一 … 二十一");
    }
}
