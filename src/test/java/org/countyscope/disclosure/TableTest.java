package org.countyscope.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.countyscope.disclosure.Fixtures.RULES;
import static org.countyscope.disclosure.Fixtures.cell;
import static org.countyscope.disclosure.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {

    private static final List<Cell> CELLS = List.of(cell("甲县", "采矿业", 50, 4), cell("甲县", "制造业", 70, 5),
        cell("乙县", "采矿业", 30, 3), cell("乙县", "制造业", 90, 6));

    @Test
    void summedTotalsCarryTheirOwnCounts() {
        Table table = Table.summed("营业收入", CELLS, "上半年", "全市", Set.of(Table.Marginal.ROW_TOTALS,
            Table.Marginal.GRAND_TOTAL), false);
        assertEquals(List.of(id("甲县", "上半年"), id("乙县", "上半年")),
            table.rowTotals().stream().map(Cell::id).toList(), "totals are named by the labels given");
        assertEquals(List.of(), table.columnTotals(), "column totals not published");
        Cell grand = table.grandTotal().orElseThrow();
        assertEquals(new Cell(id("全市", "上半年"), "全市", "上半年", 240, 18, 15), grand,
            "4 + 5 + 3 + 6 enterprises; the largest is one of 乙县's six manufacturers, 90 / 6");
    }

    @Test
    void totalsMustAddUp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Table("营业收入", CELLS,
            List.of(cell("甲县", Table.TOTAL, 121, 9), cell("乙县", Table.TOTAL, 120, 9)), List.of(), Optional.empty(),
            false));
        assertTrue(e.getMessage().contains("甲县|合计"), e.getMessage());
    }

    @Test
    void malformedTablesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Table.summed("重复", List.of(cell("甲县", "采矿业", 5, 4),
            cell("甲县", "采矿业", 6, 4))), "two cells at one row and column");
        assertThrows(IllegalArgumentException.class, () -> Table.summed("负数", List.of(Cell.of("甲县", "税收", -5, 4, 1))),
            "negative tax in a table not declared signed");
        assertThrows(IllegalArgumentException.class, () -> Cell.of("甲县", "采矿业", 5, 0, 0),
            "a value without contributors");
        assertThrows(IllegalArgumentException.class, () -> Cell.of("甲县", "采矿业", 5, 3, 6),
            "largest contribution above the cell value");
        assertThrows(IllegalArgumentException.class, () -> new Table("空", List.of(), List.of(), List.of(),
            Optional.empty(), false));
    }

    @Test
    void linkedTablesMustAgreeOnSharedFigures() {
        Table first = Table.summed("一", CELLS);
        Table second = Table.summed("二", List.of(cell("甲县", "采矿业", 51, 4)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> PrimarySuppression.apply(List.of(first, second), RULES));
        assertTrue(e.getMessage().contains("甲县|采矿业"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PrimarySuppression.apply(List.of(first, first), RULES),
            "two tables of one name");
    }

    @Test
    void aFigureTheEquationsPinDownCannotBeProtected() {
        // The second table adds an 其他 column to 甲县's row but publishes the same 甲县 total, so 其他 is 0 by
        // construction; its one enterprise (reporting zero) can never be hidden. Refusing beats publishing.
        Cell mining = cell("甲县", "采矿业", 50, 10);
        Cell manufacturing = cell("甲县", "制造业", 70, 10);
        Cell total = cell("甲县", Table.TOTAL, 120, 20);
        Table without = new Table("不含其他", List.of(mining, manufacturing), List.of(total), List.of(),
            Optional.empty(), false);
        Table with = new Table("含其他", List.of(mining, manufacturing, Cell.of("甲县", "其他", 0, 1, 0)),
            List.of(total), List.of(), Optional.empty(), false);
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> SecondarySuppression.protect(List.of(without, with), RULES));
        assertTrue(e.getMessage().contains("甲县|其他"), e.getMessage());
    }
}
