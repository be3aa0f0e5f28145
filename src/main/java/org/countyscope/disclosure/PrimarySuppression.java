package org.countyscope.disclosure;

import org.countyscope.disclosure.SuppressionResult.Decision;
import org.countyscope.disclosure.SuppressionResult.Reason;
import org.countyscope.disclosure.SuppressionResult.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * Primary suppression (一级隐匿): marks every figure, cell or total, that the frequency or the dominance rule finds
 * sensitive.
 */
public final class PrimarySuppression {

    private PrimarySuppression() {
    }

    /**
     * Why a figure is sensitive, or {@link Reason#NONE}. Frequency wins when both rules apply, because it is the one a
     * reader can check against the published enterprise counts. An empty figure (no contributor) is not sensitive:
     * there is nobody to identify. Dominance is judged on absolute contributions: the largest contribution's absolute
     * value against the sum of the absolute values ({@link Cell#magnitude()}), so that a net loss driven by one
     * enterprise is sensitive as a gain is.
     */
    public static Reason reason(Cell cell, SuppressionRules rules) {
        if (cell.isEmpty()) {
            return Reason.NONE;
        }
        if (cell.contributors() < rules.minContributors()) {
            return Reason.FREQUENCY;
        }
        // Compared as largest·100 > k·value so that exactly 85% is not "more than 85%" through rounding of 0.85.
        if (cell.magnitude() > 0 && Math.abs(cell.largest()) * 100 > rules.dominanceK() * cell.magnitude()) {
            return Reason.DOMINANCE;
        }
        return Reason.NONE;
    }

    /** Applies the rules to every distinct figure of the linked tables; nothing is secondarily suppressed yet. */
    public static SuppressionResult apply(List<Table> tables, SuppressionRules rules) {
        LinearSystem system = LinearSystem.of(tables);
        List<Decision> decisions = new ArrayList<>(system.size());
        for (int v = 0; v < system.size(); v++) {
            Cell cell = system.figure(v);
            Reason reason = reason(cell, rules);
            decisions.add(new Decision(cell, reason == Reason.NONE ? Status.PUBLISHED : Status.PRIMARY, reason,
                system.total(v)));
        }
        return new SuppressionResult(decisions);
    }
}
