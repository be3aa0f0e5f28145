package org.countyscope.forecast.spark;

import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.countyscope.forecast.Forecast;
import org.countyscope.forecast.GrowthFeatures;
import org.countyscope.forecast.Intervals;
import org.countyscope.forecast.JanuaryFebruary;
import org.countyscope.forecast.Model;
import org.countyscope.forecast.Series;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Gradient-boosted trees trained across all series ({@link GbtTrainer}), used as one more {@link Model}: direct
 * forecasts (one ensemble for every horizon, the horizon a feature) of the change from the last known growth.
 *
 * <p>It holds ensembles trained at several cutoffs, each on the examples whose target month is at or before its
 * cutoff; a history ending in month e is forecast by the latest ensemble trained at or before e, so nothing after the
 * origin was seen. The intervals come from the model's own out-of-sample errors: every month of the last three years
 * is forecast as an origin by the ensemble that would have served it then, and the errors per horizon set the width
 * ({@link Intervals}). Prediction is plain JVM code on the trained trees, so the model ships to Spark tasks.
 */
public final class GbtModel implements Model, Serializable {

    private static final long serialVersionUID = 1L;
    /** Months of origins whose errors set the interval widths. */
    static final int RESIDUAL_WINDOW = 36;
    /** An ensemble older than this (months before the origin) is not used. */
    static final int MAX_STALENESS = 23;

    private final TreeMap<YearMonth, GBTRegressionModel> byCutoff;
    private final Series ppi;
    private final String untrained;

    /** @param untrained why there is no ensemble, when there is none */
    GbtModel(Map<YearMonth, GBTRegressionModel> byCutoff, Series ppi, String untrained) {
        this.byCutoff = new TreeMap<>(byCutoff);
        this.ppi = ppi;
        this.untrained = untrained;
    }

    @Override
    public String name() {
        return "gbt";
    }

    /** The cutoffs an ensemble was trained at, oldest first. */
    public List<YearMonth> cutoffs() {
        return List.copyOf(byCutoff.keySet());
    }

    /** Whether the PPI is among the features. */
    public boolean usesPpi() {
        return ppi != null;
    }

    /** The ensembles by cutoff (read-only), e.g. to inspect feature importances. */
    public NavigableMap<YearMonth, GBTRegressionModel> ensembles() {
        return Collections.unmodifiableNavigableMap(byCutoff);
    }

    @Override
    public double[] points(Series history, int horizons) {
        Map.Entry<YearMonth, GBTRegressionModel> serving = byCutoff.floorEntry(history.end());
        if (byCutoff.isEmpty()) {
            throw new IllegalStateException(untrained);
        }
        if (serving == null || serving.getKey().plusMonths(MAX_STALENESS).isBefore(history.end())) {
            throw new IllegalStateException("no ensemble trained in the " + (MAX_STALENESS + 1) + " months up to "
                + history.end());
        }
        double[] z = JanuaryFebruary.filled(history);
        int n = z.length;
        int origin = n - 1;
        while (origin >= 0 && !Double.isFinite(z[origin])) {
            origin--;
        }
        if (origin < 0) {
            throw new IllegalArgumentException("nothing published in " + history);
        }
        Series knownPpi = ppi == null ? null : ppi.upTo(history.end());
        double[] p = new double[horizons];
        for (int h = 1; h <= horizons; h++) {
            int steps = n - 1 + h - origin;
            double[] f = GrowthFeatures.of(z, history.start(), origin, steps, knownPpi);
            if (f == null) {
                throw new IllegalArgumentException("features incomplete at " + history.monthAt(origin) + " for "
                    + history.end().plusMonths(h) + " (a year of growth and the PPI are needed)");
            }
            p[h - 1] = z[origin] + GrowthFeatures.scale(z, origin) * serving.getValue().predict(Vectors.dense(f));
        }
        return p;
    }

    @Override
    public Forecast[] forecast(Series history, int horizons) {
        double[] points = points(history, horizons);
        double[] actual = history.values();
        int n = actual.length;
        List<List<Double>> errors = new ArrayList<>();
        for (int h = 0; h < horizons; h++) {
            errors.add(new ArrayList<>());
        }
        for (int origin = Math.max(0, n - 1 - RESIDUAL_WINDOW); origin < n - 1; origin++) {
            int reach = Math.min(horizons, n - 1 - origin);
            double[] past;
            try {
                past = points(history.upTo(history.monthAt(origin)), reach);
            } catch (RuntimeException e) {
                // No ensemble served that origin yet: it simply has no error.
                continue;
            }
            for (int h = 1; h <= reach; h++) {
                double a = actual[origin + h];
                if (Double.isFinite(a)) {
                    errors.get(h - 1).add(past[h - 1] - a);
                }
            }
        }
        Forecast[] out = new Forecast[horizons];
        for (int h = 1; h <= horizons; h++) {
            double[] e = errors.get(h - 1).stream().mapToDouble(Double::doubleValue).toArray();
            if (e.length < Intervals.MIN_ERRORS) {
                throw new IllegalStateException(e.length + " out-of-sample errors at h=" + h + ", "
                    + Intervals.MIN_ERRORS + " needed for an interval");
            }
            out[h - 1] = Intervals.fromErrors(history.end().plusMonths(h), h, points[h - 1], e, name());
        }
        return out;
    }
}
