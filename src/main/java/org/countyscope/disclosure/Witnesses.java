package org.countyscope.disclosure;

/**
 * The highest and lowest value each figure takes in some point the attacker cannot exclude. Hiding more only widens
 * what the attacker must allow, so every point found stays a witness for the rest of the run, and a figure whose
 * witnesses already reach its protection needs no LP.
 */
final class Witnesses {

    private final double[] high;
    private final double[] low;

    /** The true values are the first witness. */
    Witnesses(LinearSystem system) {
        high = new double[system.size()];
        low = new double[system.size()];
        for (int v = 0; v < high.length; v++) {
            high[v] = system.value(v);
            low[v] = system.value(v);
        }
    }

    /** Records a point in which figure {@code figures[k]} takes {@code values[k]}. */
    void see(int[] figures, double[] values) {
        for (int k = 0; k < figures.length; k++) {
            high[figures[k]] = Math.max(high[figures[k]], values[k]);
            low[figures[k]] = Math.min(low[figures[k]], values[k]);
        }
    }

    double high(int v) {
        return high[v];
    }

    double low(int v) {
        return low[v];
    }
}
