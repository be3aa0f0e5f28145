package org.countyscope.review;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.countyscope.review.ReviewFixtures.NAMES;
import static org.countyscope.review.ReviewFixtures.P;
import static org.countyscope.review.ReviewFixtures.RULES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectChecksTest {
    final ProjectChecks checks = new ProjectChecks(RULES, NAMES);

    @Test
    void fundsAboveTheSignedAmountAreAStandingQuestion() {
        List<Flag> flags = checks.fundsAboveSigned(List.of(
            new ContractFunds("ZS2025-620822-002", "牛肉精深加工项目", "620822", 4580, 13740, 9000),
            new ContractFunds("ZS2025-620822-003", "在签约额内", "620822", 4580, 4000, 100),
            new ContractFunds("ZS2024-620822-001", "本月无到位", "620822", 100, 300, 0)), P);
        assertEquals(1, flags.size(), flags.toString());
        Flag f = flags.get(0);
        assertEquals("ZS2025-620822-002", f.entityId());
        assertEquals("funds_above_signed|ZS2025-620822-002|", f.key(), "no period in a standing question's key");
        assertEquals(4580.0, f.high());
    }

    @Test
    void projectsAbovePlanOrReportingLongAfterCompletion() {
        List<Flag> flags = checks.projects(List.of(
            new ProjectMonth("A", "超计划", "620821", "工业", P, 1000, 1200, 50, "在建", null),
            new ProjectMonth("B", "竣工半年仍报", "620821", "工业", P, 1000, 800, 30, "竣工", "2025-06-20"),
            new ProjectMonth("C", "刚竣工", "620821", "工业", P, 1000, 800, 30, "竣工", "2025-11-20"),
            new ProjectMonth("D", "上年", "620821", "工业", "2024-12", 1000, 5000, 30, "在建", null)), P);
        assertEquals(List.of("invest_above_planned|A", "report_after_completion|B"),
            flags.stream().map(f -> f.rule() + "|" + f.entityId()).toList());
    }

    @Test
    void growthOnASmallBase() {
        List<ProjectMonth> months = List.of(
            new ProjectMonth("A", "a", "620821", "工业", "2024-12", 1e6, 1000, 0, "在建", null),
            new ProjectMonth("B", "b", "620821", "工业", P, 1e6, 5000, 0, "在建", null),
            new ProjectMonth("C", "c", "620822", "工业", "2024-12", 1e6, 100000, 0, "在建", null),
            new ProjectMonth("D", "d", "620822", "工业", P, 1e6, 90000, 0, "在建", null));
        List<Flag> flags = checks.smallBase(months, P);
        assertEquals(List.of("620821|fai", "620821|fai_industry"), flags.stream().map(Flag::entityId).toList(),
            "泾川县 grows 400% from 1% of the city's base");
        assertEquals("低", flags.get(0).severity());
    }
}
