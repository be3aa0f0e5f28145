package org.countyscope.report.html;

import org.countyscope.report.Sentences;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.ChartRef;
import org.countyscope.report.model.Headline;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.Section;
import org.countyscope.report.model.Vintage;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code report.ftlh} renders: a {@link Report} as plain text and flags, numbered (一、二、, 图1, 表1) and
 * anchored, numbers already printed with their column's decimals. Layout, wording around the data and CSS classes
 * are the template's; every string here is text (the template escapes it), cleaned of characters HTML does not allow.
 * Public because FreeMarker reads the records' accessors by reflection.
 *
 * @param title         the report's title
 * @param period        the period as printed ("2025年1—6月")
 * @param cadence       月调度, 季通报, 半年评 or 年度考 (empty when unknown)
 * @param generatedAt   when the report was made (may be empty)
 * @param navigation    the archive links, or null for a page outside an archive
 * @param headlines     the figures at the top
 * @param topics        the sections, in reading order
 * @param footnotes     the report's notes (the data vintage in plain words among them; the internal table versions
 *                      are the workbook's 说明 sheet's)
 * @param withheldTitle the hover text of a withheld cell
 */
public record ReportPage(String title, String period, String cadence, String generatedAt, Navigation navigation,
                         List<Kpi> headlines, List<Topic> topics, List<String> footnotes, String withheldTitle) {

    /** The archive links: {@code previousHref} and {@code previousTitle} are empty for the first report. */
    public record Navigation(String archiveHref, String previousHref, String previousTitle) {
    }

    /** One headline figure; unit and note may be empty. */
    public record Kpi(String label, String value, String unit, String note) {
    }

    /** One section: {@code ordinal} is its Chinese number (一, 二, …), {@code anchor} its id in the page. */
    public record Topic(String anchor, String ordinal, String title, List<String> sentences, List<Figure> figures,
                        List<Table> tables) {
    }

    /**
     * One chart: {@code number} counts charts through the page; {@code path} is {@code charts/NAME} without the
     * extension (the PNG is shown, the SVG linked).
     */
    public record Figure(int number, String path, String caption) {
    }

    /** One table: {@code number} counts tables through the page. */
    public record Table(int number, String title, List<Column> columns, List<Row> rows, List<String> footnotes) {
    }

    /** A column heading; {@code number} when the column holds numbers (right-aligned). */
    public record Column(String header, boolean number) {
    }

    /** A row; {@code total} for the city's (全市, 合计, 总计) row. */
    public record Row(boolean total, List<TableCell> cells) {
    }

    /**
     * A cell as printed: {@code rowHeader} for the first cell of a text column (the row's name), {@code number} in a
     * number column, {@code withheld} when disclosure control suppressed it (text is then "…").
     */
    public record TableCell(String text, boolean rowHeader, boolean number, boolean withheld) {
    }

    /** The page of {@code report}, with its archive links when {@code nav} is not null. */
    static ReportPage of(Report report, HtmlReport.Navigation nav) {
        List<Kpi> kpis = report.headlines().stream()
            .map((Headline h) -> new Kpi(t(h.label()), t(h.value()), t(h.unit()), t(h.note()))).toList();
        List<String> anchors = HtmlReport.anchors(report.sections());
        List<Topic> topics = new ArrayList<>();
        int figures = 0;
        int tables = 0;
        for (int i = 0; i < report.sections().size(); i++) {
            Section s = report.sections().get(i);
            List<Figure> fs = new ArrayList<>();
            for (ChartRef c : s.charts()) {
                String caption = c.caption() == null || c.caption().isBlank() ? c.name() : c.caption();
                fs.add(new Figure(++figures, "charts/" + Html.pathSegment(c.name() == null ? "" : c.name()), t(caption)));
            }
            List<Table> ts = new ArrayList<>();
            for (ReportTable rt : s.tables()) {
                ts.add(table(rt, ++tables));
            }
            topics.add(new Topic(anchors.get(i), HtmlReport.chineseOrdinal(i + 1), t(s.title()),
                texts(s.sentences()), fs, ts));
        }
        Vintage v = report.vintage();
        Navigation navigation = nav == null ? null
            : new Navigation(t(nav.archiveHref()), t(nav.previousHref()), t(nav.previousTitle()));
        return new ReportPage(t(report.title()), t(HtmlReport.periodText(report)), t(HtmlReport.cadenceName(report)),
            t(v.generatedAt()), navigation, kpis, topics, texts(report.footnotes()),
            HtmlReport.WITHHELD_TITLE);
    }

    private static Table table(ReportTable t, int number) {
        List<Column> columns = t.columns().stream()
            .map(c -> new Column(t(c.header()), c.kind() == ReportTable.Kind.NUMBER)).toList();
        List<Row> rows = new ArrayList<>();
        for (List<Cell> row : t.rows()) {
            List<TableCell> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(cell(row.get(i), t.columns().get(i), i == 0));
            }
            rows.add(new Row(isTotal(row), cells));
        }
        return new Table(number, t(t.title()), columns, rows, texts(t.footnotes()));
    }

    private static TableCell cell(Cell c, ReportTable.Column col, boolean first) {
        boolean number = col.kind() == ReportTable.Kind.NUMBER;
        String text;
        if (c.withheld()) {
            text = Cell.WITHHELD_MARK;
        } else if (c.number() != null) {
            // Sentences.fixed: the same half-up rounding as the sentences, and never "-0.0"
            text = Double.isFinite(c.number()) ? Sentences.fixed(c.number(), col.decimals()) : "";
        } else {
            text = t(c.text());
        }
        return new TableCell(text, first && !number, number, c.withheld());
    }

    /** The city row is set in bold: its first cell names the whole city or a total. */
    private static boolean isTotal(List<Cell> row) {
        if (row.isEmpty() || row.get(0).text() == null) {
            return false;
        }
        String first = row.get(0).text().strip();
        return first.equals("全市") || first.equals("合计") || first.equals("总计");
    }

    private static List<String> texts(List<String> texts) {
        return texts.stream().map(ReportPage::t).toList();
    }

    private static String t(String s) {
        return Html.clean(s);
    }
}
