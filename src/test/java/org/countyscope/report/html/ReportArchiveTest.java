package org.countyscope.report.html;

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
    }

    @Test
    void textFromDataIsEscaped() {
        String page = ReportArchive.render(List.of(new ReportArchive.Entry("month", YearMonth.of(2025, 12), "2025-12",
            "<script>alert(1)</script>", "a & b")));
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("&lt;script&gt;") && page.contains("a &amp; b"));
    }
}
