package org.countyscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.countyscope.dataset.Datasets;
import org.countyscope.disclosure.Rendering;
import org.countyscope.forecast.Forecast;
import org.countyscope.forecast.Model;
import org.countyscope.forecast.Models;
import org.countyscope.forecast.RegionForecast;
import org.countyscope.forecast.RegionHistory;
import org.countyscope.forecast.Series;
import org.countyscope.forecast.TargetProbability;
import org.countyscope.forecast.YearForecaster;
import org.countyscope.forecast.spark.ForecastFanOut;
import org.countyscope.forecast.spark.GbtModel;
import org.countyscope.forecast.spark.GbtTrainer;
import org.countyscope.gold.CountyComparison;
import org.countyscope.gold.ForecastInput;
import org.countyscope.gold.ForecastTable;
import org.countyscope.gold.Indicators;
import org.countyscope.gold.RegionDimension;
import org.countyscope.io.CsvExport;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.io.WarehouseLock;
import org.countyscope.publish.Precision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.countyscope.dataset.Columns.INDICATOR;
import static org.countyscope.dataset.Columns.PERIOD;
import static org.countyscope.dataset.Columns.REGION_CODE;
import static org.countyscope.dataset.Columns.TARGET;
import static org.countyscope.dataset.Columns.UNIT_CODE;
import static org.countyscope.dataset.Columns.YEAR;

/**
 * Forecast: {@code gold/indicator_values} → per county and city, 规上工业增加值 growth (comparable prices, same
 * enterprise set) to December with 80%/95% intervals, the 1—N月 path, the full year and the chance of reaching the
 * target in {@code silver/targets} (规上工业增加值增速). The cross-series GBT is trained on the driver with Spark MLlib;
 * the regions are then fitted in parallel, one Spark group each. Writes {@code gold/forecast} (the period's rows
 * replaced; grain in {@link ForecastTable}) and {@code <out>/<period>/tables/forecast.csv}, where the counties whose
 * value added the comparison's disclosure control withholds at the period are withheld too.
 */
public final class ForecastJob {
    private static final Logger LOG = LoggerFactory.getLogger(ForecastJob.class);
    public static final String TABLE = "forecast";
    /** The target indicator, as the 目标任务 table names it. */
    public static final String TARGET_INDICATOR = "规上工业增加值增速";

    /**
     * What one forecast run does.
     *
     * @param period the origin: forecasts start after the last month with data at or before it
     * @param out    output root; the CSV goes to {@code <out>/<period>/tables/forecast.csv}
     * @param gbt    whether the cross-series GBT joins the combination
     */
    public record Config(YearMonth period, Path out, boolean gbt) {
        public Config {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(out, "out");
        }
    }

    /**
     * One region's headline: the full-year growth forecast with its intervals, the target and the chance of reaching
     * it (null without a target), and the model used with the reason for any fallback.
     */
    public record RegionSummary(String regionCode, String regionName, String regionLevel, int year, double fullYear,
                                double lo80, double hi80, double lo95, double hi95, Double target, Double probability,
                                String model, String note) {
    }

    /**
     * What the run wrote.
     *
     * @param rows      rows written to {@code gold/forecast} for the period (= lines of the CSV)
     * @param version   the Delta version of {@code gold/forecast} after the write
     * @param csv       the CSV written
     * @param regions   one headline per region, city first
     * @param forecasts the full forecasts (actual path, monthly and 1—N月 forecasts with intervals), city first
     * @param gbtCutoffs the months a GBT ensemble was trained at (empty when too little history or switched off)
     */
    public record Result(YearMonth period, long rows, long version, Path csv, List<RegionSummary> regions,
                         List<RegionForecast> forecasts, List<YearMonth> gbtCutoffs) {
        public Result {
            regions = List.copyOf(regions);
            forecasts = List.copyOf(forecasts);
            gbtCutoffs = List.copyOf(gbtCutoffs);
        }
    }

    private final TableStore store;

    public ForecastJob(TableStore store) {
        this.store = store;
    }

    /** Runs under the warehouse's writer lock (a local warehouse): an ingest or another job waits for it. */
    public Result run(Config cfg) {
        try (WarehouseLock lock = WarehouseLock.forWriter(store.root())) {
            return runLocked(cfg);
        }
    }

    private Result runLocked(Config cfg) {
        if (!store.exists(Layer.GOLD, CompareJob.VALUES)) {
            throw new IllegalStateException("gold/" + CompareJob.VALUES + " does not exist: run compare first");
        }
        YearMonth origin = cfg.period();
        Dataset<Row> values = store.read(Layer.GOLD, CompareJob.VALUES)
            .where(col(INDICATOR).isin(Indicators.IVA_REAL.code(), Indicators.IVA.code()));
        List<String> units = values.select(REGION_CODE).distinct().as(Encoders.STRING()).collectAsList();
        if (units.isEmpty()) {
            throw new IllegalStateException("gold/" + CompareJob.VALUES + " holds no 规上工业增加值: nothing to forecast");
        }
        Dataset<Row> input = ForecastInput.apply(values, RegionDimension.of(store.spark(), units))
            .where(col(PERIOD).leq(origin.toString())).localCheckpoint();
        try {
            List<RegionHistory> histories = ForecastFanOut.histories(input.collectAsList(), origin);
            GbtModel gbt = cfg.gbt() ? trainGbt(histories, origin) : null;
            YearForecaster forecaster = new YearForecaster(gbt == null ? Models::standard
                : () -> Models.combinationOf(withGbt(gbt)));
            ForecastFanOut fanOut = new ForecastFanOut(forecaster, origin, targets());
            List<RegionForecast> forecasts = fanOut.run(input);
            for (RegionForecast f : forecasts) {
                if (!f.note().isEmpty()) {
                    LOG.warn("forecast {} {}: {} used; {}", f.regionCode(), f.regionName(), f.model(), f.note());
                }
            }
            List<Row> rows = ForecastTable.rows(forecasts);
            long version = store.replaceWhere(Layer.GOLD, TABLE,
                store.spark().createDataFrame(rows, ForecastTable.SCHEMA), PERIOD + " = '" + origin + "'");
            Path csv = cfg.out().resolve(origin.toString()).resolve("tables").resolve(TABLE + ".csv");
            export(forecasts, csv, withheld(origin, forecasts));
            List<RegionSummary> summaries = forecasts.stream().map(ForecastJob::summary).toList();
            LOG.info("forecast {}: {} regions, {} rows; members {}{}", origin, forecasts.size(), rows.size(),
                Models.COMBINED, gbt == null ? "" : " and the GBT trained at " + gbt.cutoffs());
            return new Result(origin, rows.size(), version, csv, summaries, forecasts,
                gbt == null ? List.of() : gbt.cutoffs());
        } finally {
            input.unpersist();
        }
    }

    /** The rows of {@code gold/forecast} for one origin period, as records (for reports and charts). */
    public static List<ForecastTable.Entry> read(TableStore store, YearMonth period) {
        if (!store.exists(Layer.GOLD, TABLE)) {
            return List.of();
        }
        return store.read(Layer.GOLD, TABLE).where(col(PERIOD).equalTo(period.toString()))
            .orderBy(col(REGION_CODE), col(ForecastTable.MEASURE), col(ForecastTable.MONTH)).collectAsList().stream()
            .map(ForecastTable.Entry::of).toList();
    }

    /** Each region's headline as {@link Result#regions()} has it, from the gold rows of one origin period; city first. */
    public static List<RegionSummary> readSummaries(TableStore store, YearMonth period) {
        return read(store, period).stream()
            .filter(e -> e.measure().equals(ForecastTable.MEASURE_CUMULATIVE)
                && e.kind().equals(ForecastTable.KIND_FORECAST) && e.month().equals(YearMonth.of(e.year(), 12).toString()))
            .sorted(java.util.Comparator.comparing((ForecastTable.Entry e) -> org.countyscope.gold.CountyComparison.LEVEL_CITY.equals(e.regionLevel()) ? 0 : 1)
                .thenComparing(ForecastTable.Entry::regionCode))
            .map(e -> new RegionSummary(e.regionCode(), e.regionName(), e.regionLevel(), e.year(), e.value(), e.lo80(),
                e.hi80(), e.lo95(), e.hi95(), e.target(), e.probability(), e.model(), e.note() == null ? "" : e.note()))
            .toList();
    }

    /**
     * The GBT trained across all regions at the origin and each of the three years before it (so its intervals and
     * the combination's weights have out-of-sample errors behind them).
     */
    private GbtModel trainGbt(List<RegionHistory> histories, YearMonth origin) {
        List<Series> panel = histories.stream().map(RegionHistory::growth).toList();
        YearMonth last = panel.stream().map(Series::end).max(YearMonth::compareTo).orElse(origin);
        return GbtTrainer.train(store.spark(), panel, null, GbtTrainer.yearly(last.isAfter(origin) ? origin : last, 4),
            GbtTrainer.Settings.defaults());
    }

    private static List<Model> withGbt(GbtModel gbt) {
        List<Model> members = new ArrayList<>(Models.COMBINED.stream().map(Models::byName).toList());
        members.add(gbt);
        return members;
    }

    /** 规上工业增加值增速 targets by unit code (county or city) and year. */
    private Map<String, Map<Integer, Double>> targets() {
        Map<String, Map<Integer, Double>> out = new HashMap<>();
        if (!store.exists(Layer.SILVER, Datasets.TARGETS.name())) {
            return out;
        }
        for (Row r : store.current(Layer.SILVER, Datasets.TARGETS.name())
            .where(col(INDICATOR).equalTo(TARGET_INDICATOR).and(col(TARGET).isNotNull()))
            .select(col(UNIT_CODE), col(YEAR).cast("int"), col(TARGET).cast("double")).collectAsList()) {
            out.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getInt(1), r.getDouble(2));
        }
        return out;
    }

    private static RegionSummary summary(RegionForecast f) {
        Forecast y = f.fullYear();
        TargetProbability p = f.probability();
        return new RegionSummary(f.regionCode(), f.regionName(), f.regionLevel(), f.year(),
            y == null ? Double.NaN : y.point(), y == null ? Double.NaN : y.lo80(), y == null ? Double.NaN : y.hi80(),
            y == null ? Double.NaN : y.lo95(), y == null ? Double.NaN : y.hi95(),
            Double.isFinite(f.target()) ? f.target() : null, p == null ? null : p.probability(), f.model(), f.note());
    }

    /**
     * Regions whose 规上工业增加值 at comparable prices (the forecast series) is withheld at the origin by the
     * comparison's disclosure control: their forecast would publish it (its actual months outright, its forecast
     * nearly), so the export withholds it too, as the report does.
     */
    private Set<String> withheld(YearMonth origin, List<RegionForecast> forecasts) {
        ComparisonDisclosure.AtPeriod at = ComparisonDisclosure.at(store, origin.toString());
        // the export prints the actual months of the year too: a county withheld at any earlier period end that
        // compare has published this year is withheld in every row, not only when the origin withholds it
        List<ComparisonDisclosure.AtPeriod> earlier = new ArrayList<>();
        for (YearMonth m = origin.withMonth(2); m.isBefore(origin); m = m.plusMonths(1)) {
            ComparisonDisclosure.AtPeriod e = ComparisonDisclosure.at(store, m.toString());
            if (!e.comparison().isEmpty()) {
                earlier.add(e);
            }
        }
        Set<String> out = new java.util.TreeSet<>();
        for (RegionForecast f : forecasts) {
            if (f.regionLevel().equals(CountyComparison.LEVEL_CITY)) {
                continue; // the city total is always published
            }
            if (at.comparison().isEmpty() || withheldAt(at, f.regionCode(), origin)) {
                out.add(f.regionCode());
            }
            for (ComparisonDisclosure.AtPeriod e : earlier) {
                YearMonth end = YearMonth.parse(e.comparison().get(0).<String>getAs(org.countyscope.dataset.Columns.PERIOD));
                if (withheldAt(e, f.regionCode(), end)) {
                    out.add(f.regionCode());
                }
            }
        }
        if (at.comparison().isEmpty()) {
            LOG.warn("forecast {}: compare has not run for this month, so which counties' figures may be published is "
                + "unknown: every county is withheld from forecast.csv (run compare --period {} first)", origin, origin);
        } else if (!out.isEmpty()) {
            LOG.info("forecast {}: withheld from forecast.csv for disclosure: {}", origin, out);
        }
        return out;
    }

    /** The forecast series is comparable-price value added, which follows current-price value added. */
    private static boolean withheldAt(ComparisonDisclosure.AtPeriod at, String region, YearMonth end) {
        return at.disclosure().suppressed(region, end.toString(), Indicators.IVA_REAL.code())
            || at.disclosure().suppressed(region, end.toString(), Indicators.IVA.code());
    }

    /** Numbers of a withheld region's rows in the export: every value of the series and its forecast. */
    static final Set<String> WITHHELD_COLUMNS = Set.of(ForecastTable.VALUE, ForecastTable.LO80, ForecastTable.HI80,
        ForecastTable.LO95, ForecastTable.HI95, ForecastTable.PROBABILITY);

    private static void export(List<RegionForecast> forecasts, Path csv, Set<String> withheld) {
        List<String> columns = List.of(ForecastTable.SCHEMA.fieldNames());
        List<String> header = new ArrayList<>();
        for (String c : columns) {
            header.add(ForecastTable.HEADINGS.getOrDefault(c, c));
            if (c.equals(ForecastTable.MONTH)) {
                header.add("期别");
            }
        }
        List<List<Object>> lines = new ArrayList<>();
        for (RegionForecast f : forecasts) {
            for (ForecastTable.Entry e : ForecastTable.entries(f)) {
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    Object v = e.cells().get(i);
                    // growth (and its intervals and target) as the bureau prints it, one decimal; the probability, a
                    // share of 1, to two decimals: the whole per cent the report prints
                    cells.add(v instanceof Double d && Double.isFinite(d)
                        ? columns.get(i).equals(ForecastTable.PROBABILITY) ? Precision.atDecimals(d, 2)
                        : Precision.GROWTH.round(d) : v);
                }
                cells.set(columns.indexOf(ForecastTable.MEASURE),
                    e.measure().equals(ForecastTable.MEASURE_MONTH) ? "当月" : "1—N月累计");
                cells.set(columns.indexOf(ForecastTable.KIND), e.kind().equals(ForecastTable.KIND_ACTUAL) ? "实际" : "预测");
                if (withheld.contains(f.regionCode())) {
                    for (String c : WITHHELD_COLUMNS) {
                        if (cells.get(columns.indexOf(c)) != null) {
                            cells.set(columns.indexOf(c), Rendering.SUPPRESSED);
                        }
                    }
                    cells.set(columns.indexOf(ForecastTable.NOTE), Rendering.FOOTNOTE);
                }
                cells.add(columns.indexOf(ForecastTable.MONTH) + 1, ForecastTable.label(e.measure(), e.month()));
                lines.add(cells);
            }
        }
        CsvExport.write(csv, header, lines);
    }
}
