package org.countyscope.disclosure;

import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.countyscope.disclosure.SuppressionResult.Decision;
import org.countyscope.disclosure.SuppressionResult.Reason;
import org.countyscope.disclosure.SuppressionResult.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.countyscope.disclosure.Fixtures.RULES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attacker against many random cities: whatever the tables, nothing suppressed is given away. */
class RandomTablesTest {

    @Test
    void countyByIndustryTables() {
        Random random = new Random(20240701L);
        int primaries = 0;
        for (int k = 0; k < 50; k++) {
            Microdata city = new Microdata(random, 7 + random.nextInt(14), 3 + random.nextInt(10));
            List<Table> tables = List.of(city.countyByIndustry());
            SuppressionResult result = SecondarySuppression.protect(tables, RULES);
            primaries += (int) result.count(Status.PRIMARY);
            attack(tables, result, "city " + k);
            everySuppressedCellHasAPartnerInItsRowAndColumn(tables.get(0), result.suppressedIds(), "city " + k);
            if (k < 5) {
                secondOpinion(tables.get(0), result, "city " + k);
            }
        }
        assertTrue(primaries > 100, "the cities have plenty of sensitive cells: " + primaries);
    }

    @Test
    void monthlyAndQuarterlyTablesTogether() {
        Random random = new Random(20240702L);
        for (int k = 0; k < 16; k++) {
            Microdata city = new Microdata(random, 7 + random.nextInt(14), 1 + random.nextInt(4));
            List<Table> tables = List.of(city.monthly(), city.quarterly());
            SuppressionResult result = SecondarySuppression.protect(tables, RULES);
            attack(tables, result, "linked city " + k);
        }
    }

    /** Everything the audit, the rank test and the rules say must hold after suppression. */
    private static void attack(List<Table> tables, SuppressionResult result, String what) {
        for (Decision d : result.decisions()) {
            Reason expected = PrimarySuppression.reason(d.cell(), RULES);
            if (expected != Reason.NONE) {
                assertEquals(expected, d.reason(), what + ": " + d.cell().id() + " is sensitive");
            }
        }
        Audit.Report report = Audit.check(tables, result, RULES);
        assertEquals(List.of(), report.recovered(), what + ": recovered exactly");
        assertEquals(List.of(), report.narrowed(), what + ": protection interval too narrow");
        for (Audit.Exposure e : report.exposures()) {
            assertTrue(e.interval().contains(e.cell().value(), 1e-6 * report.scale()),
                what + ": the true value is feasible for " + e);
        }
        assertEquals(Set.of(), Audit.recoverableByEquations(tables, result.suppressedIds()),
            what + ": the rank test agrees");
    }

    /** The independent attacker agrees that every sensitive figure keeps its ±10%. */
    private static void secondOpinion(Table table, SuppressionResult result, String what) {
        IndependentAttacker attacker = new IndependentAttacker(table, result.suppressedIds());
        for (Decision d : result.decisions()) {
            if (d.status() == Status.PRIMARY) {
                double value = d.cell().value();
                double margin = value * RULES.protectionPercent() / 100;
                double tolerance = 1e-6 * value + 1e-9;
                assertTrue(attacker.bound(d.cell().id(), GoalType.MAXIMIZE) >= value + margin - tolerance,
                    what + ": " + d.cell().id() + " can be bounded from above");
                assertTrue(attacker.bound(d.cell().id(), GoalType.MINIMIZE) <= value - margin + tolerance,
                    what + ": " + d.cell().id() + " can be bounded from below");
            }
        }
    }

    /**
     * The classic necessary condition, checked independently of the LP: in a row or column whose total is
     * published, a suppressed cell never stands alone.
     */
    private static void everySuppressedCellHasAPartnerInItsRowAndColumn(Table table, Set<String> hidden,
                                                                         String what) {
        for (Cell c : table.cells()) {
            if (!hidden.contains(c.id())) {
                continue;
            }
            long inRow = table.cells().stream().filter(o -> o.row().equals(c.row()) && hidden.contains(o.id()))
                .count() + table.rowTotals().stream().filter(t -> t.row().equals(c.row()) && hidden.contains(t.id()))
                .count();
            long inColumn = table.cells().stream()
                .filter(o -> o.column().equals(c.column()) && hidden.contains(o.id())).count()
                + table.columnTotals().stream()
                .filter(t -> t.column().equals(c.column()) && hidden.contains(t.id())).count();
            assertTrue(inRow >= 2 && inColumn >= 2, what + ": " + c.id() + " alone in its row or column");
        }
    }
}
