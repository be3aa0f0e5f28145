package org.countyscope.report.model;

/**
 * One headline figure, e.g. label "规上工业增加值增速", value "5.2", unit "%", note "高于全省1.1个百分点".
 * The value is already formatted (or "…" when withheld); the note may be empty.
 */
public record Headline(String label, String value, String unit, String note) {
}
