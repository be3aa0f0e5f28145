package org.countyscope.disclosure;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A region × 大类 cell's measures are the same enterprises' reports: the frequency rule is judged per cell, the
 * dominance rule per measure.
 */
class SharedContributorsTest {
    private static final YearMonth JUNE = YearMonth.of(2026, 6);
    private static final List<String> COUNTIES = List.of("A", "B", "C");

    /**
     * County A's 大类 30 has three enterprises reporting output, but one of them reports no value added: value added
     * is two enterprises' sum (frequency), so the cell's output and revenue are withheld too, though three report them.
     * County B's 大类 30 is dominated in value added only (one plant 90% of it, 60% of its output): its output and
     * revenue are judged on their own and stay published.
     */
    @Test
    void aCellWithTwoContributorsInOneMeasureIsWithheldInEveryMeasure() {
        EnterpriseMonths m = new EnterpriseMonths(2026, "T");
        // county A, 大类 30: e3 has output and revenue but no value added
        add(m, "a1", "A", "30", 100, 400, 420);
        add(m, "a2", "A", "30", 120, 380, 400);
        add(m, "a3", "A", "30", 0, 300, 310);
        // county B, 大类 30: b1 dominates value added (90 of 100), not output (600 of 1000)
        add(m, "b1", "B", "30", 900, 6000, 6100);
        add(m, "b2", "B", "30", 50, 2000, 2100);
        add(m, "b3", "B", "30", 50, 2000, 2050);
        // everyone else: large, even cells
        for (String county : COUNTIES) {
            for (int i = 0; i < 6; i++) {
                add(m, county + "x" + i, county, "13", 500, 2000, 2100);
            }
        }
        ReleasePattern.Outcome out = ReleasePattern.protect("2026-06",
            new ReleasePattern.Geography("T", COUNTIES, m.divisions()),
            List.of(new ReleasePattern.Publication("iva", true, JUNE.withMonth(1), JUNE),
                new ReleasePattern.Publication("gross_output", true, JUNE.withMonth(1), JUNE),
                new ReleasePattern.Publication("revenue", true, JUNE.withMonth(1), JUNE)),
            m, List.of(), Set.of(), SuppressionRules.defaults());
        for (String measure : List.of("iva", "gross_output", "revenue")) {
            FigureKey a = FigureKey.cumulative("A", "30", measure, JUNE);
            assertTrue(out.withheld(a), measure + " of A × 30 is two enterprises' or shares their cell: " + a.id());
            assertEquals(SuppressionResult.Status.PRIMARY, out.protection().result().decision(a.id()).status(),
                "withheld by the primary rules, not as a secondary choice");
        }
        assertEquals(SuppressionResult.Reason.DOMINANCE, out.protection().result()
            .decision(FigureKey.cumulative("B", "30", "iva", JUNE).id()).reason());
        for (String measure : List.of("gross_output", "revenue")) {
            assertFalse(out.protection().result().decision(FigureKey.cumulative("B", "30", measure, JUNE).id())
                .reason() != SuppressionResult.Reason.NONE && out.protection().result()
                .decision(FigureKey.cumulative("B", "30", measure, JUNE).id()).status()
                == SuppressionResult.Status.PRIMARY, measure + " of B × 30 is not dominated: not primary");
        }
    }

    @Test
    void withoutAFewContributorsCellNothingChanges() {
        Cell c = Cell.of("A", "*|iva|2026-01..2026-06", 100, 5, 20);
        SuppressionResult.Decision d = new SuppressionResult.Decision(c, SuppressionResult.Status.PUBLISHED,
            SuppressionResult.Reason.NONE, false);
        SuppressionResult in = new SuppressionResult(List.of(d));
        assertEquals(in.decisions(), ReleasePattern.sharedContributors(in).decisions());
    }

    private static void add(EnterpriseMonths m, String who, String county, String division, double iva, double output,
                            double revenue) {
        for (int month = 1; month <= 6; month++) {
            YearMonth ym = YearMonth.of(2026, month);
            if (iva != 0) {
                m.add(who, county, division, "iva", ym, iva / 6);
            }
            m.add(who, county, division, "gross_output", ym, output / 6);
            m.add(who, county, division, "revenue", ym, revenue / 6);
        }
    }
}
