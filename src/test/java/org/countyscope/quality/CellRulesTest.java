package org.countyscope.quality;

import org.countyscope.dataset.ColumnSpec;
import org.countyscope.dataset.ColumnType;
import org.countyscope.dataset.Datasets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellRulesTest {
    private static final String AS_OF = "2025-12";

    private static ColumnSpec col(String dataset, String name) {
        return Datasets.byName(dataset).orElseThrow().column(name).orElseThrow();
    }

    private static CellCheck check(String dataset, String column, String raw) {
        return CellRules.check(col(dataset, column), raw, AS_OF, "industrial_output".equals(dataset));
    }

    @Test
    void requiredCellMustNotBeEmpty() {
        assertEquals(CellRules.REQUIRED, check("tax", "amount", "").rule());
        assertFalse(check("tax", "industry_name", "").rejected(), "optional may be empty");
    }

    @Test
    void regionCodesComeFromGbt2260() {
        assertEquals("620821", check("tax", "region_code", "620821").normalized());
        assertEquals(CellRules.CODE, check("tax", "region_code", "620899").rule(), "no such county");
        assertEquals(CellRules.FORMAT, check("tax", "region_code", "62082").rule(), "five digits");
    }

    @Test
    void industryCodesComeFromGbt4754AndMustBeIndustrialForEnterprises() {
        assertEquals("0610", check("industrial_output", "industry_code", "0610").normalized());
        assertEquals("0610", check("industrial_output", "industry_code", "610").normalized(), "leading zero restored");
        assertEquals(CellRules.NOT_INDUSTRIAL, check("industrial_output", "industry_code", "5111").rule(),
            "5111 is wholesale, not industry");
        assertEquals(CellRules.CODE, check("industrial_output", "industry_code", "0699").rule(), "no such 小类");
        assertEquals("51", check("tax", "industry_code", "51").normalized(), "tax covers every industry");
        assertEquals("C", check("ppi", "industry_code", "c").normalized(), "the PPI file's 门类 index");
        assertEquals("全部工业品", check("ppi", "industry_code", "全部工业品").normalized(), "and its all-industry index");
        assertEquals(CellRules.FORMAT, check("tax", "industry_code", "C").rule(), "only a price file takes 门类");
        assertEquals(CellRules.FORMAT, check("ppi", "industry_code", "F").rule(), "F 批发和零售业 is not industry");
    }

    @Test
    void creditCodeCheckDigit() {
        assertTrue(check("industrial_output", "credit_code", "91350100M000100Y43").normalized() != null);
        CellCheck bad = check("industrial_output", "credit_code", "91350100M000100Y44");
        assertEquals(CellRules.CHECK_DIGIT, bad.rule());
        assertTrue(bad.reason().contains("校验位"), bad.reason());
        assertEquals(CellRules.FORMAT, check("industrial_output", "credit_code", "9135010").rule(), "too short");
    }

    @Test
    void monthsMustNotBeInTheFutureNorJanuaryForEnterpriseReports() {
        assertEquals(CellRules.FUTURE, check("tax", "period", "2026-01").rule());
        assertEquals("2025-01", check("tax", "period", "2025-01").normalized(), "tax has January");
        assertEquals(CellRules.NO_JANUARY, check("industrial_output", "period", "2025-01").rule(),
            "一套表 reports 1—2月 together");
        assertEquals(CellRules.FORMAT, check("tax", "period", "25年6月").rule());
    }

    @Test
    void numbersWithinTheirRange() {
        assertEquals(CellRules.RANGE, check("industrial_output", "value_added", "-5").rule(), "VA cannot be negative");
        assertEquals("-5", check("tax", "amount", "-5").normalized(), "net tax can be negative after refunds");
        assertEquals(CellRules.RANGE, check("industrial_output", "gross_output", "1e12").rule(), "unit slip");
        assertEquals(CellRules.FORMAT, check("industrial_output", "gross_output", "12,3x").rule());
        assertEquals("12345.6", check("industrial_output", "gross_output", "12,345.6").normalized());
        assertEquals(CellRules.FORMAT, check("industrial_output", "employees", "12.5").rule(), "whole persons");
    }

    @Test
    void choicesAndFlags() {
        assertEquals(CellRules.CHOICE, check("projects", "status", "完工").rule(), "完工 is not one of the statuses");
        assertEquals("true", check("projects", "reached_capacity", "是").normalized());
        assertEquals(CellRules.FORMAT, check("projects", "reached_capacity", "可能").rule());
    }

    @Test
    void textLengthGuard() {
        ColumnSpec text = ColumnSpec.of("x", "x", ColumnType.TEXT);
        assertEquals(CellRules.TOO_LONG, CellRules.check(text, "字".repeat(501), AS_OF, false).rule());
    }

    @Test
    void yearsAllowNextYearsTargetsOnly() {
        assertEquals("2026", check("targets", "year", "2026").normalized(), "next year's targets are set in advance");
        assertEquals(CellRules.FUTURE, check("targets", "year", "2027").rule());
    }
}
