package org.countyscope.publish;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PrecisionTest {
    @Test
    void roundsHalfUpOnTheDecimalValue() {
        assertEquals("0.1", Precision.GROWTH.text(0.05), "0.05 → 0.1 although the double is just below 0.05");
        assertEquals("2.3", Precision.GROWTH.text(2.25));
        assertEquals("-0.1", Precision.GROWTH.text(-0.05), "half away from zero");
        assertEquals("0.0", Precision.GROWTH.text(-0.04), "never a negative zero");
        assertEquals("1.01", Precision.TEN_THOUSAND_YUAN.text(1.005), "1.005 reads as 1.005");
        assertEquals("13", Precision.COUNT.text(12.5));
        assertEquals(4.1, Precision.GROWTH.rounded(4.05), 0.0);
        assertEquals("4.1", Precision.GROWTH.text((104.05 / 100 - 1) * 100), "4.049999999999997 is a computed 4.05");
        assertNull(Precision.POINTS.rounded(null));
    }

    @Test
    void eachUnitHasItsPrecision() {
        assertEquals(Precision.PERCENT, Precision.ofUnit("%"));
        assertEquals(2, Precision.ofUnit("万元").decimals());
        assertEquals(2, Precision.ofUnit("亿元").decimals());
        assertEquals(0, Precision.ofUnit("个").decimals());
        assertEquals(1, Precision.ofUnit("百分点").decimals());
        assertEquals(Precision.OTHER, Precision.ofUnit("万人"), "units it does not know print with two decimals");
        assertEquals(2, Precision.ofUnit(null).decimals());
    }

    @Test
    void equalPrintedFiguresShareAPosition() {
        Double[] growth = {4.04, 3.96, 5.0, null, 4.05, 3.94};
        assertArrayEquals(new Integer[] {3, 3, 1, null, 2, 5}, Ranks.of(growth, Precision.GROWTH),
            "printed 4.0, 4.0, 5.0, –, 4.1, 3.9");
        assertArrayEquals(new Integer[] {1, 1, 1}, Ranks.of(new Double[] {1.0, 1.0, 1.0}, Precision.COUNT));
    }
}
