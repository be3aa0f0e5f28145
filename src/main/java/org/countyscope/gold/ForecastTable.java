package org.countyscope.gold;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.countyscope.forecast.Forecast;
import org.countyscope.forecast.RegionForecast;
import org.countyscope.forecast.TargetProbability;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.countyscope.dataset.Columns.PERIOD;
import static org.countyscope.dataset.Columns.REGION_CODE;
import static org.countyscope.dataset.Columns.REGION_LEVEL;
import static org.countyscope.dataset.Columns.REGION_NAME;
import static org.countyscope.dataset.Columns.YEAR;

/**
 * {@code gold/forecast}: the forecast of 规上工业增加值 growth (comparable prices, same enterprise set) per county and
 * city. Grain: one row per origin period × region × measure × month (key {@code period, region_code, measure, month}).
 * {@code measure} is {@code month} (当月; February is 1—2月, January has no row) or {@code cumulative} (1—N月);
 * {@code kind} is {@code actual} for published months (from January of the year before to {@code data_end}, no
 * intervals) or {@code forecast} (point in {@code value}, 80% and 95% intervals, {@code horizon} months after
 * {@code data_end}). The cumulative forecast of December is the full year. Each region's rows repeat its year, model,
 * note (why a model was passed over), target and the probability of reaching it. A run replaces its period's rows.
 */
public final class ForecastTable {
    public static final String DATA_END = "data_end";
    public static final String MEASURE = "measure";
    public static final String MONTH = "month";
    public static final String KIND = "kind";
    public static final String HORIZON = "horizon";
    public static final String VALUE = "value";
    public static final String LO80 = "lo80";
    public static final String HI80 = "hi80";
    public static final String LO95 = "lo95";
    public static final String HI95 = "hi95";
    public static final String MODEL = "model";
    public static final String NOTE = "note";
    public static final String WEIGHTS = "weights";
    public static final String TARGET_PCT = "target_pct";
    public static final String PROBABILITY = "probability";

    public static final String MEASURE_MONTH = "month";
    public static final String MEASURE_CUMULATIVE = "cumulative";
    public static final String KIND_ACTUAL = "actual";
    public static final String KIND_FORECAST = "forecast";

    public static final StructType SCHEMA = new StructType()
        .add(PERIOD, "string", false).add(DATA_END, "string").add(YEAR, "int").add(REGION_CODE, "string", false)
        .add(REGION_NAME, "string").add(REGION_LEVEL, "string").add(MEASURE, "string", false)
        .add(MONTH, "string", false).add(KIND, "string", false).add(HORIZON, "int").add(VALUE, "double")
        .add(LO80, "double").add(HI80, "double").add(LO95, "double").add(HI95, "double").add(MODEL, "string")
        .add(NOTE, "string").add(WEIGHTS, "string").add(TARGET_PCT, "double").add(PROBABILITY, "double");

    /** Chinese headings of the CSV export, by column; the export adds a 期别 label after the month. */
    public static final Map<String, String> HEADINGS = headings();

    private ForecastTable() {
    }

    /** One row of {@code gold/forecast} as a record, for reports (which never see a Dataset). */
    public record Entry(String period, String dataEnd, int year, String regionCode, String regionName,
                        String regionLevel, String measure, String month, String kind, Integer horizon, Double value,
                        Double lo80, Double hi80, Double lo95, Double hi95, String model, String note, String weights,
                        Double target, Double probability) {

        public static Entry of(Row r) {
            return new Entry(r.getAs(PERIOD), r.getAs(DATA_END), r.<Integer>getAs(YEAR), r.getAs(REGION_CODE),
                r.getAs(REGION_NAME), r.getAs(REGION_LEVEL), r.getAs(MEASURE), r.getAs(MONTH), r.getAs(KIND),
                r.getAs(HORIZON), r.getAs(VALUE), r.getAs(LO80), r.getAs(HI80), r.getAs(LO95), r.getAs(HI95),
                r.getAs(MODEL), r.getAs(NOTE), r.getAs(WEIGHTS), r.getAs(TARGET_PCT), r.getAs(PROBABILITY));
        }

        /** The row's cells in {@link #SCHEMA} order. */
        public List<Object> cells() {
            return java.util.Arrays.asList(period, dataEnd, year, regionCode, regionName, regionLevel, measure, month,
                kind, horizon, value, lo80, hi80, lo95, hi95, model, note, weights, target, probability);
        }
    }

    /** The rows of one region's forecast: actuals first, then forecasts, month measure before cumulative. */
    public static List<Entry> entries(RegionForecast f) {
        List<Entry> out = new ArrayList<>();
        Double target = number(f.target());
        TargetProbability p = f.probability();
        Double probability = p == null ? null : number(p.probability());
        for (String measure : List.of(MEASURE_MONTH, MEASURE_CUMULATIVE)) {
            boolean cumulative = measure.equals(MEASURE_CUMULATIVE);
            for (RegionForecast.Actual a : cumulative ? f.actualCumulative() : f.actualMonthly()) {
                out.add(new Entry(f.origin().toString(), f.dataEnd().toString(), f.year(), f.regionCode(),
                    f.regionName(), f.regionLevel(), measure, a.month().toString(), KIND_ACTUAL,
                    (int) f.dataEnd().until(a.month(), java.time.temporal.ChronoUnit.MONTHS), number(a.value()), null,
                    null, null, null, null, null, f.weights(), target, probability));
            }
            for (Forecast x : cumulative ? f.cumulative() : f.monthly()) {
                out.add(new Entry(f.origin().toString(), f.dataEnd().toString(), f.year(), f.regionCode(),
                    f.regionName(), f.regionLevel(), measure, x.target().toString(), KIND_FORECAST, x.horizon(),
                    number(x.point()), number(x.lo80()), number(x.hi80()), number(x.lo95()), number(x.hi95()),
                    x.model(), f.note().isEmpty() ? null : f.note(), f.weights(), target, probability));
            }
        }
        return out;
    }

    /** Spark rows of {@link #SCHEMA} for the given forecasts. */
    public static List<Row> rows(List<RegionForecast> forecasts) {
        List<Row> out = new ArrayList<>();
        for (RegionForecast f : forecasts) {
            for (Entry e : entries(f)) {
                out.add(RowFactory.create(e.cells().toArray()));
            }
        }
        return out;
    }

    /** The period label planners read: 2025年3月, 2025年1—2月 for February's month, 2025年1—3月 for a cumulative. */
    public static String label(String measure, String month) {
        YearMonth m = YearMonth.parse(month);
        int n = m.getMonthValue();
        boolean range = measure.equals(MEASURE_CUMULATIVE) || n == 2;
        return m.getYear() + "年" + (range ? "1—" + n : Integer.toString(n)) + "月";
    }

    /** NaN is no number: an empty cell, not "NaN". */
    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, String> headings() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(PERIOD, "预测时点");
        h.put(DATA_END, "数据截至");
        h.put(YEAR, "预测年度");
        h.put(REGION_CODE, "区划代码");
        h.put(REGION_NAME, "地区");
        h.put(REGION_LEVEL, "层级");
        h.put(MEASURE, "口径");
        h.put(MONTH, "月份");
        h.put(KIND, "类型");
        h.put(HORIZON, "预测步长(月)");
        h.put(VALUE, "增速(%)");
        h.put(LO80, "80%区间下限");
        h.put(HI80, "80%区间上限");
        h.put(LO95, "95%区间下限");
        h.put(HI95, "95%区间上限");
        h.put(MODEL, "模型");
        h.put(NOTE, "说明");
        h.put(WEIGHTS, "月度权重");
        h.put(TARGET_PCT, "全年目标(%)");
        h.put(PROBABILITY, "达到目标概率");
        return java.util.Collections.unmodifiableMap(h);
    }
}
