package org.countyscope.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.SVGUtils;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes a chart as {@code <name>.png} (anti-aliased, at {@link #SCALE} times the size for crisp print) and
 * {@code <name>.svg} (text as vector outlines, so Chinese shows on machines without a CJK font).
 */
public final class ChartFiles {
    /** Pixels per layout unit of the PNG: a 900 × 500 chart is a 1800 × 1000 image shown at 900 × 500. */
    public static final int SCALE = 2;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** The two files written for one chart. */
    public record Written(Path png, Path svg) {
    }

    private ChartFiles() {
    }

    /**
     * Writes {@code dir/name.png} ({@code SCALE·width × SCALE·height} pixels) and {@code dir/name.svg}
     * ({@code width × height}), creating {@code dir}; the same chart gives the same bytes.
     *
     * @param name ASCII file base name, e.g. "share_iva"
     */
    public static Written write(JFreeChart chart, Path dir, String name, int width, int height) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(dir, "dir");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("chart file name must be ASCII letters, digits, _ or -, got " + name);
        }
        checkSize(width, height);
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(name + ".png");
            Path svg = dir.resolve(name + ".svg");
            // whole or not at all: a reader never opens half a chart, even after a crash mid-write
            BufferedImage image = render(chart, width, height, SCALE);
            org.countyscope.report.ReportFiles.write(png, o -> ImageIO.write(image, "png", o));
            byte[] svgBytes = svg(chart, width, height, name).getBytes(StandardCharsets.UTF_8);
            org.countyscope.report.ReportFiles.write(svg, o -> o.write(svgBytes));
            return new Written(png, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + name + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The chart drawn on a white RGB image of {@code scale·width × scale·height} pixels. */
    public static BufferedImage render(JFreeChart chart, int width, int height, int scale) {
        checkSize(width, height);
        if (scale < 1 || scale > 4) {
            throw new IllegalArgumentException("scale must be 1 to 4, got " + scale);
        }
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The chart as an SVG document with text drawn as outlines (no {@code <text>} elements); {@code idPrefix}
     * keeps element ids unique when several charts sit in one HTML page.
     */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // the default prefix comes from the clock; a fixed one makes the file reproducible
        g.setDefsKeyPrefix(idPrefix == null ? "chart" : idPrefix);
        // two decimals are a hundredth of a pixel, and keep the glyph outlines about half the size
        g.setGeomDoubleConverter(SVGUtils.createDoubleConverter(2));
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    /**
     * A height (layout units) for a horizontal bar chart of {@code categories} bars that leaves each bar a
     * readable row: 400 for up to 8 counties, growing to about 1,850 for 120.
     */
    public static int heightFor(int categories) {
        int n = Math.max(0, categories);
        int row = n > 60 ? 14 : n > 30 ? 19 : 30;
        return Math.max(400, 160 + n * row);
    }

    private static void checkSize(int width, int height) {
        if (width < 50 || height < 50 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("chart size must be 50 to 10000 on each side, got " + width + "×"
                + height);
        }
    }
}
