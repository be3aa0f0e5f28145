package org.countyscope.review;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewRulesTest {
    static final String HEAD = "id,dataset,threshold,materiality,severity,title,why,question\n";

    @Test
    void theShippedRuleFileDeclaresEveryRuleTheChecksUse() {
        ReviewRules rules = ReviewRules.load(Path.of(ReviewRules.DEFAULT_FILE));
        List<String> ids = List.of(EnterpriseChecks.MONTH_BAND, EnterpriseChecks.VA_RATE,
            EnterpriseChecks.REVENUE_OUTPUT, EnterpriseChecks.ZERO_NEGATIVE, EnterpriseChecks.MISSING,
            EnterpriseChecks.ENTRY_EXIT, CountyChecks.SEASONAL, CountyChecks.TAX_CELL, CountyChecks.MISSING_MONTH,
            CountyChecks.OUTPUT_TAX, CountyChecks.BUDGET_TAX, ProjectChecks.FUNDS_ABOVE_SIGNED,
            ProjectChecks.ABOVE_PLANNED, ProjectChecks.AFTER_COMPLETION, ProjectChecks.SMALL_BASE,
            MetricChecks.ROWS_DROP, MetricChecks.REVISION);
        for (String id : ids) {
            assertTrue(rules.has(id), id + " declared");
            assertFalse(rules.get(id).why().isBlank(), id + " says why");
        }
        assertEquals(ids.size(), rules.all().size(), "no declared rule without code");
    }

    @Test
    void parsesQuotesCommentsAndFillsTheQuestion() {
        ReviewRules r = ReviewRules.parse("\uFEFF# comment\n" + HEAD
            + "a_rule,tax,2.5,,中,标题,\"why, with a comma\",\"请核实{region}{period}的{value}\"\n", "t");
        ReviewRule rule = r.get("a_rule");
        assertEquals(2.5, rule.threshold());
        assertTrue(Double.isNaN(rule.materiality()), "empty materiality");
        assertEquals("why, with a comma", rule.why());
        assertEquals("请核实泾川县2025年12月的3.00万元",
            rule.ask(Map.of("region", "泾川县", "period", "2025年12月", "value", "3.00万元")));
    }

    @Test
    void refusesABadFile() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReviewRules.parse("id,dataset\n", "t"))
            .getMessage().contains("header"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> ReviewRules.parse(HEAD + "x,tax,1,,严重,t,w,q\n", "t")).getMessage().contains("severity"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> ReviewRules.parse(HEAD + "x,tax,abc,,高,t,w,q\n", "t")).getMessage().contains("line 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> ReviewRules.parse(HEAD + "x,tax,1,,高,t,w,q\nx,tax,1,,高,t,w,q\n", "t")).getMessage()
            .contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReviewRules.parse(HEAD, "t").get("nope"))
            .getMessage().contains("not declared"));
    }
}
