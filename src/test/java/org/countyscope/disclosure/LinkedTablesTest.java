package org.countyscope.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.countyscope.disclosure.Fixtures.RULES;
import static org.countyscope.disclosure.Fixtures.id;
import static org.countyscope.disclosure.Fixtures.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkedTablesTest {

    // The monthly table of 2024 Q2: its row totals are the 二季度 column of the quarterly table, and its grand total
    // is the quarterly table's 二季度 city total. 甲县's April has two enterprises (a plant opened in April).
    private static final Cell JIA_APRIL = Cell.of("甲县", "4月", 50, 2, 30);
    private static final Cell JIA_Q2 = Cell.of("甲县", "二季度", 670, 6, 200);
    private static final Cell YI_Q2 = Cell.of("乙县", "二季度", 1230, 9, 300);
    private static final Cell BING_Q2 = Cell.of("丙县", "二季度", 1560, 11, 350);
    private static final Cell CITY_Q2 = Cell.of("全市", "二季度", 3460, 26, 350);

    private static final Table MONTHLY = new Table("2024年4—6月 分月",
        List.of(JIA_APRIL, Cell.of("甲县", "5月", 300, 6, 90), Cell.of("甲县", "6月", 320, 6, 95),
            Cell.of("乙县", "4月", 400, 9, 100), Cell.of("乙县", "5月", 420, 9, 100), Cell.of("乙县", "6月", 410, 9, 100),
            Cell.of("丙县", "4月", 500, 11, 110), Cell.of("丙县", "5月", 520, 11, 120),
            Cell.of("丙县", "6月", 540, 11, 120)),
        List.of(JIA_Q2, YI_Q2, BING_Q2),
        List.of(Cell.of("全市", "4月", 950, 22, 110), Cell.of("全市", "5月", 1240, 26, 120),
            Cell.of("全市", "6月", 1270, 26, 120)),
        Optional.of(CITY_Q2), false);

    // The quarterly table of 2024 H1: before April 甲县 and 乙县 had only a few workshops, so their 一季度 is tiny.
    private static final Table QUARTERLY = new Table("2024年上半年 分季",
        List.of(Cell.of("甲县", "一季度", 0.4, 3, 0.2), JIA_Q2, Cell.of("乙县", "一季度", 0.3, 3, 0.1), YI_Q2,
            Cell.of("丙县", "一季度", 1500, 11, 340), BING_Q2),
        List.of(Cell.of("甲县", "上半年", 670.4, 6, 200), Cell.of("乙县", "上半年", 1230.3, 9, 300),
            Cell.of("丙县", "上半年", 3060, 11, 690)),
        List.of(Cell.of("全市", "一季度", 1500.7, 17, 340), CITY_Q2),
        Optional.of(Cell.of("全市", "上半年", 4960.7, 26, 690)), false);

    @Test
    void aPatternSafeInEachTableIsUnsafeJointly() {
        // What protecting one table at a time gives: in the monthly table the April cell hides in a rectangle with
        // 乙县's April and the two counties' 二季度 totals; in the quarterly table those two totals are then hidden,
        // and the cheapest cells that keep them from being exact are the tiny 一季度 cells.
        Set<String> perTable = Set.of(id("甲县", "4月"), id("乙县", "4月"), id("甲县", "二季度"), id("乙县", "二季度"),
            id("甲县", "一季度"), id("乙县", "一季度"));
        Audit.Report monthly = Audit.check(List.of(MONTHLY), pattern(List.of(MONTHLY), perTable), RULES);
        Audit.Report quarterly = Audit.check(List.of(QUARTERLY), pattern(List.of(QUARTERLY), perTable), RULES);
        assertTrue(monthly.safe(), "monthly alone: April lies in [0, 450]: " + monthly);
        assertTrue(quarterly.safe(), "quarterly alone: the 二季度 totals move by up to 0.4, not exact: " + quarterly);

        List<Table> both = List.of(MONTHLY, QUARTERLY);
        Audit.Report joint = Audit.check(both, pattern(both, perTable), RULES);
        Audit.Exposure april = joint.exposure(id("甲县", "4月"));
        assertTrue(april.narrowed(), "jointly: " + april);
        assertEquals(49.7, april.interval().min(), 1e-6, "甲县's 二季度 can fall only as far as 乙县's 一季度 can rise");
        assertEquals(50.4, april.interval().max(), 1e-6, "and rise only as far as its own 一季度 (0.4) can fall");

        SuppressionResult fixed = SecondarySuppression.protect(both, pattern(both, perTable), RULES);
        assertTrue(Audit.check(both, fixed, RULES).safe(), "the joint algorithm completes the pattern");
        assertTrue(fixed.suppressedIds().containsAll(perTable));
        SuppressionResult fresh = SecondarySuppression.protect(both, RULES);
        assertTrue(Audit.check(both, fresh, RULES).safe(), "and protects both tables from scratch");
    }

    @Test
    void aCityTableSharesItsFiguresWithTheCountyTable() {
        // The city table (industry × size) publishes industry totals that are the county table's column totals.
        // One large mine is 900 of the city's 1000 of mining: that shared figure is sensitive in both tables.
        Table county = Table.summed("分县分行业", List.of(
                Cell.of("甲县", "采矿业", 920, 4, 900), Cell.of("甲县", "制造业", 600, 20, 80),
                Cell.of("乙县", "采矿业", 50, 5, 20), Cell.of("乙县", "制造业", 700, 25, 90),
                Cell.of("丙县", "采矿业", 30, 3, 15), Cell.of("丙县", "制造业", 800, 30, 95)),
            Table.TOTAL, "全市", Set.of(Table.Marginal.values()), false);
        Cell mining = county.columnTotals().get(0);
        Cell manufacturing = county.columnTotals().get(1);
        assertEquals(id("全市", "采矿业"), mining.id());
        List<Cell> sizes = List.of(
            Cell.of("采矿业", "大型", 900, 1, 900), Cell.of("采矿业", "中小型", 100, 11, 20),
            Cell.of("制造业", "大型", 1200, 9, 95), Cell.of("制造业", "中小型", 900, 66, 40));
        // In the city table those totals sit in the industry rows; the id says they are the same figures.
        Table city = new Table("全市分行业分规模", sizes, List.of(asRowTotal(mining), asRowTotal(manufacturing)),
            List.of(), county.grandTotal(), false);

        List<Table> both = List.of(county, city);
        SuppressionResult result = SecondarySuppression.protect(both, RULES);
        assertEquals(SuppressionResult.Status.PRIMARY, result.status(mining.id()), "900 of 1000 is the mine");
        assertTrue(Audit.check(both, result, RULES).safe(), "jointly");
        for (Table t : both) {
            SuppressionResult alone = pattern(List.of(t), result.suppressedIds());
            assertTrue(Audit.check(List.of(t), alone, RULES).safe(), "and so in " + t.name() + " alone");
        }
    }

    private static Cell asRowTotal(Cell columnTotal) {
        return new Cell(columnTotal.id(), columnTotal.column(), Table.TOTAL, columnTotal.value(),
            columnTotal.contributors(), columnTotal.largest());
    }
}
