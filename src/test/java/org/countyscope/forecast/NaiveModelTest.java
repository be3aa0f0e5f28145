package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NaiveModelTest {

    private static final double N = Double.NaN;

    @Test
    void everyHorizonIsTheLastPublishedValue() {
        // December published, January and February not (as since 2013): the forecast from February is December's.
        double[] v = new double[26];
        for (int i = 0; i < 24; i++) {
            v[i] = 5 + (i % 3);
        }
        v[24] = N;
        v[25] = N;
        Series s = new Series(YearMonth.of(2017, 1), v);
        Forecast[] f = new NaiveModel().forecast(s, 3);
        for (int h = 1; h <= 3; h++) {
            Forecast x = f[h - 1];
            assertEquals(v[23], x.point(), 0, "h=" + h);
            assertEquals(YearMonth.of(2019, 2).plusMonths(h), x.target());
            assertEquals(x.point() - x.lo80(), x.hi80() - x.point(), 1e-12, "symmetric");
            assertEquals("naive", x.model());
        }
    }

    @Test
    void intervalWidthIsTheRootMeanSquareOfPastNaiveErrors() {
        // Alternating 1, 3, 1, 3…: every 1-step naive error is ±2, every 2-step error 0.
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 2 == 0 ? 1 : 3;
        }
        Forecast[] f = new NaiveModel().forecast(new Series(YearMonth.of(2018, 1), v), 2);
        assertEquals(2, f[0].sd(), 1e-9);
        assertEquals(0, f[1].sd(), 1e-9);
    }

    @Test
    void nothingPublishedIsAnError() {
        assertThrows(IllegalArgumentException.class,
            () -> new NaiveModel().forecast(new Series(YearMonth.of(2019, 1), new double[] {N, N}), 1));
    }

    @Test
    void seasonalNaiveRepeatsTheSameMonthOfTheLatestYear() {
        double[] v = new double[30];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + i;
        }
        Forecast[] f = new SeasonalNaiveModel().forecast(new Series(YearMonth.of(2017, 1), v), 14);
        assertEquals(v[30 - 12], f[0].point(), 0, "2019-07 from 2018-07");
        assertEquals(v[29 - 11], f[12].point(), 0, "2020-07 from 2018-07, the latest July published");
        assertEquals(12, f[0].sd(), 1e-9, "every seasonal difference of the trend is 12");
    }
}
