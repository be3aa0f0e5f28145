package org.countyscope.pipeline;

import org.countyscope.TestSpark;
import org.countyscope.cli.CountyscopeCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warehouse holding one yearbook table and nothing else — a province's districts and counties under their
 * prefectures, two years of GDP — goes through the real CLI: {@code ingest} of the lone file, then {@code compare
 * --cadence year} (no period: December of the table's latest year), and its {@code indicator_comparison.csv} has shares of the parent, ranks among siblings (ties at the
 * printed precision) and growth.
 */
class YearbookOnlyCompareTest {
    static final String HEADER = "region_code,region_name,parent_code,period,indicator,unit,value\n";

    @Test
    void aLoneYearbookFileIsComparedLikeAnyOtherIndicator(@TempDir Path tmp) throws Exception {
        TestSpark.session();
        // 甘肃省 has no row of its own: its total is the sum of its prefectures; 兰州市's own total includes districts
        // the table does not list; 崆峒区 and 华亭市 both print 100.00 亿元 in 2025
        String rows = HEADER + String.join("\n",
            "620100,兰州市,620000,2024,地区生产总值,亿元,1500",
            "620102,城关区,620100,2024,地区生产总值,亿元,1000",
            "620103,七里河区,620100,2024,地区生产总值,亿元,400",
            "620800,平凉市,620000,2024,地区生产总值,亿元,250",
            "620802,崆峒区,620800,2024,地区生产总值,亿元,160",
            "620881,华亭市,620800,2024,地区生产总值,亿元,90",
            "620100,兰州市,620000,2025,地区生产总值,亿元,1650",
            "620102,城关区,620100,2025,地区生产总值,亿元,1100",
            "620103,七里河区,620100,2025,地区生产总值,亿元,420",
            "620800,平凉市,620000,2025,地区生产总值,亿元,200",
            "620802,崆峒区,620800,2025,地区生产总值,亿元,100.004",
            "620881,华亭市,620800,2025,地区生产总值,亿元,99.996") + "\n";
        Path file = Files.writeString(tmp.resolve("gdp.csv"), rows, StandardCharsets.UTF_8);
        String warehouse = tmp.resolve("wh").toString();
        String out = tmp.resolve("out").toString();

        String[] ingest = run("ingest", "--input", file.toString(), "--warehouse", warehouse, "--out", out);
        assertEquals("0", ingest[0], "ingest: " + ingest[1] + ingest[2]);
        // no --period: the latest year of the table, as its December
        String[] compare = run("compare", "--cadence", "year", "--warehouse", warehouse, "--out", out);
        assertEquals("0", compare[0], "compare of a yearbook-only warehouse: " + compare[1] + compare[2]);

        Path csv = tmp.resolve("out/2025-12/tables/indicator_comparison.csv");
        assertTrue(Files.exists(csv), "the export is written");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).replace("\uFEFF", "").split(",", -1));
        Map<String, Map<String, String>> byRegion = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), cells[i]);
            }
            assertEquals("2025", m.get("period"), "the latest year only");
            byRegion.put(m.get("region_code"), m);
        }
        assertEquals(6, byRegion.size(), "two prefectures and four districts or counties: " + byRegion.keySet());

        Map<String, String> chengguan = byRegion.get("620102");
        assertEquals(1650.0, num(chengguan, "parent_total"), 1e-9, "兰州市's own reported total");
        assertEquals(66.7, num(chengguan, "share_pct"), 1e-9, "1100 / 1650, printed with one decimal");
        assertEquals(10.0, num(chengguan, "yoy_pct"), 1e-9);
        assertEquals("1", chengguan.get("rank"));
        assertEquals("2", byRegion.get("620103").get("rank"));
        assertEquals(5.0, num(byRegion.get("620103"), "yoy_pct"), 1e-9);

        assertEquals("1", byRegion.get("620802").get("rank"), "100.004 and 99.996 亿元 both print 100.00: 并列第1");
        assertEquals("1", byRegion.get("620881").get("rank"));
        assertEquals(11.1, num(byRegion.get("620881"), "yoy_pct"), 1e-9, "(99.996 / 90 - 1) * 100, printed");

        Map<String, String> lanzhou = byRegion.get("620100");
        assertEquals(1850.0, num(lanzhou, "parent_total"), 1e-9, "甘肃省 = the sum of its prefectures");
        assertEquals(89.2, num(lanzhou, "share_pct"), 1e-9, "1650 / 1850, printed");
        assertEquals("1", lanzhou.get("rank"));
        assertEquals("2", byRegion.get("620800").get("rank"));
        assertEquals(-20.0, num(byRegion.get("620800"), "yoy_pct"), 1e-9);
    }

    private static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    private static String[] run(String... args) {
        CommandLine cl = CountyscopeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }
}
