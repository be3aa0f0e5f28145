package org.countyscope.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A weighted mean of several models, the weights chosen per horizon by a rolling-origin backtest inside the history
 * it is given, so nothing after the origin ever counts.
 *
 * <p>Each member is identified once on the whole history ({@link Model#identifiedOn}), then forecasts from each of
 * its last months (the error window, five years by default) as if it were the origin. Per horizon, the weights are
 * 1 / MAE² over the latest of those forecasts (the weight window, three years): Bates–Granger inverse-error weights
 * with the MAE as a robust scale. The intervals come from the errors the weighted mean had over the error window
 * ({@link Intervals}). A member that fails is left out; the model fails only when all do.
 */
public final class CombinedModel implements Model {

    private final List<Model> members;
    private final int weightWindow;
    private final int errorWindow;
    public CombinedModel(List<Model> members, int weightWindow, int errorWindow) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a combination needs at least one member");
        }
        if (weightWindow < 1 || errorWindow < weightWindow) {
            throw new IllegalArgumentException("need 1 ≤ weightWindow ≤ errorWindow, got " + weightWindow + ", " + errorWindow);
        }
        this.members = List.copyOf(members);
        this.weightWindow = weightWindow;
        this.errorWindow = errorWindow;
    }

    /** Weights from the last three years, interval widths from the last five. */
    public CombinedModel(List<Model> members) {
        this(members, 36, 60);
    }

    @Override
    public String name() {
        return "combined";
    }

    @Override
    public Forecast[] forecast(Series history, int horizons) {
        return explain(history, horizons).array();
    }

    /** The combination, with a note for each member left out and why. */
    @Override
    public Outcome explain(Series history, int horizons) {
        List<String> notes = new ArrayList<>();
        List<Model> fitted = new ArrayList<>();
        List<Forecast[]> current = new ArrayList<>();
        for (Model member : members) {
            try {
                Model identified = member.identifiedOn(history);
                Forecast[] f = identified.forecast(history, horizons);
                if (allFinite(f)) {
                    fitted.add(identified);
                    current.add(f);
                } else {
                    notes.add(member.name() + " left out: no finite forecast");
                }
            } catch (RuntimeException e) {
                // A member that cannot fit this history is left out; the others still combine.
                notes.add(member.name() + " left out: " + FallbackModel.reason(e));
            }
        }
        if (fitted.isEmpty()) {
            // The members' reasons follow in the fallback chain, which tries each of them next.
            throw new IllegalStateException("no member could fit");
        }
        int m = fitted.size();
        int n = history.length();
        double[] actual = history.values();
        // past[k][j][h-1]: member k's forecast from origin n-1-errorWindow+j for horizon h.
        double[][][] past = new double[m][errorWindow][];
        for (int j = 0; j < errorWindow; j++) {
            int origin = n - 1 - errorWindow + j;
            if (origin < 0) {
                continue;
            }
            Series cut = history.upTo(history.monthAt(origin));
            for (int k = 0; k < m; k++) {
                past[k][j] = points(fitted.get(k), cut, horizons);
            }
        }
        String used = name() + "(" + fitted.stream().map(Model::name).collect(Collectors.joining("+")) + ")";
        Forecast[] out = new Forecast[horizons];
        double[][] weightsByHorizon = new double[horizons][];
        for (int h = 1; h <= horizons; h++) {
            double[] w = weights(past, actual, n, h);
            weightsByHorizon[h - 1] = w;
            double point = 0;
            for (int k = 0; k < m; k++) {
                point += w[k] * current.get(k)[h - 1].point();
            }
            double[] errors = combinedErrors(past, w, actual, n, h);
            YearMonth target = history.end().plusMonths(h);
            if (errors.length >= Intervals.MIN_ERRORS) {
                out[h - 1] = Intervals.fromErrors(target, h, point, errors, used);
            } else {
                // Too short a track record: the members' own spreads, weighted as their points are.
                double sd = 0;
                for (int k = 0; k < m; k++) {
                    sd += w[k] * current.get(k)[h - 1].sd();
                }
                out[h - 1] = Forecast.normal(target, h, point, sd, used);
            }
        }
        return new Outcome(Arrays.asList(out), notes, errorPaths(past, weightsByHorizon, history, horizons));
    }

    /**
     * The errors the weighted mean made from each origin of the error window at every horizon, against the series as
     * the models see it (1—2月 standing for January and February): the realised joint errors of the months ahead,
     * which {@link TargetProbability#fromErrors} sums into the error of a 1—N月 or full-year forecast.
     */
    private double[][] errorPathsArray(double[][][] past, double[][] w, Series history, int horizons) {
        double[] actual = JanuaryFebruary.filled(history);
        int n = actual.length;
        double[][] out = new double[errorWindow][horizons];
        for (int j = 0; j < errorWindow; j++) {
            int origin = n - 1 - errorWindow + j;
            Arrays.fill(out[j], Double.NaN);
            if (origin < 0) {
                continue;
            }
            for (int h = 1; h <= horizons; h++) {
                int target = origin + h;
                if (target >= n || !Double.isFinite(actual[target])) {
                    continue;
                }
                double point = 0;
                double weight = 0;
                for (int k = 0; k < past.length; k++) {
                    if (past[k][j] != null && Double.isFinite(past[k][j][h - 1])) {
                        point += w[h - 1][k] * past[k][j][h - 1];
                        weight += w[h - 1][k];
                    }
                }
                if (weight > 0) {
                    out[j][h - 1] = point / weight - actual[target];
                }
            }
        }
        return out;
    }

    private List<double[]> errorPaths(double[][][] past, double[][] w, Series history, int horizons) {
        return Arrays.asList(errorPathsArray(past, w, history, horizons));
    }

    private static double[] points(Model model, Series cut, int horizons) {
        try {
            return model.points(cut, horizons);
        } catch (RuntimeException e) {
            // Too short a cut for this member: it simply has no error there.
            return null;
        }
    }

    private double[] weights(double[][][] past, double[] actual, int n, int h) {
        int m = past.length;
        double[] w = new double[m];
        double total = 0;
        for (int k = 0; k < m; k++) {
            double sum = 0;
            int count = 0;
            for (int j = errorWindow - weightWindow; j < errorWindow; j++) {
                double e = error(past[k][j], actual, n - 1 - errorWindow + j, h);
                if (Double.isFinite(e)) {
                    sum += Math.abs(e);
                    count++;
                }
            }
            double mae = sum / count;
            w[k] = count >= PastErrors.MIN_ERRORS && mae > 0 ? 1 / (mae * mae) : 0;
            total += w[k];
        }
        if (total == 0) {
            // No track record yet: equal weights.
            Arrays.fill(w, 1.0 / m);
            return w;
        }
        for (int k = 0; k < m; k++) {
            w[k] /= total;
        }
        return w;
    }

    /** The errors the weighted mean would have made at horizon {@code h} from each origin of the error window. */
    private double[] combinedErrors(double[][][] past, double[] w, double[] actual, int n, int h) {
        List<Double> out = new ArrayList<>();
        for (int j = 0; j < errorWindow; j++) {
            int origin = n - 1 - errorWindow + j;
            int target = origin + h;
            if (origin < 0 || target >= n || !Double.isFinite(actual[target])) {
                continue;
            }
            double point = 0;
            double weight = 0;
            for (int k = 0; k < past.length; k++) {
                if (past[k][j] != null && Double.isFinite(past[k][j][h - 1])) {
                    point += w[k] * past[k][j][h - 1];
                    weight += w[k];
                }
            }
            if (weight > 0) {
                out.add(point / weight - actual[target]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double error(double[] points, double[] actual, int origin, int h) {
        int target = origin + h;
        if (points == null || origin < 0 || target >= actual.length) {
            return Double.NaN;
        }
        return points[h - 1] - actual[target];
    }

    static boolean allFinite(Forecast[] f) {
        for (Forecast x : f) {
            if (x == null || !x.isFinite()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name() + members.stream().map(Model::name).collect(Collectors.joining("+", "(", ")"));
    }
}
