package org.countyscope.report.html;

import org.countyscope.report.model.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** index.html in a real headless Chromium, opened from disk: nothing broken, nothing executed, a screenshot kept. */
class BrowserTest {
    private static final Path OUT = Path.of("target", "browser");
    private static Chromium browser;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void reportOpensFromDiskWithNothingBroken() throws Exception {
        Report report = ReportFixtures.sample();
        Path dir = OUT.resolve("report");
        ReportFixtures.writeCharts(report, dir);
        Path page = HtmlReport.write(report, dir);

        Chromium.PageCheck c = browser.check(page, OUT.resolve("index.png"));

        assertEquals(List.of(), c.problems(), "the page must open cleanly; browser stderr:\n" + browser.stderrTail());
        assertEquals(5, c.images(), "every chart is on the page");
        assertEquals(0, c.scriptElements(), "no script");
        assertTrue(c.fonts().contains("countyscope-cjk: loaded"), "the bundled font loads from disk: " + c.fonts());
        assertTrue(c.text().contains("1—6月，泾川县规上工业增加值同比增长5.2%，高于全市1.1个百分点，居全市第3位。"),
            "the sentences are on the page");
        BufferedImage shot = ImageIO.read(c.screenshot().toFile());
        assertEquals(Chromium.VIEWPORT_WIDTH, shot.getWidth(), "screenshot width");
        assertTrue(shot.getHeight() > 2000, "a full-page screenshot, not just the first screen: " + shot.getHeight());
        assertTrue(distinctColours(shot) > 50, "the screenshot shows a page, not a blank");
    }

    @Test
    void aMissingImageIsReported(@TempDir Path dir) {
        Report report = ReportFixtures.small();
        Path page = HtmlReport.write(report, dir);
        // the chart the page refers to was never drawn

        Chromium.PageCheck c = browser.check(page, null);

        assertEquals(List.of("charts/growth_iva.png"), c.brokenImages(), "the checker must see the missing image");
        assertTrue(c.failedRequests().stream().anyMatch(r -> r.contains("growth_iva.png")),
            "and its failed request: " + c.failedRequests());
        assertFalse(c.clean(), "a page with a missing image is not clean");
    }

    @Test
    void scriptAndConsoleErrorsAreReported(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
            + "</head><body><p>x</p><script>console.error('boom'); undefinedFunction();</script></body></html>",
            StandardCharsets.UTF_8);

        Chromium.PageCheck c = browser.check(page, null);

        assertTrue(c.scriptErrors().stream().anyMatch(e -> e.contains("undefinedFunction")),
            "an uncaught exception is seen: " + c.scriptErrors());
        assertTrue(c.consoleErrors().stream().anyMatch(e -> e.contains("boom")), "console.error is seen: "
            + c.consoleErrors());
        assertEquals(1, c.scriptElements(), "the script element is counted");
    }

    @Test
    void markupTypedIntoDataStaysText(@TempDir Path dir) {
        String evil = "<script>console.error('xss')</script><img src=x onerror=\"console.error('img')\">";
        Report base = ReportFixtures.small();
        Report r = new Report(evil, base.period(), base.cadence(), base.periodLabel(), base.headlines(),
            List.of(new org.countyscope.report.model.Section("x", evil, List.of(evil), List.of(),
                List.of(new org.countyscope.report.model.ReportTable("t", evil,
                    List.of(org.countyscope.report.model.ReportTable.Column.text(evil)),
                    List.of(List.of(org.countyscope.report.model.Cell.text(evil))), List.of(evil))))),
            base.vintage(), List.of(evil));
        Path page = HtmlReport.write(r, dir);

        Chromium.PageCheck c = browser.check(page, null);

        assertEquals(List.of(), c.problems(), "nothing from data may run or load");
        assertEquals(0, c.scriptElements(), "no script element was created");
        assertEquals(0, c.images(), "no image element was created");
        assertTrue(c.text().contains(evil), "the typed markup is shown as text");
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
