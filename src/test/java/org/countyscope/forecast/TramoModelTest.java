package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TramoModelTest {

    @Test
    void anAutoregressionIsForecastAsPhiTimesTheLastValue() {
        double phi = 0.7;
        Random random = new Random(42);
        double[] x = new double[240];
        for (int i = 1; i < x.length; i++) {
            x[i] = phi * x[i - 1] + random.nextGaussian();
        }
        // Ends in June: the next month has no festival effect, and 1—2月 averaging is months behind.
        Series s = new Series(YearMonth.of(2000, 1), x);
        assertEquals(YearMonth.of(2019, 12), s.end());
        Series history = s.upTo(YearMonth.of(2019, 6));
        double last = history.value(history.length() - 1);
        TramoModel.Fit fit = new TramoModel().fit(history, 2);
        assertEquals("(1,0,0)(0,0,0)", fit.orders(), "automatic identification finds the AR(1)");
        assertEquals(phi * last, fit.forecasts().get(0).point(), 0.15 + 0.1 * Math.abs(last),
            "1-step forecast ≈ φ·x_t = " + phi * last + ", model " + fit.orders());
        assertEquals(phi * phi * last, fit.forecasts().get(1).point(), 0.25 + 0.15 * Math.abs(last), "2-step ≈ φ²·x_t");
        assertEquals(1, fit.forecasts().get(0).sd(), 0.15, "innovation sd 1");
    }

    @Test
    void theSpringFestivalRegressorFindsAKnownEffect() {
        double festival = -4;
        Series s = SeriesFixtures.growth(YearMonth.of(2002, 1), 216, festival, 7);
        TramoModel.Fit fit = new TramoModel().fit(s, 3);
        assertTrue(fit.festivalCoefficient() < 0, "a late festival lowers March growth: " + fit);
        assertEquals(festival, fit.festivalCoefficient(), 3 * fit.festivalStdError(), "within 3 standard errors: " + fit);
        assertEquals(festival, fit.festivalCoefficient(), 1.5, "and near −4 points per unit: " + fit);
    }

    @Test
    void aMissingJanuaryFebruaryAtTheOriginIsForecastThrough() {
        Series s = SeriesFixtures.growth(YearMonth.of(2005, 3), 178, -4, 11);
        Series cutInJanuary = s.upTo(YearMonth.of(2019, 1));
        Forecast[] f = new TramoModel().forecast(cutInJanuary, 2);
        assertEquals(YearMonth.of(2019, 2), f[0].target());
        assertEquals(YearMonth.of(2019, 3), f[1].target());
        assertTrue(f[0].isFinite() && f[1].isFinite());
    }

    @Test
    void theIdentifiedModelReproducesTheFullFitOnTheSameHistory() {
        Series s = SeriesFixtures.growth(YearMonth.of(2005, 1), 180, -3, 5);
        TramoModel tramo = new TramoModel();
        Forecast[] full = tramo.forecast(s, 3);
        Forecast[] identified = tramo.identifiedOn(s).forecast(s, 3);
        for (int h = 0; h < 3; h++) {
            assertEquals(full[h].point(), identified[h].point(), 1e-6, "same data, same model, h=" + (h + 1));
        }
    }
}
