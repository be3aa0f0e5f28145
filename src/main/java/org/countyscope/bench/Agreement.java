package org.countyscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How far two computations of the county comparison agree, row by row and figure by figure: a figure agrees when both
 * are empty, or both are numbers within {@link #TOLERANCE} (absolute or relative).
 *
 * @param productRows     rows the product wrote for the compared periods
 * @param duckRows        rows DuckDB computed
 * @param matchedRows     rows present on both sides
 * @param figuresCompared figures of the matched rows
 * @param figuresAgreeing of which agree
 * @param maxRelativeDiff largest relative difference among figures that are numbers on both sides
 * @param problems        the first disagreements, one line each
 */
public record Agreement(int productRows, int duckRows, int matchedRows, long figuresCompared, long figuresAgreeing,
                        double maxRelativeDiff, List<String> problems) {
    public static final double TOLERANCE = 1e-9;
    static final int MAX_PROBLEMS = 20;

    public Agreement {
        problems = List.copyOf(problems);
    }

    /** Every row on both sides and every figure agreeing. */
    public boolean complete() {
        return productRows == duckRows && matchedRows == productRows && figuresAgreeing == figuresCompared
            && matchedRows > 0;
    }

    /** Compares figures keyed alike, each array in the order of {@code names}. */
    public static Agreement of(Map<String, Double[]> product, Map<String, Double[]> duck, List<String> names) {
        TreeSet<String> keys = new TreeSet<>(product.keySet());
        keys.addAll(duck.keySet());
        List<String> problems = new ArrayList<>();
        int matched = 0;
        long compared = 0;
        long agreeing = 0;
        double maxRel = 0;
        for (String k : keys) {
            Double[] p = product.get(k);
            Double[] d = duck.get(k);
            if (p == null || d == null) {
                note(problems, k + ": " + (p == null ? "only in DuckDB" : "only in the product"));
                continue;
            }
            matched++;
            for (int i = 0; i < names.size(); i++) {
                compared++;
                if (agree(p[i], d[i])) {
                    agreeing++;
                } else {
                    note(problems, k + " " + names.get(i) + ": product " + p[i] + ", DuckDB " + d[i]);
                }
                if (p[i] != null && d[i] != null) {
                    maxRel = Math.max(maxRel, relativeDiff(p[i], d[i]));
                }
            }
        }
        return new Agreement(product.size(), duck.size(), matched, compared, agreeing, maxRel, problems);
    }

    private static void note(List<String> problems, String line) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(line);
        }
    }

    static boolean agree(Double a, Double b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        double diff = Math.abs(a - b);
        return diff <= TOLERANCE || diff <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    static double relativeDiff(double a, double b) {
        if (a == b) {
            return 0;
        }
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return Double.isFinite(scale) ? Math.abs(a - b) / scale : Double.POSITIVE_INFINITY;
    }
}
