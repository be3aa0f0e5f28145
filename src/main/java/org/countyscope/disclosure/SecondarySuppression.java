package org.countyscope.disclosure;

import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.countyscope.disclosure.SuppressionResult.Decision;
import org.countyscope.disclosure.SuppressionResult.Reason;
import org.countyscope.disclosure.SuppressionResult.Status;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Secondary suppression (二级隐匿): hides enough further figures, across all linked tables at once, that the
 * {@link Audit} recovers no suppressed figure and every sensitive one keeps its protection interval.
 *
 * <p>For each sensitive figure, largest first, and each direction (up and down by the protection), it checks whether
 * the attacker must already allow the moved value; if not, it solves {@link ProtectionLp} for the cheapest disguise
 * and suppresses every figure that moves in it. Costs prefer small cells, charge every cell a little so that fewer
 * cells beat many tiny ones, and add to each total the cost of about fifty average cells, so a total goes only when
 * no cell pattern works. Hiding more can only widen the attacker's intervals, so a disguise found once stays valid
 * and every point an LP returns stays a {@link Witnesses witness}, which spares most checks their LP. A final audit
 * loop catches what floating point or the simplifications of the LP let through and protects those figures again.
 */
public final class SecondarySuppression {

    /**
     * A total costs this much on top of its value, in units of the fixed cell cost (so about fifty average cells):
     * readers notice a missing total more than a cell, and one big total still beats hiding many small ones.
     */
    private static final double TOTAL_PENALTY = 1000;

    /** Every cell costs at least this share of the mean cell, so zero and tiny cells are not free. */
    private static final double FIXED_COST = 0.05;

    /** Figures already hidden are almost free to reuse. */
    private static final double HIDDEN_COST = 1e-3;

    /** A move at least this many times the exactness threshold keeps a suppressed figure from being exact. */
    private static final double MINIMUM_MOVE = 10 * Audit.EXACT;

    private static final int MAX_AUDIT_ROUNDS = 10;

    private SecondarySuppression() {
    }

    /** Primary suppression with {@code rules}, then secondary suppression. */
    public static SuppressionResult protect(List<Table> tables, SuppressionRules rules) {
        return protect(tables, PrimarySuppression.apply(tables, rules), rules);
    }

    /**
     * Adds secondary suppressions to {@code primary} (which may already hold secondary ones, for example a pattern
     * fixed in an earlier release that must stay) until the audit passes.
     *
     * @throws IllegalStateException when no pattern can protect a figure, which the equations of odd linked tables
     *                               can cause; publishing anyway would break 统计法, so there is no partial answer
     */
    public static SuppressionResult protect(List<Table> tables, SuppressionResult primary, SuppressionRules rules) {
        LinearSystem system = LinearSystem.of(tables);
        Status[] status = Audit.statuses(system, primary);
        Reason[] reason = new Reason[system.size()];
        for (Decision d : primary.decisions()) {
            reason[system.indexOf(d.cell().id())] = d.reason();
        }
        new Run(system, status, rules).protect();
        List<Decision> decisions = new ArrayList<>(system.size());
        for (int v = 0; v < system.size(); v++) {
            Reason r = status[v] == Status.SECONDARY ? Reason.SECONDARY : reason[v];
            decisions.add(new Decision(system.figure(v), status[v], r, system.total(v)));
        }
        return new SuppressionResult(decisions);
    }

    /** One run over one system: the growing pattern and the attacker model for it. */
    private static final class Run {
        private final LinearSystem system;
        private final Status[] status;
        private final SuppressionRules rules;
        private final BitSet hidden;
        private final double[] weight;
        private final int[][] groupOf;
        private final double slack;
        private final Witnesses witnesses;
        private AttackerLp attacker;

        Run(LinearSystem system, Status[] status, SuppressionRules rules) {
            this.system = system;
            this.status = status;
            this.rules = rules;
            this.hidden = new BitSet(system.size());
            for (int v = 0; v < system.size(); v++) {
                if (status[v] != Status.PUBLISHED) {
                    hidden.set(v);
                }
            }
            this.weight = weights(system);
            BitSet all = new BitSet(system.size());
            all.set(0, system.size());
            this.groupOf = new int[system.size()][];
            for (int[] group : system.components(all)) {
                for (int v : group) {
                    groupOf[v] = group;
                }
            }
            this.slack = Audit.SLACK * system.scale();
            this.witnesses = new Witnesses(system);
        }

        void protect() {
            Integer[] order = IntStream.range(0, system.size()).filter(v -> status[v] == Status.PRIMARY).boxed()
                .sorted(Comparator.comparingDouble((Integer v) -> -Math.abs(system.value(v)))
                    .thenComparingInt(v -> v))
                .toArray(Integer[]::new);
            for (int p : order) {
                move(p, above(p, 1));
                move(p, -below(p, 1));
            }
            for (int round = 1; ; round++) {
                Audit.Report report = Audit.check(system, status, rules);
                if (report.safe()) {
                    return;
                }
                int before = hidden.cardinality();
                Set<String> failing = new LinkedHashSet<>();
                // Each round asks for a little more than required, so that solver noise cannot stall the loop.
                double margin = 1 + 1e-3 * round;
                for (Audit.Exposure e : report.exposures()) {
                    if (e.safe()) {
                        continue;
                    }
                    int v = system.indexOf(e.cell().id());
                    failing.add(e.cell().id());
                    double value = system.value(v);
                    if (e.interval().max() < value + above(v, margin) - slack || e.recovered()) {
                        move(v, above(v, margin));
                    }
                    if (e.interval().min() > value - below(v, margin) + slack) {
                        move(v, -below(v, margin));
                    }
                }
                if (hidden.cardinality() == before || round == MAX_AUDIT_ROUNDS) {
                    throw new IllegalStateException("secondary suppression cannot protect " + failing
                        + " (audit: " + report.recovered().size() + " recovered, " + report.narrowed().size()
                        + " narrowed)");
                }
            }
        }

        /** The upward move a figure needs: its protection if sensitive, and always enough not to be exact. */
        private double above(int v, double margin) {
            double protection = status[v] == Status.PRIMARY ? rules.protection(system.value(v)) : 0;
            return Math.max(protection, MINIMUM_MOVE * system.scale()) * margin;
        }

        /** The downward move a sensitive figure needs, no more than its room above zero. */
        private double below(int v, double margin) {
            double protection = status[v] == Status.PRIMARY ? rules.protection(system.value(v)) : 0;
            return Math.min(protection * margin, system.room(v));
        }

        /** Whether the attacker must allow {@code goal}, given the highest and lowest value known to be possible. */
        private boolean reached(int v, double goal, double high, double low) {
            return goal >= system.value(v) ? high >= goal - slack : low <= goal + slack;
        }

        private boolean hidesPublishedTotal(BitSet figures) {
            return figures.stream().anyMatch(u -> !hidden.get(u) && system.total(u));
        }

        /** What hiding these figures costs on top of what is hidden already. */
        private double loss(BitSet figures) {
            return figures.stream().filter(u -> !hidden.get(u)).mapToDouble(u -> weight[u]).sum();
        }

        /** Makes sure the attacker cannot exclude {@code value + amount}, hiding the cheapest disguise if needed. */
        private void move(int v, double amount) {
            if (amount == 0) {
                return;
            }
            double value = system.value(v);
            if (reached(v, value + amount, witnesses.high(v), witnesses.low(v))) {
                return;
            }
            if (attacker == null) {
                attacker = new AttackerLp(system, hidden);
            }
            double bound = attacker.bound(v, amount > 0 ? GoalType.MAXIMIZE : GoalType.MINIMIZE, witnesses);
            if (reached(v, value + amount, bound, bound)) {
                return;
            }
            double[] cost = new double[system.size()];
            for (int u = 0; u < cost.length; u++) {
                cost[u] = hidden.get(u) ? HIDDEN_COST : weight[u];
            }
            // Ask for a hair more than needed, so that the audit's comparison does not fail on rounding.
            double target = amount > 0 ? amount + 2 * slack : -Math.min(-amount + 2 * slack, system.room(v));
            Optional<ProtectionLp.Disguise> disguise =
                ProtectionLp.disguise(system, groupOf[v], v, target, cost, false);
            if (disguise.isEmpty() || hidesPublishedTotal(disguise.get().moved())) {
                // No whole cycle of cells carries the move (a dominant cell): try spreading it, keep the cheaper.
                Optional<ProtectionLp.Disguise> spread =
                    ProtectionLp.disguise(system, groupOf[v], v, target, cost, true);
                if (disguise.isEmpty()
                    || spread.isPresent() && loss(spread.get().moved()) < loss(disguise.get().moved())) {
                    disguise = spread;
                }
            }
            if (disguise.isEmpty()) {
                throw new IllegalStateException("no suppression pattern can move " + system.figure(v).id() + " by "
                    + amount + ": the linked tables' equations pin it down");
            }
            ProtectionLp.Disguise found = disguise.get();
            double[] point = new double[found.figures().length];
            for (int k = 0; k < point.length; k++) {
                point[k] = system.value(found.figures()[k]) + found.change()[k] * Math.abs(target);
            }
            witnesses.see(found.figures(), point);
            BitSet moved = found.moved();
            for (int u = moved.nextSetBit(0); u >= 0; u = moved.nextSetBit(u + 1)) {
                if (!hidden.get(u)) {
                    hidden.set(u);
                    status[u] = Status.SECONDARY;
                    attacker = null;
                }
            }
        }
    }

    /**
     * Information loss per unit of move: the figure's value plus a fixed share of the mean cell, scaled so that the
     * cheapest figure costs 1 (the simplex compares reduced costs against an absolute epsilon), totals dearer.
     */
    private static double[] weights(LinearSystem system) {
        double sum = 0;
        int cells = 0;
        for (int v = 0; v < system.size(); v++) {
            if (!system.total(v)) {
                sum += Math.abs(system.value(v));
                cells++;
            }
        }
        double fixed = cells > 0 && sum > 0 ? FIXED_COST * sum / cells : FIXED_COST * system.scale();
        double[] weight = new double[system.size()];
        for (int v = 0; v < weight.length; v++) {
            double w = (Math.abs(system.value(v)) + fixed) / fixed;
            weight[v] = system.total(v) ? w + TOTAL_PENALTY : w;
        }
        return weight;
    }
}
