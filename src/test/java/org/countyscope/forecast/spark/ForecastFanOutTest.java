package org.countyscope.forecast.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.countyscope.TestSpark;
import org.countyscope.forecast.Model;
import org.countyscope.forecast.Models;
import org.countyscope.forecast.RegionForecast;
import org.countyscope.forecast.RegionHistory;
import org.countyscope.forecast.Series;
import org.countyscope.forecast.YearForecaster;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.countyscope.dataset.Columns.BASE_MONTH;
import static org.countyscope.dataset.Columns.PERIOD;
import static org.countyscope.dataset.Columns.REGION_CODE;
import static org.countyscope.dataset.Columns.REGION_LEVEL;
import static org.countyscope.dataset.Columns.REGION_NAME;
import static org.countyscope.dataset.Columns.YOY_PCT;
import static org.countyscope.dataset.Columns.YOY_PERIOD_PCT;
import static org.countyscope.gold.ForecastInput.VALUE_ADDED_MONTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastFanOutTest {

    private static final StructType INPUT = new StructType().add(REGION_CODE, "string").add(REGION_NAME, "string")
        .add(REGION_LEVEL, "string").add(PERIOD, "string").add(YOY_PERIOD_PCT, "double").add(YOY_PCT, "double")
        .add(BASE_MONTH, "double").add(VALUE_ADDED_MONTH, "double");

    /** ForecastInput-shaped rows of one region: the series' growth, its 1—N月 under equal weights, flat bases. */
    private static List<Row> rows(String code, String level, Series s) {
        List<Row> out = new ArrayList<>();
        double sum = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            YearMonth m = s.monthAt(i);
            if (m.getMonthValue() == 1) {
                sum = 0;
                n = 0;
                continue;
            }
            double g = m.getMonthValue() == 2 ? s.cumulative(i) : s.value(i);
            sum += m.getMonthValue() == 2 ? 2 * g : g;
            n += m.getMonthValue() == 2 ? 2 : 1;
            out.add(RowFactory.create(code, "地区" + code, level, m.toString(), g, sum / n, 100.0, 110.0));
        }
        return out;
    }

    @Test
    void theSparkFanOutGivesExactlyTheSequentialForecasts() {
        YearMonth origin = YearMonth.of(2019, 7);
        List<Series> panel = Panels.panel(3, YearMonth.of(2010, 1), 115, 21);
        List<Row> input = new ArrayList<>();
        for (int i = 0; i < panel.size(); i++) {
            input.addAll(rows("62082" + (i + 1), "county", panel.get(i)));
        }
        // One region with two years only: only the base-effect rule fits it, and it says so.
        input.addAll(rows("620881", "county", Panels.growth(YearMonth.of(2017, 8), 24, 1, 5)));
        input.addAll(rows("620800", "city", Panels.growth(YearMonth.of(2010, 1), 115, 0.5, 99)));
        GbtModel gbt = GbtTrainer.train(TestSpark.session(), panel, null,
            GbtTrainer.yearly(YearMonth.of(2019, 7), 4), GbtModelTest.SMALL);
        YearForecaster forecaster = new YearForecaster(() -> {
            List<Model> members = new ArrayList<>(Models.COMBINED.stream().map(Models::byName).toList());
            members.add(gbt);
            return Models.combinationOf(members);
        });
        ForecastFanOut fanOut = new ForecastFanOut(forecaster, origin, Map.of("620800", Map.of(2019, 7.0),
            "620821", Map.of(2019, 6.5)));

        Dataset<Row> rows = TestSpark.session().createDataFrame(input, INPUT).repartition(3);
        List<RegionForecast> spark = fanOut.run(rows);
        List<RegionHistory> histories = ForecastFanOut.histories(rows.collectAsList(), origin);
        List<RegionForecast> loop = fanOut.sequential(histories);

        assertEquals(5, spark.size(), "one forecast per region");
        assertEquals(loop, spark, "fitting inside Spark groups changes nothing");
        assertEquals("620800", spark.get(0).regionCode(), "the city first");
        RegionForecast city = spark.get(0);
        assertTrue(city.model().startsWith("combined(") && city.model().contains("gbt"),
            "the GBT joins the combination where it has ensembles: " + city.model());
        assertTrue(city.probability() != null && city.probability().probability() > 0, "the city has a target");
        RegionForecast shortOne = spark.stream().filter(f -> f.regionCode().equals("620881")).findFirst().orElseThrow();
        assertEquals("combined(two-year-half)", shortOne.model());
        assertTrue(shortOne.note().startsWith(org.countyscope.forecast.ForecastBasis.BASE_EFFECT.label())
                && shortOne.note().contains("tramo left out: needs 36 months") && shortOne.note().contains("gbt left out:"),
            "the fallback says why: " + shortOne.note());
        assertEquals(5, spark.stream().filter(f -> f.fullYear() != null && f.fullYear().isFinite()).count(),
            "every region has a full-year figure");
    }
}
