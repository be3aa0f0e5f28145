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

    /**
     * The pattern of linked tables and how it was reached.
     *
     * @param result      every figure's decision
     * @param escalations what was withheld beyond the cheapest disguises, and why (no disguise could protect a figure)
     * @param exposed     sensitive figures that no pattern protects even with every figure that may be hidden
     *                    withheld: given away by figures already published (an earlier release) or pinned down by the
     *                    equations themselves; empty when the pattern is safe
     */
    public record Protection(SuppressionResult result, List<String> escalations, List<Audit.Exposure> exposed) {

        public Protection {
            escalations = List.copyOf(escalations);
            exposed = List.copyOf(exposed);
        }

        public boolean safe() {
            return exposed.isEmpty();
        }
    }

    /** Primary suppression with {@code rules}, then secondary suppression. */
    public static SuppressionResult protect(List<Table> tables, SuppressionRules rules) {
        return protect(tables, PrimarySuppression.apply(tables, rules), rules);
    }

    /**
     * Adds secondary suppressions to {@code primary} (which may already hold secondary ones, for example a pattern
     * fixed in an earlier release that must stay) until the audit passes.
     *
     * @throws IllegalStateException when no pattern can protect a figure even with every figure withheld, which the
     *                               equations of odd linked tables can cause; a release uses
     *                               {@link #protect(List, SuppressionResult, SuppressionRules, Set, Set)}, which goes
     *                               on and says so
     */
    public static SuppressionResult protect(List<Table> tables, SuppressionResult primary, SuppressionRules rules) {
        Protection p = protect(tables, primary, rules, Set.of(), Set.of());
        if (!p.safe()) {
            throw new IllegalStateException("secondary suppression cannot protect "
                + p.exposed().stream().map(e -> e.cell().id()).toList() + " (audit: "
                + p.exposed().stream().filter(Audit.Exposure::recovered).count() + " recovered, "
                + p.exposed().stream().filter(Audit.Exposure::narrowed).count() + " narrowed)");
        }
        return p.result();
    }

    /**
     * Secondary suppression that never gives up: when no disguise protects a figure, everything around it that may be
     * hidden is withheld (its equations' other figures, then its whole linked group up to the city total), and what
     * still cannot be protected is reported rather than thrown. Finally every secondary suppression this run added is
     * tried for publication again, most valuable first, and published when the audit stays safe without it, so no
     * single added suppression is superfluous.
     *
     * @param start  the starting statuses: primary suppressions, and secondary ones that must stay (withheld in an
     *               earlier release, or never published)
     * @param fixed  ids of figures published in an earlier release: the attacker knows them and they stay published
     * @param exempt ids of hidden figures owed nothing (never published and not sensitive)
     */
    public static Protection protect(List<Table> tables, SuppressionResult start, SuppressionRules rules,
                                     Set<String> fixed, Set<String> exempt) {
        return protect(tables, start, rules, fixed, exempt, Set.of());
    }

    /**
     * As {@link #protect(List, SuppressionResult, SuppressionRules, Set, Set)}, with {@code settled} the figures an
     * earlier release already decided (published or withheld, as now): a group of hidden figures whose equations
     * hold settled figures only is exactly what that release audited, so it is not audited again.
     */
    public static Protection protect(List<Table> tables, SuppressionResult start, SuppressionRules rules,
                                     Set<String> fixed, Set<String> exempt, Set<String> settled) {
        LinearSystem system = LinearSystem.of(tables);
        Status[] status = Audit.statuses(system, start);
        Reason[] reason = new Reason[system.size()];
        for (Decision d : start.decisions()) {
            reason[system.indexOf(d.cell().id())] = d.reason();
        }
        BitSet fixedBits = bits(system, fixed);
        BitSet exemptBits = bits(system, exempt);
        for (int v = fixedBits.nextSetBit(0); v >= 0; v = fixedBits.nextSetBit(v + 1)) {
            if (status[v] != Status.PUBLISHED) {
                throw new IllegalArgumentException(system.figure(v).id() + " is fixed as published but starts hidden");
            }
        }
        Run run = new Run(system, status, rules, fixedBits, exemptBits, bits(system, settled));
        run.protect();
        List<Decision> decisions = new ArrayList<>(system.size());
        for (int v = 0; v < system.size(); v++) {
            Reason r = status[v] == Status.SECONDARY ? Reason.SECONDARY
                : status[v] == Status.PUBLISHED ? Reason.NONE : reason[v];
            decisions.add(new Decision(system.figure(v), status[v], r, system.total(v)));
        }
        return new Protection(new SuppressionResult(decisions), run.escalations, run.exposed);
    }

    private static BitSet bits(LinearSystem system, Set<String> ids) {
        BitSet out = new BitSet(system.size());
        for (String id : ids) {
            int v = system.indexOf(id);
            if (v < 0) {
                throw new IllegalArgumentException("no table has a figure " + id);
            }
            out.set(v);
        }
        return out;
    }

    /** One run over one system: the growing pattern and the attacker model for it. */
    private static final class Run {
        private final LinearSystem system;
        private final Status[] status;
        private final SuppressionRules rules;
        private final BitSet hidden;
        private final BitSet forced;
        private final BitSet fixed;
        private final BitSet exempt;
        private final double[] weight;
        private final int[][] groupOf;
        private final double slack;
        private final Witnesses witnesses;
        private final List<String> escalations = new ArrayList<>();
        private List<Audit.Exposure> exposed = List.of();
        private AttackerLp attacker;
        private final BitSet settled;

        Run(LinearSystem system, Status[] status, SuppressionRules rules, BitSet fixed, BitSet exempt, BitSet settled) {
            this.settled = settled;
            this.system = system;
            this.status = status;
            this.rules = rules;
            this.fixed = fixed;
            this.exempt = exempt;
            this.hidden = new BitSet(system.size());
            for (int v = 0; v < system.size(); v++) {
                if (status[v] != Status.PUBLISHED) {
                    hidden.set(v);
                }
            }
            this.forced = (BitSet) hidden.clone();
            this.weight = weights(system);
            // a disguise moves only figures this release decides: figures published earlier cannot move, and those
            // withheld earlier are held at their values too (a restriction of the disguise, so whatever it finds is
            // still a valid disguise; it keeps the program the size of one release instead of the year so far)
            BitSet movable = new BitSet(system.size());
            for (int v = 0; v < system.size(); v++) {
                if (!fixed.get(v) && !system.figure(v).isEmpty() && !settled.get(v)) {
                    movable.set(v);
                }
            }
            this.groupOf = new int[system.size()][];
            for (int[] group : system.components(movable)) {
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
                if (settled.get(p)) {
                    continue; // withheld by an earlier release: the audit below sees whether it still holds
                }
                move(p, above(p, 1));
                move(p, -below(p, 1));
            }
            for (int round = 1; ; round++) {
                Audit.Report report = new Audit.Report(failures(null, witnesses), system.scale());
                if (report.safe()) {
                    break;
                }
                int before = hidden.cardinality();
                List<Integer> failing = new ArrayList<>();
                // Each round asks for a little more than required, so that solver noise cannot stall the loop.
                double margin = 1 + 1e-3 * round;
                for (Audit.Exposure e : report.exposures()) {
                    if (e.safe()) {
                        continue;
                    }
                    int v = system.indexOf(e.cell().id());
                    failing.add(v);
                    double value = system.value(v);
                    if (e.interval().max() < value + above(v, margin) - slack || e.recovered()) {
                        move(v, above(v, margin));
                    }
                    if (e.interval().min() > value - below(v, margin) + slack) {
                        move(v, -below(v, margin));
                    }
                }
                if (hidden.cardinality() == before || round >= MAX_AUDIT_ROUNDS) {
                    int added = 0;
                    for (int v : failing) {
                        added += escalate(v);
                    }
                    if (added == 0) {
                        exposed = report.exposures().stream().filter(e -> !e.safe()).toList();
                        return;
                    }
                }
            }
            prune();
        }

        /**
         * Withholds more around a figure no disguise protects: first the other figures of its equations (its row, its
         * column, the city total), and when those are all hidden already, every figure of its linked group that may be
         * hidden. Returns how many figures it hid.
         */
        private int escalate(int v) {
            BitSet more = new BitSet(system.size());
            for (int e : system.equationsOf(v)) {
                for (int u : system.equations().get(e).variables()) {
                    if (hideable(u)) {
                        more.set(u);
                    }
                }
            }
            String scope = "its equations";
            if (more.isEmpty()) {
                for (int u : groupOf[v] == null ? new int[0] : groupOf[v]) {
                    if (hideable(u)) {
                        more.set(u);
                    }
                }
                scope = "its linked group";
            }
            if (!more.isEmpty()) {
                List<String> ids = more.stream().limit(8).mapToObj(u -> system.figure(u).id()).toList();
                escalations.add("no cheaper pattern protects " + system.figure(v).id() + ": withheld " + more.cardinality()
                    + " more figures of " + scope + " " + ids + (more.cardinality() > ids.size() ? "…" : ""));
                hide(more);
            }
            return more.cardinality();
        }

        private boolean hideable(int u) {
            return !hidden.get(u) && !fixed.get(u) && !system.figure(u).isEmpty();
        }

        private void hide(BitSet figures) {
            for (int u = figures.nextSetBit(0); u >= 0; u = figures.nextSetBit(u + 1)) {
                if (!hidden.get(u)) {
                    hidden.set(u);
                    status[u] = Status.SECONDARY;
                    attacker = null;
                }
            }
        }

        /**
         * Tries to publish each suppression this run added, dearest first: it stays published when every hidden
         * figure of its linked group keeps its protection without it. Afterwards no added suppression can be
         * published alone without exposing a figure.
         */
        private void prune() {
            List<Integer> added = hidden.stream().filter(u -> !forced.get(u)).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> -weight[u]).thenComparingInt(u -> u)).toList();
            for (int u : added) {
                BitSet group = component(u);
                hidden.clear(u);
                status[u] = Status.PUBLISHED;
                group.clear(u);
                if (!failures(group, new Witnesses(system)).isEmpty()) {
                    hidden.set(u);
                    status[u] = Status.SECONDARY;
                }
            }
            attacker = null;
        }

        /**
         * The audit of the hidden figures in {@code only} (all when null), exempt ones aside: the exposures that fail.
         * A figure whose witnesses (points the attacker cannot exclude, valid while nothing hidden is published) already
         * reach its protection on both sides needs no LP, and every LP's optimum is a new witness for its whole group.
         */
        private List<Audit.Exposure> failures(BitSet only, Witnesses seen) {
            AttackerLp lp = new AttackerLp(system, hidden);
            BitSet unsettled = new BitSet(system.size());
            for (int[] group : system.components(hidden)) {
                boolean changed = false;
                for (int e : system.equationsTouching(group)) {
                    for (int u : system.equations().get(e).variables()) {
                        changed |= !settled.get(u);
                    }
                }
                if (changed) {
                    for (int v : group) {
                        unsettled.set(v);
                    }
                }
            }
            List<Audit.Exposure> out = new ArrayList<>();
            for (int v = hidden.nextSetBit(0); v >= 0; v = hidden.nextSetBit(v + 1)) {
                if (exempt.get(v) || only != null && !only.get(v) || !unsettled.get(v)) {
                    continue;
                }
                double value = system.value(v);
                double up = above(v, 1);
                double down = below(v, 1);
                double high = seen.high(v);
                double low = seen.low(v);
                if (high < value + up - slack) {
                    high = lp.bound(v, GoalType.MAXIMIZE, seen);
                }
                if (low > value - down + slack) {
                    low = Math.min(low, lp.bound(v, GoalType.MINIMIZE, seen));
                }
                boolean primary = status[v] == Status.PRIMARY;
                boolean narrowed = high < value + up - slack || low > value - down + slack;
                boolean recovered = high - low < Audit.EXACT * system.scale();
                if (narrowed || recovered) {
                    out.add(new Audit.Exposure(system.figure(v), status[v], new Audit.Interval(low, high),
                        primary ? down : 0, primary ? up : 0, recovered, narrowed));
                }
            }
            return out;
        }

        /** The hidden figures linked to {@code u} through equations among hidden figures. */
        private BitSet component(int u) {
            BitSet seen = new BitSet(system.size());
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
            seen.set(u);
            queue.add(u);
            while (!queue.isEmpty()) {
                int x = queue.poll();
                for (int e : system.equationsOf(x)) {
                    for (int y : system.equations().get(e).variables()) {
                        if (hidden.get(y) && !seen.get(y)) {
                            seen.set(y);
                            queue.add(y);
                        }
                    }
                }
            }
            return seen;
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
            if (groupOf[v] == null) {
                escalate(v); // decided by an earlier release: only what this release decides can protect it
                return;
            }
            double[] cost = new double[system.size()];
            for (int u = 0; u < cost.length; u++) {
                cost[u] = hidden.get(u) ? HIDDEN_COST : weight[u];
            }
            // Ask for a hair more than needed, so that the audit's comparison does not fail on rounding.
            double target = amount > 0 ? amount + 2 * slack : -Math.min(-amount + 2 * slack, system.room(v));
            Optional<ProtectionLp.Disguise> disguise =
                ProtectionLp.disguise(system, groupOf[v], v, target, cost, false, fixed);
            if (disguise.isEmpty() || hidesPublishedTotal(disguise.get().moved())) {
                // No whole cycle of cells carries the move (a dominant cell): try spreading it, keep the cheaper.
                Optional<ProtectionLp.Disguise> spread =
                    ProtectionLp.disguise(system, groupOf[v], v, target, cost, true, fixed);
                if (disguise.isEmpty()
                    || spread.isPresent() && loss(spread.get().moved()) < loss(disguise.get().moved())) {
                    disguise = spread;
                }
            }
            if (disguise.isEmpty()) {
                escalate(v);
                return;
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
