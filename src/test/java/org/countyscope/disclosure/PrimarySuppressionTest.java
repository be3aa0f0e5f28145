package org.countyscope.disclosure;

import org.countyscope.disclosure.SuppressionResult.Reason;
import org.countyscope.disclosure.SuppressionResult.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.countyscope.disclosure.Fixtures.RULES;
import static org.countyscope.disclosure.Fixtures.cell;
import static org.countyscope.disclosure.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PrimarySuppressionTest {

    @Test
    void frequencyRule() {
        assertEquals(Reason.FREQUENCY, PrimarySuppression.reason(cell("甲县", "制造业", 120, 2), RULES),
            "n = 2 < 3: each of the two can subtract itself and learn the other");
        assertEquals(Reason.FREQUENCY, PrimarySuppression.reason(cell("甲县", "制造业", 120, 1), RULES),
            "n = 1 is the enterprise itself");
        assertEquals(Reason.NONE, PrimarySuppression.reason(cell("甲县", "制造业", 120, 3), RULES),
            "n = 3 is not below 3");
        assertEquals(Reason.NONE, PrimarySuppression.reason(Cell.empty("甲县", "制造业"), RULES),
            "n = 0, value 0: an empty cell identifies nobody");
        assertEquals(Reason.FREQUENCY, PrimarySuppression.reason(Cell.of("甲县", "制造业", 0, 1, 0), RULES),
            "one enterprise reporting zero is still one enterprise");
    }

    @Test
    void dominanceRule() {
        assertEquals(Reason.DOMINANCE, PrimarySuppression.reason(Cell.of("甲县", "采矿业", 100, 8, 86), RULES),
            "86% > 85%: the second largest learns the largest to within 14%");
        assertEquals(Reason.NONE, PrimarySuppression.reason(Cell.of("甲县", "采矿业", 100, 8, 85), RULES),
            "85% is not more than 85%, even though 0.85 is not exact in binary");
        assertEquals(Reason.FREQUENCY, PrimarySuppression.reason(Cell.of("甲县", "采矿业", 100, 2, 90), RULES),
            "both rules apply: frequency is reported");
        assertEquals(Reason.NONE, PrimarySuppression.reason(Cell.of("甲县", "税收", -40, 5, 30), RULES),
            "a negative total (留抵退税) has no meaningful dominance share");
    }

    @Test
    void rulesAreConfigurable() {
        SuppressionRules strict = new SuppressionRules(5, 60, 15);
        assertEquals(Reason.FREQUENCY, PrimarySuppression.reason(cell("甲县", "制造业", 120, 4), strict), "4 < 5");
        assertEquals(Reason.DOMINANCE, PrimarySuppression.reason(Cell.of("甲县", "制造业", 100, 9, 61), strict),
            "61% > 60%");
        assertEquals(new SuppressionRules(3, 85, 10), new SuppressionRules(), "defaults are n < 3, (1, 85), 10%");
    }

    @Test
    void rulesCheckTheirArguments() {
        assertThrows(IllegalArgumentException.class, () -> new SuppressionRules(0, 85, 10), "min contributors 0");
        assertThrows(IllegalArgumentException.class, () -> new SuppressionRules(3, 0, 10), "k = 0%");
        assertThrows(IllegalArgumentException.class, () -> new SuppressionRules(3, 101, 10), "k > 100%");
        assertThrows(IllegalArgumentException.class, () -> new SuppressionRules(3, 85, -1), "negative protection");
        assertThrows(IllegalArgumentException.class, () -> new SuppressionRules(3, Double.NaN, 10), "NaN");
    }

    @Test
    void totalsAreJudgedOnTheirOwnContributors() {
        // 乙县's row: one cell of a single enterprise and an empty one, so its total has one contributor too;
        // 丙县's row is dominated by one mine although no cell of it is below three enterprises.
        Table table = Table.summed("规上工业营业收入", List.of(
            cell("甲县", "采矿业", 300, 12), cell("甲县", "制造业", 500, 20),
            cell("乙县", "采矿业", 80, 1), Cell.empty("乙县", "制造业"),
            Cell.of("丙县", "采矿业", 900, 4, 880), cell("丙县", "制造业", 60, 6)));
        SuppressionResult result = PrimarySuppression.apply(List.of(table), RULES);
        assertEquals(Reason.FREQUENCY, result.decision(id("乙县", Table.TOTAL)).reason(), "row total with n = 1");
        assertEquals(Reason.DOMINANCE, result.decision(id("丙县", Table.TOTAL)).reason(),
            "880 of 960 = 91.7% > 85%");
        assertEquals(Status.PUBLISHED, result.status(id("乙县", "制造业")), "the empty cell stays published");
        assertEquals(Status.PUBLISHED, result.status(id(Table.TOTAL, Table.TOTAL)),
            "the mine is 880 of 1840 = 47.8% of the city");
        assertEquals(Status.PUBLISHED, result.status(id(Table.TOTAL, "采矿业")),
            "mining city-wide: 880 of 1280 = 68.8%, 17 enterprises");
        assertEquals(List.of(id("乙县", "采矿业"), id("丙县", "采矿业"), id("乙县", Table.TOTAL),
            id("丙县", Table.TOTAL)), List.copyOf(result.suppressedIds()), "cells first, then totals, in table order");
    }
}
