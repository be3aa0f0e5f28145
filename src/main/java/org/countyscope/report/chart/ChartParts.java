package org.countyscope.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The pieces every chart builder shares: plots, axes, reference lines, legend items, formats and renderers. */
final class ChartParts {
    /** Wider tick label insets on horizontal value axes: JFreeChart then picks fewer, less crowded ticks. */
    static final RectangleInsets WIDE_TICKS = new RectangleInsets(2, 12, 2, 12);

    private ChartParts() {
    }

    /** A chart with the title and an empty plot that says "无数据". */
    static JFreeChart noData(String title, String valueAxisLabel) {
        CategoryPlot plot = categoryPlot(new DefaultCategoryDataset(), new BarRenderer(), valueAxisLabel);
        JFreeChart chart = finish(title, plot, false, 0);
        // an empty 0–1 scale would only suggest there is something to read
        plot.getRangeAxis().setVisible(false);
        plot.getDomainAxis().setVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setRangeZeroBaselineVisible(false);
        return chart;
    }

    /** A horizontal category plot: categories down the left, values along the bottom. */
    static CategoryPlot categoryPlot(CategoryDataset ds, BarRenderer r, String valueAxisLabel) {
        CategoryAxis categories = new CategoryAxis(null);
        NumberAxis values = new NumberAxis(fullWidthBrackets(valueAxisLabel));
        CategoryPlot plot = new CategoryPlot(ds, categories, values, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        return plot;
    }

    /** Wraps the plot in a themed chart and sizes the category labels to the number of categories. */
    static JFreeChart finish(String title, org.jfree.chart.plot.Plot plot, boolean legend, int categories) {
        JFreeChart chart = new JFreeChart(title == null ? "" : fullWidthBrackets(title), ReportTheme.font(Font.BOLD, 16f), plot,
            legend);
        ReportTheme.apply(chart);
        if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlinesVisible(true);
            cp.setDomainGridlinesVisible(false);
            cp.setRangeZeroBaselineVisible(true);
            CategoryAxis axis = cp.getDomainAxis();
            if (cp.getOrientation() == PlotOrientation.HORIZONTAL) {
                // long names wrap before they would be cut off; with many thin rows a wrap would hit the next name
                axis.setMaximumCategoryLabelLines(categories > 30 ? 1 : 3);
                axis.setMaximumCategoryLabelWidthRatio(0.42f);
                axis.setCategoryMargin(categories > 30 ? 0.15 : 0.3);
                axis.setLowerMargin(0.02);
                axis.setUpperMargin(0.02);
                axis.setTickLabelFont(ReportTheme.font(Font.PLAIN, tickSize(categories)));
            }
            axis.setTickMarksVisible(false);
            axis.setAxisLineVisible(true);
            for (int i = 0; i < cp.getRangeAxisCount(); i++) {
                ValueAxis va = cp.getRangeAxis(i);
                if (va instanceof NumberAxis na && !(va instanceof SymbolAxis)) {
                    na.setNumberFormatOverride(format("#,##0.##"));
                    if (cp.getOrientation() == PlotOrientation.HORIZONTAL) {
                        na.setTickLabelInsets(WIDE_TICKS);
                    }
                }
                va.setAxisLineVisible(false);
                va.setTickMarksVisible(false);
            }
        } else if (plot instanceof XYPlot xp) {
            xp.setDomainGridlinesVisible(true);
            xp.setRangeGridlinesVisible(true);
            for (int i = 0; i < xp.getRangeAxisCount(); i++) {
                if (xp.getRangeAxis(i) instanceof NumberAxis na) {
                    na.setNumberFormatOverride(format("#,##0.##"));
                }
            }
            if (xp.getDomainAxis() instanceof NumberAxis na && !(na instanceof SymbolAxis)) {
                na.setNumberFormatOverride(format("#,##0.##"));
                na.setTickLabelInsets(WIDE_TICKS);
            }
        }
        return chart;
    }

    /** Category label size: smaller as categories get many, so 120 counties still fit their rows. */
    static float tickSize(int categories) {
        if (categories > 60) {
            return 8.5f;
        }
        if (categories > 30) {
            return 10f;
        }
        return ReportTheme.TICK_SIZE + 0.5f;
    }

    static void valueLabels(BarRenderer r, String pattern) {
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format(pattern)));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ReportTheme.smallFont());
        r.setDefaultItemLabelPaint(ReportTheme.TEXT);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        r.setItemLabelAnchorOffset(3);
        // labels stay outside the bar even when the bar is long
        r.setPositiveItemLabelPositionFallback(null);
        r.setNegativeItemLabelPositionFallback(null);
    }

    static ValueMarker referenceLine(double value, String label) {
        ValueMarker m = new ValueMarker(value, ReportTheme.REFERENCE, ReportTheme.dashed(1.4f));
        if (label != null) {
            m.setLabel(label);
            m.setLabelFont(ReportTheme.smallFont());
            m.setLabelPaint(ReportTheme.REFERENCE);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
            m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            m.setLabelOffset(new RectangleInsets(2, 4, 2, 4));
        }
        return m;
    }

    static LegendItem boxItem(String label, Paint paint) {
        LegendItem item = new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -5, 12, 10), paint);
        item.setLabelFont(ReportTheme.font(Font.PLAIN, ReportTheme.TICK_SIZE));
        return item;
    }

    static LegendItem lineItem(String label, Paint paint, java.awt.Stroke stroke) {
        Shape line = new Line2D.Double(-9, 0, 9, 0);
        LegendItem item = new LegendItem(label, null, null, null, line, stroke, paint);
        item.setLabelFont(ReportTheme.font(Font.PLAIN, ReportTheme.TICK_SIZE));
        return item;
    }

    /** "6月" when all months fall in one year, "2025-06" otherwise. */
    static Map<YearMonth, String> monthLabels(Set<YearMonth> months) {
        boolean oneYear = months.stream().map(YearMonth::getYear).distinct().count() <= 1;
        Map<YearMonth, String> out = new LinkedHashMap<>();
        boolean first = true;
        for (YearMonth m : months) {
            // over several years the first month and each January carry the year ("2026年1月"), never "2026-01"
            out.put(m, !oneYear && (first || m.getMonthValue() == 1) ? m.getYear() + "年" + m.getMonthValue() + "月"
                : m.getMonthValue() + "月");
            first = false;
        }
        return out;
    }

    /**
     * Cumulative periods as the bureau labels them: "1—2月" … "1—12月" (一字线), January alone "1月"; over several
     * years the year goes in front of the first period and of each year's first ("2026年1—2月").
     */
    static Map<YearMonth, String> cumulativeLabels(Set<YearMonth> months) {
        Map<YearMonth, String> out = new LinkedHashMap<>();
        Integer year = null;
        boolean oneYear = months.stream().map(YearMonth::getYear).distinct().count() <= 1;
        for (YearMonth m : months) {
            String label = m.getMonthValue() == 1 ? "1月" : "1—" + m.getMonthValue() + "月";
            out.put(m, !oneYear && !Integer.valueOf(m.getYear()).equals(year) ? m.getYear() + "年" + label : label);
            year = m.getYear();
        }
        return out;
    }

    /**
     * Chinese text with 全角 brackets: "(" and ")" become "（" and "）" when the text has a CJK character (Latin text
     * keeps its own); null stays null.
     */
    public static String fullWidthBrackets(String s) {
        if (s == null || s.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return s;
        }
        return s.replace('(', '（').replace(')', '）');
    }

    static double index(YearMonth first, YearMonth m) {
        return (m.getYear() - first.getYear()) * 12 + m.getMonthValue() - first.getMonthValue();
    }

    /** An axis range around [min, max] with room for labels on each side; a side at zero stays at zero. */
    static org.jfree.data.Range padded(double min, double max, double below, double above) {
        double span = max - min;
        if (!(span > 0)) {
            span = Math.max(1.0, Math.abs(max));
        }
        double lo = min == 0 && max >= 0 ? 0 : min - below * span;
        double hi = max == 0 && min < 0 ? 0 : max + above * span;
        if (lo == hi) {
            hi = lo + 1;
        }
        return new org.jfree.data.Range(lo, hi);
    }

    static List<CategoryValue> usable(List<CategoryValue> values) {
        return values == null ? List.of() : values.stream().filter(v -> finite(v.value())).toList();
    }

    static boolean finite(Double v) {
        return v != null && Double.isFinite(v);
    }

    static String one(double v) {
        return format("0.0").format(v);
    }

    /** A decimal format that prints the same everywhere (no locale-dependent separators). */
    static DecimalFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Bars in {@link ReportTheme#NEGATIVE} below zero. */
    static final class SignedBarRenderer extends BarRenderer {
        @Override
        public Paint getItemPaint(int row, int column) {
            CategoryDataset d = getPlot() == null ? null : getPlot().getDataset();
            Number v = d == null ? null : d.getValue(row, column);
            return v != null && v.doubleValue() < 0 ? ReportTheme.NEGATIVE : super.getItemPaint(row, column);
        }
    }

    /** Segment labels in white on dark colours and in black on light ones. */
    static final class ContrastStackRenderer extends StackedBarRenderer {
        @Override
        public Paint getItemLabelPaint(int row, int column) {
            Paint p = getItemPaint(row, column);
            if (p instanceof Color c) {
                double luminance = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
                return luminance > 150 ? new Color(0x1A1A1A) : Color.WHITE;
            }
            return Color.WHITE;
        }
    }

    /** A single-series bar narrower than the category's bar (the bullet's inner bar), red where behind. */
    static final class NarrowBarRenderer extends BarRenderer {
        private final boolean[] behind;
        private final double factor;

        NarrowBarRenderer(boolean[] behind, double factor) {
            this.behind = behind.clone();
            this.factor = factor;
        }

        @Override
        protected void calculateBarWidth(CategoryPlot plot, Rectangle2D dataArea, int rendererIndex,
                                         CategoryItemRendererState state) {
            super.calculateBarWidth(plot, dataArea, rendererIndex, state);
            state.setBarWidth(state.getBarWidth() * factor);
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return column < behind.length && behind[column] ? ReportTheme.NEGATIVE : super.getItemPaint(row, column);
        }
    }
}
