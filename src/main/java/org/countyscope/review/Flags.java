package org.countyscope.review;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Builds flags from a rule: fills the rule's question with the figure, the range and the names. */
final class Flags {
    private Flags() {
    }

    /** What a flag is about: where, who and when. */
    record Subject(String dataset, String regionCode, String regionName, String entityId, String entityName,
                   String period, String subject) {
    }

    static Flag of(ReviewRule rule, Subject s, double value, double low, double high, String unit) {
        Map<String, String> fill = new LinkedHashMap<>();
        fill.put("region", s.regionName() == null ? s.regionCode() : s.regionName());
        fill.put("entity", s.entityId());
        fill.put("name", s.entityName() == null ? "" : s.entityName());
        fill.put("period", monthLabel(s.period()));
        fill.put("value", number(value) + unit);
        fill.put("expected", range(low, high) + unit);
        return new Flag(rule.id(), s.dataset(), s.regionCode(), s.regionName(), s.entityId(), s.entityName(),
            s.period(), s.subject(), value, low, high, unit, rule.severity(), rule.ask(fill));
    }

    /** Two decimals; a negative number with the minus sign U+2212, so a spreadsheet never reads it as a formula. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.startsWith("-") ? "\u2212" + s.substring(1) : s;
    }

    static String range(double low, double high) {
        boolean l = Double.isFinite(low);
        boolean h = Double.isFinite(high);
        if (l && h && low == -high) {
            return "±" + number(high);
        }
        if (l && h) {
            return number(low) + "～" + number(high);
        }
        if (h) {
            return "≤ " + number(high);
        }
        if (l) {
            return "≥ " + number(low);
        }
        return "—";
    }

    /** 2025-12 → 2025年12月. */
    static String monthLabel(String period) {
        if (period == null || !period.matches("\\d{4}-\\d{2}")) {
            return period == null ? "" : period;
        }
        return period.substring(0, 4) + "年" + Integer.parseInt(period.substring(5)) + "月";
    }
}
