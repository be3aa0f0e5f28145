package org.countyscope.forecast;

/** Spread of a forecasting rule's own past errors, for prediction intervals of models without a likelihood. */
final class PastErrors {

    /** How a rule forecasts index {@code target} from what was known at index {@code origin}. */
    @FunctionalInterface
    interface Rule {
        double predict(int origin, int target);
    }

    /** Fewer past errors than this give no usable spread. */
    static final int MIN_ERRORS = 6;

    private PastErrors() {
    }

    /**
     * Root mean square of {@code actual[t] − rule(t − horizon, t)} over published targets {@code t} among the last
     * {@code window} indexes of {@code actual}; NaN with fewer than {@link #MIN_ERRORS} errors.
     */
    static double rms(double[] actual, Rule rule, int horizon, int window) {
        double sum = 0;
        int count = 0;
        for (int t = Math.max(horizon, actual.length - window); t < actual.length; t++) {
            if (!Double.isFinite(actual[t])) {
                continue;
            }
            double e = actual[t] - rule.predict(t - horizon, t);
            if (Double.isFinite(e)) {
                sum += e * e;
                count++;
            }
        }
        return count < MIN_ERRORS ? Double.NaN : Math.sqrt(sum / count);
    }

    /** The last finite value at or before {@code index}, NaN if none. */
    static double lastFinite(double[] x, int index) {
        for (int i = Math.min(index, x.length - 1); i >= 0; i--) {
            if (Double.isFinite(x[i])) {
                return x[i];
            }
        }
        return Double.NaN;
    }
}
