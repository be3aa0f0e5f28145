package org.countyscope.disclosure;

import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The cheapest disguise for one figure: a change {@code y} of the figures that keeps every additivity equation
 * ({@code A·y = 0}), keeps every non-negative figure non-negative, moves the target by the required amount and costs
 * {@code Σ cost·|y|}. Once every figure that moves is suppressed, the moved values fit the published figures as well
 * as the true ones, so the attacker's interval reaches the moved value (the LP relaxation of Fischetti and Salazar's
 * cell-suppression model, solved one target and one direction at a time).
 */
final class ProtectionLp {

    /** Changes smaller than this fraction of the required move are solver noise, not part of the disguise. */
    private static final double NOISE = 1e-7;

    /** Rounds of adding violated room constraints before giving up; each round adds every violated one. */
    private static final int MAX_ROUNDS = 50;

    /** After this many rounds every figure smaller than the move gets its room row at once. */
    private static final int EAGER_AFTER = 5;

    private ProtectionLp() {
    }

    /**
     * A disguise: the figures that move (each must be hidden) and how far each moves, in units of the amount.
     *
     * @param figures the figures of the group, as given
     * @param change  the move of each of them; moves below solver noise are zero and their figure is not in
     *                {@code moved}
     */
    record Disguise(BitSet moved, int[] figures, double[] change) {
    }

    /**
     * The cheapest disguise, or empty when the equations allow no such move.
     *
     * @param group  the figures connected to the target through equations, in increasing order
     * @param amount the required move of the target, positive upwards
     * @param cost   the cost of moving each figure by one unit of {@code amount}
     * @param fixed  figures published in an earlier release: the attacker knows them, they cannot move
     * @param split  whether a figure may fall by less than the whole move; without it the disguise is a set of
     *               whole cycles (few cells), with it the move may spread over many small cells, which only pays off
     *               when no single cell can carry it, as next to a dominant cell
     */
    static Optional<Disguise> disguise(LinearSystem system, int[] group, int target, double amount, double[] cost,
                                       boolean split, BitSet fixed) {
        double size = Math.abs(amount);
        int n = group.length;
        // An empty figure is a public zero and cannot move at all; a figure that cannot fall gets no downward part.
        // The room of the others becomes a row only once a solution overdraws it, which keeps most programs free of
        // room rows.
        int[] up = new int[n];
        int[] down = new int[n];
        int columns = 0;
        int targetPosition = -1;
        for (int k = 0; k < n; k++) {
            int v = group[k];
            if (v == target) {
                targetPosition = k;
            }
            up[k] = system.figure(v).isEmpty() || fixed.get(v) ? -1 : columns++;
        }
        for (int k = 0; k < n; k++) {
            double room = system.room(group[k]);
            down[k] = up[k] >= 0 && (room >= size * (1 - 1e-12) || split && room > 0) ? columns++ : -1;
        }
        if (targetPosition < 0) {
            throw new IllegalArgumentException("target not in its group");
        }
        if (up[targetPosition] < 0 || amount < 0 && down[targetPosition] < 0) {
            return Optional.empty();
        }
        double[] objective = new double[columns];
        for (int k = 0; k < n; k++) {
            double c = group[k] == target ? 0 : cost[group[k]];
            if (up[k] >= 0) {
                objective[up[k]] = c;
            }
            if (down[k] >= 0) {
                objective[down[k]] = c;
            }
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        int[] position = new int[system.size()];
        Arrays.fill(position, -1);
        for (int k = 0; k < n; k++) {
            position[group[k]] = k;
        }
        for (int e : system.equationsTouching(group)) {
            LinearSystem.Equation equation = system.equations().get(e);
            double[] row = new double[columns];
            for (int i = 0; i < equation.variables().length; i++) {
                int k = position[equation.variables()[i]];
                if (k < 0) {
                    continue; // outside the group: a figure that cannot move
                }
                if (up[k] >= 0) {
                    row[up[k]] += equation.coefficients()[i];
                }
                if (down[k] >= 0) {
                    row[down[k]] -= equation.coefficients()[i];
                }
            }
            if (Arrays.stream(row).anyMatch(a -> a != 0)) {
                constraints.add(new LinearConstraint(row, Relationship.EQ, 0));
            }
        }
        double[] move = new double[columns];
        move[up[targetPosition]] = 1;
        if (down[targetPosition] >= 0) {
            move[down[targetPosition]] = -1;
        }
        constraints.add(new LinearConstraint(move, Relationship.EQ, Math.signum(amount)));
        LinearObjectiveFunction f = new LinearObjectiveFunction(objective, 0);
        BitSet bounded = new BitSet(n);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round == EAGER_AFTER) {
                // Spread moves can overdraw one small cell after another; bound all of them at once.
                for (int k = 0; k < n; k++) {
                    if (down[k] >= 0 && !bounded.get(k) && system.room(group[k]) < size) {
                        bound(constraints, columns, down[k], system.room(group[k]) / size);
                        bounded.set(k);
                    }
                }
            }
            double[] y;
            try {
                PointValuePair best = AttackerLp.Simplex.solve(f, constraints, GoalType.MINIMIZE, false);
                y = best.getPoint();
            } catch (NoFeasibleSolutionException e) {
                return Optional.empty();
            }
            boolean violated = false;
            for (int k = 0; k < n; k++) {
                double room = system.room(group[k]) / size;
                if (down[k] >= 0 && !bounded.get(k) && y[down[k]] > room * (1 + 1e-9)) {
                    bound(constraints, columns, down[k], room);
                    bounded.set(k);
                    violated = true;
                }
            }
            if (!violated) {
                BitSet moved = new BitSet(system.size());
                double[] change = new double[n];
                for (int k = 0; k < n; k++) {
                    double c = (up[k] >= 0 ? y[up[k]] : 0) - (down[k] >= 0 ? y[down[k]] : 0);
                    if (Math.abs(c) > NOISE) {
                        moved.set(group[k]);
                        change[k] = c;
                    }
                }
                return Optional.of(new Disguise(moved, group, change));
            }
        }
        throw new IllegalStateException("protection LP for " + system.figure(target).id() + " did not settle");
    }

    private static void bound(List<LinearConstraint> constraints, int columns, int column, double room) {
        double[] cap = new double[columns];
        cap[column] = 1;
        constraints.add(new LinearConstraint(cap, Relationship.LEQ, room));
    }
}
