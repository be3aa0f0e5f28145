package org.countyscope.review;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.countyscope.review.ReviewFixtures.RULES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewFilesTest {
    @TempDir
    Path tmp;

    static List<Flag> flags() {
        Flags.Subject a = new Flags.Subject("industrial_output", "620821", "泾川县", "916208210000000999", "企业<999>",
            "2025-12", "2025-12");
        Flags.Subject b = new Flags.Subject("attraction_funds", "620822", "灵台县", "ZS2025-620822-002", "牛肉项目",
            "2025-12", "");
        Flags.Subject c = new Flags.Subject("tax", "", "", "tax", "税收收入（全口径）", "2025-12", "2025-12");
        return List.of(Flags.of(RULES.get("ent_month_band"), a, 1200.5, 100, 150, "万元"),
            Flags.of(RULES.get("funds_above_signed"), b, 13740, Double.NaN, 4580, "万元"),
            Flags.of(RULES.get("dq_rows_drop"), c, 300, 490, Double.NaN, "条"));
    }

    @Test
    void csvHasABomChineseHeadingsAndOneRowPerFlag() throws IOException {
        Path csv = tmp.resolve("flags.csv");
        ReviewFiles.writeCsv(csv, flags(), RULES);
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF数据集,区划代码,地区,对象代码,对象名称,时期,规则"), text);
        assertEquals(5, text.split("\r\n").length, "Chinese header, canonical names and three flags");
        assertTrue(text.split("\r\n")[1].startsWith("dataset,region_code,region_name,"), "canonical names second");
        assertTrue(text.contains("100.00～150.00"), text);
    }

    @Test
    void aWorkbookPerCountyComesBackWithItsVerifiedRows() throws IOException {
        Path xlsx = tmp.resolve("review.xlsx");
        ReviewFiles.writeWorkbook(xlsx, flags(), RULES);
        Path returned = tmp.resolve("returned.xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertEquals(List.of("全市", "泾川县", "灵台县"), List.of(wb.getSheetName(0), wb.getSheetName(1),
                wb.getSheetName(2)), "one sheet per county, dataset-wide flags under 全市");
            Sheet lingtai = wb.getSheet("灵台县");
            Row head = lingtai.getRow(0);
            int status = head.getLastCellNum() - 2;
            assertEquals("核实情况", head.getCell(status).getStringCellValue());
            lingtai.getRow(1).createCell(status).setCellValue("已核实");
            lingtai.getRow(1).createCell(status + 1).setCellValue("签约后追加投资，已补签协议");
            wb.getSheet("泾川县").getRow(1).createCell(status).setCellValue("待核实");
            try (OutputStream out = Files.newOutputStream(returned)) {
                wb.write(out);
            }
        }
        List<Closure> closed = ReviewFiles.readAccepted(returned);
        assertEquals(1, closed.size(), "only the row marked 已核实");
        Closure c = closed.get(0);
        assertEquals("funds_above_signed|ZS2025-620822-002|", c.flagKey());
        assertEquals("ZS2025-620822-002", c.entityId());
        assertEquals(13740.0, c.value());
        assertEquals("签约后追加投资，已补签协议", c.explanation());
        assertEquals("灵台县", c.verifiedBy());
    }

    @Test
    void aWorkbookThatIsNotAReviewIsRefused() throws IOException {
        Path other = tmp.resolve("other.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(other)) {
            wb.createSheet("x").createRow(0).createCell(0).setCellValue("指标");
            wb.write(out);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReviewFiles.readAccepted(other)).getMessage()
            .contains("审核编号"));
    }

    @Test
    void theQualityPageCountsByRuleAndCountyAndEscapesNames() throws IOException {
        List<Flag> f = flags();
        ReviewResult r = new ReviewResult("2025-12", List.of(new ReviewResult.Reviewed(f.get(0), ReviewResult.OPEN, null),
            new ReviewResult.Reviewed(f.get(1), ReviewResult.VERIFIED, "已补签"),
            new ReviewResult.Reviewed(f.get(2), ReviewResult.OPEN, null)));
        Path page = tmp.resolve("index.html");
        QualityPage.write(page, r, RULES);
        String html = Files.readString(page);
        assertTrue(html.contains("待核实 2 条，已核实 1 条"), html);
        assertTrue(html.contains("企业&lt;999&gt;") && !html.contains("企业<999>"), "names escaped");
        assertTrue(html.contains("<td>ent_month_band</td><td>企业当月值异常</td><td>高</td><td class=\"n\">5.00</td>"
            + "<td class=\"n\">1</td><td class=\"n\">0</td>"), "the rule's counts: " + html);
        assertTrue(html.contains("已补签"), "what was verified is shown");
    }
}
