package org.countyscope.notebook.kernel;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.countyscope.report.chart.ChartFiles;
import org.countyscope.report.html.Html;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * How a cell's value is shown: a Dataset as an HTML table of its first rows (and as text for a terminal), a
 * JFreeChart as a PNG drawn with the report's theme and font (and as SVG). Everything else as its {@code toString}.
 */
public final class Displays {
    /** Rows of a Dataset shown; the table says when there are more. */
    public static final int ROWS = 20;
    public static final int CHART_WIDTH = 900;
    public static final int CHART_HEIGHT = 480;

    private Displays() {
    }

    public static void register(Renderer renderer) {
        renderer.createRegistration(Dataset.class)
            .preferring(MIMEType.TEXT_HTML)
            .supporting(MIMEType.TEXT_PLAIN)
            .register((ds, ctx) -> {
                Dataset<Row> rows = ds.toDF();
                List<Row> head = rows.limit(ROWS + 1).collectAsList();
                ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> html(rows.columns(), head));
                ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(rows.columns(), head));
            });
        renderer.createRegistration(JFreeChart.class)
            .preferring(MIMEType.IMAGE_PNG)
            .supporting(MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
            .register((chart, ctx) -> {
                ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(chart));
                ctx.renderIfRequested(MIMEType.IMAGE_SVG, () -> ChartFiles.svg(chart, CHART_WIDTH, CHART_HEIGHT, "c"));
                ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "chart: " + (chart.getTitle() == null ? ""
                    : chart.getTitle().getText()));
            });
    }

    /** The rows as an HTML table, every value escaped; a last line says when rows were left out. */
    static String html(String[] columns, List<Row> head) {
        StringBuilder b = new StringBuilder("<table class=\"countyscope\"><thead><tr>");
        for (String c : columns) {
            b.append("<th>").append(Html.escape(c)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (Row r : head.subList(0, Math.min(ROWS, head.size()))) {
            b.append("<tr>");
            for (int i = 0; i < columns.length; i++) {
                Object v = r.get(i);
                b.append(v instanceof Number ? "<td style=\"text-align:right\">" : "<td>")
                    .append(v == null ? "" : Html.escape(String.valueOf(v))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        if (head.size() > ROWS) {
            b.append("<p>first ").append(ROWS).append(" rows shown</p>");
        }
        return b.toString();
    }

    static String text(String[] columns, List<Row> head) {
        StringBuilder b = new StringBuilder(String.join("\t", columns));
        for (Row r : head.subList(0, Math.min(ROWS, head.size()))) {
            b.append('\n');
            for (int i = 0; i < columns.length; i++) {
                b.append(i == 0 ? "" : "\t").append(r.get(i) == null ? "" : r.get(i));
            }
        }
        if (head.size() > ROWS) {
            b.append("\n(first ").append(ROWS).append(" rows shown)");
        }
        return b.toString();
    }

    /** PNG bytes, base64 as Jupyter carries images. */
    static String png(JFreeChart chart) {
        BufferedImage image = ChartFiles.render(chart, CHART_WIDTH, CHART_HEIGHT, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
