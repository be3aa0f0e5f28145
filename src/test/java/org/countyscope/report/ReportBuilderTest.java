package org.countyscope.report;

import org.countyscope.report.ReportInput.Figure;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.Section;
import org.countyscope.report.model.Vintage;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report built from a hand-made input: labels, sentences from the figures, withheld figures kept out. */
class ReportBuilderTest {
    static Figure f(String region, String name, String level, String indicator, double value, Double share, Integer rank,
                    Double yoy, boolean withheld) {
        return new Figure(region, name, level, indicator, indicator, "万元", value, value, null, share, rank, yoy, yoy,
            null, null, null, null, null, null, withheld);
    }

    static ReportInput input() {
        List<Figure> figures = new ArrayList<>();
        figures.add(f("620800", "平凉市", "city", "iva_real", 3000, null, null, 5.0, false));
        figures.add(f("620802", "崆峒区", "county", "iva_real", 2000, 66.7, 2, 4.0, false));
        figures.add(f("620821", "泾川县", "county", "iva_real", 700, 23.3, 1, 8.0, false));
        figures.add(f("620822", "灵台县", "county", "iva_real", 300, 10.0, 3, 3.0, true));
        figures.add(f("620800", "平凉市", "city", "iva", 30000, null, null, 6.0, false));
        figures.add(f("620802", "崆峒区", "county", "iva", 20000, 66.7, 1, 5.0, false));
        figures.add(f("620821", "泾川县", "county", "iva", 7000, 23.3, 2, 9.0, false));
        figures.add(f("620822", "灵台县", "county", "iva", 3000, 10.0, 3, 2.0, true));
        // fai is ranked by size in the comparison (崆峒区 first) but grows slowest
        figures.add(f("620800", "平凉市", "city", "fai", 10000, null, null, 10.0, false));
        figures.add(f("620802", "崆峒区", "county", "fai", 6000, 60.0, 1, 2.0, false));
        figures.add(f("620821", "泾川县", "county", "fai", 3000, 30.0, 2, 20.0, false));
        figures.add(f("620822", "灵台县", "county", "fai", 1000, 10.0, 3, 30.0, false));
        return new ReportInput("620800", "平凉市", YearMonth.of(2025, 6), "half", figures, Map.of(), List.of(),
            List.of(), List.of(), new Vintage("2025-07-10 09:00", List.of()));
    }

    static ReportInput withOutlook(String caveat) {
        ReportInput base = input();
        List<ReportInput.Outlook> outlook = List.of(new ReportInput.Outlook("620800", "平凉市", "city", 2025, 7.4, 5.0, 9.8,
            3.6, 11.2, 6.0, 0.7, caveat.isEmpty() ? "combined(tramo+local-level)" : "naive", caveat));
        return new ReportInput(base.cityCode(), base.cityName(), base.end(), base.cadence(), base.figures(), base.marts(),
            base.growthPath(), outlook, List.of(), base.vintage());
    }

    @Test
    void aFallbackForecastIsNoHeadlineAndSaysWhatItIs() {
        String caveat = "历史数据过短：仅沿用最近一期增速的简单外推，不是模型预测";
        Report fallback = ReportBuilder.build(withOutlook(caveat));
        assertTrue(fallback.headlines().stream().noneMatch(h -> h.label().startsWith("预计")),
            "no forecast headline: " + fallback.headlines());
        Section section = fallback.sections().stream().filter(s -> s.id().equals("forecast")).findFirst().orElseThrow();
        assertEquals("全市规上工业增加值全年增速未作模型预测（" + caveat + "）。", section.sentences().get(0));
        assertTrue(section.tables().get(0).rows().get(0).get(8).text().contains(caveat), "the table says it too");

        Report model = ReportBuilder.build(withOutlook(""));
        assertTrue(model.headlines().stream().anyMatch(h -> h.label().equals("预计2025年规上工业增加值增速")),
            "a model's forecast is a headline: " + model.headlines());
    }

    @Test
    void labelsAndTitlesFollowTheCadence() {
        assertEquals("1—6月", ReportBuilder.periodLabel(YearMonth.of(2025, 6), "month"));
        assertEquals("上半年", ReportBuilder.periodLabel(YearMonth.of(2025, 6), "half"));
        assertEquals("前三季度", ReportBuilder.periodLabel(YearMonth.of(2025, 9), "quarter"));
        assertEquals("全年", ReportBuilder.periodLabel(YearMonth.of(2025, 12), "year"));
        assertEquals("1月", ReportBuilder.periodLabel(YearMonth.of(2025, 1), "month"));
        assertEquals("平凉市2025年上半年县域经济运行评估", ReportBuilder.title("平凉市", YearMonth.of(2025, 6), "half"));
    }

    @Test
    void sentencesComeFromTheFiguresAndWithheldOnesCarryNoNumber() {
        Report r = ReportBuilder.build(input());
        Section industry = r.sections().stream().filter(s -> s.id().equals("industry")).findFirst().orElseThrow();
        assertEquals("上半年，全市规上工业增加值3.00亿元，同比增长5.0%。", industry.sentences().get(0));
        assertEquals("分县（市、区）看，规上工业增加值增速高于全市平均水平的有泾川县（8.0%）1个县（市、区）；低于全市平均水平的有"
            + "崆峒区（4.0%）1个县（市、区）。其中泾川县增速最高，高于全市3.0个百分点；崆峒区增速最低，低于全市1.0个百分点。",
            industry.sentences().get(1));
        String withheld = industry.sentences().stream().filter(s -> s.contains("灵台县")).findFirst().orElseThrow();
        assertFalse(withheld.matches(".*\\d.*增长.*") || withheld.contains("3.0%"), "no figure for 灵台县: " + withheld);
        ReportTable t = industry.tables().get(0);
        List<Cell> lingtai = t.rows().stream().filter(row -> "灵台县".equals(row.get(0).text())).findFirst().orElseThrow();
        assertTrue(lingtai.get(1).withheld() && lingtai.get(2).withheld() && lingtai.get(4).withheld(),
            "value, growth and share withheld: " + lingtai);
        assertEquals("全市", t.rows().get(0).get(0).text(), "the city first");
    }

    @Test
    void growthSentencesRankByGrowthNotBySize() {
        Report r = ReportBuilder.build(input());
        Section investment = r.sections().stream().filter(s -> s.id().equals("investment")).findFirst().orElseThrow();
        assertTrue(investment.sentences().contains("分县（市、区）看，固定资产投资增速高于全市平均水平的有灵台县（30.0%）、"
            + "泾川县（20.0%）2个县（市、区）；低于全市平均水平的有崆峒区（2.0%）1个县（市、区）。其中灵台县增速最高，高于全市"
            + "20.0个百分点；崆峒区增速最低，低于全市8.0个百分点。"), investment.sentences().toString());
    }

    @Test
    void noForecastSectionWithoutAForecast() {
        Report r = ReportBuilder.build(input());
        assertFalse(r.sections().stream().anyMatch(s -> s.id().equals("forecast")));
        assertTrue(r.footnotes().contains(Sentences.ROUNDING_NOTE));
    }

    @Test
    void longTablesGoToTheAppendixAndFootnotesOnlyWhereSomethingIsWithheld() {
        ReportInput base = input();
        List<Figure> figures = new ArrayList<>(base.figures());
        figures.add(f("620800", "平凉市", "city", "budget_revenue", 9000, null, null, 3.0, false));
        figures.add(f("620899", "市本级", "city_own", "budget_revenue", 1000, 11.1, null, 1.0, false));
        java.util.Map<String, Object> city = new java.util.HashMap<>(Map.of("region_level", "city", "region_code",
            "620800", "region_name", "平凉市", "division", "13", "division_name", "农副食品加工业", "enterprises", 5L,
            "iva_cum", 5000.0, "share_of_region_pct", 20.0, "share_of_city_division_pct", 100.0));
        java.util.Map<String, Object> county = new java.util.HashMap<>(city);
        county.putAll(Map.of("region_level", "county", "region_code", "620802", "region_name", "崆峒区",
            "share_of_city_division_pct", 60.0));
        java.util.Map<String, Object> firms = new java.util.HashMap<>(Map.of("unit_type", "县区", "unit_name", "崆峒区",
            "indicator", "新增规上企业数", "unit", "户", "target", 3.0, "actual", 2.0, "completion_pct", 66.7));
        ReportInput in = new ReportInput(base.cityCode(), base.cityName(), base.end(), base.cadence(), figures,
            Map.of(ReportBuilder.INDUSTRY, List.of(city, county), ReportBuilder.TARGETS, List.of(firms)), List.of(),
            List.of(), List.of(), base.vintage());
        Report r = ReportBuilder.build(in);

        Section last = r.sections().get(r.sections().size() - 1);
        assertEquals("附表", last.title(), "the county × 大类 table closes the report");
        assertEquals("industry_structure", last.tables().get(0).id());
        Section industrySection = r.sections().stream().filter(x -> x.id().equals("industry")).findFirst().orElseThrow();
        assertTrue(industrySection.tables().stream().noneMatch(t -> t.id().equals("industry_structure")),
            "not inside 工业经济");
        List<Cell> cityRow = last.tables().get(0).rows().get(0);
        assertEquals("全市", cityRow.get(0).text());
        assertEquals(Cell.empty(), cityRow.get(5), "no 占全市该行业比重 100.0 on the 全市 row");
        assertEquals(60.0, last.tables().get(0).rows().get(1).get(5).number(), 1e-9);
        assertFalse(last.tables().get(0).footnotes().contains(ReportBuilder.DISCLOSURE_NOTE),
            "nothing withheld in the 附表: no … footnote under it");

        ReportTable industry = industrySection.tables().get(0);
        assertTrue(industry.footnotes().contains(ReportBuilder.DISCLOSURE_NOTE), "灵台县 is withheld here");
        assertTrue(industry.rows().stream().noneMatch(row -> "市本级".equals(row.get(0).text())),
            "市本级 has no industry: no blank row");
        ReportTable fiscal = r.sections().stream().filter(x -> x.id().equals("fiscal")).findFirst().orElseThrow()
            .tables().get(0);
        assertTrue(fiscal.rows().stream().anyMatch(row -> "市本级".equals(row.get(0).text())),
            "市本级 keeps its row where it has figures");
        assertFalse(fiscal.footnotes().contains(ReportBuilder.DISCLOSURE_NOTE), "nothing withheld in the fiscal table");
        assertTrue(r.footnotes().contains(ReportBuilder.DISCLOSURE_NOTE), "the report withholds something");
        ReportTable targets = r.sections().stream().filter(x -> x.id().equals("targets")).findFirst().orElseThrow()
            .tables().get(0);
        assertEquals("3", targets.rows().get(0).get(4).display(1), "a target of 3 firms prints 3, not 3.0");
        assertEquals("2", targets.rows().get(0).get(5).display(1));
    }
}
