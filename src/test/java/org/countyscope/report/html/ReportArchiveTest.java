package org.countyscope.report.html;

import org.countyscope.report.model.Report;
import org.countyscope.report.model.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The archive page over an output folder, without Spark. */
class ReportArchiveTest {
    private static final String POINT_1 = "1—6月，全市规上工业增加值同比增长4.1%，低于年度目标1.9个百分点。";
    private static final String POINT_2 = "泾川县增长5.2%，居全市第3位；华亭市数据不予公布。";

    @TempDir
    Path out;

    @Test
    void listsEveryReportByCadenceLatestFirstAndOncePerPeriod() throws IOException {
        ReportArchive.record(out.resolve("2025-10"), "month", YearMonth.of(2025, 10), "平凉市2025年1—10月县域经济运行调度", "增速6.8%");
        ReportArchive.record(out.resolve("2025-12"), "month", YearMonth.of(2025, 12), "平凉市2025年1—12月县域经济运行调度", "增速7.0%");
        ReportArchive.record(out.resolve("2025-11"), "month", YearMonth.of(2025, 11), "平凉市2025年1—11月县域经济运行调度", "增速6.9%");
        ReportArchive.record(out.resolve("2025-10/quarter"), "quarter", YearMonth.of(2025, 9), "三季度（10月稿）", "");
        ReportArchive.record(out.resolve("2025-11/quarter"), "quarter", YearMonth.of(2025, 9), "三季度（11月稿）", "");
        ReportArchive.record(out.resolve("2025-12/quarter"), "quarter", YearMonth.of(2025, 12), "全年通报", "");
        Files.createDirectories(out.resolve("warehouse-logs"));

        List<ReportArchive.Entry> entries = ReportArchive.entries(out);
        assertEquals(List.of("2025-12", "2025-11", "2025-10", "2025-12/quarter", "2025-11/quarter"),
            entries.stream().map(ReportArchive.Entry::folder).toList(),
            "months latest first, then quarters; the September quarter once, from the latest folder");
        assertEquals("2025-11", ReportArchive.previous(out, "month", YearMonth.of(2025, 12)).orElseThrow().folder());
        assertEquals("2025-11/quarter", ReportArchive.previous(out, "quarter", YearMonth.of(2025, 12)).orElseThrow()
            .folder(), "the previous quarter's report, not an earlier draft of this one");
        assertTrue(ReportArchive.previous(out, "month", YearMonth.of(2025, 10)).isEmpty(), "the first has none");
        assertEquals("../2025-11/index.html", ReportArchive.href("2025-12", "2025-11"));
        assertEquals("../../2025-09/quarter/index.html", ReportArchive.href("2025-12/quarter", "2025-09/quarter"));

        String page = Files.readString(ReportArchive.write(out), StandardCharsets.UTF_8);
        assertTrue(page.indexOf("<h2>月调度</h2>") < page.indexOf("<h2>季通报</h2>"), "by cadence");
        assertTrue(page.indexOf("2025-12/index.html") < page.indexOf("2025-11/index.html")
            && page.indexOf("2025-11/index.html") < page.indexOf("2025-10/index.html"), "latest first");
        assertTrue(page.contains("<span class=\"period\">2025年12月</span>") && page.contains("增速7.0%"),
            "Chinese dates and the one-line summary");
        assertFalse(page.contains("半年评"), "a cadence without reports has no section");
        assertFalse(page.contains(">2025-12<"), "no ISO date is printed");
        assertTrue(Files.size(out.resolve(HtmlReport.FONT_FILE)) > 100_000 && page.contains("fonts/countyscope-cjk.ttf"),
            "the archive carries the bundled CJK font as the reports do: Chinese shows without a system CJK font");
    }

    @Test
    void textFromDataIsEscaped() {
        String page = ReportArchive.render(List.of(
            new ReportArchive.Entry("month", YearMonth.of(2025, 12), "2025-12", "<script>alert(1)</script>",
                List.of("<b onmouseover=alert(2)>要点</b>"), ""),
            new ReportArchive.Entry("month", YearMonth.of(2025, 11), "2025-11\"><script>", "t", List.of(), "a & b")));
        assertFalse(page.contains("<script>") || page.contains("<b "), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)") && page.contains("&lt;b onmouseover=alert(2)&gt;")
            && page.contains("a &amp; b") && page.contains("href=\"2025-11&quot;&gt;&lt;script&gt;/index.html\""),
            "title, 要点, summary and link escaped: " + page);
    }

    @Test
    void eachReportIsListedWithItsKeyPointsNotItsFigures() throws IOException {
        Report december = ReportFixtures.small();
        Report withPoints = new Report(december.title(), december.period(), "month", december.periodLabel(),
            december.headlines(), java.util.stream.Stream.concat(java.util.stream.Stream.of(new Section(
                Report.KEY_POINTS_SECTION, "要点", List.of(POINT_1, POINT_2), List.of(), List.of())),
                december.sections().stream()).toList(), december.vintage(), december.footnotes());
        Path dir = out.resolve("2025-06");
        HtmlReport.write(withPoints, dir);
        // the job records the report after writing its page; the 要点 the page left must survive
        ReportArchive.record(dir, "month", YearMonth.of(2025, 6), withPoints.title(), "规上工业增加值增速4.1%。");
        ReportArchive.record(out.resolve("2025-05"), "month", YearMonth.of(2025, 5), "五月", "增速3.9%。");

        List<ReportArchive.Entry> entries = ReportArchive.entries(out);
        assertEquals(List.of(POINT_1, POINT_2), entries.get(0).points(), "the 要点 lines, in order");
        assertEquals(List.of(), entries.get(1).points(), "a report recorded without 要点 has none");
        String page = Files.readString(ReportArchive.write(out), StandardCharsets.UTF_8);
        assertTrue(page.contains("<ul class=\"points\"><li>" + POINT_1 + "</li><li>" + POINT_2 + "</li></ul>"),
            "the judgement under the title: " + page);
        assertFalse(page.contains("规上工业增加值增速4.1%"), "not the figures when there are 要点");
        assertTrue(page.contains("<span class=\"summary\">增速3.9%。</span>"), "the figures when there are none");
    }

}
