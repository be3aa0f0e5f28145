package org.countyscope.review;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Tiny named inputs for the checks: the shipped rules, two counties, steady enterprise series. */
final class ReviewFixtures {
    static final ReviewRules RULES = ReviewRules.load(Path.of(ReviewRules.DEFAULT_FILE));
    static final Map<String, String> NAMES = Map.of("620821", "泾川县", "620822", "灵台县", "620800", "平凉市");
    static final String P = "2025-12";

    private ReviewFixtures() {
    }

    /**
     * An enterprise reporting every period from 2024-02 to 2025-12 with value added {@code perMonth} a month (a
     * small deterministic wobble), output at {@code perMonth / rate} and revenue equal to output; the last month's
     * value added is multiplied by {@code lastFactor}.
     */
    static List<EnterpriseMonth> steady(String code, String region, String industry, double perMonth, double rate,
                                        double lastFactor) {
        List<EnterpriseMonth> out = new ArrayList<>();
        double cumVa = 0;
        double cumGross = 0;
        for (YearMonth m = YearMonth.of(2024, 2); !m.isAfter(YearMonth.parse(P)); m = m.plusMonths(1)) {
            if (m.getMonthValue() == 1) {
                continue;
            }
            int covered = m.getMonthValue() == 2 ? 2 : 1;
            if (m.getMonthValue() == 2) {
                cumVa = 0;
                cumGross = 0;
            }
            double wobble = 1 + 0.03 * Math.sin(m.getMonthValue() * 1.7 + m.getYear());
            double va = perMonth * covered * wobble * (m.toString().equals(P) ? lastFactor : 1);
            double gross = perMonth * covered * wobble / rate * (m.toString().equals(P) ? lastFactor : 1);
            cumVa += va;
            cumGross += gross;
            out.add(new EnterpriseMonth(code, "企业" + code.substring(code.length() - 3), region, industry,
                m.toString(), covered, gross, va, gross, cumGross, cumVa));
        }
        return out;
    }
}
