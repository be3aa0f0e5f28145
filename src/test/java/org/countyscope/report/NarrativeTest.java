package org.countyscope.report;

import org.countyscope.report.ReportInput.CityPoint;
import org.countyscope.report.ReportInput.Figure;
import org.countyscope.report.ReportInput.GrowthPoint;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.Section;
import org.countyscope.report.model.Vintage;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysis of a hand-made December (five counties, one withheld): 要点 first, the city before the counties, the
 * counties grouped, 贡献率 and 拉动, rank changes, 需关注 with its numbers, each cadence leading with its own, and
 * the 考核 table of the year report. The month's sentences are pinned by a golden file.
 */
class NarrativeTest {
    static final YearMonth END = YearMonth.of(2025, 12);

    static Figure fig(String region, String name, String level, String indicator, String indicatorName, Double value,
                      Double yoy, Double yoyPeriod, Double contribution, Double pull, Double twoYear, boolean withheld) {
        return new Figure(region, name, level, indicator, indicatorName, "万元", value, value, null, null, null, yoy,
            yoyPeriod, null, contribution, pull, twoYear, null, null, withheld);
    }

    /** A December of five counties; 灵台县's 规上工业 figures are withheld; 泾川县 and 静宁县 both print 4.0%. */
    static ReportInput input(String cadence) {
        List<Figure> f = new ArrayList<>();
        String iva = "规上工业增加值";
        f.add(fig("620800", "平凉市", "city", "iva_real", iva, 1000.0, 7.02, cadence.equals("quarter") ? 8.04 : 8.6,
            null, null, 3.1, false));
        f.add(fig("620802", "崆峒区", "county", "iva_real", iva, 400.0, 7.5, 7.0, 40.0, 2.8, 6.0, false));
        f.add(fig("620821", "泾川县", "county", "iva_real", iva, 150.0, 4.04, 4.0, 9.0, 0.6, 4.0, false));
        f.add(fig("620823", "崇信县", "county", "iva_real", iva, 100.0, 7.9, 9.0, 12.0, 0.8, 7.0, false));
        f.add(fig("620826", "静宁县", "county", "iva_real", iva, 120.0, 3.96, 3.0, 6.0, 0.4, 5.0, false));
        f.add(fig("620881", "华亭市", "county", "iva_real", iva, 200.0, 13.1, 12.0, 54.3, 3.8, 9.0, false));
        f.add(fig("620822", "灵台县", "county", "iva_real", iva, 30.0, -8.0, null, null, null, null, true));
        f.add(fig("620800", "平凉市", "city", "iva", iva, 1_234_567.0, 9.0, null, null, null, null, false));
        f.add(fig("620800", "平凉市", "city", "tax_total", "税收收入", 353_532.11, 3.0, null, null, null, null, false));
        f.add(fig("620802", "崆峒区", "county", "tax_total", "税收收入", 200_000.0, 5.0, null, null, null, null, false));
        f.add(fig("620823", "崇信县", "county", "tax_total", "税收收入", 30_000.0, -6.0, null, null, null, null, false));
        f.add(fig("620823", "崇信县", "county", "tax_industry", "工业税收", 20_000.0, -10.2, null, null, null, null, false));
        f.add(fig("620823", "崇信县", "county", "budget_revenue", "一般公共预算收入", 9_000.0, -18.2, null, null, null, null,
            false));
        f.add(fig("620881", "华亭市", "county", "tax_industry", "工业税收", 90_000.0, 6.0, null, null, null, null, false));
        f.add(fig("620826", "静宁县", "county", "profit", "利润总额", 5_000.0, -15.0, null, null, null, null, false));
        f.add(fig("620822", "灵台县", "county", "profit", "利润总额", 900.0, -40.0, null, null, null, null, true));
        f.add(fig("620800", "平凉市", "city", "fai_industry", "工业投资", 50_000.0, 12.0, null, null, null, null, false));
        f.add(fig("620823", "崇信县", "county", "fai_industry", "工业投资", 4_000.0, 284.5, null, null, null, null, false));
        Map<String, List<Map<String, Object>>> marts = new LinkedHashMap<>();
        List<Map<String, Object>> targets = new ArrayList<>();
        targets.add(target("全市", "全市", "规上工业增加值增速", "%", 6.5, 7.02, null));
        targets.add(target("全市", "全市", "招商引资到位资金", "万元", 100_000.0, 115_800.0, 115.8));
        targets.add(target("全市", "全市", "一般公共预算收入", "万元", 400_000.0, 364_900.0, 91.225));
        targets.add(target("县区", "静宁县", "规上工业增加值增速", "%", 6.0, 3.96, null));
        targets.add(target("县区", "崇信县", "规上工业增加值增速", "%", 6.0, 7.9, null));
        targets.add(target("县区", "华亭市", "规上工业增加值增速", "%", 8.0, 13.1, null));
        targets.add(target("县区", "崆峒区", "规上工业增加值增速", "%", 7.0, 7.5, null));
        targets.add(target("县区", "泾川县", "规上工业增加值增速", "%", 5.0, 4.04, null));
        targets.add(target("县区", "灵台县", "规上工业增加值增速", "%", 5.0, "…", null));
        targets.add(target("县区", "泾川县", "新增规上企业数", "个", 4.0, 2.0, 50.0));
        targets.add(target("县区", "崆峒区", "新增规上企业数", "个", 4.0, 5.0, 125.0));
        marts.put(ReportBuilder.TARGETS, targets);
        List<GrowthPoint> path = new ArrayList<>();
        Object[][] nov = {{"620802", "崆峒区", 7.2}, {"620821", "泾川县", 5.0}, {"620823", "崇信县", 4.5},
            {"620826", "静宁县", 6.0}, {"620881", "华亭市", 12.0}};
        for (Object[] p : nov) {
            path.add(new GrowthPoint((String) p[0], (String) p[1], "county", END.minusMonths(1), (Double) p[2]));
            path.add(new GrowthPoint((String) p[0], (String) p[1], "county", END.minusMonths(3), (Double) p[2]));
        }
        List<CityPoint> city = new ArrayList<>();
        // 1—11月 6.8%; 1—6月 6.0%, 三季度 6.5%, 四季度 by the figure
        city.add(new CityPoint("iva_real", END.minusMonths(1), 900.0, 900 / 1.068));
        double b6 = 500 / 1.06;
        double b9 = b6 + 250 / 1.065;
        city.add(new CityPoint("iva_real", END.minusMonths(6), 500.0, b6));
        city.add(new CityPoint("iva_real", END.minusMonths(3), 750.0, b9));
        city.add(new CityPoint("tax_total", END.minusMonths(1), 320_000.0, null));
        city.add(new CityPoint("tax_total", END.minusMonths(13), 304_000.0, null));
        List<ReportInput.AssessmentRule> rules = AssessmentRules.parse("""
            indicator,name,weight,rule
            iva_real,规上工业增加值增速,60,rank
            规上工业增加值增速,规上工业增加值目标完成,40,target
            """, "test");
        return new ReportInput("620800", "平凉市", END, cadence, f, marts, path, List.of(), List.of(),
            new Vintage("2026-01-10 09:00", List.of(new Vintage.TableVersion("gold/comparison", 12, ""))))
            .with(city, cadence.equals("year") ? rules : List.of());
    }

    static Map<String, Object> target(String type, String unit, String indicator, String u, Object target, Object actual,
                                      Object completion) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("unit_type", type);
        r.put("unit_name", unit);
        r.put("indicator", indicator);
        r.put("unit", u);
        r.put("target", target);
        r.put("actual", actual);
        r.put("completion_pct", completion);
        r.put("time_elapsed_pct", 100.0);
        r.put("status", "");
        return r;
    }

    static Section section(Report r, String id) {
        return r.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(
            "no section " + id + " in " + r.sections().stream().map(Section::id).toList()));
    }

    @Test
    void theMonthOpensWithKeyPointsAndTheChangeAgainstTheLastMonth() {
        Report r = ReportBuilder.build(input("month"));
        Section summary = r.sections().get(0);
        assertEquals("要点", summary.title(), "要点 first");
        assertTrue(summary.sentences().size() >= 3 && summary.sentences().size() <= 5, summary.sentences().toString());
        assertEquals("工业：1—12月，全市规上工业增加值同比增长7.0%，较1—11月加快0.2个百分点，12月当月增长8.6%；"
            + "3个县（市、区）增速高于全市平均水平。", summary.sentences().get(0));
        assertTrue(summary.sentences().get(1).contains("税收收入（全口径）35.35亿元，同比增长3.0%，较1—11月回落2.3个百分点"),
            "320000 / 304000 = +5.3%: " + summary.sentences().get(1));
    }

    @Test
    void countiesAreGroupedAndTiesAtThePrintedFigureShareAPlace() {
        Report r = ReportBuilder.build(input("month"));
        Section industry = section(r, "industry");
        assertTrue(industry.sentences().contains("分县（市、区）看，规上工业增加值增速高于全市平均水平的有华亭市（13.1%）、"
            + "崇信县（7.9%）、崆峒区（7.5%）3个县（市、区）；低于全市平均水平的有泾川县（4.0%）、静宁县（4.0%）2个县（市、区）。"
            + "其中华亭市增速最高，高于全市6.1个百分点；泾川县、静宁县并列最低，低于全市3.0个百分点。"), industry.sentences().toString());
        assertTrue(industry.sentences().contains("从对全市增长的贡献看，华亭市贡献率为54.3%，拉动全市增长3.8个百分点；"
            + "崆峒区贡献率为40.0%，拉动全市增长2.8个百分点。"), industry.sentences().toString());
        assertTrue(industry.sentences().contains("位次变化：与1—11月相比，崆峒区由第2位降至第3位，崇信县由第5位升至第2位，"
            + "静宁县由第3位降至并列第4位，其余县（市、区）位次不变。"), industry.sentences().toString());
        ReportTable t = industry.tables().get(0);
        Map<String, Cell> rank = t.rows().stream().collect(Collectors.toMap(row -> row.get(0).text(), row -> row.get(3)));
        assertEquals(rank.get("泾川县").number(), rank.get("静宁县").number(), "4.04 and 3.96 print 4.0: one 位次");
        assertEquals(4.0, rank.get("静宁县").number(), "华亭、崇信、崆峒 ahead");
        assertTrue(rank.get("灵台县").withheld(), "a withheld county has no 位次");
        assertEquals(null, rank.get("全市").number(), "no 位次 on the 全市 row");
    }

    @Test
    void theAttentionParagraphNamesEachProblemWithItsNumber() {
        Report r = ReportBuilder.build(input("month"));
        List<String> w = section(r, "attention").sentences();
        assertTrue(w.contains("规上工业增加值增速低于年度目标的有静宁县（增长4.0%，目标6.0%，低于目标2.0个百分点）、"
            + "泾川县（增长4.0%，目标5.0%，低于目标1.0个百分点）。"), w.toString());
        assertTrue(w.contains("新增规上企业数未完成年度目标的有泾川县（完成50.0%，差2个）。"), w.toString());
        assertTrue(w.contains("崇信县规上工业增加值增长7.9%，但工业税收下降10.2%，一般公共预算收入下降18.2%，"
            + "产出增长未同步转化为财政收入。"), w.toString());
        assertTrue(w.contains("规上工业利润总额下降的有静宁县（下降15.0%）。"), "灵台县's fall is withheld: " + w);
        assertTrue(w.contains("崇信县工业投资增长284.5%，上年同期基数仅1040.31万元，高增长主要来自低基数。"), w.toString());
    }

    @Test
    void aWithheldCountyIsNeverNamedWithANumber() {
        for (String cadence : List.of("month", "quarter", "half", "year")) {
            Report r = ReportBuilder.build(input(cadence));
            for (Section s : r.sections()) {
                for (String sentence : s.sentences()) {
                    for (String part : sentence.split("[；。，]")) {
                        if (part.contains("灵台县")) {
                            assertFalse(part.matches(".*\\d.*"), cadence + ": " + sentence);
                        }
                    }
                }
            }
        }
    }

    @Test
    void eachCadenceLeadsWithItsOwn() {
        Report quarter = ReportBuilder.build(input("quarter"));
        String lead = quarter.sections().get(0).sentences().get(0);
        assertTrue(lead.startsWith("工业：四季度，全市规上工业增加值当季同比增长8.0%，较三季度加快1.5个百分点；1—12月累计增长7.0%"),
            lead);
        assertTrue(quarter.sections().get(0).sentences().get(1).startsWith("位次变化：与前三季度相比"),
            quarter.sections().get(0).sentences().toString());
        Report half = ReportBuilder.build(input("half"));
        assertTrue(half.sections().get(0).sentences().get(0).startsWith("全年目标任务：全市3项年度目标中，2项完成年度目标"),
            half.sections().get(0).sentences().toString());
        assertEquals("halfway", half.sections().get(1).id());
        Report year = ReportBuilder.build(input("year"));
        assertTrue(year.sections().get(0).sentences().get(0).startsWith("年度考核："), year.sections().get(0).sentences().toString());
        assertFalse(quarter.sections().get(0).sentences().get(0).equals(
            ReportBuilder.build(input("month")).sections().get(0).sentences().get(0)), "the quarter does not repeat the month");
    }

    @Test
    void theYearReportScoresTheCountiesByTheRulesFile() {
        ReportTable t = section(ReportBuilder.build(input("year")), "assessment").tables().get(0);
        assertEquals(List.of("地区", "规上工业增加值增速（60分）", "规上工业增加值目标完成（40分）", "总分", "位次"),
            t.columns().stream().map(ReportTable.Column::header).toList());
        Map<String, List<Cell>> rows = t.rows().stream().collect(Collectors.toMap(r -> r.get(0).text(), r -> r));
        // 华亭市 first of five by growth: 60 × 5 / 5 = 60; growth 13.1 above its 8.0 target: 40
        assertEquals(100.0, rows.get("华亭市").get(3).number(), 1e-9);
        assertEquals(1.0, rows.get("华亭市").get(4).number());
        // 泾川县 and 静宁县 both 4.0%: 位次 4 of 5, 60 × 2 / 5 = 24 each; targets 4.0/5.0 and 4.0/6.0 of 40
        assertEquals(24.0, rows.get("泾川县").get(1).number(), 1e-9);
        assertEquals(24.0, rows.get("静宁县").get(1).number(), 1e-9);
        assertEquals(32.0, rows.get("泾川县").get(2).number(), 1e-9);
        assertEquals(26.7, rows.get("静宁县").get(2).number(), 1e-9);
        assertEquals(56.0, rows.get("泾川县").get(3).number(), 1e-9, "the total adds up the printed scores");
        assertTrue(rows.get("灵台县").get(3).withheld(), "a withheld figure gives no total");
        assertTrue(t.footnotes().get(0).startsWith("考核规则"), "the rule under the table");
    }

    @Test
    void theYearEndTargetsSayCompletionAndTheShortfall() {
        Section targets = section(ReportBuilder.build(input("month")), "targets");
        assertTrue(targets.sentences().contains("1—12月，全市招商引资到位资金完成年度目标的115.8%。"), targets.sentences().toString());
        assertTrue(targets.sentences().contains("1—12月，全市一般公共预算收入完成年度目标的91.2%，未完成，差3.51亿元。"),
            targets.sentences().toString());
        ReportTable t = targets.tables().get(0);
        assertTrue(t.rows().stream().filter(r -> "全市".equals(r.get(0).text())).allMatch(r -> r.get(10).number() == null),
            "no 位次 for 全市");
        assertTrue(t.footnotes().get(0).startsWith("位次按指标本身排列"), t.footnotes().toString());
    }

    @Test
    void aPencilFindsNothingWrongAndCatchesATamperedGap() {
        for (String cadence : List.of("month", "quarter", "half", "year")) {
            assertEquals(List.of(), PrintedFigures.problems(ReportBuilder.build(input(cadence))), cadence);
        }
        Report r = ReportBuilder.build(input("month"));
        List<Section> tampered = r.sections().stream().map(s -> new Section(s.id(), s.title(), s.sentences().stream()
            .map(x -> x.replace("高于全市6.1个百分点", "高于全市6.2个百分点"))
            .toList(), s.charts(), s.tables())).toList();
        List<String> found = PrintedFigures.problems(new Report(r.title(), r.period(), r.cadence(), r.periodLabel(),
            r.headlines(), tampered, r.vintage(), r.footnotes()));
        assertEquals(1, found.size(), "13.1 − 7.0 is 6.1, not 6.2: " + found);
        List<Section> wrongItem = r.sections().stream().map(s -> new Section(s.id(), s.title(), s.sentences().stream()
            .map(x -> x.replace("崇信县（7.9%）", "崇信县（7.8%）")).toList(), s.charts(), s.tables())).toList();
        found = PrintedFigures.problems(new Report(r.title(), r.period(), r.cadence(), r.periodLabel(), r.headlines(),
            wrongItem, r.vintage(), r.footnotes()));
        assertEquals(1, found.size(), "the table prints 崇信县 at 7.9: " + found);
        List<Section> wrongShortfall = r.sections().stream().map(s -> new Section(s.id(), s.title(), s.sentences().stream()
            .map(x -> x.replace("差3.51亿元", "差35100.00万元")).toList(), s.charts(), s.tables())).toList();
        found = PrintedFigures.problems(new Report(r.title(), r.period(), r.cadence(), r.periodLabel(), r.headlines(),
            wrongShortfall, r.vintage(), r.footnotes()));
        assertEquals(1, found.size(), "the 全市 row prints 亿元, 40.00 − 36.49: " + found);
    }

    @Test
    void theMonthsSentencesMatchTheGoldenFile() {
        Report r = ReportBuilder.build(input("month"));
        StringBuilder out = new StringBuilder();
        for (Section s : r.sections()) {
            out.append("## ").append(s.title()).append('\n');
            s.sentences().forEach(x -> out.append(x).append('\n'));
        }
        GoldenFile.assertMatches("month_report.txt", out.toString());
    }
}
