package org.countyscope.quality;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellParsersTest {

    @Test
    void numbersAsClerksWriteThem() {
        assertEquals(1234.5, CellParsers.number("1,234.5"), "thousands separator");
        assertEquals(1234.5, CellParsers.number("１２３４．５"), "full-width digits");
        assertEquals(-12.0, CellParsers.number("(12)"), "accounting negative");
        assertEquals(6.9, CellParsers.number("6.9%"), "trailing percent");
        assertEquals(1e20, CellParsers.number("1E20"), "exponent is a number; range checks judge its size");
        assertNull(CellParsers.number("十二"), "Chinese numerals are not read");
        assertNull(CellParsers.number("12abc"), "text in a number column");
        assertNull(CellParsers.number("1e999"), "infinite is not a number");
        assertNull(CellParsers.number("—"), "a dash means no figure");
    }

    @Test
    void integersRejectFractions() {
        assertEquals(12L, CellParsers.integer("12.0"));
        assertNull(CellParsers.integer("12.5"), "12.5 persons is not a head count");
    }

    @Test
    void monthsInEveryCommonSpelling() {
        assertEquals("2024-06", CellParsers.month("2024-06"));
        assertEquals("2024-06", CellParsers.month("2024-6"));
        assertEquals("2024-06", CellParsers.month("2024/06"));
        assertEquals("2024-06", CellParsers.month("202406"));
        assertEquals("2024-06", CellParsers.month("2024年6月"));
        assertEquals("2024-06", CellParsers.month("2024年1-6月"), "a 1—N月 label ends in its last month");
        assertEquals("2024-02", CellParsers.month("2024年1—2月"));
        assertEquals("2024-06", CellParsers.month("2024-06-01"), "a date names its month");
        assertNull(CellParsers.month("2024-13"), "no thirteenth month");
        assertNull(CellParsers.month("六月"), "no year");
    }

    @Test
    void periodsOfEveryCadence() {
        assertEquals("2019", CellParsers.period("2019年"));
        assertEquals("2019-Q1", CellParsers.period("2019年第一季度"));
        assertEquals("2019-Q3", CellParsers.period("2019Q3"));
        assertEquals("2019-H1", CellParsers.period("2019年上半年"));
        assertEquals("2019-12", CellParsers.period("2019年12月"));
        assertNull(CellParsers.period("2019年第五季度"), "there are four quarters");
    }

    @Test
    void datesIncludingExcelSerials() {
        assertEquals("2024-06-15", CellParsers.date("2024/6/15"));
        assertEquals("2024-06-15", CellParsers.date("2024年6月15日"));
        assertEquals("2024-06-15", CellParsers.date("20240615"));
        assertEquals("2024-06-15", CellParsers.date("45458"), "Excel serial day of 2024-06-15");
        assertNull(CellParsers.date("2024-02-30"), "no 30 February");
    }

    @Test
    void flagsAndCodes() {
        assertEquals(Boolean.TRUE, CellParsers.flag("是"));
        assertEquals(Boolean.FALSE, CellParsers.flag("否"));
        assertNull(CellParsers.flag("也许"));
        assertEquals("0610", CellParsers.industryCode("610", 4), "Excel ate the leading zero");
        assertEquals("06", CellParsers.industryCode("6", 2));
        assertTrue(CellParsers.isEmpty("　"), "a full-width space is empty");
    }
}
