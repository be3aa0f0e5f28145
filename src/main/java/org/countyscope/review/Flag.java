package org.countyscope.review;

import java.util.Objects;

/**
 * One question for a clerk (审核疑点): a figure a rule finds implausible.
 *
 * @param rule        the rule id
 * @param dataset     the dataset the figure comes from
 * @param regionCode  the county (or city) it belongs to
 * @param regionName  its name
 * @param entityId    统一社会信用代码, 项目编号/项目代码, 行业代码|税种, or the region code for county totals
 * @param entityName  the enterprise's, contract's or project's name, or what the total is
 * @param period      the month the figure belongs to ({@code YYYY-MM})
 * @param subject     what the key is about: the period for monthly figures, empty for a standing condition (到位资金
 *                    above 签约额 stays one question until the value changes)
 * @param value       the figure
 * @param low         the low end of the expected range (NaN when open)
 * @param high        the high end of the expected range (NaN when open)
 * @param unit        the figure's unit (万元, %, 个)
 * @param severity    高, 中 or 低
 * @param sentence    the Chinese sentence saying what to ask
 */
public record Flag(String rule, String dataset, String regionCode, String regionName, String entityId,
                   String entityName, String period, String subject, double value, double low, double high,
                   String unit, String severity, String sentence) {

    public Flag {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(period, "period");
        subject = subject == null ? "" : subject;
    }

    /** The identity of a question across runs: rule, entity and the period it is about. */
    public String key() {
        return rule + "|" + entityId + "|" + subject;
    }

    /** The expected range as printed, e.g. {@code 120.00～340.00}, {@code ≤ 3580.00}. */
    public String expected() {
        return Flags.range(low, high);
    }

    /** True when a value accepted earlier is this flag's value as printed (two decimals). */
    public boolean sameValue(double accepted) {
        return Math.round(value * 100) == Math.round(accepted * 100);
    }
}
