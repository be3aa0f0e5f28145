package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CombinedModelTest {

    /** Naive shifted by a constant: a member that is always {@code offset} off. */
    private record Shifted(double offset) implements Model {
        @Override
        public String name() {
            return "shifted";
        }

        @Override
        public Forecast[] forecast(Series history, int horizons) {
            Forecast[] f = new NaiveModel().forecast(history, horizons);
            for (int i = 0; i < f.length; i++) {
                f[i] = Forecast.normal(f[i].target(), f[i].horizon(), f[i].point() + offset, f[i].sd(), name());
            }
            return f;
        }
    }

    /** A member that cannot fit anything. */
    private record Failing() implements Model {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public Forecast[] forecast(Series history, int horizons) {
            throw new IllegalStateException("no fit");
        }
    }

    private static Series randomWalk(long seed) {
        Random random = new Random(seed);
        double[] v = new double[120];
        for (int i = 1; i < v.length; i++) {
            v[i] = v[i - 1] + random.nextGaussian();
        }
        return new Series(YearMonth.of(2010, 1), v);
    }

    @Test
    void weightsFavourTheMemberWithSmallerPastErrors() {
        Series s = randomWalk(3);
        Forecast[] naive = new NaiveModel().forecast(s, 2);
        Forecast[] combined = new CombinedModel(List.of(new NaiveModel(), new Shifted(5))).forecast(s, 2);
        // Naive's MAE is about 0.8, the shifted one's about 5: weights ∝ 1/MAE² give naive more than 95%.
        assertEquals(naive[0].point(), combined[0].point(), 0.25, "close to naive");
        assertTrue(combined[0].point() > naive[0].point(), "but pulled a little toward the shifted member");
        assertEquals("combined(naive+shifted)", combined[0].model());
    }

    @Test
    void aFailingMemberIsLeftOut() {
        Series s = randomWalk(4);
        Forecast[] f = new CombinedModel(List.of(new Failing(), new NaiveModel())).forecast(s, 3);
        assertEquals(new NaiveModel().forecast(s, 3)[2].point(), f[2].point(), 1e-12);
        assertEquals("combined(naive)", f[2].model());
    }

    @Test
    void theFallbackChainNamesTheModelUsedAndNeverThrows() {
        Series s = randomWalk(5);
        FallbackModel chain = new FallbackModel("chain", List.of(new Failing(), new NaiveModel()));
        assertEquals("naive", chain.forecast(s, 1)[0].model());
        Series nothing = new Series(YearMonth.of(2019, 1), new double[] {Double.NaN, Double.NaN});
        Forecast[] none = chain.forecast(nothing, 2);
        assertEquals("none", none[1].model());
        assertTrue(Double.isNaN(none[1].point()));
        assertEquals(YearMonth.of(2019, 4), none[1].target());
    }

    @Test
    void theStandardForecasterFallsBackOnAShortSeries() {
        // Twenty months: too short for TRAMO (36 months) and for the local level (24 filled months), enough for the
        // base-effect rule, which is then the combination's only member.
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = 6 + 0.1 * i;
        }
        Series s = new Series(YearMonth.of(2018, 3), v);
        Forecast[] f = Models.standard().forecast(s, 3);
        assertEquals("combined(two-year-half)", f[0].model());
        assertEquals(ForecastBasis.BASE_EFFECT, ForecastBasis.of(f[0].model()), "labelled as the fallback it is");
        assertEquals(new TwoYearModel("two-year-half", 0.5).forecast(s, 3)[2].point(), f[2].point(), 1e-9);
    }
}
