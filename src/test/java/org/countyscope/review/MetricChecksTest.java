package org.countyscope.review;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.countyscope.review.ReviewFixtures.NAMES;
import static org.countyscope.review.ReviewFixtures.P;
import static org.countyscope.review.ReviewFixtures.RULES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricChecksTest {
    final MetricChecks checks = new MetricChecks(RULES, NAMES);

    static List<DataMetric> rows(long version, double last) {
        List<DataMetric> out = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2025, 1); !m.isAfter(YearMonth.parse(P)); m = m.plusMonths(1)) {
            double n = m.toString().equals(P) ? last : 700;
            out.add(new DataMetric("tax", version, "r", m.toString(), DataMetric.ROW_COUNT, "", "", n));
            out.add(new DataMetric("tax", version, "r", m.toString(), DataMetric.SUM_BY_REGION, "amount", "620821",
                1000));
            out.add(new DataMetric("tax", version, "r", m.toString(), DataMetric.SUM_BY_REGION, "amount", "620822",
                500));
        }
        return out;
    }

    @Test
    void aMonthWithFarFewerRowsThanUsual() {
        assertEquals(1, checks.rowsDrop(rows(3, 300), P).size(), "300 rows against the usual 700");
        assertTrue(checks.rowsDrop(rows(3, 650), P).isEmpty(), "650 is within 70%");
    }

    @Test
    void aReleaseThatDropsACountyOrRevisesAnEarlierMonth() {
        List<DataMetric> before = rows(3, 700);
        List<DataMetric> now = new ArrayList<>();
        for (DataMetric m : rows(4, 700)) {
            if (m.region().equals("620822") && m.period().equals("2025-06")) {
                continue; // 灵台县's June is gone
            }
            if (m.region().equals("620821") && m.period().equals("2025-03")) {
                now.add(new DataMetric(m.dataset(), 4, "r", m.period(), m.metric(), m.column(), m.region(), 1100));
                continue; // 泾川县's March revised by 10%
            }
            now.add(m);
        }
        List<Flag> flags = checks.releaseChanges(now, before);
        assertEquals(List.of("2025-03 620821", "2025-06 620822"),
            flags.stream().map(f -> f.period() + " " + f.regionCode()).sorted().toList());
        assertTrue(checks.releaseChanges(rows(4, 700), before).isEmpty(), "an unchanged release");
    }
}
