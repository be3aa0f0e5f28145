package org.countyscope.forecast;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Forecasts one region's year: the months still to come by the given forecaster, the 1—N月 path and full year by
 * {@link TargetProbability} (months weighted by {@link YearWeights}; spreads from the forecaster's realised errors when
 * it kept them), and the chance of reaching the target. The same
 * code runs in a plain loop and inside Spark groups, so it is serializable and builds its model afresh per call.
 */
public final class YearForecaster implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Makes the forecaster; serializable so a Spark job can ship it to its tasks. */
    @FunctionalInterface
    public interface ModelSource extends Supplier<Model>, Serializable {
    }

    private final ModelSource models;

    public YearForecaster(ModelSource models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    /** The standard forecaster ({@link Models#standard}). */
    public static YearForecaster standard() {
        return new YearForecaster(Models::standard);
    }

    /**
     * @param origin the month asked for; the forecast starts after the last month with data at or before it
     * @param targets growth targets by year, %; the year forecast may have none
     */
    public RegionForecast forecast(RegionHistory region, YearMonth origin, Map<Integer, Double> targets) {
        Series all = region.growth();
        YearMonth dataEnd = dataEnd(all, origin);
        int year = dataEnd.getMonthValue() == 12 ? dataEnd.getYear() + 1 : dataEnd.getYear();
        int published = dataEnd.getMonthValue() == 12 ? 0 : dataEnd.getMonthValue();
        int horizons = 12 - published;
        double target = targets.getOrDefault(year, Double.NaN);
        Series history = dataEnd.isBefore(all.start()) ? new Series(dataEnd, new double[] {Double.NaN})
            : all.upTo(dataEnd);
        Outcome outcome = models.get().explain(history, horizons);
        Forecast[] months = outcome.array();
        List<String> notes = new ArrayList<>(outcome.notes());
        if (!dataEnd.equals(origin)) {
            notes.add(0, "no data after " + dataEnd + ": forecast from there");
        }
        ForecastBasis basis = ForecastBasis.of(outcome.model());
        if (basis != ForecastBasis.MODEL) {
            // First in the note, in the bureau's words: gold, forecast.csv and the report all print it.
            notes.add(0, basis.label());
        }

        double[] weights = YearWeights.of(region, year, published);
        double cumulative = published > 0 ? region.cumulativeAt(dataEnd) : Double.NaN;
        boolean finite = CombinedModel.allFinite(months) && (published == 0 || Double.isFinite(cumulative));
        List<Forecast> path = new ArrayList<>();
        TargetProbability probability = null;
        if (finite) {
            for (Forecast c : TargetProbability.realisedPath(cumulative, published, months, weights,
                outcome.errorPaths(), year, outcome.model())) {
                if (c.target().getMonthValue() >= 2) {
                    path.add(c);
                }
            }
            if (Double.isFinite(target)) {
                probability = TargetProbability.fromErrors(cumulative, published, months, weights, target,
                    outcome.errorPaths());
                if (!TargetProbability.REALISED.equals(probability.basis()) && published < 12) {
                    notes.add("P(target) from " + probability.basis() + ": too few realised errors");
                }
            }
        } else if (published > 0 && !Double.isFinite(cumulative)) {
            notes.add("no 1—" + published + "月 growth published: no full-year figure");
        }
        List<Forecast> monthly = new ArrayList<>();
        for (Forecast f : months) {
            int m = f.target().getMonthValue();
            if (m == 1) {
                continue;
            }
            // February stands for 1—2月: the two months combined, as published.
            monthly.add(m == 2 && published == 0 && !path.isEmpty() ? path.get(0) : f);
        }
        return new RegionForecast(region.regionCode(), region.regionName(), region.regionLevel(), origin, dataEnd, year,
            published, outcome.model(), String.join("; ", notes), actuals(region, dataEnd, false),
            actuals(region, dataEnd, true), monthly, path, target, probability, weights == null ? "equal" : "base");
    }

    /** The last month at or before {@code origin} with a published 1—N月 growth (else any growth), else the origin. */
    static YearMonth dataEnd(Series s, YearMonth origin) {
        boolean cumulative = s.hasCumulative();
        for (YearMonth m = origin.isAfter(s.end()) ? s.end() : origin; !m.isBefore(s.start()); m = m.minusMonths(1)) {
            int i = s.indexOf(m);
            if (Double.isFinite(cumulative ? s.cumulative(i) : s.value(i))) {
                return m;
            }
        }
        return origin;
    }

    private static List<RegionForecast.Actual> actuals(RegionHistory region, YearMonth dataEnd, boolean cumulative) {
        List<RegionForecast.Actual> out = new ArrayList<>();
        int firstYear = (dataEnd.getMonthValue() == 12 ? dataEnd.getYear() : dataEnd.getYear() - 1);
        for (YearMonth m = YearMonth.of(firstYear, 2); !m.isAfter(dataEnd); m = m.plusMonths(1)) {
            double v = cumulative ? region.cumulativeAt(m) : region.periodGrowth(m);
            if (Double.isFinite(v)) {
                out.add(new RegionForecast.Actual(m, v));
            }
        }
        return out;
    }
}
