package org.countyscope.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;

import java.awt.Font;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Every piece of text a chart draws, with the font it is drawn in: what the font tests walk through. */
final class ChartText {
    /** One text element: where it sits, its text (empty for number ticks) and its font. */
    record Text(String where, String text, Font font) {
    }

    private ChartText() {
    }

    static List<Text> of(JFreeChart chart) {
        List<Text> out = new ArrayList<>();
        TextTitle title = chart.getTitle();
        out.add(new Text("title", title.getText(), title.getFont()));
        LegendTitle legendTitle = chart.getLegend();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof TextTitle tt) {
                out.add(new Text("subtitle", tt.getText(), tt.getFont()));
            }
        }
        Plot plot = chart.getPlot();
        out.add(new Text("no-data message", plot.getNoDataMessage(), plot.getNoDataMessageFont()));
        if (legendTitle != null) {
            LegendItemCollection items = plot.getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) {
                LegendItem item = items.get(i);
                Font f = item.getLabelFont() != null ? item.getLabelFont() : legendTitle.getItemFont();
                out.add(new Text("legend", item.getLabel(), f));
            }
        }
        if (plot instanceof CategoryPlot cp) {
            for (int i = 0; i < cp.getDomainAxisCount(); i++) {
                CategoryAxis a = cp.getDomainAxis(i);
                if (a == null) {
                    continue;
                }
                axisLabel(out, a);
                for (Object key : cp.getCategoriesForAxis(a)) {
                    out.add(new Text("category", key.toString(), a.getTickLabelFont((Comparable<?>) key)));
                }
            }
            for (int i = 0; i < cp.getRangeAxisCount(); i++) {
                valueAxis(out, cp.getRangeAxis(i));
            }
            for (int r = 0; r < cp.getRendererCount(); r++) {
                CategoryItemRenderer renderer = cp.getRenderer(r);
                CategoryDataset d = cp.getDataset(r);
                if (renderer == null || d == null) {
                    continue;
                }
                for (int row = 0; row < d.getRowCount(); row++) {
                    for (int col = 0; col < d.getColumnCount(); col++) {
                        CategoryItemLabelGenerator g = renderer.getItemLabelGenerator(row, col);
                        if (renderer.isItemLabelVisible(row, col) && g != null && d.getValue(row, col) != null) {
                            String s = g.generateLabel(d, row, col);
                            if (s != null) {
                                out.add(new Text("item label", s, renderer.getItemLabelFont(row, col)));
                            }
                        }
                    }
                }
                markers(out, cp.getRangeMarkers(r, Layer.FOREGROUND));
                markers(out, cp.getRangeMarkers(r, Layer.BACKGROUND));
                markers(out, cp.getDomainMarkers(r, Layer.FOREGROUND));
                markers(out, cp.getDomainMarkers(r, Layer.BACKGROUND));
            }
            for (Object a : cp.getAnnotations()) {
                if (a instanceof CategoryTextAnnotation t) {
                    out.add(new Text("annotation", t.getText(), t.getFont()));
                }
            }
        } else if (plot instanceof XYPlot xp) {
            for (int i = 0; i < xp.getDomainAxisCount(); i++) {
                valueAxis(out, xp.getDomainAxis(i));
            }
            for (int i = 0; i < xp.getRangeAxisCount(); i++) {
                valueAxis(out, xp.getRangeAxis(i));
            }
            for (int r = 0; r < xp.getRendererCount(); r++) {
                XYItemRenderer renderer = xp.getRenderer(r);
                XYDataset d = xp.getDataset(r);
                if (renderer == null || d == null) {
                    continue;
                }
                for (int s = 0; s < d.getSeriesCount(); s++) {
                    for (int i = 0; i < d.getItemCount(s); i++) {
                        XYItemLabelGenerator g = renderer.getItemLabelGenerator(s, i);
                        if (renderer.isItemLabelVisible(s, i) && g != null) {
                            String text = g.generateLabel(d, s, i);
                            if (text != null) {
                                out.add(new Text("item label", text, renderer.getItemLabelFont(s, i)));
                            }
                        }
                    }
                }
                markers(out, xp.getRangeMarkers(r, Layer.FOREGROUND));
                markers(out, xp.getRangeMarkers(r, Layer.BACKGROUND));
                markers(out, xp.getDomainMarkers(r, Layer.FOREGROUND));
                markers(out, xp.getDomainMarkers(r, Layer.BACKGROUND));
            }
            for (Object a : xp.getAnnotations()) {
                if (a instanceof XYTextAnnotation t) {
                    out.add(new Text("annotation", t.getText(), t.getFont()));
                }
            }
        } else {
            throw new IllegalArgumentException("no text walker for " + plot.getClass().getName());
        }
        return out;
    }

    private static void valueAxis(List<Text> out, ValueAxis a) {
        if (a == null) {
            return;
        }
        axisLabel(out, a);
        if (a instanceof SymbolAxis s) {
            for (String symbol : s.getSymbols()) {
                out.add(new Text("symbol tick", symbol, a.getTickLabelFont()));
            }
        } else {
            // number ticks: digits, minus sign and separators
            out.add(new Text("number ticks", "-0123456789.,", a.getTickLabelFont()));
        }
    }

    private static void axisLabel(List<Text> out, Axis a) {
        if (a.getLabel() != null) {
            out.add(new Text("axis label", a.getLabel(), a.getLabelFont()));
        }
    }

    private static void markers(List<Text> out, Collection<?> markers) {
        if (markers == null) {
            return;
        }
        for (Object o : markers) {
            Marker m = (Marker) o;
            if (m.getLabel() != null) {
                out.add(new Text("marker", m.getLabel(), m.getLabelFont()));
            }
        }
    }
}
