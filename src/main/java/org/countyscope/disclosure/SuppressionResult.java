package org.countyscope.disclosure;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to publish: for every distinct figure of a set of linked tables (cells and totals, each once), whether it is
 * published, suppressed as sensitive (primary) or suppressed to protect another (secondary).
 */
public final class SuppressionResult {

    /** How a figure is published. */
    public enum Status { PUBLISHED, PRIMARY, SECONDARY }

    /** Why a figure is suppressed; {@code NONE} when it is published. */
    public enum Reason {
        NONE("none"), FREQUENCY("frequency"), DOMINANCE("dominance"), SECONDARY("secondary");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The stable code written to logs and audit files. */
        public String code() {
            return code;
        }
    }

    /**
     * The decision on one figure.
     *
     * @param total true when the figure is a total in at least one of the tables
     */
    public record Decision(Cell cell, Status status, Reason reason, boolean total) {

        public Decision {
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
            if ((status == Status.PUBLISHED) != (reason == Reason.NONE)
                || (status == Status.SECONDARY) != (reason == Reason.SECONDARY)) {
                throw new IllegalArgumentException(cell.id() + ": status " + status + " with reason " + reason);
            }
            if (status != Status.PUBLISHED && cell.isEmpty()) {
                throw new IllegalArgumentException(cell.id()
                    + " is empty: its zero is public, so hiding it hides nothing");
            }
        }

        public boolean suppressed() {
            return status != Status.PUBLISHED;
        }
    }

    private final List<Decision> decisions;
    private final Map<String, Decision> byId = new LinkedHashMap<>();

    public SuppressionResult(List<Decision> decisions) {
        this.decisions = List.copyOf(decisions);
        for (Decision d : this.decisions) {
            if (byId.put(d.cell().id(), d) != null) {
                throw new IllegalArgumentException("two decisions for " + d.cell().id());
            }
        }
    }

    /** Every decision, in table order: the first table's cells, row, column and grand totals, then the next's. */
    public List<Decision> decisions() {
        return decisions;
    }

    /** The decision on the figure with this id. */
    public Decision decision(String id) {
        Decision d = byId.get(id);
        if (d == null) {
            throw new IllegalArgumentException("no figure " + id);
        }
        return d;
    }

    public Status status(String id) {
        return decision(id).status();
    }

    public boolean suppressed(String id) {
        return decision(id).suppressed();
    }

    /** The ids of every suppressed figure, in table order. */
    public Set<String> suppressedIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Decision d : decisions) {
            if (d.suppressed()) {
                ids.add(d.cell().id());
            }
        }
        return ids;
    }

    /** The suppressed totals, which a reader notices most. */
    public List<Decision> suppressedTotals() {
        return decisions.stream().filter(d -> d.total() && d.suppressed()).toList();
    }

    public long count(Status status) {
        return decisions.stream().filter(d -> d.status() == status).count();
    }

    /**
     * The same decisions with {@code ids} suppressed as secondary as well (those already suppressed keep their status):
     * a pattern kept from an earlier release, which {@link SecondarySuppression#protect} then completes.
     */
    public SuppressionResult withSecondary(Collection<String> ids) {
        Map<String, Decision> changed = new LinkedHashMap<>(byId);
        for (String id : ids) {
            Decision d = decision(id);
            if (!d.suppressed()) {
                changed.put(id, new Decision(d.cell(), Status.SECONDARY, Reason.SECONDARY, d.total()));
            }
        }
        return new SuppressionResult(List.copyOf(changed.values()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuppressionResult other && decisions.equals(other.decisions);
    }

    @Override
    public int hashCode() {
        return decisions.hashCode();
    }

    @Override
    public String toString() {
        return "SuppressionResult" + decisions;
    }
}
