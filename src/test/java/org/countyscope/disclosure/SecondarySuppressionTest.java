package org.countyscope.disclosure;

import org.countyscope.disclosure.SuppressionResult.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.countyscope.disclosure.Fixtures.RULES;
import static org.countyscope.disclosure.Fixtures.cell;
import static org.countyscope.disclosure.Fixtures.grid;
import static org.countyscope.disclosure.Fixtures.id;
import static org.countyscope.disclosure.Fixtures.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecondarySuppressionTest {

    private static final String[] COUNTIES = {"甲县", "乙县", "丙县", "丁县"};
    private static final String[] INDUSTRIES = {"采矿业", "制造业", "建筑业", "服务业"};

    /** 乙县's manufacturing has two enterprises; its smallest neighbours are 15 (same row) and 18 (same column). */
    private static final Table OUTPUT = grid("营业收入", COUNTIES, INDUSTRIES,
        new double[][] {{310, 300, 260, 420}, {280, 120, 15, 200}, {330, 18, 20, 390}, {290, 260, 240, 350}},
        new int[][] {{10, 10, 10, 10}, {10, 2, 10, 10}, {10, 10, 10, 10}, {10, 10, 10, 10}});

    @Test
    void aLonePrimaryCellIsRecoveredFromItsRowTotal() {
        SuppressionResult primary = PrimarySuppression.apply(List.of(OUTPUT), RULES);
        assertEquals(Set.of(id("乙县", "制造业")), primary.suppressedIds());
        Audit.Report before = Audit.check(List.of(OUTPUT), primary, RULES);
        assertEquals(List.of(id("乙县", "制造业")), before.recovered().stream().map(e -> e.cell().id()).toList(),
            "乙县 total 615 minus 280, 15 and 200 gives 120");

        SuppressionResult result = SecondarySuppression.protect(List.of(OUTPUT), RULES);
        Audit.Report after = Audit.check(List.of(OUTPUT), result, RULES);
        assertTrue(after.safe(), "after secondary suppression: " + after);
        assertEquals(Set.of(id("乙县", "制造业"), id("乙县", "建筑业"), id("丙县", "制造业"), id("丙县", "建筑业")),
            result.suppressedIds(), "the cheapest rectangle: 15 in the row, 18 in the column, 20 closing it");
        assertEquals(List.of(), result.suppressedTotals(), "no total is needed");
        Audit.Interval interval = after.exposure(id("乙县", "制造业")).interval();
        assertEquals(100, interval.min(), 1e-6, "120 can fall by 20 before 丙县's construction hits zero");
        assertEquals(135, interval.max(), 1e-6, "and rise by 15 before 乙县's construction does");
    }

    @Test
    void zeroCellsDefeatARectangleThatLooksSafe() {
        // Construction stood still in 甲县 and 乙县 this half year: their builders reported 0. The naive pattern pairs
        // the mine with those two zero cells (the smallest values), so every suppressed cell has a partner in its
        // row and column and the equations alone leave a free direction, and yet the attacker recovers the mine:
        // the column says the two hidden construction cells sum to 0, and neither can be negative.
        Table table = Table.summed("营业收入", List.of(
            cell("甲县", "采矿业", 45, 1), Cell.of("甲县", "建筑业", 0, 3, 0), cell("甲县", "服务业", 300, 12),
            cell("乙县", "采矿业", 60, 8), Cell.of("乙县", "建筑业", 0, 4, 0), cell("乙县", "服务业", 280, 10),
            cell("丙县", "采矿业", 500, 9), cell("丙县", "建筑业", 150, 6),
            cell("丙县", "服务业", 310, 14)));
        Set<String> rectangle = Set.of(id("甲县", "采矿业"), id("甲县", "建筑业"), id("乙县", "采矿业"), id("乙县", "建筑业"));
        SuppressionResult naive = pattern(List.of(table), rectangle);

        assertEquals(Set.of(), Audit.recoverableByEquations(List.of(table), naive.suppressedIds()),
            "the rank test, blind to signs, finds nothing");
        Audit.Report report = Audit.check(List.of(table), naive, RULES);
        assertTrue(report.exposure(id("甲县", "采矿业")).recovered(), "the LP with x ≥ 0 pins the mine at 45");

        SuppressionResult completed = SecondarySuppression.protect(List.of(table), naive, RULES);
        assertTrue(completed.suppressedIds().containsAll(rectangle), "a pattern given is kept");
        assertTrue(Audit.check(List.of(table), completed, RULES).safe(), "and completed until the audit passes");

        SuppressionResult fresh = SecondarySuppression.protect(List.of(table), RULES);
        assertTrue(Audit.check(List.of(table), fresh, RULES).safe(), "from scratch the zero cells are no trap");
    }

    @Test
    void emptyCellsAreNeverHidden() {
        // The register tells anyone that 乙县 has no builder and 丙县 no mine: those zeros cannot hide anything,
        // however cheap they look next to 乙县's two-enterprise mine.
        Table table = grid("营业收入", new String[] {"甲县", "乙县", "丙县"}, new String[] {"采矿业", "建筑业", "服务业"},
            new double[][] {{400, 350, 300}, {45, 0, 280}, {0, 150, 310}},
            new int[][] {{9, 7, 12}, {2, 0, 10}, {0, 6, 14}});
        SuppressionResult result = SecondarySuppression.protect(List.of(table), RULES);
        assertTrue(Audit.check(List.of(table), result, RULES).safe());
        assertTrue(result.decisions().stream().noneMatch(d -> d.suppressed() && d.cell().isEmpty()), result::toString);
        assertThrows(IllegalArgumentException.class, () -> result.withSecondary(List.of(id("乙县", "建筑业"))),
            "a pattern cannot hide an empty cell either");
    }

    @Test
    void sameInputSamePattern() {
        assertEquals(SecondarySuppression.protect(List.of(OUTPUT), RULES),
            SecondarySuppression.protect(List.of(OUTPUT), RULES), "tie-breaking is deterministic");
    }

    @Test
    void aDominatedCountyTotalTakesAnotherTotalWithIt() {
        // One mine is 900 of 乙县's 1000, so 乙县's total is itself sensitive (90% > 85%). The county totals add up
        // to the published city total, so a second county total has to go with it: the smallest, 丙县's.
        Table table = grid("营业收入", COUNTIES, INDUSTRIES,
            new double[][] {{310, 300, 260, 420}, {900, 40, 30, 30}, {330, 180, 200, 390}, {290, 260, 240, 350}},
            new int[][] {{10, 10, 10, 10}, {1, 10, 10, 10}, {10, 10, 10, 10}, {10, 10, 10, 10}});
        SuppressionResult result = SecondarySuppression.protect(List.of(table), RULES);
        Audit.Report report = Audit.check(List.of(table), result, RULES);
        assertTrue(report.safe(), report.toString());
        assertEquals(List.of(id("乙县", Table.TOTAL) + " PRIMARY", id("丙县", Table.TOTAL) + " SECONDARY"),
            result.suppressedTotals().stream().map(d -> d.cell().id() + " " + d.status()).toList());
        assertEquals(Status.PUBLISHED, result.status(id(Table.TOTAL, Table.TOTAL)), "the city total stays");
        Audit.Interval mine = report.exposure(id("乙县", "采矿业")).interval();
        assertTrue(mine.min() <= 810 && mine.max() >= 990, "the mine keeps ±10%: " + mine);
    }
}
