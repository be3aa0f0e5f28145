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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attacker holding every published figure of every release of a year, written without the defender's linked
 * system: its unknowns are the finest cells, one county × 大类 × month (1—2月 as one), non-negative for value added
 * and free for profit; every published figure is the equation "the sum of its cells = the printed value". It is
 * stronger than the defender's model (it knows that every month of every cell is non-negative), so a pattern that
 * passes it passes the defender's.
 */
final class YearAttacker {
    private final List<String> counties;
    private final List<String> divisions;
    private final String city;
    private final String measure;
    private final boolean signed;
    private final Map<String, Integer> column = new LinkedHashMap<>();
    private final List<LinearConstraint> equations = new ArrayList<>();
    private final int columns;

    YearAttacker(ReleasePattern.Geography geo, String measure, boolean signed, List<ReleasePattern.LogEntry> published) {
        this.counties = geo.counties();
        this.divisions = geo.divisions();
        this.city = geo.city();
        this.measure = measure;
        this.signed = signed;
        int n = 0;
        for (String c : counties) {
            for (String d : divisions) {
                for (int m = 2; m <= 12; m++) {
                    column.put(c + "/" + d + "/" + m, n);
                    n += signed ? 2 : 1;
                }
            }
        }
        columns = n;
        for (ReleasePattern.LogEntry e : published) {
            if (!e.withheld() && e.key().measure().equals(measure)) {
                equations.add(new LinearConstraint(row(e.key()), Relationship.EQ, e.value()));
            }
        }
    }

    private double[] row(FigureKey k) {
        double[] a = new double[columns];
        for (String c : counties) {
            if (!k.region().equals(city) && !k.region().equals(c)) {
                continue;
            }
            for (String d : divisions) {
                if (!k.division().equals(FigureKey.ALL) && !k.division().equals(d)) {
                    continue;
                }
                for (int m = Math.max(2, k.from().getMonthValue()); m <= k.to().getMonthValue(); m++) {
                    int j = column.get(c + "/" + d + "/" + m);
                    a[j] += 1;
                    if (signed) {
                        a[j + 1] -= 1;
                    }
                }
            }
        }
        return a;
    }

    /** The attacker's interval of a figure: [min, max] over everything consistent with what was published. */
    double[] interval(FigureKey k) {
        double[] objective = row(k);

        double lo = solve(objective, GoalType.MINIMIZE);
        double hi = solve(objective, GoalType.MAXIMIZE);
        return new double[] {lo, hi};
    }

    private double solve(double[] objective, GoalType goal) {
        try {
            // x ≥ 0 as explicit rows: commons-math 3.6.1's NonNegativeConstraint(true) can stop at a non-optimal
            // vertex (max x3 s.t. x0 = a, x5 = b, x6 = c, Σx = d returns 0 instead of d − a − b − c)
            List<LinearConstraint> all = new ArrayList<>(equations);
            for (int j = 0; j < columns; j++) {
                double[] unit = new double[columns];
                unit[j] = 1;
                all.add(new LinearConstraint(unit, Relationship.GEQ, 0));
            }
            return new SimplexSolver().optimize(new MaxIter(1_000_000), new LinearObjectiveFunction(objective, 0),
                new LinearConstraintSet(all), goal, new NonNegativeConstraint(false)).getValue();
        } catch (org.apache.commons.math3.optim.linear.UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
    }

    String measure() {
        return measure;
    }
}
