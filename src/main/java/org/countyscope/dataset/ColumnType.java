package org.countyscope.dataset;

/** What a source column holds, which decides how its text is parsed and checked. */
public enum ColumnType {
    /** Free text, trimmed. */
    TEXT,
    /** GB/T 2260 six-digit region code. */
    REGION,
    /** GB/T 4754-2017 industry code at a fixed number of digits. */
    INDUSTRY,
    /** 统一社会信用代码 (GB 32100-2015), check character verified. */
    CREDIT_CODE,
    /** A month, stored as {@code YYYY-MM}. */
    MONTH,
    /** A year, quarter or month: {@code YYYY}, {@code YYYY-Qn} or {@code YYYY-MM}. */
    PERIOD,
    /** A calendar year. */
    YEAR,
    /** A calendar date. */
    DATE,
    /** A real number (money in 万元, indices, rates). */
    NUMBER,
    /** A whole number (counts, persons). */
    INTEGER,
    /** One of a fixed list of words. */
    CHOICE,
    /** 是/否. */
    FLAG
}
