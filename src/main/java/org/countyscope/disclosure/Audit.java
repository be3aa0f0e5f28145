package org.countyscope.disclosure;

import org.countyscope.disclosure.SuppressionResult.Decision;
import org.countyscope.disclosure.SuppressionResult.Status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The attacker: from every published figure of every linked table, the additivity of their totals, the sign of the
 * values and the zeros of empty figures (never suppressed), how closely can each suppressed figure be pinned down?
 * Exactly by linear programming (a min and a max LP per suppressed figure), or by linear algebra alone for exact
 * recovery in big tables.
 */
public final class Audit {

    /** A figure counts as recovered when its interval is narrower than this fraction of the largest figure. */
    public static final double EXACT = 1e-6;

    /** Slack, as a fraction of the largest figure, allowed for floating point when comparing with a protection. */
    static final double SLACK = 1e-9;

    private Audit() {
    }

    /** What an attacker can know about a suppressed figure: it lies in [min, max]. */
    public record Interval(double min, double max) {

        public double width() {
            return max - min;
        }

        public boolean contains(double value, double slack) {
            return value >= min - slack && value <= max + slack;
        }
    }

    /**
     * The audit of one suppressed figure.
     *
     * @param below     how far below its value the interval must reach (0 for secondary suppressions)
     * @param above     how far above its value the interval must reach
     * @param recovered the interval is a point: the attacker knows the value
     * @param narrowed  the interval misses the required protection on at least one side
     */
    public record Exposure(Cell cell, Status status, Interval interval, double below, double above, boolean recovered,
                           boolean narrowed) {

        public boolean safe() {
            return !recovered && !narrowed;
        }
    }

    /**
     * The audit of every suppressed figure of a set of linked tables.
     *
     * @param scale the largest figure of the tables, the unit of the tolerances
     */
    public record Report(List<Exposure> exposures, double scale) {

        public Report {
            exposures = List.copyOf(exposures);
        }

        /** True when nothing is recovered and every sensitive figure keeps its protection. */
        public boolean safe() {
            return exposures.stream().allMatch(Exposure::safe);
        }

        public List<Exposure> recovered() {
            return exposures.stream().filter(Exposure::recovered).toList();
        }

        public List<Exposure> narrowed() {
            return exposures.stream().filter(Exposure::narrowed).toList();
        }

        public Exposure exposure(String id) {
            return exposures.stream().filter(e -> e.cell().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " is not suppressed"));
        }
    }

    /** Audits a suppression pattern: primary figures need their protection, every suppressed one must not be exact. */
    public static Report check(List<Table> tables, SuppressionResult result, SuppressionRules rules) {
        LinearSystem system = LinearSystem.of(tables);
        return check(system, statuses(system, result), rules);
    }

    /** The attacker's interval for each of the suppressed figures, everything else being published. */
    public static Map<String, Interval> intervals(List<Table> tables, Set<String> suppressed) {
        LinearSystem system = LinearSystem.of(tables);
        BitSet hidden = bits(system, suppressed);
        AttackerLp attacker = new AttackerLp(system, hidden);
        Map<String, Interval> intervals = new LinkedHashMap<>();
        for (int v = hidden.nextSetBit(0); v >= 0; v = hidden.nextSetBit(v + 1)) {
            intervals.put(system.figure(v).id(), attacker.interval(v));
        }
        return intervals;
    }

    /**
     * The suppressed figures that the published figures determine by the equations alone, ignoring signs: those whose
     * unit vector lies in the row space of the equations restricted to the suppressed figures. Cheap enough for any
     * table, but blind to recovery through non-negativity (zero cells), which {@link #intervals} sees.
     */
    public static Set<String> recoverableByEquations(List<Table> tables, Set<String> suppressed) {
        LinearSystem system = LinearSystem.of(tables);
        BitSet recovered = recoverable(system, bits(system, suppressed));
        Set<String> ids = new LinkedHashSet<>();
        recovered.stream().forEach(v -> ids.add(system.figure(v).id()));
        return ids;
    }

    static Report check(LinearSystem system, Status[] status, SuppressionRules rules) {
        return check(system, status, rules, new BitSet(), null);
    }

    /**
     * The audit of the hidden figures in {@code only} (all of them when null), {@code exempt} figures being hidden but
     * owed nothing (never published and not sensitive: the attacker may know them exactly).
     */
    static Report check(LinearSystem system, Status[] status, SuppressionRules rules, BitSet exempt, BitSet only) {
        BitSet hidden = new BitSet(system.size());
        for (int v = 0; v < system.size(); v++) {
            if (status[v] != Status.PUBLISHED) {
                hidden.set(v);
            }
        }
        AttackerLp attacker = new AttackerLp(system, hidden);
        double exact = EXACT * system.scale();
        double slack = SLACK * system.scale();
        List<Exposure> exposures = new ArrayList<>();
        for (int v = hidden.nextSetBit(0); v >= 0; v = hidden.nextSetBit(v + 1)) {
            if (exempt.get(v) || only != null && !only.get(v)) {
                continue;
            }
            double value = system.value(v);
            Interval interval = attacker.interval(v);
            boolean primary = status[v] == Status.PRIMARY;
            double above = primary ? rules.protection(value) : 0;
            double below = primary ? Math.min(above, system.room(v)) : 0;
            boolean narrowed = interval.max() < value + above - slack || interval.min() > value - below + slack;
            exposures.add(new Exposure(system.figure(v), status[v], interval, below, above,
                interval.width() < exact, narrowed));
        }
        return new Report(exposures, system.scale());
    }

    static Status[] statuses(LinearSystem system, SuppressionResult result) {
        Status[] status = new Status[system.size()];
        if (result.decisions().size() != system.size()) {
            throw new IllegalArgumentException("the result has " + result.decisions().size()
                + " figures, the tables " + system.size());
        }
        for (Decision d : result.decisions()) {
            int v = system.indexOf(d.cell().id());
            if (v < 0) {
                throw new IllegalArgumentException("the result names " + d.cell().id() + ", which no table has");
            }
            status[v] = d.status();
        }
        return status;
    }

    private static BitSet bits(LinearSystem system, Set<String> ids) {
        BitSet bits = new BitSet(system.size());
        for (String id : ids) {
            int v = system.indexOf(Objects.requireNonNull(id, "id"));
            if (v < 0) {
                throw new IllegalArgumentException("no table has a figure " + id);
            }
            if (system.figure(v).isEmpty()) {
                throw new IllegalArgumentException(id + " is empty: the attacker knows it is 0");
            }
            bits.set(v);
        }
        return bits;
    }

    /**
     * Gauss–Jordan elimination of the equations restricted to each group of suppressed figures: a figure is determined
     * when it is a pivot column whose row has no entry in any free column, i.e. no null-space vector moves it.
     */
    static BitSet recoverable(LinearSystem system, BitSet hidden) {
        BitSet determined = new BitSet(system.size());
        for (int[] members : system.components(hidden)) {
            int[] equations = system.equationsTouching(members);
            Map<Integer, Integer> column = new LinkedHashMap<>();
            for (int k = 0; k < members.length; k++) {
                column.put(members[k], k);
            }
            double[][] a = new double[equations.length][members.length];
            for (int r = 0; r < equations.length; r++) {
                LinearSystem.Equation e = system.equations().get(equations[r]);
                for (int k = 0; k < e.variables().length; k++) {
                    Integer c = column.get(e.variables()[k]);
                    if (c != null) {
                        a[r][c] += e.coefficients()[k];
                    }
                }
            }
            int[] pivotColumn = reduce(a);
            boolean[] pivot = new boolean[members.length];
            for (int c : pivotColumn) {
                pivot[c] = true;
            }
            for (int r = 0; r < pivotColumn.length; r++) {
                boolean alone = true;
                for (int c = 0; c < members.length && alone; c++) {
                    alone = pivot[c] || Math.abs(a[r][c]) < 1e-9;
                }
                if (alone) {
                    determined.set(members[pivotColumn[r]]);
                }
            }
        }
        return determined;
    }

    /** Reduces {@code a} in place to reduced row echelon form; returns the pivot column of each nonzero row. */
    private static int[] reduce(double[][] a) {
        int rows = a.length;
        int columns = rows == 0 ? 0 : a[0].length;
        int[] pivots = new int[Math.min(rows, columns)];
        int rank = 0;
        for (int c = 0; c < columns && rank < rows; c++) {
            int best = rank;
            for (int r = rank + 1; r < rows; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[best][c])) {
                    best = r;
                }
            }
            if (Math.abs(a[best][c]) < 1e-9) {
                continue;
            }
            double[] swap = a[best];
            a[best] = a[rank];
            a[rank] = swap;
            double p = a[rank][c];
            for (int k = c; k < columns; k++) {
                a[rank][k] /= p;
            }
            for (int r = 0; r < rows; r++) {
                double f = a[r][c];
                if (r != rank && f != 0) {
                    for (int k = c; k < columns; k++) {
                        a[r][k] -= f * a[rank][k];
                    }
                }
            }
            pivots[rank++] = c;
        }
        return Arrays.copyOf(pivots, rank);
    }
}
