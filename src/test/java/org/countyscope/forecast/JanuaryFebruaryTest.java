package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class JanuaryFebruaryTest {

    private static final double N = Double.NaN;

    @Test
    void bothMonthsGetTheCumulativeOfJanuaryFebruary() {
        Series s = new Series(YearMonth.of(2018, 12),
            new double[] {5.7, N, N, 6.0},
            new double[] {6.2, N, 7.2, 6.8});
        assertArrayEquals(new double[] {5.7, 7.2, 7.2, 6.0}, JanuaryFebruary.filled(s), 0);
    }

    @Test
    void withoutTheCumulativeTheMeanOfBothSingleMonthsElseMissing() {
        Series both = new Series(YearMonth.of(2019, 1), new double[] {4.0, 8.0, 6.0});
        assertArrayEquals(new double[] {6.0, 6.0, 6.0}, JanuaryFebruary.filled(both), 0);
        Series loneFebruary = new Series(YearMonth.of(2011, 1), new double[] {N, 19.0, 12.1});
        assertArrayEquals(new double[] {N, N, 12.1}, JanuaryFebruary.filled(loneFebruary), 0,
            "a February published alone carries the whole festival swing");
    }

    @Test
    void aSeriesCutInJanuaryKnowsNothingOfFebruary() {
        Series full = new Series(YearMonth.of(2019, 1), new double[] {N, N, 8.5}, new double[] {N, 5.3, 6.5});
        assertArrayEquals(new double[] {N}, JanuaryFebruary.filled(full.upTo(YearMonth.of(2019, 1))), 0);
        assertArrayEquals(new double[] {5.3, 5.3}, JanuaryFebruary.filled(full.upTo(YearMonth.of(2019, 2))), 0);
    }

    @Test
    void aSeriesStartingInFebruary() {
        Series s = new Series(YearMonth.of(2019, 2), new double[] {N, 8.5}, new double[] {5.3, 6.5});
        assertArrayEquals(new double[] {5.3, 8.5}, JanuaryFebruary.filled(s), 0);
    }
}
