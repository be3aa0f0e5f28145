package org.countyscope.report.model;

import java.util.List;

/**
 * One topic of the report (industry, tax and fiscal, investment and 招商引资, targets, forecast): its generated
 * sentences, its charts and its tables.
 *
 * @param id        a short ASCII id, used for anchors (e.g. "industry")
 * @param title     the Chinese heading
 * @param sentences finished sentences in the bureau's register, numbers taken from gold tables
 */
public record Section(String id, String title, List<String> sentences, List<ChartRef> charts, List<ReportTable> tables) {
    public Section {
        sentences = List.copyOf(sentences);
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
    }
}
