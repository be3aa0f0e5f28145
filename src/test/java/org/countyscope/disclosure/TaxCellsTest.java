package org.countyscope.disclosure;

import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tax cells: county × 税种 and county × 门类 with the counties' totals, 工业税收 and the city's sums, protected by the
 * taxpayers they count.
 */
class TaxCellsTest {
    private static final YearMonth JUNE = YearMonth.of(2026, 6);
    private static final List<String> COUNTIES = List.of("A", "B", "C", "D");
    private static final Map<String, String> SECTIONS = Map.of("06", "采矿业", "13", "制造业", "30", "制造业",
        "51", "批发和零售业", "70", "房地产业");
    private static final Set<String> INDUSTRIAL = Set.of("06", "13", "30");
    private static final List<TaxCells.Span> SPANS = List.of(new TaxCells.Span(JUNE.withMonth(1), JUNE),
        new TaxCells.Span(JUNE.withMonth(4), JUNE));

    /**
     * County A's coal mine is its only 资源税 payer, B has two; 土地增值税 in C is one developer's. Each is withheld by the
     * frequency rule, the totals printed beside them (the county's tax, the city's 资源税) stay printed, and neither
     * the gate's exact attacker nor an independent one narrows a withheld figure to within ±10%.
     */
    @Test
    void oneOrTwoTaxpayersAreWithheldAndNotGivenBackByTheTotals() {
        TaxCells.Pattern p = protect(entries(true), Map.of());
        assertEquals(TaxCells.Basis.TAXPAYERS, p.basis());
        for (TaxCells.Span s : SPANS) {
            assertWithheld(p, "A", TaxCells.BY_TYPE, "资源税", s, SuppressionResult.Status.PRIMARY);
            assertWithheld(p, "B", TaxCells.BY_TYPE, "资源税", s, SuppressionResult.Status.PRIMARY);
            assertWithheld(p, "C", TaxCells.BY_TYPE, "土地增值税", s, SuppressionResult.Status.PRIMARY);
            assertFalse(p.withheld(TaxCells.key("A", TaxCells.TOTAL, TaxCells.ALL, s)), "A's total has many payers");
            assertFalse(p.withheld(TaxCells.key("D", TaxCells.BY_TYPE, "增值税", s)));
        }
        assertNothingNarrowed(p);
    }

    /** Without 纳税户数 the register's 规上 enterprises count, and their revenue judges dominance. */
    @Test
    void withoutTaxpayersTheRegisterCountsAndRevenueJudgesDominance() {
        Map<String, TaxCells.Enterprises> register = Map.of(
            "A|06", new TaxCells.Enterprises(1, 900, 900),
            "B|06", new TaxCells.Enterprises(4, 950, 1000),
            "C|06", new TaxCells.Enterprises(5, 300, 1000),
            "D|06", new TaxCells.Enterprises(6, 250, 1200),
            "A|13", new TaxCells.Enterprises(8, 100, 800), "B|13", new TaxCells.Enterprises(8, 100, 800),
            "C|13", new TaxCells.Enterprises(8, 100, 800), "D|13", new TaxCells.Enterprises(8, 100, 800));
        TaxCells.Pattern p = protect(entries(false), register);
        assertEquals(TaxCells.Basis.REGISTER, p.basis());
        TaxCells.Span ytd = SPANS.get(0);
        assertWithheld(p, "A", TaxCells.BY_TYPE, "资源税", ytd, SuppressionResult.Status.PRIMARY);
        SuppressionResult.Decision b = p.protection().result().decision(TaxCells.key("B", TaxCells.BY_TYPE, "资源税",
            ytd).id());
        assertEquals(SuppressionResult.Reason.DOMINANCE, b.reason(), "four mines, one with 95% of the revenue");
        assertEquals(SuppressionResult.Reason.NONE, p.protection().result().decision(TaxCells.key("C", TaxCells.BY_TYPE,
            "资源税", ytd).id()).reason(), "five mines, none dominant");
        assertEquals(SuppressionResult.Reason.NONE, p.protection().result().decision(TaxCells.key("C", TaxCells.BY_TYPE,
            "土地增值税", ytd).id()).reason(), "services are not judged on the register");
        assertNothingNarrowed(p);
    }

    @Test
    void theLargestIndustryFollowsItsOwnFigureAndItsSection() {
        TaxCells.Pattern p = protect(entries(true), Map.of());
        TaxCells.Span ytd = SPANS.get(0);
        // 大类 06 in A: three payers of 增值税 (the largest tax type counts), so not sensitive by itself; it is withheld
        // exactly when its section, 采矿业, is (the largest industry's share would give the section back)
        for (String county : COUNTIES) {
            assertEquals(p.withheld(TaxCells.key(county, TaxCells.BY_SECTION, "采矿业", ytd)),
                p.withheld(TaxCells.key(county, TaxCells.BY_DIVISION, "06", ytd)), county);
        }
        assertFalse(p.withheld(TaxCells.key("D", TaxCells.BY_DIVISION, "13", ytd)));
        List<TaxCells.Entry> oneDeveloper = new ArrayList<>(entries(true));
        oneDeveloper.removeIf(e -> e.county().equals("C") && e.division().equals("70") && !e.type().equals("土地增值税"));
        TaxCells.Pattern q = protect(oneDeveloper, Map.of());
        assertTrue(q.withheld(TaxCells.key("C", TaxCells.BY_DIVISION, "70", ytd)), "one developer's 大类");
    }

    private static void assertWithheld(TaxCells.Pattern p, String region, String dimension, String item,
                                       TaxCells.Span s, SuppressionResult.Status status) {
        FigureKey k = TaxCells.key(region, dimension, item, s);
        assertNotNull(p.withheld(k), k.id() + " is in the pattern");
        assertEquals(status, p.protection().result().decision(k.id()).status(), k.id());
    }

    /** The gate's exact LP over every table jointly, and an independent LP per table. */
    private static void assertNothingNarrowed(TaxCells.Pattern p) {
        Set<String> hidden = p.protection().result().decisions().stream().filter(SuppressionResult.Decision::suppressed)
            .map(d -> d.cell().id()).collect(Collectors.toSet());
        assertFalse(hidden.isEmpty());
        Map<String, Audit.Interval> intervals = Audit.intervals(p.tables(), hidden);
        int sensitive = 0;
        for (SuppressionResult.Decision d : p.protection().result().decisions()) {
            if (d.status() != SuppressionResult.Status.PRIMARY) {
                continue;
            }
            sensitive++;
            double v = d.cell().value();
            Audit.Interval i = intervals.get(d.cell().id());
            assertTrue(i.min() <= v - 0.1 * Math.abs(v) + 1e-6 && i.max() >= v + 0.1 * Math.abs(v) - 1e-6,
                d.cell().id() + " = " + v + " narrowed to " + i);
            for (Table t : p.tables()) {
                if (t.figures().stream().anyMatch(c -> c.id().equals(d.cell().id()))) {
                    IndependentAttacker a = new IndependentAttacker(t, hidden);
                    double lo = a.bound(d.cell().id(), GoalType.MINIMIZE);
                    double hi = a.bound(d.cell().id(), GoalType.MAXIMIZE);
                    assertTrue(lo <= v * 0.9 + 1e-6 && hi >= v * 1.1 - 1e-6, t.name() + ": " + d.cell().id() + " = "
                        + v + " in [" + lo + ", " + hi + "]");
                }
            }
        }
        assertTrue(sensitive >= 3);
    }

    private static TaxCells.Pattern protect(List<TaxCells.Entry> entries, Map<String, TaxCells.Enterprises> register) {
        return TaxCells.protect("T", COUNTIES, entries, d -> SECTIONS.getOrDefault(d, "其他"), INDUSTRIAL, register,
            SPANS, SuppressionRules.defaults());
    }

    /** Six months of a small city's tax; {@code counted}: with 纳税户数. */
    private static List<TaxCells.Entry> entries(boolean counted) {
        List<TaxCells.Entry> out = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            YearMonth month = YearMonth.of(2026, m);
            for (String county : COUNTIES) {
                int k = COUNTIES.indexOf(county);
                int mines = k + 1;
                add(out, county, "06", "增值税", month, 300 + 40 * k, counted ? mines + 2 : null);
                add(out, county, "06", "资源税", month, 120 + 10 * k + m, counted ? mines : null);
                add(out, county, "13", "增值税", month, 200 + 5 * m, counted ? 9 : null);
                add(out, county, "13", "企业所得税", month, 80 + 3 * k, counted ? 7 : null);
                add(out, county, "51", "增值税", month, 150 + 7 * k, counted ? 40 : null);
                add(out, county, "70", "契税", month, 60 + 2 * m, counted ? 12 : null);
                add(out, county, "70", "土地增值税", month, county.equals("C") ? 90 : 40 + k, counted
                    ? (county.equals("C") ? 1 : 5) : null);
            }
        }
        return out;
    }

    private static void add(List<TaxCells.Entry> out, String county, String division, String type, YearMonth month,
                            double amount, Integer taxpayers) {
        out.add(new TaxCells.Entry(county, division, type, month, amount, taxpayers));
    }
}
