package org.countyscope.report.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.Vintage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class PdfReportTest {
    /** Where the rendered pages are kept for a human to look at. */
    private static final Path OUT = Path.of("target", "pdf");

    @TempDir
    static Path dir;
    private static Path pdf;
    /** Each page's extracted text with all whitespace removed (line breaks fall anywhere in Chinese text). */
    private static List<String> pages;

    @BeforeAll
    static void writeOnce() throws IOException {
        FixedReport.drawCharts(dir);
        pdf = PdfReport.write(FixedReport.report(), dir);
        Files.createDirectories(OUT);
        Files.copy(pdf, OUT.resolve("report.pdf"), StandardCopyOption.REPLACE_EXISTING);
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        PdfTextExtractor ex = new PdfTextExtractor(reader);
        pages = new ArrayList<>();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            pages.add(ex.getTextFromPage(p).replaceAll("\\s+", ""));
        }
        reader.close();
    }

    @Test
    void writesReportPdfOfSeveralPages() {
        assertEquals(dir.resolve("report.pdf"), pdf, "the file is report.pdf in the report folder");
        assertTrue(pages.size() > 2, "title page, two chapters and a 120-row table need more than 2 pages, got "
            + pages.size());
        assertFalse(Files.exists(dir.resolve("report.pdf.tmp")), "the temporary file is moved into place");
    }

    @Test
    void everyFontIsTheEmbeddedCjkFontWithIdentityH() throws IOException {
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        int fonts = 0;
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            PdfDictionary res = reader.getPageN(p).getAsDict(PdfName.RESOURCES);
            PdfDictionary dict = res.getAsDict(PdfName.FONT);
            assertNotNull(dict, "page " + p + " has text, so fonts");
            for (PdfName key : dict.getKeys()) {
                PdfDictionary font = dict.getAsDict(key);
                String where = "page " + p + " font " + key + " " + font.get(PdfName.BASEFONT);
                assertEquals(PdfName.TYPE0, font.getAsName(PdfName.SUBTYPE), where + ": a composite (Type0) font");
                assertEquals(new PdfName(BaseFont.IDENTITY_H), font.getAsName(PdfName.ENCODING),
                    where + ": Identity-H encoding");
                assertNotNull(font.get(PdfName.TOUNICODE), where + ": a ToUnicode CMap, so text can be copied");
                PdfArray descendants = font.getAsArray(PdfName.DESCENDANTFONTS);
                PdfDictionary cid = descendants.getAsDict(0);
                PdfDictionary descriptor = cid.getAsDict(PdfName.FONTDESCRIPTOR);
                assertNotNull(descriptor.get(PdfName.FONTFILE2), where + ": the TrueType program is embedded");
                fonts++;
            }
        }
        reader.close();
        assertTrue(fonts > 0, "at least one font was inspected");
    }

    @Test
    void chineseTextComesBackFromTheFile() {
        String all = String.join("", pages);
        assertTrue(pages.get(0).contains("平凉市2025年1—6月县域经济运行监测"), "the title is on the first page");
        assertTrue(pages.get(0).contains("规上工业增加值增速") && pages.get(0).contains("招商引资到位资金"),
            "the headline figures are on the first page");
        assertTrue(all.contains(FixedReport.SENTENCE), "the generated sentence is printed: " + FixedReport.SENTENCE);
        assertTrue(all.contains("一、工业运行") && all.contains("二、投资和招商引资"), "one chapter per section");
        assertTrue(all.contains("图1各县区规上工业增加值占全市比重") && all.contains("图2各县区规上工业增加值增速"),
            "both charts carry their captions");
    }

    @Test
    void textFromDataIsPrintedLiterally() {
        String all = String.join("", pages);
        assertTrue(all.contains(FixedReport.SCRIPT), "a <script> tag is visible text, nothing runs");
        assertTrue(all.contains("企业名称中的" + FixedReport.SCRIPT + "原样显示"), "also inside a sentence");
        assertTrue(all.contains(FixedReport.FORMULA.replaceAll("\\s+", "")), "a leading = is just text");
        assertTrue(all.contains("@SUM(A1)"), "a leading @ is just text");
    }

    @Test
    void numbersUseTheColumnsDecimalsAndWithheldCellsShowTheMark() {
        String table = pages.stream().filter(p -> p.contains("表1各县区规上工业增加值")).findFirst()
            .orElseThrow(() -> new AssertionError("the comparison table is printed"));
        assertTrue(table.contains("崆峒区") && table.contains("@SUM(A1)"), "a short table is kept on one page");
        assertTrue(table.contains("崆峒区123.465.230.1"), "2, 1 and 1 decimals: 123.456 → 123.46, 5.234 → 5.2");
        assertTrue(table.contains("泾川县…5.2…"), "withheld cells print …");
        assertTrue(table.contains("灵台县45.00-1.311.0"), "negative growth with one decimal, half up: -1.25 → -1.3");
        assertTrue(table.contains("注：" + FixedReport.FOOTNOTE), "the table's footnote follows it");
    }

    @Test
    void longTableBreaksAcrossPagesWithItsHeaderRepeated() {
        List<Integer> holding = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            if (pages.get(p).contains("XM-")) {
                holding.add(p);
            }
        }
        assertTrue(holding.size() >= 2, "120 rows cannot fit on one page; pages with rows: " + holding);
        for (int p : holding) {
            assertTrue(pages.get(p).contains("重点项目投资完成情况") && pages.get(p).contains("项目编号项目名称"),
                "page " + (p + 1) + " repeats the table's title and header row");
        }
        String all = String.join("", pages);
        for (int i = 1; i <= FixedReport.LONG_ROWS; i++) {
            String code = FixedReport.projectCode(i);
            assertEquals(1, all.split(code, -1).length - 1, code + " is printed exactly once across the breaks");
        }
        assertTrue(all.contains("XM-0120平凉市第120号产业园区建设项目2481.4"),
            "the last row is whole: 1000 + 120 × 12.345 = 2481.4");
    }

    @Test
    void contentsOnTheTitlePageGiveEachChaptersPage() {
        for (String chapter : List.of("一、工业运行", "二、投资和招商引资", "附：数据说明")) {
            int page = -1;
            for (int p = 1; p < pages.size() && page < 0; p++) {
                if (pages.get(p).startsWith(chapter) || pages.get(p).contains("页" + chapter)) {
                    page = p + 1;
                }
            }
            assertTrue(page > 1, chapter + " starts a page after the title page");
            assertTrue(pages.get(0).contains(chapter + page), "the contents say " + chapter + " is on page " + page);
        }
    }

    @Test
    void everyPageIsNumbered() {
        for (int p = 0; p < pages.size(); p++) {
            assertTrue(pages.get(p).contains("第" + (p + 1) + "页"), "page " + (p + 1) + " shows 第 " + (p + 1) + " 页");
        }
    }

    @Test
    void lastPageHoldsTheVintageAndTheFootnotes() {
        String last = pages.get(pages.size() - 1);
        assertTrue(last.contains("附：数据说明"), "the last chapter is the data note");
        assertTrue(last.contains(FixedReport.GENERATED_AT.replace(" ", "")), "generated-at time");
        assertTrue(last.contains("本报告数据截至2025年6月，发布版本为2025-06初步，生成时间为"),
            "the vintage in plain words: " + last);
        assertFalse(last.contains("gold/") || last.contains("silver/") || last.contains("Delta"),
            "no internal table names or Delta versions for planners: " + last);
        assertTrue(last.contains("1." + FixedReport.FOOTNOTE) && last.contains("2.规上工业指"),
            "the report's footnotes, numbered");
    }

    @Test
    void aMissingChartFailsWithItsPathAndLeavesNoFile(@TempDir Path other) throws IOException {
        FixedReport.drawCharts(other);
        Files.delete(other.resolve("charts/growth_iva.png"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> PdfReport.write(FixedReport.report(), other), "a missing chart is an error, not a gap");
        assertTrue(e.getMessage().contains("growth_iva.png"), "the message names the file: " + e.getMessage());
        assertFalse(Files.exists(other.resolve("report.pdf")), "no report.pdf is left");
        assertFalse(Files.exists(other.resolve("report.pdf.tmp")), "no temporary file is left");
    }

    @Test
    void firstPageRendersNonBlank() throws IOException {
        BufferedImage page = render(pdf, OUT.resolve("page"));
        int dark = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                if (((rgb >> 16) & 0xFF) < 200 || ((rgb >> 8) & 0xFF) < 200 || (rgb & 0xFF) < 200) {
                    dark++;
                }
            }
        }
        double share = (double) dark / (page.getWidth() * page.getHeight());
        assertTrue(share > 0.01, "the title page is drawn: " + dark + " non-white pixels (" + share + ")");
    }

    @Test
    void differentChineseCharactersDrawDifferently(@TempDir Path tmp) throws IOException {
        // missing glyphs all render as the same box (or nothing): two titles of other characters would then match
        BufferedImage a = render(PdfReport.write(titleOnly("甲乙丙丁戊己庚辛"), Files.createDirectories(tmp.resolve("a"))),
            OUT.resolve("glyphs-a"));
        BufferedImage b = render(PdfReport.write(titleOnly("壬癸子丑寅卯辰巳"), Files.createDirectories(tmp.resolve("b"))),
            OUT.resolve("glyphs-b"));
        assertEquals(a.getWidth(), b.getWidth(), "same page size");
        int differ = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differ++;
                }
            }
        }
        assertTrue(differ > 300, "each Chinese character has its own glyph: " + differ + " pixels differ");
    }

    private static boolean isPageOne(Path f, String stem) {
        String name = f.getFileName().toString();
        return name.startsWith(stem) && name.substring(stem.length()).matches("0*1\\.png");
    }

    private static Report titleOnly(String title) {
        return new Report(title, "2025-06", "month", "1—6月", List.of(), List.of(),
            new Vintage("2025-07-15 09:30", List.of()), List.of());
    }

    /** Renders page 1 at 60 dpi with poppler's pdftoppm, as a reader's viewer would, and reads the PNG back. */
    private static BufferedImage render(Path pdfFile, Path prefix) throws IOException {
        Files.createDirectories(prefix.getParent());
        String stem = prefix.getFileName().toString() + "-";
        try (Stream<Path> old = Files.list(prefix.getParent())) {
            for (Path f : old.filter(f -> isPageOne(f, stem)).toList()) {
                Files.delete(f);
            }
        }
        Process proc;
        try {
            proc = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdfFile.toString(),
                prefix.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("pdftoppm is missing (Debian package poppler-utils): run bin/system-packages — " + e.getMessage());
            return null;
        }
        String log = new String(proc.getInputStream().readAllBytes());
        try {
            assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "pdftoppm finishes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        assertEquals(0, proc.exitValue(), "pdftoppm renders the PDF: " + log);
        // pdftoppm pads the page number to the width of the page count: page-1.png, page-01.png …
        try (Stream<Path> files = Files.list(prefix.getParent())) {
            Path png = files.filter(f -> isPageOne(f, stem))
                .findFirst().orElseThrow(() -> new AssertionError("pdftoppm wrote no PNG for " + prefix));
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, "the PNG can be read: " + png);
            return img;
        }
    }
}
