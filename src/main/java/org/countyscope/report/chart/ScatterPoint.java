package org.countyscope.report.chart;

import java.util.Objects;

/**
 * One labelled point of a scatter, e.g. a county's investment growth (x) and value-added growth (y).
 *
 * @param label the name printed beside the point
 * @param x     the horizontal value; null leaves the point out
 * @param y     the vertical value; null leaves the point out
 */
public record ScatterPoint(String label, Double x, Double y) {
    public ScatterPoint {
        Objects.requireNonNull(label, "label");
        label = ChartParts.fullWidthBrackets(label);
    }
}
