package org.countyscope.review;

import java.util.Map;
import java.util.Objects;

/**
 * One declared plausibility rule (核实性审核) from {@code data/review-rules.csv}.
 *
 * @param id          rule id, e.g. {@code ent_month_band}
 * @param dataset     the silver dataset it reads, or a list such as {@code tax|budget_revenue|projects}
 * @param threshold   the rule's main threshold (its meaning is stated in the file's {@code why})
 * @param materiality a second threshold (a size below which a deviation is not worth a question), NaN when unused
 * @param severity    高 (probably an error), 中 (ask) or 低 (for information)
 * @param title       short Chinese name shown in lists
 * @param why         why the rule exists and what its threshold means
 * @param question    the Chinese sentence to ask, with {placeholders}: {region} {entity} {name} {period} {value}
 *                    {expected}
 */
public record ReviewRule(String id, String dataset, double threshold, double materiality, String severity, String title,
                         String why, String question) {

    public ReviewRule {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("rule id must be lower_snake_case: " + id);
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException(id + ": threshold must be a number");
        }
        if (!"高".equals(severity) && !"中".equals(severity) && !"低".equals(severity)) {
            throw new IllegalArgumentException(id + ": severity must be 高, 中 or 低, not " + severity);
        }
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException(id + ": the question to ask is required");
        }
    }

    /** The question with its placeholders filled in; an unknown placeholder stays visible. */
    public String ask(Map<String, String> values) {
        String s = question;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s = s.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
        }
        return s;
    }
}
