package org.countyscope.review;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The month's review: every flag with its status (待核实 open, 已核实 closed by an earlier acceptance at the same
 * value), and the flag count per rule.
 */
public record ReviewResult(String period, List<Reviewed> flags) {
    public static final String OPEN = "待核实";
    public static final String VERIFIED = "已核实";

    /** One flag and what the clerks said about it. */
    public record Reviewed(Flag flag, String status, String explanation) {
        public boolean open() {
            return OPEN.equals(status);
        }
    }

    public List<Flag> open() {
        return flags.stream().filter(Reviewed::open).map(Reviewed::flag).toList();
    }

    public List<Reviewed> verified() {
        return flags.stream().filter(r -> !r.open()).toList();
    }

    /** Open flags per rule id, in rule-id order. */
    public Map<String, Integer> openByRule() {
        Map<String, Integer> out = new TreeMap<>();
        open().forEach(f -> out.merge(f.rule(), 1, Integer::sum));
        return out;
    }
}
