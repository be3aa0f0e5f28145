package org.countyscope.forecast;

import ec.tstoolkit.ParameterType;
import ec.tstoolkit.algorithm.ProcessingContext;
import ec.tstoolkit.arima.estimation.Forecasts;
import ec.tstoolkit.information.RegressionItem;
import ec.tstoolkit.modelling.DefaultTransformationType;
import ec.tstoolkit.modelling.TsVariableDescriptor;
import ec.tstoolkit.modelling.arima.PreprocessingModel;
import ec.tstoolkit.modelling.arima.tramo.ArimaSpec;
import ec.tstoolkit.modelling.arima.tramo.TramoSpecification;
import ec.tstoolkit.sarima.SarimaModel;
import ec.tstoolkit.timeseries.regression.ITsVariable;
import ec.tstoolkit.timeseries.regression.TsVariable;
import ec.tstoolkit.timeseries.regression.TsVariables;
import ec.tstoolkit.timeseries.simplets.TsData;
import ec.tstoolkit.timeseries.simplets.TsFrequency;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JDemetra+ TRAMO (RegARIMA with automatic ARIMA identification) on the growth series, with the Spring Festival as
 * a user-defined regressor; intervals from the model's forecast standard errors.
 *
 * <p>The specification is TRAMO's TR3 (automatic ARIMA, no trading days, no Easter) with three changes: no log
 * transformation, as growth rates can be negative; no automatic outlier detection, which in the 2010–2014
 * development backtest left the errors as they were and made fits about twice as slow; and the
 * {@link SpringFestival#growthRegressor festival regressor}. January and February are one period
 * ({@link JanuaryFebruary}); months still missing are TRAMO's to interpolate. The last twenty years are used at most.
 */
public final class TramoModel implements Model {

    /** Months of history used at most. */
    static final int MAX_MONTHS = 240;
    /** Fewer published months than this are too few for automatic identification. */
    static final int MIN_MONTHS = 36;

    private static final String GROUP = "countyscope";
    private static final String VARIABLE = "springfestival";

    /** The ARIMA model identified and estimated once, or null to identify on every history. */
    private final SarimaModel arima;
    private final boolean mean;

    /** TRAMO identifying the ARIMA model on every history it is given. */
    public TramoModel() {
        this(null, false);
    }

    private TramoModel(SarimaModel arima, boolean mean) {
        this.arima = arima;
        this.mean = mean;
    }

    @Override
    public String name() {
        return "tramo";
    }

    @Override
    public Forecast[] forecast(Series history, int horizons) {
        return fit(history, horizons).forecasts().toArray(Forecast[]::new);
    }

    /**
     * TRAMO with the ARIMA model (orders and coefficients) identified and estimated on {@code history}; on cuts of it
     * only the regression (festival effect, mean) is re-estimated, which is what makes a backtest inside the history
     * affordable. Nothing after the end of {@code history} is used.
     */
    @Override
    public Model identifiedOn(Series history) {
        PreprocessingModel m = estimate(Input.of(history, 1));
        return new TramoModel(m.estimation.getArima().clone(), m.description.isMean());
    }

    /** One fit: the ARIMA orders, the festival coefficient with its standard error, and the forecasts. */
    public record Fit(String orders, double festivalCoefficient, double festivalStdError, List<Forecast> forecasts) {

        public Fit {
            forecasts = List.copyOf(forecasts);
        }
    }

    /** Fits {@code history} and forecasts {@code horizons} months after its end. */
    public Fit fit(Series history, int horizons) {
        Input in = Input.of(history, horizons);
        PreprocessingModel m = estimate(in);
        Forecasts f = m.forecasts(in.steps());
        double[] points = f.getForecasts();
        double[] sds = f.getForecastStdevs();
        List<Forecast> out = new ArrayList<>(horizons);
        for (int h = 1; h <= horizons; h++) {
            int k = in.gap() + h - 1;
            Forecast fc = Forecast.normal(history.end().plusMonths(h), h, points[k], sds[k], name());
            if (!fc.isFinite()) {
                throw new IllegalStateException("TRAMO gave no finite forecast for " + fc.target());
            }
            out.add(fc);
        }
        RegressionItem festival = festivalItem(m);
        return new Fit(m.description.getSpecification().toString(),
            festival == null ? Double.NaN : festival.coefficient,
            festival == null ? Double.NaN : festival.stdError, out);
    }

    private PreprocessingModel estimate(Input in) {
        TramoSpecification spec = TramoSpecification.TR3.clone();
        spec.getTransform().setFunction(DefaultTransformationType.None);
        spec.getOutliers().clearTypes();
        if (arima != null) {
            spec.setUsingAutoModel(false);
            ArimaSpec fixed = spec.getArima();
            fixed.setArima(arima);
            fixed.setParameterType(ParameterType.Fixed);
            fixed.setMean(mean);
        }
        TsVariableDescriptor festival = new TsVariableDescriptor(GROUP + "." + VARIABLE);
        festival.setEffect(TsVariableDescriptor.UserComponentType.Seasonal);
        spec.getRegression().add(festival);
        // A context per fit: fits run in parallel and JDemetra's contexts are mutable.
        ProcessingContext context = new ProcessingContext();
        TsVariables variables = new TsVariables();
        variables.set(VARIABLE, new TsVariable(VARIABLE, tsData(in.start(), in.festival())));
        context.getTsVariableManagers().set(GROUP, variables);
        PreprocessingModel m = spec.build(context).process(tsData(in.start(), in.values()), null);
        if (m == null) {
            throw new IllegalStateException("TRAMO could not fit the series from " + in.start());
        }
        return m;
    }

    private static RegressionItem festivalItem(PreprocessingModel m) {
        // The user variable is wrapped by JDemetra, so it is found by its name among all regression items.
        RegressionItem item;
        for (int i = 0; (item = m.getRegressionItem(ITsVariable.class, i)) != null; i++) {
            if (item.description != null && item.description.contains(VARIABLE)) {
                return item;
            }
        }
        return null;
    }

    private static TsData tsData(YearMonth start, double[] values) {
        return new TsData(TsFrequency.Monthly, start.getYear(), start.getMonthValue() - 1, values, true);
    }

    /** What TRAMO is given: the filled series from its first to its last known month, and the festival regressor. */
    private record Input(YearMonth start, double[] values, double[] festival, int gap, int steps) {

        static Input of(Series history, int horizons) {
            double[] z = JanuaryFebruary.filled(history);
            int last = z.length - 1;
            while (last >= 0 && !Double.isFinite(z[last])) {
                last--;
            }
            if (last < 0) {
                throw new IllegalArgumentException("nothing published");
            }
            int first = Math.max(0, last + 1 - MAX_MONTHS);
            while (!Double.isFinite(z[first])) {
                first++;
            }
            double[] values = Arrays.copyOfRange(z, first, last + 1);
            long known = Arrays.stream(values).filter(Double::isFinite).count();
            if (known < MIN_MONTHS) {
                throw new IllegalArgumentException("needs " + MIN_MONTHS + " months, got " + known);
            }
            // Months after the last known one are forecast too: an origin in February with no 1—2月 figure yet.
            int gap = z.length - 1 - last;
            int steps = gap + horizons;
            YearMonth start = history.monthAt(first);
            double[] festival = SpringFestival.growthRegressor(start, values.length + steps + 12);
            return new Input(start, values, festival, gap, steps);
        }
    }
}
