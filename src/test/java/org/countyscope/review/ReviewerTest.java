package org.countyscope.review;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.countyscope.review.ReviewFixtures.NAMES;
import static org.countyscope.review.ReviewFixtures.P;
import static org.countyscope.review.ReviewFixtures.RULES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewerTest {

    static Reviewer.Inputs inputs(double fundsToDate) {
        List<EnterpriseMonth> ent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ent.addAll(ReviewFixtures.steady("91620821000000020" + i, "620821", "1351", 100, 0.3, 1));
        }
        return new Reviewer.Inputs(P, ent, List.of(), CountyChecksTest.tax(1), List.of(), List.of(),
            List.of(new ContractFunds("ZS1", "项目", "620821", 1000, fundsToDate, 100)), List.of(), List.of(), List.of(),
            NAMES, Set.of("13", "30"), Map.of());
    }

    @Test
    void anAcceptedFlagStaysClosedWhileItsValueStaysTheSame() {
        Reviewer reviewer = new Reviewer(RULES);
        ReviewResult first = reviewer.review(inputs(3000), List.of());
        assertEquals(1, first.open().size(), "the contract at 3× its signed amount: " + first.flags());
        Flag f = first.open().get(0);
        Closure accepted = new Closure(f.key(), f.rule(), f.entityId(), f.period(), 3000.0, "合同已补签增资协议", "泾川县",
            "review.xlsx");
        ReviewResult next = reviewer.review(inputs(3000), List.of(accepted));
        assertTrue(next.open().isEmpty(), "verified at the same value: not asked again");
        assertEquals(ReviewResult.VERIFIED, next.flags().get(0).status());
        assertEquals("合同已补签增资协议", next.flags().get(0).explanation());
        ReviewResult changed = reviewer.review(inputs(3500), List.of(accepted));
        assertEquals(1, changed.open().size(), "a new value is a new question");
    }

    @Test
    void aCleanMonthHasNoFlags() {
        assertTrue(new Reviewer(RULES).flags(inputs(500)).isEmpty(), "steady series, funds within the contract");
    }
}
