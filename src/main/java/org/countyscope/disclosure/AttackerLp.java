package org.countyscope.disclosure;

import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacker's linear programs: the smallest and largest value a suppressed figure can take given every published
 * figure, the additivity equations and the sign of the values. Suppressed figures that share no equation are
 * independent, so each LP covers only the connected group of the figure asked about.
 */
final class AttackerLp {

    private final LinearSystem system;
    private final BitSet suppressed;
    private final int[] group;
    private final List<int[]> groups;
    private final Map<Integer, Model> models = new HashMap<>();

    AttackerLp(LinearSystem system, BitSet suppressed) {
        this.system = system;
        this.suppressed = (BitSet) suppressed.clone();
        this.groups = system.components(this.suppressed);
        this.group = new int[system.size()];
        Arrays.fill(group, -1);
        for (int g = 0; g < groups.size(); g++) {
            for (int v : groups.get(g)) {
                group[v] = g;
            }
        }
    }

    /** The feasible interval of suppressed figure {@code v}, in the figures' own units. */
    Audit.Interval interval(int v) {
        return new Audit.Interval(bound(v, GoalType.MINIMIZE), bound(v, GoalType.MAXIMIZE));
    }

    /** The smallest or largest value of suppressed figure {@code v}; infinite when nothing bounds it. */
    double bound(int v, GoalType goal) {
        return bound(v, goal, null);
    }

    /** As {@link #bound(int, GoalType)}, also recording the optimal point in {@code witnesses} (when not null). */
    double bound(int v, GoalType goal, Witnesses witnesses) {
        if (!suppressed.get(v)) {
            throw new IllegalArgumentException(system.figure(v).id() + " is published");
        }
        Model model = models.computeIfAbsent(group[v], this::model);
        double[] objective = new double[model.columns];
        int column = model.column.get(v);
        objective[column] = 1;
        if (system.signed(v)) {
            objective[column + 1] = -1;
        }
        try {
            PointValuePair best = Simplex.solve(new LinearObjectiveFunction(objective, 0), model.constraints, goal);
            if (witnesses != null) {
                int[] members = groups.get(group[v]);
                double[] point = best.getPoint();
                double[] values = new double[members.length];
                for (int k = 0; k < members.length; k++) {
                    int c = model.column.get(members[k]);
                    values[k] = (point[c] - (system.signed(members[k]) ? point[c + 1] : 0)) * system.scale();
                }
                witnesses.see(members, values);
            }
            return best.getValue() * system.scale();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        } catch (NoFeasibleSolutionException e) {
            throw new IllegalStateException("the published figures around " + system.figure(v).id()
                + " contradict each other: totals do not add up", e);
        }
    }

    /** Columns: one per suppressed figure of the group, two (positive and negative part) when it is signed. */
    private Model model(int g) {
        int[] members = groups.get(g);
        Map<Integer, Integer> column = new HashMap<>();
        int columns = 0;
        for (int v : members) {
            column.put(v, columns);
            columns += system.signed(v) ? 2 : 1;
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int e : system.equationsTouching(members)) {
            LinearSystem.Equation equation = system.equations().get(e);
            double[] row = new double[columns];
            double known = 0;
            for (int k = 0; k < equation.variables().length; k++) {
                int v = equation.variables()[k];
                double a = equation.coefficients()[k];
                if (suppressed.get(v)) {
                    int c = column.get(v);
                    row[c] += a;
                    if (system.signed(v)) {
                        row[c + 1] -= a;
                    }
                } else {
                    known += a * system.value(v);
                }
            }
            constraints.add(new LinearConstraint(row, Relationship.EQ, -known / system.scale()));
        }
        return new Model(columns, column, constraints);
    }

    private record Model(int columns, Map<Integer, Integer> column, List<LinearConstraint> constraints) {
    }

    /** One place for the solver's settings, shared with the protection LP. */
    static final class Simplex {
        /** Pivots allowed before giving up on Dantzig's rule (degenerate programs can cycle) and using Bland's. */
        private static final int MAX_ITERATIONS = 50_000;

        private Simplex() {
        }

        static PointValuePair solve(LinearObjectiveFunction objective, List<LinearConstraint> constraints,
                                    GoalType goal) {
            return solve(objective, constraints, goal, true);
        }

        /**
         * @param optimal whether the optimum itself matters (the attacker's bounds) or any good feasible point will do
         *                (a disguise: every feasible point is one, the optimum is only the cheapest); the latter is
         *                solved without the explicit non-negativity rows, about twice as fast
         */
        static PointValuePair solve(LinearObjectiveFunction objective, List<LinearConstraint> constraints,
                                    GoalType goal, boolean optimal) {
            try {
                return optimal ? solve(objective, constraints, goal, PivotSelectionRule.DANTZIG)
                    : fast(objective, constraints, goal, PivotSelectionRule.DANTZIG);
            } catch (TooManyIterationsException e) {
                return optimal ? solve(objective, constraints, goal, PivotSelectionRule.BLAND)
                    : fast(objective, constraints, goal, PivotSelectionRule.BLAND);
            }
        }

        private static PointValuePair fast(LinearObjectiveFunction objective, List<LinearConstraint> constraints,
                                           GoalType goal, PivotSelectionRule rule) {
            return new SimplexSolver().optimize(new MaxIter(MAX_ITERATIONS), objective,
                new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true), rule);
        }

        /**
         * Non-negativity as explicit rows: commons-math 3.6.1 with {@code NonNegativeConstraint(true)} can stop at a
         * vertex that is not optimal (max x3 subject to x0 = a, x5 = b, x6 = c, Σx = d returns 0 instead of
         * d − a − b − c), which made the attacker look stronger than it is and the pattern hide more than needed.
         */
        private static PointValuePair solve(LinearObjectiveFunction objective, List<LinearConstraint> constraints,
                                            GoalType goal, PivotSelectionRule rule) {
            int n = objective.getCoefficients().getDimension();
            List<LinearConstraint> all = new ArrayList<>(constraints.size() + n);
            all.addAll(constraints);
            for (int j = 0; j < n; j++) {
                double[] unit = new double[n];
                unit[j] = 1;
                all.add(new LinearConstraint(unit, Relationship.GEQ, 0));
            }
            return new SimplexSolver().optimize(new MaxIter(MAX_ITERATIONS), objective,
                new LinearConstraintSet(all), goal, new NonNegativeConstraint(false), rule);
        }
    }
}
