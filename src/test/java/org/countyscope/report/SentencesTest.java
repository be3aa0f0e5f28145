package org.countyscope.report;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentencesTest {
    private static final String IVA = "规上工业增加值";

    /** The fixed inputs of golden/sentences.txt, one line "id<TAB>sentence" each, in this order. */
    static Map<String, String> goldenCases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("county_above_city", Sentences.growth(GrowthFigure.county("1—6月", "泾川县", IVA, 5.2, 4.1, 3, 7)));
        m.put("county_decline_below_city",
            Sentences.growth(GrowthFigure.county("1—6月", "灵台县", IVA, -3.4, -2.6, 7, 7)));
        m.put("county_equal_to_city", Sentences.growth(GrowthFigure.county("1—6月", "崆峒区", IVA, 4.14, 4.1, 4, 7)));
        m.put("county_flat_growth", Sentences.growth(GrowthFigure.county("1—6月", "庄浪县", IVA, 0.04, 1.0, 5, 7)));
        m.put("county_flat_growth_negative_tiny",
            Sentences.growth(GrowthFigure.county("1—6月", "静宁县", IVA, -0.04, -0.02, 6, 7)));
        m.put("half_up_on_decimal_value",
            Sentences.growth(GrowthFigure.county("1—6月", "华亭市", IVA, 5.25, 4.1, 2, 7)));
        m.put("vs_city_from_printed",
            Sentences.growth(GrowthFigure.county("1—6月", "崇信县", IVA, 5.24, 5.16, 1, 7)));
        m.put("single_month", Sentences.growth(GrowthFigure.county("6月", "泾川县", "工业总产值", 12.0, 9.95, 1, 7)));
        m.put("province_scope",
            Sentences.growth(GrowthFigure.county("一季度", "平凉市", IVA, 7.3, 6.1, 5, 14).withScope("全省")));
        m.put("missing_growth_with_reason", Sentences.growth(GrowthFigure.noGrowth("1—6月", "崇信县", "新增规上企业数",
            "上年同期无数据，不计算增速").withAmount(new Quantity(3, 0, "个"))));
        m.put("withheld", Sentences.growth(GrowthFigure.withheld("1—6月", "华亭市", IVA)));
        m.put("city", Sentences.growth(GrowthFigure.city("1—6月", IVA, 4.1).withAmount(new Quantity(123.456, 2, "亿元"))));
        m.put("city_decline", Sentences.growth(GrowthFigure.city("一季度", "工业投资", -12.0)));
        m.put("city_year", Sentences.growth(GrowthFigure.city("全年", "全口径税收收入", 0.0)));
        m.put("share_with_amount", Sentences.share(ShareFigure.county("1—6月", "泾川县", IVA,
            new Quantity(12.345, 2, "亿元"), 23.44, 2, 7)));
        m.put("share_first", Sentences.share(ShareFigure.county("上半年", "崆峒区", "全口径税收收入", null, 31.0, 1, 7)));
        m.put("share_empty", Sentences.share(new ShareFigure("1—6月", "灵台县", "全市", "利润总额", null, null, null, 0,
            "全市合计为负，不计算比重", false)));
        m.put("target_ahead", Sentences.target(new TargetFigure("1—6月", "泾川县", "固定资产投资", 52.3, 50.0, null)));
        m.put("target_behind", Sentences.target(new TargetFigure("1—2月", "灵台县", "招商引资到位资金", 12.0,
            TargetFigure.elapsedPct(2), null)));
        m.put("target_on_schedule", Sentences.target(new TargetFigure("1—6月", "崆峒区", "工业投资", 50.04, 50.0, null)));
        m.put("target_not_started", Sentences.target(new TargetFigure("1—6月", "崇信县", "新增规上企业数", 0.0,
            TargetFigure.elapsedPct(6), null)));
        m.put("target_none", Sentences.target(new TargetFigure("1—6月", "市商务局", "省外到位资金", null, 50.0,
            "未下达年度目标")));
        m.put("growth_target_below",
            Sentences.growthTarget(new GrowthTargetFigure("1—6月", "泾川县", IVA, 5.2, 6.0, null)));
        m.put("growth_target_above",
            Sentences.growthTarget(new GrowthTargetFigure("全年", "全市", IVA, 7.0, 6.0, null)));
        m.put("growth_target_equal",
            Sentences.growthTarget(new GrowthTargetFigure("1—9月", "静宁县", IVA, 5.96, 6.0, null)));
        m.put("fiscal_full", Sentences.fiscal(new FiscalFigure("1—6月", "泾川县", 55.6, 31.2, 8.4, null)));
        m.put("fiscal_share_only", Sentences.fiscal(new FiscalFigure("全年", "全市", 48.0, null, null, null)));
        m.put("fiscal_empty", Sentences.fiscal(new FiscalFigure("1—6月", "崇信县", null, null, null,
            "全部税收不为正，不计算工业税收占比")));
        m.put("forecast_with_target", Sentences.forecast(new ForecastFigure("全市", IVA, 6.1, 4.9, 7.3, 6.0, 0.55)));
        m.put("forecast_decline_no_target", Sentences.forecast(new ForecastFigure("灵台县", IVA, -1.2, -3.05, 0.6,
            null, null)));
        m.put("forecast_almost_sure", Sentences.forecast(new ForecastFigure("崆峒区", IVA, 9.0, 8.1, 9.9, 6.0, 0.998)));
        m.put("forecast_almost_impossible", Sentences.forecast(new ForecastFigure("华亭市", IVA, 2.0, 0.0, 4.0, 6.0,
            0.004)));
        return m;
    }

    @Test
    void sentencesMatchTheGoldenFile() {
        StringBuilder out = new StringBuilder();
        goldenCases().forEach((id, s) -> out.append(id).append('\t').append(s).append('\n'));
        GoldenFile.assertMatches("sentences.txt", out.toString());
    }

    @Test
    void theIssuesExampleWordForWord() {
        assertEquals("1—6月，泾川县规上工业增加值同比增长5.2%，高于全市1.1个百分点，居全市第3位。",
            Sentences.growth(GrowthFigure.county("1—6月", "泾川县", IVA, 5.2, 4.1, 3, 7)), "the bureau's own example");
    }

    @Test
    void noNegativeZeroAndNoSignAnywhereNearZero() {
        for (int i = -200; i <= 200; i++) {
            double v = i / 1000.0;
            String g = Sentences.growth(GrowthFigure.county("1—6月", "泾川县", IVA, v, -v, 1, 7));
            assertFalse(g.contains("-"), "growth sentences say 增长/下降, never a sign: " + g);
            assertFalse(Sentences.oneDecimal(v).equals("-0.0"), "oneDecimal(" + v + ")");
            String f = Sentences.forecast(new ForecastFigure("全市", IVA, v, v - 0.01, v + 0.01, null, null));
            assertFalse(f.contains("-0.0%"), "forecast interval of " + v + ": " + f);
            String t = Sentences.target(new TargetFigure(null, "泾川县", "工业投资", 50 + v, 50, null));
            assertFalse(t.contains("-"), t);
        }
    }

    @Test
    void roundingIsHalfUpOnTheDecimalValue() {
        // binary 0.15 is 0.1499…; the bureau rounds the number as written, 0.15 → 0.2
        assertEquals("0.2", Sentences.oneDecimal(0.15), "0.15 as written rounds up");
        assertEquals("0.1", Sentences.oneDecimal(0.05), "half-up");
        assertEquals("-0.1", Sentences.oneDecimal(-0.05), "half-up is away from zero for negatives");
        assertEquals("1.01", Sentences.fixed(1.005, 2), "1.005 as written, not binary 1.00499…");
        assertEquals("0.0", Sentences.oneDecimal(-0.04), "no negative zero");
        assertEquals("12", Sentences.fixed(11.5, 0), "no decimals");
    }

    @Test
    void differencesComeFromPrintedFigures() {
        // 5.24 and 5.16 both print 5.2: a reader with a pencil sees no difference, and the sentence says so
        String s = Sentences.growth(GrowthFigure.county(null, "崇信县", IVA, 5.24, 5.16, 1, 7));
        assertEquals("崇信县规上工业增加值同比增长5.2%，与全市持平，居全市第1位。", s, "no period, printed difference");
        // 5.26 and 5.14 print 5.3 and 5.1: 0.2 on the page, though the unrounded difference is 0.12
        assertTrue(Sentences.growth(GrowthFigure.county(null, "崇信县", IVA, 5.26, 5.14, 1, 7)).contains("高于全市0.2个百分点"),
            "5.3 − 5.1 = 0.2");
        // 序时进度 16.67 prints 16.7; completion 20.04 prints 20.0: 3.3 points ahead on the page (3.37 unrounded)
        assertTrue(Sentences.target(new TargetFigure(null, "泾川县", "工业投资", 20.04, TargetFigure.elapsedPct(2), null))
            .contains("快于序时进度3.3个百分点"), "20.0 − 16.7");
        assertTrue(Sentences.growthTarget(new GrowthTargetFigure(null, "静宁县", IVA, 3.96, 6.04, null))
            .contains("低于年度目标（6.0%）2.0个百分点"), "4.0 − 6.0");
        assertEquals("较1—11月加快0.1个百分点", Sentences.change(7.04, 6.86, "1—11月"), "7.0 − 6.9 on the page (0.18 unrounded)");
    }

    @Test
    void changeAgainstThePreviousPeriodReadsAsTheBureauWritesIt() {
        assertEquals("较1—11月回落0.3个百分点", Sentences.change(6.7, 7.0, "1—11月"));
        assertEquals("与1—11月持平", Sentences.change(7.04, 6.96, "1—11月"), "both print 7.0");
        assertEquals("较三季度降幅收窄1.5个百分点", Sentences.change(-2.0, -3.5, "三季度"));
        assertEquals("较三季度降幅扩大0.5个百分点", Sentences.change(-4.0, -3.5, "三季度"));
    }

    @Test
    void theYearEndSaysCompletionNotSchedule() {
        assertEquals("全年，全市招商引资到位资金完成年度目标的115.8%。", Sentences.target(new TargetFigure("全年", "全市",
            "招商引资到位资金", 115.8, 100, null)), "no 快于序时进度 at December");
        assertEquals("全年，全市一般公共预算收入完成年度目标的92.1%，未完成，差3.51亿元。", Sentences.target(new TargetFigure(
            "全年", "全市", "一般公共预算收入", 92.1, 100, null, new Quantity(3.5149, 2, "亿元"))));
        assertEquals("全年，灵台县新增规上企业数完成年度目标的50.0%，未完成，差2个。", Sentences.target(new TargetFigure(
            "全年", "灵台县", "新增规上企业数", 50.0, 100, null, new Quantity(2, 0, "个"))));
    }

    @Test
    void withheldFiguresPrintNoNumberEvenWhenGiven() {
        GrowthFigure f = new GrowthFigure("1—6月", "华亭市", "全市", IVA, new Quantity(9.87, 2, "亿元"), 5.5, 4.1, 2, 7,
            null, true);
        String s = Sentences.growth(f);
        assertFalse(s.matches(".*\\d\\.\\d.*"), "a withheld figure must not leak a number: " + s);
        assertTrue(s.contains("《统计法》"), s);
        ShareFigure sh = new ShareFigure("1—6月", "华亭市", "全市", IVA, new Quantity(9.87, 2, "亿元"), 12.3, 3, 7, null, true);
        assertFalse(Sentences.share(sh).contains("12.3"), "withheld share must not leak");
    }

    @Test
    void inconsistentInputIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new GrowthFigure("1—6月", "崇信县", "全市", IVA, null, null, null, null, 0, " ", false));
        assertTrue(e.getMessage().contains("no reason"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GrowthFigure.county("1—6月", "泾川县", IVA, 5, 4, 8, 7),
            "rank 8 of 7 counties");
        assertThrows(IllegalArgumentException.class, () -> GrowthFigure.county("1—6月", "泾川县", IVA, Double.NaN, 4, 1, 7),
            "NaN growth");
        assertThrows(IllegalArgumentException.class, () -> new ForecastFigure("全市", IVA, 6, 6.5, 7, null, null),
            "interval not containing the forecast");
        assertThrows(IllegalArgumentException.class, () -> new ForecastFigure("全市", IVA, 6, 5, 7, 6.0, null),
            "target without probability");
        assertThrows(IllegalArgumentException.class, () -> new TargetFigure("1—6月", "泾川县", "工业投资", 50.0, 0, null),
            "序时进度 of 0");
        assertThrows(IllegalArgumentException.class, () -> new Quantity(1, -1, "亿元"), "negative decimals");
    }
}
