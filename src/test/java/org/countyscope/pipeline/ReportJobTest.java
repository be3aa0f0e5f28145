package org.countyscope.pipeline;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.spark.sql.Row;
import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.config.CompareConfig;
import org.countyscope.config.IngestConfig;
import org.countyscope.gold.Cadence;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.publish.Precision;
import org.countyscope.report.PrintedFigures;
import org.countyscope.report.ReportBuilder;
import org.countyscope.report.model.Report;
import org.countyscope.report.html.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reports `run` leaves for the sample city, opened the way planners open them. */
class ReportJobTest {
    static final YearMonth PERIOD = YearMonth.of(2025, 12);

    @Test
    void runLeavesACompleteReportForEveryCadence() throws IOException {
        RunJob.Result r = SampleWarehouse.result();
        assertEquals(4, r.reports().size(), "month, quarter, half and year");
        for (ReportJob.Written w : r.reports()) {
            for (String f : List.of("index.html", "report.pdf", "tables.xlsx")) {
                assertTrue(Files.size(w.dir().resolve(f)) > 1000, w.cadence() + ": " + f + " is written");
            }
            try (Stream<Path> charts = Files.list(w.dir().resolve("charts"))) {
                List<String> names = charts.map(p -> p.getFileName().toString()).toList();
                assertEquals(2 * w.charts(), names.size(), w.cadence() + ": a PNG and an SVG per chart: " + names);
                assertTrue(w.charts() >= 10, w.cadence() + ": every chart of the issue: " + names);
            }
        }
        assertEquals(SampleWarehouse.out().resolve("2025-12"), r.reports().get(0).dir(), "the month's report is the period folder");
        ReportJob.Written month = r.reports().get(0);
        assertTrue(month.report().sections().stream().anyMatch(s -> s.id().equals("forecast")
                && s.sentences().stream().anyMatch(t -> t.startsWith("2026年全市规上工业增加值预计"))),
            "from December the report carries next year's forecast for the city");
        assertTrue(Files.size(month.dir().resolve("charts/forecast_city.png")) > 10_000, "the fan chart is drawn");
    }

    @Test
    void runWritesTheArchiveAndEachPageLinksToIt() throws IOException {
        SampleWarehouse.result();
        String archive = Files.readString(SampleWarehouse.out().resolve("index.html"), StandardCharsets.UTF_8);
        for (String cadence : List.of("月调度", "季通报", "半年评", "年度考")) {
            assertTrue(archive.contains("<h2>" + cadence + "</h2>"), "the archive lists the " + cadence);
        }
        assertTrue(archive.contains("href=\"2025-12/index.html\"") && archive.contains("href=\"2025-12/year/index.html\""),
            "each report is linked from the archive");
        assertTrue(archive.contains("2025年12月") && !archive.contains(">2025-12<"), "periods in Chinese");
        String month = Files.readString(SampleWarehouse.out().resolve("2025-12/index.html"), StandardCharsets.UTF_8);
        assertTrue(month.contains("href=\"../index.html\">全部报告</a>"), "the page links back to the archive");
        assertTrue(month.contains("（北京时间）"), "the generation time says it is Beijing time");
    }

    @Test
    void sentencesCarryTheGoldFigures() throws IOException {
        TableStore store = SampleWarehouse.store();
        Row city = store.read(Layer.GOLD, CompareJob.COMPARISON).where(col("cadence").equalTo("month")
            .and(col("period").equalTo(PERIOD.toString())).and(col("indicator").equalTo("iva_real"))
            .and(col("region_level").equalTo("city"))).head();
        Row first = store.read(Layer.GOLD, CompareJob.COMPARISON).where(col("cadence").equalTo("month")
            .and(col("period").equalTo(PERIOD.toString())).and(col("indicator").equalTo("iva_real"))
            .and(col("region_level").equalTo("county")).and(col("rank").equalTo(1))).head();
        long counties = store.read(Layer.GOLD, CompareJob.COMPARISON).where(col("cadence").equalTo("month")
            .and(col("period").equalTo(PERIOD.toString())).and(col("indicator").equalTo("iva_real"))
            .and(col("region_level").equalTo("county"))).count();
        String html = Files.readString(SampleWarehouse.out().resolve("2025-12/index.html"), StandardCharsets.UTF_8);
        String cityGrowth = "1—12月，全市规上工业增加值" ;
        assertTrue(html.contains(cityGrowth) && html.contains("同比增长" + Precision.GROWTH.text(city.<Double>getAs("yoy_pct"))
            + "%"), "the city's sentence, its growth from gold/comparison");
        String item = first.getAs("region_name") + "（" + Precision.GROWTH.text(first.<Double>getAs("yoy_pct")) + "%）";
        assertTrue(html.contains(item), "the leading county in the grouped sentence, from gold/comparison: " + item
            + " (" + counties + " counties)");
        assertTrue(html.contains(ReportBuilder.title("平凉市", PERIOD, "month")), "title");
    }

    /**
     * The "Done when", on every cadence's report of the sample: each difference a sentence states is that of
     * the printed figures, 并列 and shared 位次 where printed figures are equal, no en dash in a period label; the month
     * opens with 要点, states the change against 1—11月, names 贡献率 and 拉动 and has 需关注; the four cadences lead
     * with different lines and the year report has its 考核 table.
     */
    @Test
    void everyCadencesReportAddsUpWithAPencil() {
        RunJob.Result r = SampleWarehouse.result();
        for (ReportJob.Written w : r.reports()) {
            assertEquals(List.of(), PrintedFigures.problems(w.report()), w.cadence() + ": what a pencil finds");
        }
        Report month = r.reports().get(0).report();
        assertEquals("summary", month.sections().get(0).id(), "要点 first: " + month.sections().get(0).title());
        String text = String.join("\n", month.sections().stream().flatMap(x -> x.sentences().stream()).toList());
        assertTrue(text.contains("较1—11月"), "the change against the previous 1—N月:\n" + text);
        assertTrue(text.contains("贡献率") && text.contains("拉动"), "贡献率 and 拉动:\n" + text);
        assertTrue(month.sections().stream().anyMatch(x -> x.id().equals("attention") && !x.sentences().isEmpty()),
            "需关注:\n" + text);
        assertEquals(4, r.reports().stream().map(w -> w.report().sections().get(0).sentences().get(0)).distinct().count(),
            "four cadences, four leads");
        for (ReportJob.Written w : r.reports()) {
            List<String> points = w.report().sections().get(0).sentences();
            boolean attention = w.report().sections().stream()
                .anyMatch(x -> x.id().equals("attention") && !x.sentences().isEmpty());
            assertTrue(points.size() <= 5 && (!attention || points.get(points.size() - 1).startsWith("需关注")),
                w.cadence() + ": at most five 要点, the 需关注 line never cut: " + points);
        }
        Report year = r.reports().stream().filter(w -> w.cadence().equals(Cadence.YEAR.code())).findFirst().orElseThrow().report();
        assertTrue(year.tables().stream().anyMatch(t -> t.id().equals("assessment") && t.rows().size() == 7),
            "the 考核 table scores the seven counties");
    }

    @Test
    void theSampleReportOpensCleanlyInARealBrowser() throws Exception {
        Path shot = Path.of("target/browser/sample-report.png");
        Chromium.PageCheck check = Chromium.checkOnce(SampleWarehouse.out().resolve("2025-12/index.html"), shot);
        assertEquals(List.of(), check.problems(), "no broken image, failed request, script or console error");
        assertTrue(check.images() >= 10, "every chart is an image on the page: " + check.images());
        assertTrue(Files.size(shot) > 10_000, "screenshot saved");
    }

    @Test
    void thePdfsFirstPageRendersWithInk() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/pdf"));
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1",
            SampleWarehouse.out().resolve("2025-12/report.pdf").toString(), dir.resolve("sample-page").toString())
            .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
            "pdftoppm renders report.pdf (missing? run bin/system-packages): " + new String(p.getInputStream().readAllBytes()));
        File png;
        try (Stream<Path> s = Files.list(dir)) {
            png = s.filter(f -> f.getFileName().toString().startsWith("sample-page")).findFirst().orElseThrow().toFile();
        }
        BufferedImage img = ImageIO.read(png);
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                ink += ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 600 ? 1 : 0;
            }
        }
        assertTrue(ink > img.getWidth() * img.getHeight() / 200, "page 1 is not blank: " + ink + " dark pixels");
    }

    /**
     * A 招商引资 chain typed as a formula and another as a script tag travel from an input file through the warehouse
     * into the report: the HTML shows them as text, the workbook holds them as plain strings.
     */
    @Test
    void hostileTextFromAnInputFileStaysInert(@TempDir Path tmp) throws Exception {
        TableStore store = new TableStore(TestSpark.session(), SampleWarehouse.copy(tmp.resolve("wh")).toString());
        Path in = Files.createDirectories(tmp.resolve("in"));
        String formula = "=HYPERLINK(\"http://example.invalid\",\"点击\")";
        String script = "<script>alert(1)</script>";
        Files.writeString(in.resolve("contracts_extra.csv"), "项目编号,项目名称,区划代码,行业代码,产业链,签约日期,签约金额（万元）,"
            + "资金来源,是否500强,是否上市公司,责任单位\n"
            + "ZS2025-620821-901,测试项目甲,620821,38,\"" + formula.replace("\"", "\"\"") + "\",2025-03-02,1000.00,省外,否,否,泾川县招商局\n"
            + "ZS2025-620821-902,测试项目乙,620821,38," + script + ",2025-03-03,900.00,省外,否,否,泾川县招商局\n",
            StandardCharsets.UTF_8);
        Files.writeString(in.resolve("funds_extra.csv"), "时期,项目编号,当月到位资金（万元）\n"
            + "2025-05,ZS2025-620821-901,300.00\n2025-05,ZS2025-620821-902,200.00\n", StandardCharsets.UTF_8);
        new IngestJob(store.spark(), store).run(new IngestConfig(List.of(in), store.root(), null, null, null,
            SampleWarehouse.AS_OF));
        Path out = tmp.resolve("out");
        new CompareJob(store).run(new CompareConfig(store.root(), PERIOD, List.of(Cadence.YEAR), out));
        ReportJob.Written w = new ReportJob(store).run(PERIOD, List.of(Cadence.YEAR), out).get(0);

        String html = Files.readString(w.dir().resolve("index.html"), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script"), "no script element in the page");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the chain shows as text");
        Chromium.PageCheck check = Chromium.checkOnce(w.dir().resolve("index.html"), tmp.resolve("hostile.png"));
        assertEquals(0, check.scriptElements(), "the browser built no script element");
        assertTrue(check.text().contains(script) && check.text().contains(formula), "both show literally");

        try (Workbook wb = WorkbookFactory.create(w.dir().resolve("tables.xlsx").toFile())) {
            boolean seen = false;
            for (Sheet sheet : wb) {
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    for (org.apache.poi.ss.usermodel.Cell c : row) {
                        assertFalse(c.getCellType() == CellType.FORMULA, "no formula cell: " + c.getAddress());
                        if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(formula)) {
                            seen = true;
                            assertTrue(c.getCellStyle().getQuotePrefixed(), "a leading = is quote-prefixed");
                        }
                    }
                }
            }
            assertTrue(seen, "the formula-like chain is in the workbook as text");
        }
        String pdfText = pdfText(w.dir().resolve("report.pdf"));
        assertTrue(pdfText.contains(script.replace(" ", "")) && pdfText.contains("=HYPERLINK"),
            "the PDF prints both as plain text");
    }

    /** All text of a PDF, whitespace removed. */
    private static String pdfText(Path pdf) throws IOException {
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(Files.readAllBytes(pdf));
        try {
            com.lowagie.text.pdf.parser.PdfTextExtractor ex = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                all.append(ex.getTextFromPage(p).replaceAll("\\s+", ""));
            }
            return all.toString();
        } finally {
            reader.close();
        }
    }
}
