package org.countyscope.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.countyscope.disclosure.Fixtures.RULES;
import static org.countyscope.disclosure.Fixtures.cell;
import static org.countyscope.disclosure.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderingTest {

    @Test
    void aSuppressedFigureShowsTheMarkAndTheTableItsFootnote() {
        Table table = Table.summed("营业收入", List.of(cell("甲县", "采矿业", 1234.5, 1), cell("甲县", "制造业", 2.675, 5),
            cell("乙县", "采矿业", 300, 4), cell("乙县", "制造业", 400.004, 6)));
        SuppressionResult result = SecondarySuppression.protect(List.of(table), RULES);
        assertEquals("…", Rendering.text(result, id("甲县", "采矿业"), 2), "n = 1");
        assertEquals(Rendering.FOOTNOTE, Rendering.footnote(result));
        assertTrue(Rendering.FOOTNOTE.startsWith("…") && Rendering.FOOTNOTE.contains("《统计法》"));

        SuppressionResult none = PrimarySuppression.apply(List.of(Table.summed("营业收入",
            List.of(cell("乙县", "制造业", 2.675, 5)))), RULES);
        assertEquals("2.68", Rendering.text(none, id("乙县", "制造业"), 2), "half-up on the decimal a clerk reads");
        assertEquals("3", Rendering.text(none, id("乙县", "制造业"), 0));
        assertEquals("", Rendering.footnote(none), "no footnote when nothing is suppressed");
    }
}
