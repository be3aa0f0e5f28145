package org.countyscope.report.model;

/**
 * A chart of the report: {@code charts/<name>.png} and {@code charts/<name>.svg} in the report folder.
 *
 * @param name    file base name, ASCII (e.g. "share_iva")
 * @param caption the Chinese caption under the chart
 */
public record ChartRef(String name, String caption) {
}
