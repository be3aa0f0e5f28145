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

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            r.put((String) kv[i], kv[i + 1]);
        }
        return r;
    }

    private static ReportInput withMarts(ReportInput base, List<Figure> extra, Map<String, List<Map<String, Object>>> marts) {
        List<Figure> figures = new ArrayList<>(base.figures());
        figures.addAll(extra);
        return new ReportInput(base.cityCode(), base.cityName(), base.end(), base.cadence(), figures, marts,
            base.growthPath(), base.outlook(), base.forecastPath(), base.vintage());
    }

    private static Section section(Report r, String id) {
        return r.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void openReviewFlagsAreSaidInTheNotesAndChangeNoFigure() {
        ReportInput base = input();
        Report none = ReportBuilder.build(base);
        assertTrue(none.footnotes().stream().noneMatch(f -> f.contains("审核")), "no open flag: no sentence " + none.footnotes());
        Report flagged = ReportBuilder.build(base.withOpenFlags(List.of(
            new ReportInput.OpenFlag("ent_month_band|A|2025-06", "620802", "崆峒区"),
            new ReportInput.OpenFlag("ent_va_rate|B|2025-06", "620881", "华亭市"),
            new ReportInput.OpenFlag("ent_missing|C|2025-06", "620802", "崆峒区"),
            new ReportInput.OpenFlag("dq_rows_drop|tax|2025-06", null, null))));
        assertTrue(flagged.footnotes().contains("本期数据审核尚有4条待核实问题（涉及崆峒区、华亭市和全市汇总数据），相关数据可能修订。"),
            flagged.footnotes().toString());
        assertEquals(none.headlines(), flagged.headlines(), "a flag changes no headline figure");
        assertEquals(none.sections(), flagged.sections(), "nor any sentence or table");
        Report counties = ReportBuilder.build(base.withOpenFlags(List.of(
            new ReportInput.OpenFlag("x|1|2025-06", "620881", "华亭市"), new ReportInput.OpenFlag("x|2|2025-06", "620802", "崆峒区"))));
        assertTrue(counties.footnotes().contains("本期数据审核尚有2条待核实问题（涉及崆峒区、华亭市），相关数据可能修订。"),
            "counties by code: " + counties.footnotes());
    }

    @Test
    void aWithheldTaxCellCarriesTheTaxGatesOwnNoteAndOnlyThen() {
        String note = "…表示依据《统计法》不予公布：纳税户数少于3户（纳税户数取自税收数据），或为使其不能被推算而不予公布。";
        List<Map<String, Object>> withheld = List.of(
            row("region_level", "city", "region_code", "620800", "region_name", "平凉市", "coverage", "本级",
                "tax_total_cum", 5000.0, "tax_industry_cum", 2000.0, "industry_share_of_tax_pct", 40.0, "note", note),
            row("region_level", "county", "region_code", "620802", "region_name", "崆峒区", "coverage", "本级",
                "tax_total_cum", 3000.0, "tax_industry_cum", "…", "industry_share_of_tax_pct", "…", "note", note));
        ReportTable t = section(ReportBuilder.build(withMarts(input(), List.of(), Map.of(ReportBuilder.FISCAL, withheld))),
            "fiscal").tables().stream().filter(x -> x.id().equals(ReportBuilder.FISCAL)).findFirst().orElseThrow();
        assertTrue(t.footnotes().contains(note) && !t.footnotes().contains(ReportBuilder.DISCLOSURE_NOTE),
            "the rule and the source of the taxpayer count under the table, once: " + t.footnotes());
        List<Map<String, Object>> published = List.of(withheld.get(0));
        ReportTable open = section(ReportBuilder.build(withMarts(input(), List.of(), Map.of(ReportBuilder.FISCAL,
            published))), "fiscal").tables().stream().filter(x -> x.id().equals(ReportBuilder.FISCAL)).findFirst()
            .orElseThrow();
        assertFalse(open.footnotes().contains(note), "nothing withheld: no note of why " + open.footnotes());
    }

    @Test
    void oneLabelNeverCarriesTwoFiguresOfTheBudget() {
        // 一般公共预算收入: 全市 with 市本级 9000 + 1000 in the comparison; the counties alone 9000 in fiscal_contribution
        List<Figure> extra = List.of(f("620800", "平凉市", "city", "budget_revenue", 10000, null, null, 3.0, false),
            f("620802", "崆峒区", "county", "budget_revenue", 6000, 60.0, 1, 2.0, false),
            f("620821", "泾川县", "county", "budget_revenue", 3000, 30.0, 2, 5.0, false),
            f("620899", "市本级", "city_own", "budget_revenue", 1000, 10.0, null, 1.0, false));
        List<Map<String, Object>> fiscal = List.of(
            row("region_level", "city", "region_code", "620800", "region_name", "平凉市", "coverage", "2个县（市、区）合计，不含市本级",
                "tax_total_cum", 5000.0, "tax_industry_cum", 2000.0, "industry_share_of_tax_pct", 40.0,
                "budget_revenue_cum", 9000.0, "industry_local_share_of_budget_pct", 10.0, "hhi_industry", 0.312),
            row("region_level", "county", "region_code", "620802", "region_name", "崆峒区", "coverage", "本级",
                "tax_total_cum", 3000.0, "tax_industry_cum", 1000.0, "industry_share_of_tax_pct", 33.3,
                "budget_revenue_cum", 6000.0, "industry_local_share_of_budget_pct", 8.0, "hhi_industry", 0.25));
        Report r = ReportBuilder.build(withMarts(input(), extra, Map.of(ReportBuilder.FISCAL, fiscal)));
        Map<String, java.util.Set<String>> budgetByLabel = new java.util.HashMap<>();
        for (ReportTable t : r.tables()) {
            for (int c = 0; c < t.columns().size(); c++) {
                if (t.columns().get(c).header().startsWith("一般公共预算收入（")) {
                    for (List<Cell> row : t.rows()) {
                        budgetByLabel.computeIfAbsent(row.get(0).text(), k -> new java.util.TreeSet<>())
                            .add(row.get(c).display(t.columns().get(c).decimals()));
                    }
                }
            }
        }
        budgetByLabel.forEach((label, values) -> assertEquals(1, values.size(), label + " carries " + values));
        assertEquals(java.util.Set.of("1.00"), budgetByLabel.get("全市"), "全市 with 市本级, in 亿元");
        assertEquals(java.util.Set.of("0.90"), budgetByLabel.get("各县（市、区）合计（不含市本级）"));
        Section fiscalSection = section(r, "fiscal");
        assertTrue(fiscalSection.sentences().stream().anyMatch(x -> x.startsWith("上半年，各县（市、区）合计（不含市本级）工业税收占全部税收的40.0%")),
            "the ratio's sentence says whom it covers: " + fiscalSection.sentences());
        ReportTable contribution = fiscalSection.tables().stream().filter(t -> t.id().equals(ReportBuilder.FISCAL))
            .findFirst().orElseThrow();
        assertTrue(contribution.columns().stream().noneMatch(c -> c.header().contains("HHI")),
            "planners read Chinese: " + contribution.columns());
        assertTrue(contribution.columns().stream().anyMatch(c -> c.header().equals("行业集中度（赫芬达尔指数，0—1）")));
        assertTrue(contribution.footnotes().stream().anyMatch(n -> n.startsWith("行业集中度为赫芬达尔指数")),
            "the note explains the index: " + contribution.footnotes());
    }

    @Test
    void theHalfYearNamesTheCountiesBelowHalfOfATargetWithTheirGap() {
        List<Map<String, Object>> targets = List.of(
            row("unit_type", "全市", "unit_name", "全市", "indicator", "规上工业增加值增速", "unit", "%", "target", 6.0,
                "actual", 5.0, "completion_pct", null),
            row("unit_type", "县区", "unit_name", "崆峒区", "indicator", "招商引资到位资金", "unit", "万元", "target",
                20000.0, "actual", 8000.0, "completion_pct", 40.0),
            row("unit_type", "县区", "unit_name", "泾川县", "indicator", "招商引资到位资金", "unit", "万元", "target",
                10000.0, "actual", 6000.0, "completion_pct", 60.0),
            row("unit_type", "县区", "unit_name", "泾川县", "indicator", "规上工业增加值增速", "unit", "%", "target", 7.0,
                "actual", 4.0, "completion_pct", null));
        Report r = ReportBuilder.build(withMarts(input(), List.of(), Map.of(ReportBuilder.TARGETS, targets)));
        List<String> s = section(r, "halfway").sentences();
        assertTrue(s.contains("招商引资到位资金：过半的有泾川县（完成60.0%）；未过半的有崆峒区（完成40.0%，慢于序时进度10.0个百分点）。"),
            "a county-only target is named too, with its gap: " + s);
        assertTrue(s.stream().anyMatch(x -> x.startsWith("规上工业增加值：全市增长5.0%，目标6.0%，未过半")
            && x.contains("未过半的有泾川县（增长4.0%，目标7.0%，低于目标3.0个百分点）")), s.toString());
    }

    @Test
    void moneyReadsTheSameInTheTextAndInItsTable() {
        List<Map<String, Object>> targets = List.of(
            row("unit_type", "全市", "unit_name", "全市", "indicator", "一般公共预算收入", "unit", "万元", "target", 400_000.0,
                "actual", 364_912.34, "completion_pct", 91.2),
            row("unit_type", "县区", "unit_name", "华亭市", "indicator", "省外到位资金", "unit", "万元", "target", 75_000.0,
                "actual", 66_890.254, "completion_pct", 89.2));
        ReportInput base = input();
        ReportInput december = new ReportInput(base.cityCode(), base.cityName(), YearMonth.of(2025, 12), "month",
            base.figures(), Map.of(ReportBuilder.TARGETS, targets), List.of(), List.of(), List.of(), base.vintage());
        Report r = ReportBuilder.build(december);
        ReportTable t = section(r, "targets").tables().get(0);
        List<Cell> city = t.rows().get(0);
        List<Cell> county = t.rows().get(1);
        assertEquals("亿元", city.get(3).text(), "the city's money in 亿元, as the text says it");
        assertEquals("40.00", city.get(4).display(1));
        assertEquals("36.49", city.get(5).display(1));
        assertTrue(section(r, "targets").sentences().contains("1—12月，全市一般公共预算收入完成年度目标的91.2%，未完成，差3.51亿元。"),
            "40.00 − 36.49: " + section(r, "targets").sentences());
        assertEquals("万元", county.get(3).text());
        assertEquals("75000.00", county.get(4).display(1), "万元 with two decimals, as publish/Precision prints it");
        assertEquals("66890.25", county.get(5).display(1));
        assertTrue(section(r, "attention").sentences().contains("省外到位资金未完成年度目标的有华亭市（完成89.2%，差8109.75万元）。"),
            "75000.00 − 66890.25: " + section(r, "attention").sentences());
        ReportTable investment = section(r, "investment").tables().get(0);
        assertEquals("固定资产投资（亿元）", investment.columns().get(1).header());
        assertEquals("1.00", investment.rows().get(0).get(1).display(investment.columns().get(1).decimals()),
            "全市 10000万元 prints 1.00亿元 in the table as in the text");
    }

    @Test
    void plannersReadTheVintageInPlainWordsWithoutTableNames() {
        ReportInput base = input();
        Vintage internal = new Vintage("2025年7月10日 09:00（北京时间）", "2025年6月", "2025-06",
            List.of(new Vintage.TableVersion("gold/comparison", 12, ""), new Vintage.TableVersion("silver/tax", 3, "2025-06")));
        Report r = ReportBuilder.build(new ReportInput(base.cityCode(), base.cityName(), base.end(), base.cadence(),
            base.figures(), base.marts(), List.of(), List.of(), List.of(), internal));
        assertEquals(List.of(), r.vintage().tables(), "no internal table for the HTML and the PDF");
        String notes = String.join("\n", r.footnotes());
        assertFalse(notes.contains("gold/") || notes.contains("Delta") || notes.contains("版本号") || notes.contains("数据版本"),
            notes);
        assertTrue(r.footnotes().contains("本报告数据截至2025年6月，发布版本为2025-06，生成时间为2025年7月10日 09:00（北京时间）。"),
            notes);
    }
}
