package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SeriesTest {

    @Test
    void upToCutsTheSeriesAtTheOrigin() {
        Series s = new Series(YearMonth.of(2019, 1), new double[] {1, 2, 3, 4}, new double[] {1, 1.5, 2, 2.5});
        Series cut = s.upTo(YearMonth.of(2019, 2));
        assertEquals(YearMonth.of(2019, 2), cut.end());
        assertArrayEquals(new double[] {1, 2}, cut.values(), 0, "nothing after the origin exists in the cut");
        assertArrayEquals(new double[] {1, 1.5}, cut.cumulative(), 0);
        assertEquals(6, s.upTo(YearMonth.of(2019, 6)).length(), "an origin after the end adds unpublished months");
        assertThrows(IllegalArgumentException.class, () -> s.upTo(YearMonth.of(2018, 12)));
    }

    @Test
    void valuesAreCopied() {
        double[] v = {1, 2};
        Series s = new Series(YearMonth.of(2019, 1), v);
        v[0] = 99;
        s.values()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, s.values(), 0);
    }
}
