package org.countyscope.review;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.countyscope.review.ReviewFixtures.NAMES;
import static org.countyscope.review.ReviewFixtures.P;
import static org.countyscope.review.ReviewFixtures.RULES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountyChecksTest {
    final CountyChecks checks = new CountyChecks(RULES, NAMES);

    /** 36 months of tax for 泾川县: 增值税 of 13 about 300, of 30 about 200, 企业所得税 of 13 about 100. */
    static List<TaxCell> tax(double lastVatFactor) {
        List<TaxCell> out = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2023, 1); !m.isAfter(YearMonth.parse(P)); m = m.plusMonths(1)) {
            double w = 1 + 0.05 * Math.sin(m.getMonthValue() + m.getYear() * 0.3);
            double f = m.toString().equals(P) ? lastVatFactor : 1;
            out.add(new TaxCell("620821", "13", "农副食品加工业", "增值税", m.toString(), 300 * w * f));
            out.add(new TaxCell("620821", "30", "非金属矿物制品业", "增值税", m.toString(), 200 * w));
            out.add(new TaxCell("620821", "13", "农副食品加工业", "企业所得税", m.toString(), 100 * w));
        }
        return out;
    }

    static List<CountyMonth> totals(List<TaxCell> cells) {
        java.util.Map<String, Double> byMonth = new java.util.TreeMap<>();
        cells.forEach(c -> byMonth.merge(c.period(), c.amount(), Double::sum));
        List<CountyMonth> out = new ArrayList<>();
        byMonth.forEach((p, v) -> out.add(new CountyMonth("tax", "620821", p, 1, v)));
        return out;
    }

    @Test
    void aTaxCellTwentyTimesItsUsualIsFlaggedWithItsCountyAndMonth() {
        List<Flag> flags = checks.taxCells(tax(20), P);
        assertEquals(1, flags.size(), flags.toString());
        Flag f = flags.get(0);
        assertEquals("13|增值税", f.entityId());
        assertEquals("泾川县", f.regionName());
        assertEquals(P, f.period());
        assertTrue(checks.taxCells(tax(1.2), P).isEmpty(), "20% up is not a question");
    }

    @Test
    void aCountyTotalOffItsSeasonalPatternIsFlagged() {
        assertEquals(1, checks.seasonal(totals(tax(20)), P).size(), "the total jumps about sevenfold");
        assertTrue(checks.seasonal(totals(tax(1)), P).isEmpty(), "a normal month");
    }

    @Test
    void aCountyMissingAMonthIsFlaggedOnlyOnceTheDatasetHasArrived() {
        Map<String, Map<String, Set<String>>> seen = Map.of("tax", Map.of(
            "2025-11", Set.of("620821", "620822"), "2024-12", Set.of("620821", "620822"), P, Set.of("620821")));
        List<Flag> flags = checks.missingMonths(seen, P);
        assertEquals(1, flags.size());
        assertEquals("620822", flags.get(0).regionCode(), "灵台县 sent nothing for December");
        Map<String, Map<String, Set<String>>> notYet = Map.of("tax", Map.of("2025-11", Set.of("620821")));
        assertTrue(checks.missingMonths(notYet, P).isEmpty(), "no county has December yet: not a county's gap");
    }

    @Test
    void budgetTaxAgainstTheLocalShareOfCollectedTax() {
        List<TaxCell> cells = tax(1);
        List<BudgetMonth> budget = new ArrayList<>();
        Map<String, Double> share = Map.of("增值税", 0.5, "企业所得税", 0.4);
        for (int y = 2023; y <= 2025; y++) {
            double cum = 0;
            for (int m = 1; m <= 12; m++) {
                String p = YearMonth.of(y, m).toString();
                for (TaxCell c : cells) {
                    if (c.period().equals(p)) {
                        cum += c.amount() * share.getOrDefault(c.taxType(), 1.0);
                    }
                }
                budget.add(new BudgetMonth("620821", p, p.equals(P) ? cum * 1.6 : cum * 0.98, 0));
            }
        }
        List<Flag> flags = checks.budgetVsTax(budget, cells, share, P);
        assertEquals(1, flags.size(), "160% of local-level tax against 98% before: " + flags);
        assertEquals(160.0, flags.get(0).value(), 1e-6);
    }

    @Test
    void outputAndTaxMovingApart() {
        List<EnterpriseMonth> ent = ReviewFixtures.steady("916208210000000101", "620821", "1351", 100, 0.3, 1);
        List<TaxCell> cells = tax(1);
        List<TaxCell> doubled = new ArrayList<>();
        cells.forEach(c -> doubled.add(c.period().startsWith("2025")
            ? new TaxCell(c.regionCode(), c.industryCode(), c.industryName(), c.taxType(), c.period(), c.amount() * 2)
            : c));
        assertTrue(checks.outputTaxApart(ent, cells, Set.of("13", "30"), P).isEmpty(), "both flat");
        List<Flag> flags = checks.outputTaxApart(ent, doubled, Set.of("13", "30"), P);
        assertEquals(1, flags.size(), "tax doubles, output flat");
        assertTrue(flags.get(0).value() > 90, "about 100 points apart: " + flags.get(0).value());
    }
}
