package org.countyscope.pipeline;

import org.countyscope.disclosure.ReleasePattern;
import org.countyscope.gold.Cadence;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a release publishes of the 一套表 measures, for the gate (pure, no Spark). */
class ReleaseGatePublicationsTest {

    @Test
    void eachCadencePublishesItsOwnMonthsBesideTheYearToDate() {
        assertEquals(YearMonth.of(2025, 9), ReleaseGate.ownFrom(Cadence.MONTH, YearMonth.of(2025, 9)));
        assertEquals(YearMonth.of(2025, 1), ReleaseGate.ownFrom(Cadence.MONTH, YearMonth.of(2025, 2)), "1—2月");
        assertEquals(YearMonth.of(2025, 7), ReleaseGate.ownFrom(Cadence.QUARTER, YearMonth.of(2025, 9)));
        assertEquals(YearMonth.of(2025, 1), ReleaseGate.ownFrom(Cadence.QUARTER, YearMonth.of(2025, 3)));
        assertEquals(YearMonth.of(2025, 7), ReleaseGate.ownFrom(Cadence.HALF, YearMonth.of(2025, 12)));
        assertEquals(YearMonth.of(2025, 1), ReleaseGate.ownFrom(Cadence.YEAR, YearMonth.of(2025, 12)));

        List<ReleasePattern.Publication> p = ReleaseGate.publications(YearMonth.of(2025, 9),
            List.of(Cadence.MONTH, Cadence.QUARTER, Cadence.HALF));
        Set<String> iva = p.stream().filter(x -> x.measure().equals("iva"))
            .map(x -> x.from() + ".." + x.to() + (x.byDivision() ? " by 大类" : "")).collect(Collectors.toSet());
        assertEquals(Set.of("2025-01..2025-09 by 大类", "2025-09..2025-09", "2025-07..2025-09",
            "2025-01..2025-06 by 大类", "2025-01..2025-06"), iva, "September: 1—9月, the month, the quarter; 上半年");
        assertTrue(p.stream().anyMatch(x -> x.measure().equals("profit") && !x.byDivision()),
            "profit by county only: the industry table prints no profit");
        assertTrue(p.stream().noneMatch(x -> x.measure().equals("profit") && x.byDivision()));
    }
}
