package org.countyscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.disclosure.Rendering;
import org.countyscope.forecast.Forecast;
import org.countyscope.forecast.RegionForecast;
import org.countyscope.gold.ForecastInput;
import org.countyscope.gold.ForecastTable;
import org.countyscope.gold.Indicators;
import org.countyscope.gold.RegionDimension;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forecast job once end to end on a copy of the sample warehouse, mid-year and at the year's end. */
class ForecastJobTest {
    @TempDir
    static Path tmp;
    static TableStore store;
    static ForecastJob.Result june;
    static ForecastJob.Result december;

    @BeforeAll
    static void run() {
        store = new TableStore(TestSpark.session(), SampleWarehouse.copy(tmp.resolve("warehouse")).toString());
        ForecastJob job = new ForecastJob(store);
        june = job.run(new ForecastJob.Config(YearMonth.of(2025, 6), tmp.resolve("out"), true));
        december = job.run(new ForecastJob.Config(YearMonth.of(2025, 12), tmp.resolve("out"), true));
    }

    @Test
    void everyCountyAndTheCityGetsTheYearWithIntervalsAndTheOddsOfItsTarget() {
        assertEquals(8, june.regions().size(), "seven county-level units and the city");
        assertEquals("620800", june.regions().get(0).regionCode(), "the city first");
        for (ForecastJob.RegionSummary s : june.regions()) {
            assertEquals(2025, s.year(), s.regionName());
            assertTrue(s.lo95() < s.lo80() && s.lo80() < s.fullYear() && s.fullYear() < s.hi80() && s.hi80() < s.hi95(),
                s.regionName() + ": nested intervals around the full year " + s);
            assertNotNull(s.target(), s.regionName() + " has a 2025 target in the sample");
            assertTrue(s.probability() >= 0 && s.probability() <= 1, s.regionName() + ": " + s.probability());
            assertEquals("combined(two-year-half)", s.model(),
                "eighteen months of growth: too few for the models, enough for the base-effect rule");
            assertTrue(s.note().startsWith(org.countyscope.forecast.ForecastBasis.BASE_EFFECT.label()),
                "the caveat in Chinese first: " + s.note());
            assertTrue(s.note().contains("tramo left out: needs 36 months"), s.note());
        }
        for (RegionForecast f : june.forecasts()) {
            assertEquals(6, f.monthsPublished());
            assertEquals(6, f.monthly().size(), f.regionName() + ": July to December");
            assertEquals(6, f.cumulative().size(), f.regionName() + ": 1—7月 to 1—12月");
        }
        // At the year's end two years of growth are out: the local-level models fit, TRAMO still cannot.
        assertEquals(2026, december.regions().get(0).year());
        assertTrue(december.regions().stream().allMatch(s -> s.model().startsWith("combined(local-level+two-year-half")),
            "December's models: " + december.regions().stream().map(ForecastJob.RegionSummary::model).toList());
        assertEquals(List.of(YearMonth.of(2025, 12)), december.gbtCutoffs(),
            "one year of examples is enough for an ensemble at the origin, not for those before it");
        assertTrue(december.regions().stream().allMatch(s -> s.note().contains("gbt left out")
                && s.note().contains("out-of-sample errors")),
            "without an earlier ensemble the GBT has no honest errors for its intervals, so it stays out: "
                + december.regions().get(0).note());
    }

    @Test
    void theInputGrowthIsTheComparisonsGrowth() {
        List<String> units = store.read(Layer.GOLD, CompareJob.VALUES).select(REGION_CODE).distinct()
            .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        Map<String, Double> input = new HashMap<>();
        for (Row r : ForecastInput.apply(store.read(Layer.GOLD, CompareJob.VALUES),
            RegionDimension.of(store.spark(), units)).where(col(PERIOD).equalTo("2025-12")).collectAsList()) {
            input.put(r.getAs(REGION_CODE), r.getAs(YOY_PCT));
        }
        List<Row> comparison = store.read(Layer.GOLD, CompareJob.COMPARISON)
            .where(col(CADENCE).equalTo("month").and(col(PERIOD).equalTo("2025-12"))
                .and(col(INDICATOR).equalTo(Indicators.IVA_REAL.code()))).collectAsList();
        assertEquals(8, comparison.size());
        for (Row r : comparison) {
            assertEquals(r.<Double>getAs(YOY_PCT), input.get(r.<String>getAs(REGION_CODE)), 1e-9,
                r.getAs(REGION_NAME) + ": 1—12月 growth as compare shows it");
        }
    }

    @Test
    void theGoldTableHoldsEachPeriodOnceAndTheResultMatchesIt() {
        List<ForecastTable.Entry> rows = ForecastJob.read(store, YearMonth.of(2025, 6));
        assertEquals(june.rows(), rows.size());
        Set<String> keys = new HashSet<>();
        for (ForecastTable.Entry e : rows) {
            assertTrue(keys.add(e.regionCode() + "/" + e.measure() + "/" + e.month()), "key repeated: " + e);
        }
        ForecastJob.RegionSummary city = june.regions().get(0);
        ForecastTable.Entry year = rows.stream().filter(e -> e.regionCode().equals(city.regionCode())
            && e.measure().equals(ForecastTable.MEASURE_CUMULATIVE) && e.month().equals("2025-12")).findFirst()
            .orElseThrow();
        assertEquals(city.fullYear(), year.value(), 1e-12, "December's 1—N月 row is the full year");
        assertEquals(city.probability(), year.probability(), 1e-12);
        assertEquals(ForecastTable.KIND_FORECAST, year.kind());
        assertEquals(june.regions(), ForecastJob.readSummaries(store, YearMonth.of(2025, 6)),
            "the headlines read back from gold/forecast are the run's");
        assertTrue(rows.stream().anyMatch(e -> e.kind().equals(ForecastTable.KIND_ACTUAL) && e.month().equals("2024-02")),
            "the actual path starts at 1—2月 of the year before");

        long before = store.read(Layer.GOLD, ForecastJob.TABLE).count();
        ForecastJob.Result again = new ForecastJob(store).run(new ForecastJob.Config(YearMonth.of(2025, 6),
            tmp.resolve("out"), true));
        assertEquals(before, store.read(Layer.GOLD, ForecastJob.TABLE).count(), "a rerun replaces its period's rows");
        assertEquals(december.rows(), ForecastJob.read(store, YearMonth.of(2025, 12)).size(), "other periods untouched");
        for (int i = 0; i < june.forecasts().size(); i++) {
            Forecast a = june.forecasts().get(i).fullYear();
            Forecast b = again.forecasts().get(i).fullYear();
            assertEquals(a, b, "the same data give the same forecast");
        }
    }

    @Test
    void theCsvWithholdsEveryCountyWhenCompareHasNotRunForTheMonth() throws IOException {
        // the sample warehouse was compared at 2025-12 only: at 2025-06 nobody knows what may be published
        List<String> lines = Files.readAllLines(june.csv(), StandardCharsets.UTF_8);
        assertTrue(lines.stream().filter(l -> l.contains(",620802,")).allMatch(l -> l.contains("…")
            && l.contains(Rendering.FOOTNOTE)), "崆峒区 withheld");
        assertTrue(lines.stream().filter(l -> l.contains(",620800,")).noneMatch(l -> l.contains("…")),
            "the city is published");
    }

    @Test
    void theCsvWithholdsACountyWhoseValueAddedTheComparisonWithholds() throws IOException {
        Path copy = SampleWarehouse.copy(tmp.resolve("withheld"));
        TableStore s = new TableStore(TestSpark.session(), copy.toString());
        String county = "620823"; // 崇信县: two reporting enterprises in December now, so the frequency rule bites
        // without the county × 大类 tables the comparison's pattern stands alone (they would have to change too)
        deleteTree(copy.resolve("gold").resolve(CompareJob.INDUSTRY));
        Dataset<Row> cmp = s.read(Layer.GOLD, CompareJob.COMPARISON);
        s.overwrite(Layer.GOLD, CompareJob.COMPARISON, cmp.withColumn(CONTRIBUTORS,
            when(col(REGION_CODE).equalTo(county).and(col(PERIOD).equalTo("2025-12"))
                .and(col(INDICATOR).isin("iva", "iva_real")), lit(2L)).otherwise(col(CONTRIBUTORS))));
        // compare's release pattern of the 一套表 measures decides what is published: it withholds the county too
        Dataset<Row> log = s.read(Layer.GOLD, ReleaseGate.LOG_TABLE);
        s.overwrite(Layer.GOLD, ReleaseGate.LOG_TABLE, log.withColumn(STATUS,
            when(col(REGION_CODE).equalTo(county).and(col(INDICATOR).equalTo("iva")),
                lit(org.countyscope.disclosure.SuppressionResult.Status.PRIMARY.name())).otherwise(col(STATUS))));
        ForecastJob.Result r = new ForecastJob(s).run(new ForecastJob.Config(YearMonth.of(2025, 12),
            tmp.resolve("withheld-out"), false));
        List<String> lines = Files.readAllLines(r.csv(), StandardCharsets.UTF_8);
        List<String> countyLines = lines.stream().filter(l -> l.contains("," + county + ",")).toList();
        assertTrue(!countyLines.isEmpty() && countyLines.stream().allMatch(l -> l.contains(",…,")
            && l.contains(Rendering.FOOTNOTE)), "every row of the county withheld: " + countyLines);
        assertTrue(lines.stream().filter(l -> l.contains(",620800,")).noneMatch(l -> l.contains("…")),
            "the city is published");
        long published = lines.stream().skip(1).filter(l -> !l.contains("…")).map(l -> l.split(",")[3]).distinct()
            .count();
        assertTrue(published >= 5, "the counties the pattern does not need stay published: " + published);
        assertEquals(0, s.read(Layer.GOLD, ForecastJob.TABLE).where(col(PERIOD).equalTo("2025-12")
            .and(col(REGION_CODE).equalTo(county)).and(col(ForecastTable.VALUE).isNull())).count(),
            "gold keeps the county's true values");
    }

    static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void theCsvIsForPeopleWithChineseHeadings() throws IOException {
        Path csv = june.csv();
        assertEquals(tmp.resolve("out").resolve("2025-06").resolve("tables").resolve("forecast.csv"), csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("\uFEFF预测时点,数据截至,预测年度,区划代码,地区"), lines.get(0));
        assertTrue(lines.get(0).contains("期别") && lines.get(0).contains("达到目标概率"), lines.get(0));
        assertEquals(june.rows() + 1, lines.size(), "one line per gold row and the heading");
        assertTrue(lines.stream().anyMatch(l -> l.contains("2025年1—12月") && l.contains("预测")), "the full year");
        assertTrue(lines.stream().anyMatch(l -> l.contains("2025年1—2月") && l.contains("实际")), "1—2月 as published");
    }
}
