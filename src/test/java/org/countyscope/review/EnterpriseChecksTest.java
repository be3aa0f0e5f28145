package org.countyscope.review;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.countyscope.review.ReviewFixtures.NAMES;
import static org.countyscope.review.ReviewFixtures.P;
import static org.countyscope.review.ReviewFixtures.RULES;
import static org.countyscope.review.ReviewFixtures.steady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnterpriseChecksTest {
    final EnterpriseChecks checks = new EnterpriseChecks(RULES, NAMES);

    private static List<EnterpriseMonth> industry(List<EnterpriseMonth> extra) {
        List<EnterpriseMonth> all = new ArrayList<>(extra);
        for (int i = 0; i < 6; i++) {
            all.addAll(steady("91620821000000010" + i, "620821", "1351", 100 + 20 * i, 0.25 + 0.01 * i, 1));
        }
        return all;
    }

    private List<String> rulesFlagged(List<EnterpriseMonth> months, String code) {
        return checks.check(months, List.of(), P).stream().filter(f -> f.entityId().equals(code))
            .map(Flag::rule).toList();
    }

    @Test
    void aTenfoldMonthIsFlaggedAndASteadyOneIsNot() {
        String code = "916208210000000999";
        List<EnterpriseMonth> months = industry(steady(code, "620821", "1351", 120, 0.28, 10));
        List<Flag> flags = checks.check(months, List.of(), P);
        Flag f = flags.stream().filter(x -> x.entityId().equals(code)).findFirst().orElseThrow();
        assertEquals(EnterpriseChecks.MONTH_BAND, f.rule(), "tenfold value added");
        assertEquals("泾川县", f.regionName());
        assertTrue(f.value() > f.high(), "above the band: " + f.value() + " vs " + f.expected());
        assertTrue(f.sentence().contains(code) && f.sentence().contains("2025年12月"), f.sentence());
        assertEquals(1, flags.size(), "the steady enterprises give no flag: " + flags);
        assertTrue(rulesFlagged(industry(steady(code, "620821", "1351", 120, 0.28, 1.15)), code).isEmpty(),
            "15% above its usual is within the band");
    }

    @Test
    void aValueAddedRateOf95PercentIsOutsideItsDivision() {
        String code = "916208210000000998";
        List<EnterpriseMonth> own = new ArrayList<>(steady(code, "620821", "1351", 120, 0.28, 1));
        EnterpriseMonth last = own.remove(own.size() - 1);
        own.add(new EnterpriseMonth(code, last.name(), "620821", "1351", P, 1, last.grossOutput(),
            last.grossOutput() * 0.95, last.revenue(), last.grossOutputCum(), last.valueAddedCum()));
        List<String> rules = rulesFlagged(industry(own), code);
        assertTrue(rules.contains(EnterpriseChecks.VA_RATE), "95% in a 25–30% division: " + rules);
    }

    @Test
    void missingReportsComeFromTheRegistersScope() {
        List<EnterpriseMonth> months = industry(List.of());
        List<RegisterEntry> register = List.of(
            new RegisterEntry(2025, "916208210000000100", "企业100", "620821", "1351", "年初在库", null),
            new RegisterEntry(2025, "916208210000000777", "停报企业", "620821", "1351", "年初在库", null),
            new RegisterEntry(2025, "916208210000000778", "退库企业", "620821", "1351", "退库", "2025-10"),
            new RegisterEntry(2025, "916208210000000779", "新增企业", "620821", "1351", "新增", "2025-12"));
        List<MissingReport> missing = EnterpriseChecks.missingFromRegister(register, months, P);
        assertEquals(List.of("916208210000000777", "916208210000000779"),
            missing.stream().map(MissingReport::creditCode).toList(),
            "in scope and silent; the exit of October is not missing in December");
        List<Flag> flags = checks.check(months, missing, P);
        assertEquals(2, flags.stream().filter(f -> f.rule().equals(EnterpriseChecks.MISSING)).count());
        assertTrue(EnterpriseChecks.missingFromRegister(register, months, "2025-01").isEmpty(), "no January 一套表");
    }

    @Test
    void anEntrantThatMovesItsCountyIsFlagged() {
        List<EnterpriseMonth> months = industry(List.of());
        List<EnterpriseMonth> entrant = steady("916208210000000500", "620821", "1351", 200, 0.3, 1).stream()
            .filter(m -> m.period().startsWith("2025")).toList();
        months.addAll(entrant);
        List<Flag> flags = checks.check(months, List.of(), P).stream()
            .filter(f -> f.rule().equals(EnterpriseChecks.ENTRY_EXIT)).toList();
        assertEquals(1, flags.size(), "a new enterprise at 200 a month in a county of 6 × ~150: " + flags);
        assertTrue(flags.get(0).value() > 5, "more than 5 points: " + flags.get(0).value());
    }
}
