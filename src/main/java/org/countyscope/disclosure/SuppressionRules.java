package org.countyscope.disclosure;

/**
 * The bureau's confidentiality conventions: the frequency rule (fewer than {@code minContributors} enterprises), the
 * dominance rule (1, {@code dominanceK}) and how far an attacker must stay from a sensitive value.
 *
 * @param minContributors   a cell with 1 ≤ n &lt; this many contributors is sensitive (1 switches the rule off)
 * @param dominanceK        a cell whose largest contributor exceeds this percentage of its value is sensitive
 * @param protectionPercent the attacker's interval for a sensitive cell must reach this percentage of its value
 *                          below and above it; 0 asks only that it is not recovered exactly
 */
public record SuppressionRules(int minContributors, double dominanceK, double protectionPercent) {

    public SuppressionRules {
        if (minContributors < 1) {
            throw new IllegalArgumentException("minContributors must be at least 1, got " + minContributors);
        }
        if (!(dominanceK > 0 && dominanceK <= 100)) {
            throw new IllegalArgumentException("dominanceK must be in (0, 100] percent, got " + dominanceK);
        }
        if (!(protectionPercent >= 0 && protectionPercent <= 100)) {
            throw new IllegalArgumentException("protectionPercent must be in [0, 100], got " + protectionPercent);
        }
    }

    /** n &lt; 3, dominance (1, 85), ±10% protection. */
    public SuppressionRules() {
        this(3, 85.0, 10.0);
    }

    /** The conventions of DOMAIN.md: n &lt; 3, dominance (1, 85), ±10% protection. */
    public static SuppressionRules defaults() {
        return new SuppressionRules();
    }

    /** The protection an attacker's interval must keep on each side of a sensitive value. */
    double protection(double value) {
        return protectionPercent / 100 * Math.abs(value);
    }
}
