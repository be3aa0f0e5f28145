package org.countyscope.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate never stops a release: it withholds more, and says what no pattern can protect. */
class NeverStopsTest {
    private static final SuppressionRules RULES = SuppressionRules.defaults();

    @Test
    void aFigureTheEquationsPinDownIsReportedAndEverythingAroundItWithheld() {
        // two tables publish the same county total, one without the one-enterprise cell 其他 (value 0): the equations
        // give 其他 = 0 whatever is withheld, so no pattern protects it
        Cell mining = Cell.of("甲县", "采矿业", 50, 10, 10);
        Cell manufacturing = Cell.of("甲县", "制造业", 70, 10, 10);
        Cell total = Cell.of("甲县", Table.TOTAL, 120, 20, 10);
        Table without = new Table("不含其他", List.of(mining, manufacturing), List.of(total), List.of(),
            Optional.empty(), false);
        Table with = new Table("含其他", List.of(mining, manufacturing, Cell.of("甲县", "其他", 0, 1, 0)),
            List.of(total), List.of(), Optional.empty(), false);
        List<Table> tables = List.of(without, with);
        SecondarySuppression.Protection p = SecondarySuppression.protect(tables,
            PrimarySuppression.apply(tables, RULES), RULES, Set.of(), Set.of());
        assertFalse(p.safe());
        assertEquals(List.of("甲县|其他"), p.exposed().stream().map(e -> e.cell().id()).toList());
        assertFalse(p.escalations().isEmpty(), "it says what it withheld beyond the cheapest pattern");
        assertTrue(p.result().suppressed("甲县|采矿业") && p.result().suppressed("甲县|制造业"),
            "it withheld the figures of the exposed cell's equations: " + p.result().suppressedIds());
    }

    @Test
    void aFigurePublishedEarlierStaysPublishedAndCannotMoveInADisguise() {
        // four counties and the city; 甲县 sensitive; 乙县 was published in an earlier release, so the partner is
        // another county
        List<Cell> cells = List.of(Cell.of("甲县", "1—6月", 100, 1, 100), Cell.of("乙县", "1—6月", 90, 5, 30),
            Cell.of("丙县", "1—6月", 400, 6, 90), Cell.of("丁县", "1—6月", 500, 7, 100));
        Table t = Table.summed("县", cells, Table.TOTAL, "全市", java.util.EnumSet.of(Table.Marginal.COLUMN_TOTALS),
            false);
        SecondarySuppression.Protection free = SecondarySuppression.protect(List.of(t),
            PrimarySuppression.apply(List.of(t), RULES), RULES, Set.of(), Set.of());
        assertTrue(free.result().suppressed("乙县|1—6月"), "the cheapest partner: " + free.result().suppressedIds());
        SecondarySuppression.Protection fixed = SecondarySuppression.protect(List.of(t),
            PrimarySuppression.apply(List.of(t), RULES), RULES, Set.of("乙县|1—6月"), Set.of());
        assertTrue(fixed.safe());
        assertFalse(fixed.result().suppressed("乙县|1—6月"));
        assertTrue(fixed.result().suppressed("丙县|1—6月"), "the next cheapest: " + fixed.result().suppressedIds());
    }
}
