package org.countyscope.publish;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void exportsCarryTheFiguresAsPrinted() {
        List<String> columns = List.of("region_name", "unit", "value", "yoy_pct", "rank", "vs_parent_pp", "tax_cum",
            "hhi_industry", "enterprises");
        List<Object> row = PublishedColumns.row(columns, java.util.Arrays.asList("崇信县", "万元", 353532.1100000004,
            7.026205707952582, 3, -0.04, 1234.5678, 0.123456, 3.0));
        assertEquals(new BigDecimal("353532.11"), row.get(2), "万元 with two decimals, the binary noise gone");
        assertEquals(new BigDecimal("7.0"), row.get(3), "growth with one decimal");
        assertEquals(3L, row.get(4), "a rank is an integer");
        assertEquals(new BigDecimal("-0.1"), row.get(5), "the gap as the report states it: 7.0 − 7.1, the printed growth "
            + "rates of the county (7.026) and its parent (7.066)");
        assertEquals(new BigDecimal("1234.57"), row.get(6));
        assertEquals(new BigDecimal("0.123"), row.get(7), "HHI as the report prints it");
        assertEquals(3L, row.get(8), "a count is 3, not 3.0");
        assertEquals("崇信县", row.get(0));
        List<Object> percentValue = PublishedColumns.row(List.of("unit", "value"), java.util.Arrays.asList("%", 5.55));
        assertEquals(new BigDecimal("5.6"), percentValue.get(1), "a value column takes its row's unit");
        List<Object> withheld = PublishedColumns.row(List.of("unit", "value"), java.util.Arrays.asList("万元", "…"));
        assertEquals("…", withheld.get(1), "a withheld figure stays withheld");
    }

    @Test
    void aNumericColumnWithoutADeclaredPrecisionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> PublishedColumns.row(List.of("mystery"), List.of(1.23456)));
        assertTrue(e.getMessage().contains("mystery"), e.getMessage());
        assertEquals("2.35", Precision.atDecimals(2.345, 2).toPlainString(), "half-up on the decimal value");
        assertEquals("3.0", Precision.atDecimals(2.95, 1).toPlainString());
    }
}
