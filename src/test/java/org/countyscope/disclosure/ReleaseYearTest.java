package org.countyscope.disclosure;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sparse city released monthly for a year: an attacker holding every release recovers nothing sensitive. */
class ReleaseYearTest {
    private static final SuppressionRules RULES = SuppressionRules.defaults();
    private static final Set<String> SIGNED = Set.of("profit");

    /** Runs the releases of the given months in order, each against the log of the ones before. */
    static List<ReleasePattern.Outcome> run(SparseCity city, List<YearMonth> months,
                                            java.util.function.Function<YearMonth, List<ReleasePattern.Publication>> publishes) {
        List<ReleasePattern.LogEntry> log = new ArrayList<>();
        List<ReleasePattern.Outcome> out = new ArrayList<>();
        for (YearMonth m : months) {
            long t0 = System.nanoTime();
            ReleasePattern.Outcome o = ReleasePattern.protect(m.toString(), SparseCity.geography(), publishes.apply(m),
                city::stats, log, SIGNED, RULES);
            assertTrue(o.protection().safe(), m + ": nothing left exposed " + o.protection().exposed());
            log.addAll(o.log());
            out.add(o);
            System.err.printf("release %s: %d figures, %d withheld (%d by the primary rules), %d escalations, %d ms%n",
                o.release(), o.log().size(), o.withheldCount(), o.primaryOnly(), o.protection().escalations().size(),
                (System.nanoTime() - t0) / 1_000_000);
        }
        return out;
    }

    /**
     * Eleven monthly releases (1—2月 … 1—12月). Minutes on a shared machine (the exact attacker LPs grow with the
     * year's hidden figures), so it runs on request: {@code -Dcountyscope.yearAttack=true}.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "countyscope.yearAttack", matches = "true")
    void twelveMonthlyReleasesNarrowNoSensitiveFigure() {
        List<YearMonth> months = new ArrayList<>();
        for (int m = 2; m <= 12; m++) {
            months.add(YearMonth.of(SparseCity.YEAR, m));
        }
        SparseCity city = new SparseCity(7);
        assertNothingNarrowed(city, run(city, months, SparseCity::monthly), 40);
    }

    /** Four quarterly releases of the same city, each with its months and quarter: runs in every build. */
    @Test
    void fourQuarterlyReleasesNarrowNoSensitiveFigure() {
        List<YearMonth> months = List.of(YearMonth.of(SparseCity.YEAR, 3), YearMonth.of(SparseCity.YEAR, 6),
            YearMonth.of(SparseCity.YEAR, 9), YearMonth.of(SparseCity.YEAR, 12));
        SparseCity city = new SparseCity(7);
        assertNothingNarrowed(city, run(city, months, SparseCity::monthly), 20);
    }

    /**
     * The independent attacker over every figure any release printed: every sensitive figure any release printed or
     * withheld, and every single month between two 1—N月 figures, keeps ±10% on both sides.
     */
    private static void assertNothingNarrowed(SparseCity city, List<ReleasePattern.Outcome> outcomes, int atLeast) {
        List<ReleasePattern.LogEntry> log = outcomes.stream().flatMap(o -> o.log().stream()).toList();
        Set<FigureKey> figures = new LinkedHashSet<>();
        log.forEach(e -> figures.add(e.key()));
        for (FigureKey k : List.copyOf(figures)) {
            if (k.cumulative() && k.to().getMonthValue() > 2) {
                figures.add(k.over(k.to(), k.to()));
            }
        }
        int checked = 0;
        for (String measure : SparseCity.MEASURES) {
            YearAttacker attacker = new YearAttacker(SparseCity.geography(), measure, SIGNED.contains(measure), log);
            for (FigureKey k : figures) {
                if (!k.measure().equals(measure) || !city.sensitive(k, RULES)) {
                    continue;
                }
                double v = city.stats(k).value();
                double[] i = attacker.interval(k);
                double need = 0.1 * Math.abs(v);
                double slack = 1e-6 * Math.max(1, Math.abs(v));
                assertTrue(i[0] <= v - need + slack, k.id() + " = " + v + " narrowed from below to [" + i[0] + ", "
                    + i[1] + "]");
                assertTrue(i[1] >= v + need - slack, k.id() + " = " + v + " narrowed from above to [" + i[0] + ", "
                    + i[1] + "]");
                checked++;
            }
        }
        assertTrue(checked >= atLeast, "the sparse city has many sensitive figures, checked " + checked);
        for (ReleasePattern.Outcome o : outcomes) {
            assertTrue(o.withheldCount() >= o.primaryOnly());
        }
    }

    @Test
    void aCountyWithheldInJuneStaysProtectedWhenSeptemberPublishesItsQuarter() {
        // 620823 has one enterprise until June and three from July: 1—6月 is sensitive, 1—9月 and the third quarter are
        // not by the frequency rule
        SparseCity city = new SparseCity(7);
        FigureKey h1 = FigureKey.cumulative("620823", FigureKey.ALL, "iva", YearMonth.of(SparseCity.YEAR, 6));
        FigureKey nine = FigureKey.cumulative("620823", FigureKey.ALL, "iva", YearMonth.of(SparseCity.YEAR, 9));
        FigureKey q3 = nine.over(YearMonth.of(SparseCity.YEAR, 7), YearMonth.of(SparseCity.YEAR, 9));
        List<ReleasePattern.Outcome> outcomes = run(city, List.of(YearMonth.of(SparseCity.YEAR, 6),
            YearMonth.of(SparseCity.YEAR, 9)), m -> quarterly(m));
        assertTrue(outcomes.get(0).withheld(h1), "June withholds 1—6月 of a one-enterprise county");
        assertTrue(outcomes.get(1).withheld(nine) || outcomes.get(1).withheld(q3),
            "September cannot publish both 1—9月 and the third quarter: their difference is 1—6月");
        assertTrue(outcomes.get(1).withheld(h1), "what June withheld stays withheld in September");
        // without the June log, September alone would print both (it has no reason to hide either)
        ReleasePattern.Outcome alone = ReleasePattern.protect("2026-09", SparseCity.geography(),
            quarterly(YearMonth.of(SparseCity.YEAR, 9)), city::stats, List.of(), SIGNED, RULES);
        assertFalse(alone.withheld(nine) && alone.withheld(q3), "both are not sensitive on their own");
    }

    @Test
    void aNetLossDrivenByOneEnterpriseIsSensitive() {
        Cell loss = Cell.signed("甲县", "利润总额", -480, 5, 520, 600);
        assertEquals(SuppressionResult.Reason.DOMINANCE, PrimarySuppression.reason(loss, RULES),
            "520 of 600 absolute is 86.7% > 85%");
        Cell spread = Cell.signed("乙县", "利润总额", -480, 5, 300, 600);
        assertEquals(SuppressionResult.Reason.NONE, PrimarySuppression.reason(spread, RULES));
    }

    /** A quarterly release: 1—N月 and the quarter of value added by county. */
    private static List<ReleasePattern.Publication> quarterly(YearMonth end) {
        YearMonth from = end.getMonthValue() == 3 ? end.withMonth(1) : end.minusMonths(2);
        return List.of(new ReleasePattern.Publication("iva", false, end.withMonth(1), end),
            new ReleasePattern.Publication("iva", false, from, end));
    }
}
