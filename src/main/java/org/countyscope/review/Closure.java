package org.countyscope.review;

/**
 * A flag a county or enterprise confirmed (已核实) with its explanation, at the value it had then: the same question
 * is not asked again while the value stays the same.
 */
public record Closure(String flagKey, String rule, String entityId, String period, double value, String explanation,
                      String verifiedBy, String sourceFile) {
}
