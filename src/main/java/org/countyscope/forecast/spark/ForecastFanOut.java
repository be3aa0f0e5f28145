package org.countyscope.forecast.spark;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.countyscope.forecast.RegionForecast;
import org.countyscope.forecast.RegionHistory;
import org.countyscope.forecast.YearForecaster;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static org.countyscope.dataset.Columns.BASE_MONTH;
import static org.countyscope.dataset.Columns.PERIOD;
import static org.countyscope.dataset.Columns.REGION_CODE;
import static org.countyscope.dataset.Columns.REGION_LEVEL;
import static org.countyscope.dataset.Columns.REGION_LEVEL_CITY;
import static org.countyscope.dataset.Columns.REGION_NAME;
import static org.countyscope.dataset.Columns.YOY_PCT;
import static org.countyscope.dataset.Columns.YOY_PERIOD_PCT;
import static org.countyscope.dataset.Columns.VALUE_ADDED_MONTH;

/**
 * Fits every region's series in parallel: the forecast input rows (gold's {@code ForecastInput}) grouped by region, each
 * group turned into a {@link RegionHistory} and forecast inside the group by a {@link YearForecaster}, which never
 * throws (a failed fit falls back to the next model and says so). {@link #sequential} does the same in a plain loop.
 *
 * @param origin  the month forecast from
 * @param targets growth targets by region code and year (%)
 */
public record ForecastFanOut(YearForecaster forecaster, YearMonth origin, Map<String, Map<Integer, Double>> targets)
    implements Serializable {

    public ForecastFanOut {
        Objects.requireNonNull(forecaster, "forecaster");
        Objects.requireNonNull(origin, "origin");
        targets = Map.copyOf(targets);
    }

    /** Forecasts of every region of {@code input}, fitted in Spark tasks, ordered by level (city first) and code. */
    public List<RegionForecast> run(Dataset<Row> input) {
        List<RegionForecast> out = new ArrayList<>(input
            .groupByKey((MapFunction<Row, String>) r -> r.getAs(REGION_CODE), Encoders.STRING())
            .flatMapGroups((FlatMapGroupsFunction<String, Row, RegionForecast>) (code, rows) ->
                List.of(forecast(history(rows, origin))).iterator(), Encoders.javaSerialization(RegionForecast.class))
            .collectAsList());
        out.sort(ORDER);
        return out;
    }

    /** The same forecasts by a loop on the driver. */
    public List<RegionForecast> sequential(List<RegionHistory> regions) {
        List<RegionForecast> out = new ArrayList<>(regions.stream().map(this::forecast).toList());
        out.sort(ORDER);
        return out;
    }

    private RegionForecast forecast(RegionHistory region) {
        return forecaster.forecast(region, origin, targets.getOrDefault(region.regionCode(), Map.of()));
    }

    /** Every region's history from the input rows, as {@link #run} builds them inside the groups. */
    public static List<RegionHistory> histories(List<Row> input, YearMonth end) {
        // By region code, whatever order the rows came in.
        Map<String, List<Row>> byRegion = new TreeMap<>();
        for (Row r : input) {
            byRegion.computeIfAbsent(r.getAs(REGION_CODE), k -> new ArrayList<>()).add(r);
        }
        return byRegion.values().stream().map(rows -> history(rows.iterator(), end)).toList();
    }

    private static RegionHistory history(Iterator<Row> rows, YearMonth end) {
        List<RegionHistory.Month> months = new ArrayList<>();
        String code = null;
        String name = null;
        String level = null;
        while (rows.hasNext()) {
            Row r = rows.next();
            code = r.getAs(REGION_CODE);
            name = r.getAs(REGION_NAME);
            level = r.getAs(REGION_LEVEL);
            months.add(new RegionHistory.Month(YearMonth.parse(r.getAs(PERIOD)), number(r, YOY_PERIOD_PCT),
                number(r, YOY_PCT), number(r, BASE_MONTH), number(r, VALUE_ADDED_MONTH)));
        }
        return RegionHistory.of(code, name, level, months, end);
    }

    private static double number(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    /** City before counties, then by code: the order of every table the bureau prints. */
    static final Comparator<RegionForecast> ORDER = Comparator
        .comparing((RegionForecast f) -> REGION_LEVEL_CITY.equals(f.regionLevel()) ? 0 : 1)
        .thenComparing(RegionForecast::regionCode);
}
