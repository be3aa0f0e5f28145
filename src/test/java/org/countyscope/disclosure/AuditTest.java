package org.countyscope.disclosure;

import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.countyscope.disclosure.Fixtures.RULES;
import static org.countyscope.disclosure.Fixtures.cell;
import static org.countyscope.disclosure.Fixtures.id;
import static org.countyscope.disclosure.Fixtures.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditTest {

    private static final Set<String> RECTANGLE = Set.of(id("甲县", "采矿业"), id("甲县", "制造业"), id("乙县", "采矿业"),
        id("乙县", "制造业"));

    private static Table twoByThree(boolean signed) {
        return Table.summed("营业收入", List.of(
                cell("甲县", "采矿业", 10, 1), cell("甲县", "制造业", 20, 5), cell("甲县", "服务业", 70, 9),
                cell("乙县", "采矿业", 30, 5), cell("乙县", "制造业", 40, 5), cell("乙县", "服务业", 90, 9)),
            Table.TOTAL, Table.TOTAL, Set.of(Table.Marginal.values()), signed);
    }

    @Test
    void aRectangleLeavesTheIntervalTheCellsAllow() {
        // Moving 10 up by t moves 20 and 30 down and 40 up: t runs from −10 (10 hits zero) to +20 (20 does).
        Map<String, Audit.Interval> intervals = Audit.intervals(List.of(twoByThree(false)), RECTANGLE);
        assertEquals(new Audit.Interval(0, 30), rounded(intervals.get(id("甲县", "采矿业"))));
        assertEquals(new Audit.Interval(0, 30), rounded(intervals.get(id("甲县", "制造业"))));
        assertEquals(new Audit.Interval(10, 40), rounded(intervals.get(id("乙县", "采矿业"))));
        assertEquals(new Audit.Interval(30, 60), rounded(intervals.get(id("乙县", "制造业"))));
    }

    @Test
    void signedTablesGiveTheAttackerNoFloor() {
        Audit.Interval mine = Audit.intervals(List.of(twoByThree(true)), RECTANGLE).get(id("甲县", "采矿业"));
        assertEquals(Double.NEGATIVE_INFINITY, mine.min(), "tax after refunds can be negative: no lower bound");
        assertEquals(Double.POSITIVE_INFINITY, mine.max());
    }

    @Test
    void protectionIsCheckedOnBothSides() {
        // 10 with ±10% needs [9, 11] inside its interval; [0, 30] has it. A cell recovered exactly fails both ways.
        Table table = twoByThree(false);
        Audit.Report rectangle = Audit.check(List.of(table), pattern(List.of(table), RECTANGLE), RULES);
        assertTrue(rectangle.safe(), rectangle.toString());
        Audit.Exposure mine = rectangle.exposure(id("甲县", "采矿业"));
        assertEquals(1.0, mine.above(), 1e-12, "10% of 10");
        assertEquals(0.0, rectangle.exposure(id("甲县", "制造业")).above(), "secondary cells need only not be exact");

        Audit.Report alone = Audit.check(List.of(table), PrimarySuppression.apply(List.of(table), RULES), RULES);
        assertFalse(alone.safe());
        assertTrue(alone.exposure(id("甲县", "采矿业")).recovered(), "row total 100 − 20 − 70");
        assertTrue(alone.exposure(id("甲县", "采矿业")).narrowed());
    }

    @Test
    void theRankTestFindsExactRecoveryByEquationsAlone() {
        Table table = twoByThree(false);
        assertEquals(Set.of(), Audit.recoverableByEquations(List.of(table), RECTANGLE));
        assertEquals(Set.of(id("甲县", "采矿业")),
            Audit.recoverableByEquations(List.of(table), Set.of(id("甲县", "采矿业"))), "alone in its row");
        assertEquals(Set.of(id("甲县", "采矿业"), id("甲县", "制造业")),
            Audit.recoverableByEquations(List.of(table), Set.of(id("甲县", "采矿业"), id("甲县", "制造业"))),
            "a pair in one row with nothing in their columns: each column total gives its cell");
        assertEquals(Set.of(id(Table.TOTAL, Table.TOTAL)),
            Audit.recoverableByEquations(List.of(table), Set.of(id(Table.TOTAL, Table.TOTAL))),
            "a hidden grand total is the sum of the published row totals");
    }

    @Test
    void theIndependentAttackerAgrees() {
        Table table = twoByThree(false);
        IndependentAttacker attacker = new IndependentAttacker(table, RECTANGLE);
        Audit.intervals(List.of(table), RECTANGLE).forEach((id, interval) -> {
            assertEquals(interval.min(), attacker.bound(id, GoalType.MINIMIZE), 1e-9, id);
            assertEquals(interval.max(), attacker.bound(id, GoalType.MAXIMIZE), 1e-9, id);
        });
    }

    @Test
    void unknownFiguresAreRejected() {
        assertThrows(IllegalArgumentException.class,
            () -> Audit.intervals(List.of(twoByThree(false)), Set.of(id("戊县", "采矿业"))));
    }

    private static Audit.Interval rounded(Audit.Interval i) {
        return new Audit.Interval(Math.round(i.min() * 1e6) / 1e6, Math.round(i.max() * 1e6) / 1e6);
    }
}
