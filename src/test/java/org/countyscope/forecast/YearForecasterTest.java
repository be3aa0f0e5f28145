package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YearForecasterTest {

    /** Every month forecast at 8% with a standard deviation of 0.5 point per month of horizon. */
    private record Constant() implements Model {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public Forecast[] forecast(Series history, int horizons) {
            Forecast[] f = new Forecast[horizons];
            for (int h = 1; h <= horizons; h++) {
                f[h - 1] = Forecast.normal(history.end().plusMonths(h), h, 8, 0.5 * h, name());
            }
            return f;
        }
    }

    /**
     * Two and a half years of a region as the warehouse holds it: single-month growth 6 + month/10 (1—2月 as one
     * period at February, 6.15), bases equal to the month number (1—2月: 3), last year's value added 10 per month
     * (1—2月: 20), and the 1—N月 growth the bases imply.
     */
    private static RegionHistory region(YearMonth end) {
        List<RegionHistory.Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2019, 2); !m.isAfter(end); m = m.plusMonths(1)) {
            int n = m.getMonthValue();
            if (n == 1) {
                continue;
            }
            double growth = n == 2 ? 6.15 : 6 + n / 10.0;
            double base = n == 2 ? 3 : n;
            double weighted = 0;
            double weights = 0;
            for (int k = 2; k <= n; k++) {
                double w = k == 2 ? 3 : k;
                weighted += w * (k == 2 ? 6.15 : 6 + k / 10.0);
                weights += w;
            }
            months.add(new RegionHistory.Month(m, growth, weighted / weights, base, n == 2 ? 20 : 10));
        }
        return RegionHistory.of("620821", "泾川县", "county", months, end);
    }

    @Test
    void midYearTheRestOfTheYearIsForecastAndWeightedByTheBases() {
        RegionHistory r = region(YearMonth.of(2021, 6));
        RegionForecast f = new YearForecaster(Constant::new).forecast(r, YearMonth.of(2021, 6), Map.of(2021, 6.5));
        assertEquals(YearMonth.of(2021, 6), f.dataEnd());
        assertEquals(2021, f.year());
        assertEquals(6, f.monthsPublished());
        assertEquals(6, f.monthly().size(), "July to December");
        assertEquals(YearMonth.of(2021, 7), f.monthly().get(0).target());
        assertEquals(6, f.cumulative().size(), "1—7月 to 1—12月");
        // Published 1—6月 weighs bases 3+3+4+5+6 = 21 of last year's 20 + 10·4 = 60 at current prices: scale 0.35.
        double published = 21;
        double rest = 6 * 10 * 0.35;
        double cumulative6 = r.cumulativeAt(YearMonth.of(2021, 6));
        double expected = (published * cumulative6 + rest * 8) / (published + rest);
        assertEquals(expected, f.fullYear().point(), 1e-9, "full year = base-weighted mean of published and forecast");
        assertEquals("base", f.weights());
        TargetProbability p = f.probability();
        assertNotNull(p);
        assertEquals(expected, p.expected(), 1e-9);
        assertTrue(p.probability() > 0.5 && p.probability() < 1, "8% months ahead pull the year above 6.5: " + p);
        assertEquals("constant", f.model());
        assertEquals("P(target) from " + TargetProbability.ASSUMED + ": too few realised errors", f.note(),
            "nothing failed, but a model that keeps no record of its errors gets the assumed structure, and says so");
        assertEquals(YearMonth.of(2020, 2), f.actualMonthly().get(0).month(), "actuals from 1—2月 of the year before");
        assertEquals(cumulative6, f.actualCumulative().get(f.actualCumulative().size() - 1).value(), 0);
    }

    @Test
    void inJanuaryNothingNewIsKnownAndFebruaryStandsForJanuaryToFebruary() {
        RegionHistory r = region(YearMonth.of(2021, 1));
        RegionForecast f = new YearForecaster(Constant::new).forecast(r, YearMonth.of(2021, 1), Map.of());
        assertEquals(YearMonth.of(2020, 12), f.dataEnd(), "January is never published alone");
        assertEquals(2021, f.year());
        assertEquals(0, f.monthsPublished());
        assertEquals(11, f.monthly().size(), "1—2月, then March to December");
        assertEquals(YearMonth.of(2021, 2), f.monthly().get(0).target());
        assertEquals(f.cumulative().get(0), f.monthly().get(0), "1—2月 is one period: its monthly row is the 1—2月 one");
        assertEquals(11, f.cumulative().size());
        assertNull(f.probability(), "no target for 2021");
        assertEquals(8, f.fullYear().point(), 1e-9, "every month at 8");
    }

    @Test
    void aDecemberOriginForecastsTheNextYearAndAMissingMonthIsSaid() {
        RegionHistory r = region(YearMonth.of(2020, 12));
        RegionForecast dec = new YearForecaster(Constant::new).forecast(r, YearMonth.of(2020, 12), Map.of(2021, 7.0));
        assertEquals(2021, dec.year());
        assertEquals(12 - 1, dec.monthly().size());
        assertNotNull(dec.probability(), "2021's target is used");
        RegionForecast later = new YearForecaster(Constant::new).forecast(r, YearMonth.of(2021, 3), Map.of());
        assertEquals(YearMonth.of(2020, 12), later.dataEnd(), "the data stop in December");
        assertTrue(later.note().startsWith("no data after 2020-12"), later.note());
    }

    @Test
    void withoutLastYearsValueAddedTheMonthsWeighEqually() {
        RegionHistory r = region(YearMonth.of(2021, 6));
        double[] levels = r.levels();
        java.util.Arrays.fill(levels, Double.NaN);
        RegionHistory noLevels = new RegionHistory(r.regionCode(), r.regionName(), r.regionLevel(), r.growth(),
            r.bases(), levels);
        RegionForecast f = new YearForecaster(Constant::new).forecast(noLevels, YearMonth.of(2021, 6), Map.of());
        assertEquals("equal", f.weights());
        double cumulative6 = r.cumulativeAt(YearMonth.of(2021, 6));
        assertEquals((6 * cumulative6 + 6 * 8) / 12, f.fullYear().point(), 1e-9);
    }

    @Test
    void aShortHistoryFallsBackToTheBaseEffectRuleAndSaysSoInChinese() {
        RegionHistory r = region(YearMonth.of(2020, 6));
        RegionForecast f = YearForecaster.standard().forecast(r, YearMonth.of(2020, 6), Map.of(2020, 6.0));
        assertEquals("combined(two-year-half)", f.model(), "16 months: too short for TRAMO and the local level");
        assertEquals(ForecastBasis.BASE_EFFECT, f.basis());
        assertTrue(f.note().startsWith(ForecastBasis.BASE_EFFECT.label()), "the caveat first: " + f.note());
        assertTrue(f.note().contains("tramo left out: needs 36 months"), f.note());
        assertTrue(f.note().contains("local-level left out: needs 24 months"), f.note());
        assertNotNull(f.probability());
        assertTrue(f.cumulative().stream().allMatch(Forecast::isFinite));
    }

    @Test
    void aNaiveForecastIsLabelledAsNoModel() {
        RegionForecast f = new YearForecaster(NaiveModel::new).forecast(region(YearMonth.of(2020, 6)),
            YearMonth.of(2020, 6), Map.of());
        assertEquals(ForecastBasis.NAIVE, f.basis());
        assertTrue(f.note().startsWith("历史数据过短：仅沿用最近一期增速的简单外推"), f.note());
        assertTrue(!f.basis().headline(), "no headline from the last value carried forward");
    }

    @Test
    void theOneToTwoMonthStepAndTheMonthsAfterItAreOnePath() {
        // From a December: 1—2月 is the first point of both the monthly and the cumulative path, and each later
        // cumulative is the weighted mean of 1—2月 and the single months forecast after it.
        RegionHistory r = region(YearMonth.of(2020, 12));
        RegionForecast f = YearForecaster.standard().forecast(r, YearMonth.of(2020, 12), Map.of());
        Forecast twoMonths = f.cumulative().get(0);
        assertEquals(YearMonth.of(2021, 2), twoMonths.target());
        assertEquals(twoMonths.point(), f.monthly().get(0).point(), 1e-12, "the monthly path's 1—2月 is the cumulative's");
        double[] w = YearWeights.of(r, 2021, 0);
        double weighted = (w[0] + w[1]) * twoMonths.point();
        double total = w[0] + w[1];
        for (int k = 1; k < f.monthly().size(); k++) {
            Forecast month = f.monthly().get(k);
            int m = month.target().getMonthValue();
            weighted += w[m - 1] * month.point();
            total += w[m - 1];
            assertEquals(weighted / total, f.cumulative().get(k).point(), 1e-9, "1—" + m + "月 from the months before it");
        }
    }
}
