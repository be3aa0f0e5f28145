package org.countyscope.disclosure;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A second attacker, written from the table layout alone and sharing no code with {@link Audit}: one unscaled LP over
 * every hidden figure of one non-negative table, straight from its rows, columns and totals.
 */
final class IndependentAttacker {

    private final List<Cell> hidden;
    private final List<LinearConstraint> equations = new ArrayList<>();

    IndependentAttacker(Table table, Set<String> suppressed) {
        List<Cell> figures = table.figures();
        hidden = figures.stream().filter(c -> suppressed.contains(c.id())).toList();
        Map<String, Integer> column = hidden.stream().collect(Collectors.toMap(Cell::id, hidden::indexOf));
        for (Cell total : table.rowTotals()) {
            add(table, column, suppressed, total, c -> c.row().equals(total.row()));
        }
        for (Cell total : table.columnTotals()) {
            add(table, column, suppressed, total, c -> c.column().equals(total.column()));
        }
        table.grandTotal().ifPresent(g -> add(table, column, suppressed, g, c -> true));
    }

    /** {@code Σ parts − total = 0}, with the published figures moved to the right-hand side. */
    private void add(Table table, Map<String, Integer> column, Set<String> suppressed, Cell total,
                     Predicate<Cell> part) {
        double[] row = new double[hidden.size()];
        double right = 0;
        for (Cell c : table.cells().stream().filter(part).toList()) {
            if (suppressed.contains(c.id())) {
                row[column.get(c.id())] += 1;
            } else {
                right -= c.value();
            }
        }
        if (suppressed.contains(total.id())) {
            row[column.get(total.id())] -= 1;
        } else {
            right += total.value();
        }
        equations.add(new LinearConstraint(row, Relationship.EQ, right));
    }

    /** The smallest or largest value the hidden figure {@code id} can take. */
    double bound(String id, GoalType goal) {
        double[] objective = new double[hidden.size()];
        for (int k = 0; k < hidden.size(); k++) {
            if (hidden.get(k).id().equals(id)) {
                objective[k] = 1;
            }
        }
        return new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
            new LinearConstraintSet(equations), goal, new NonNegativeConstraint(true)).getValue();
    }
}
