package org.countyscope.io.source;

import static org.countyscope.io.source.Fixtures.readAll;
import static org.countyscope.io.source.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NbsExportTableTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String MONTHLY = "规上工业增加值同比增长(%)";
    private static final String YEAR_TO_DATE = "规上工业增加值累计增长(%)";

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(NbsExportTableTest.class.getResource("/source/" + name), name).toURI());
    }

    @Test
    void readsTheRealNbsExport() throws Exception {
        Path file = resource("nbs_iva_growth_monthly_1998-2019_nbs-export_gbk.csv");
        try (SourceTable table = SourceFiles.open(file, null)) {
            assertEquals("nbs-export", table.format(), "detected by its 数据库： first line");
            assertEquals("GB18030", table.encoding(), "the export is GBK");
            assertEquals(List.of("indicator", "period_label", "value"), table.header(), "unpivoted header");
            assertEquals("月度数据", table.metadata().get("database"), "数据库 line");
            assertEquals("1998-", table.metadata().get("time"), "时间 line");
            assertEquals("国家统计局", table.metadata().get("source"), "数据来源 line");
            String footnotes = table.metadata().get("footnotes");
            assertTrue(footnotes.contains("1-2月份"), "the third footnote is a continuation line: " + footnotes);
            assertEquals(3, footnotes.split("\n").length, "one footnote line per physical line");
            assertTrue(footnotes.startsWith("注：1.从2011年起"), "footnotes trimmed, 注 kept: " + footnotes);
            assertTrue(footnotes.contains("\n2.2012年至2017年"), "full-width indent trimmed: " + footnotes);

            List<RawRecord> records = readAll(table);
            assertEquals(new RawRecord(4, List.of(MONTHLY, "2019年12月", "6.9")), records.get(0),
                    "first value: row is the physical line of the indicator");
            assertEquals(230 + 237, records.size(), "one record per non-empty value cell (230 monthly, 237 year-to-date)");
            assertEquals(230, records.stream().filter(r -> r.cells().get(0).equals(MONTHLY)).count(),
                    "January and, since 2013, February are never published on their own");
            assertEquals(237, records.stream().filter(r -> r.row() == 5).count(), "year-to-date values are on line 5");
            assertTrue(records.stream().noneMatch(r -> r.cells().get(1).equals("2019年1月")),
                    "empty cells produce nothing: January 2019 was not published");
        }
    }

    @Test
    void agreesWithTheTidyCopyOfTheSameData() throws Exception {
        Map<String, String> tidy = new HashMap<>();
        try (InputStream in = Files.newInputStream(resource("nbs_iva_growth_monthly_1998-2019.csv"))) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                tidy.put(MONTHLY + "@" + cells[0], cells[1]);
                tidy.put(YEAR_TO_DATE + "@" + cells[0], cells[2]);
            }
        }
        Pattern month = Pattern.compile("(\\d{4})年(\\d{1,2})月");
        int compared = 0;
        for (RawRecord record : readAll(resource("nbs_iva_growth_monthly_1998-2019_nbs-export_gbk.csv"), null)) {
            Matcher m = month.matcher(record.cells().get(1));
            assertTrue(m.matches(), "period label kept as written: " + record.cells().get(1));
            String key = record.cells().get(0) + "@" + m.group(1) + "-" + String.format("%02d", Integer.parseInt(m.group(2)));
            assertEquals(0, new BigDecimal(tidy.get(key)).compareTo(new BigDecimal(record.cells().get(2))),
                    "value of " + key + " in the tidy file");
            compared++;
        }
        long published = tidy.values().stream().filter(v -> !v.isEmpty()).count();
        assertEquals(published, compared, "every published value of the tidy file is in the export, and no other");
    }

    @Test
    void keepsAnIndicatorLineRepeatedAfterTheFootnotes() {
        String text = "数据库：年度数据\r\n时间：最近3年\r\n指标,2024年,2023年,2022年\r\n"
                + "地区生产总值(亿元),\"1,349,083.5\",1260582.1,\r\n"
                + "注：1.第一条\r\n\u3000\u3000 2.第二条，续\r\n"
                + "地区生产总值(亿元),1349083.5,,1204724.0\r\n"
                + "数据来源：国家统计局\r\n";
        Path file = write(dir, "nbs.csv", text, GBK);
        try (SourceTable table = SourceFiles.open(file, null)) {
            assertEquals("注：1.第一条\n2.第二条，续", table.metadata().get("footnotes"), "footnote and its continuation");
            assertEquals(List.of(
                    new RawRecord(4, List.of("地区生产总值(亿元)", "2024年", "1,349,083.5")),
                    new RawRecord(4, List.of("地区生产总值(亿元)", "2023年", "1260582.1")),
                    new RawRecord(7, List.of("地区生产总值(亿元)", "2024年", "1349083.5")),
                    new RawRecord(7, List.of("地区生产总值(亿元)", "2022年", "1204724.0"))), readAll(table),
                    "the repeated line is kept for the caller to deduplicate; quoted values as written");
        }
    }

    @Test
    void valuesBeyondTheLastPeriodKeepAnEmptyLabel() {
        Path file = write(dir, "nbs.csv", "数据库:年度数据\n指标,2024年\n人口(万人),10,11\n", StandardCharsets.UTF_8);
        assertEquals(List.of(new RawRecord(3, List.of("人口(万人)", "2024年", "10")),
                new RawRecord(3, List.of("人口(万人)", "", "11"))), readAll(file, null),
                "a value without a period is returned for the caller to quarantine, not dropped");
    }

    @Test
    void rejectsExportWithoutIndicatorRow() {
        Path file = write(dir, "nbs.csv", "数据库：月度数据\r\n时间：1998-\r\n规上工业增加值同比增长(%),6.9,6.2\r\n", GBK);
        SourceException e = assertThrows(SourceException.class, () -> SourceFiles.open(file, null),
                "values without periods cannot be unpivoted");
        assertEquals("NBS 导出文件缺少“指标”表头行", e.getMessage(), "the missing 指标 row is named");
    }

    @Test
    void rejectsExportWithDuplicatePeriods() {
        Path file = write(dir, "nbs.csv", "数据库：年度数据\n指标,2024年,2024年\n人口,1,2\n", StandardCharsets.UTF_8);
        SourceException e = assertThrows(SourceException.class, () -> SourceFiles.open(file, null),
                "two columns for one period cannot both be right");
        assertEquals("表头列名重复：2024年", e.getMessage(), "the duplicate period is named");
    }
}
