package org.countyscope.report.chart;

import org.countyscope.report.CjkFont;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

/**
 * The one look of every report chart: the bundled CJK font for all text, one palette, white background and light
 * grid lines, applied through a JFreeChart {@link StandardChartTheme}.
 */
public final class ReportTheme {
    /** Bars and lines by default, and values at or above zero. */
    public static final Color PRIMARY = new Color(0x2F5D8C);
    /** Values below zero, and units behind 序时进度. */
    public static final Color NEGATIVE = new Color(0xD1495B);
    /** Reference lines: averages, the city. */
    public static final Color REFERENCE = new Color(0x333333);
    /** Target lines. */
    public static final Color TARGET = new Color(0xC0392B);
    /** Text of axes, ticks and legends. */
    public static final Color TEXT = new Color(0x333333);
    /** Grid lines. */
    public static final Color GRID = new Color(0xDDDDDD);
    /** Series colours in order (Tableau 10, readable in print and for most colour-blind readers). */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
    };

    /** Point sizes: title, axis labels, tick labels and legend, item labels and marker labels. */
    static final float TITLE_SIZE = 16f;
    static final float LABEL_SIZE = 12.5f;
    static final float TICK_SIZE = 11.5f;
    static final float SMALL_SIZE = 10.5f;

    private static final StandardChartTheme THEME = build();

    private ReportTheme() {
    }

    /** The CJK font at a style and size. */
    public static Font font(int style, float size) {
        return CjkFont.awt(style, size);
    }

    /** The font of item labels, marker labels and annotations. */
    public static Font smallFont() {
        return font(Font.PLAIN, SMALL_SIZE);
    }

    /** The i-th series colour (the palette repeats after ten). */
    public static Color series(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** How many series colours there are before they repeat. */
    public static int paletteSize() {
        return PALETTE.length;
    }

    /** A dashed line for reference markers. */
    public static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** Applies the theme to a chart built by {@link Charts}; call before setting series-specific paints. */
    public static void apply(JFreeChart chart) {
        THEME.apply(chart);
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        Plot plot = chart.getPlot();
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(6, 4, 4, 8));
        plot.setNoDataMessage("无数据");
        plot.setNoDataMessageFont(font(Font.PLAIN, 15f));
        plot.setNoDataMessagePaint(new Color(0x888888));
        Stroke grid = new BasicStroke(0.7f);
        if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlineStroke(grid);
            cp.setDomainGridlineStroke(grid);
        } else if (plot instanceof XYPlot xp) {
            xp.setRangeGridlineStroke(grid);
            xp.setDomainGridlineStroke(grid);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemLabelPadding(new RectangleInsets(2, 3, 2, 10));
        }
    }

    private static StandardChartTheme build() {
        StandardChartTheme t = new StandardChartTheme("countyscope");
        t.setExtraLargeFont(font(Font.BOLD, TITLE_SIZE));
        t.setLargeFont(font(Font.PLAIN, LABEL_SIZE));
        t.setRegularFont(font(Font.PLAIN, TICK_SIZE));
        t.setSmallFont(font(Font.PLAIN, SMALL_SIZE));
        t.setTitlePaint(new Color(0x1A1A1A));
        t.setSubtitlePaint(TEXT);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setLegendItemPaint(TEXT);
        t.setPlotOutlinePaint(GRID);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setBaselinePaint(new Color(0x999999));
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(TEXT);
        t.setItemLabelPaint(TEXT);
        t.setAxisOffset(RectangleInsets.ZERO_INSETS);
        t.setShadowVisible(false);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        t.setGridBandPaint(Color.WHITE);
        t.setGridBandAlternatePaint(Color.WHITE);
        Stroke line = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        Shape dot = new Ellipse2D.Double(-3.5, -3.5, 7, 7);
        t.setDrawingSupplier(new DefaultDrawingSupplier(PALETTE.clone(), PALETTE.clone(),
            new Paint[] {REFERENCE}, new Stroke[] {line}, new Stroke[] {new BasicStroke(1f)},
            new Shape[] {dot, new Rectangle2D.Double(-3, -3, 6, 6)}));
        return t;
    }
}
