package org.countyscope.report.html;

import org.countyscope.report.CjkFont;
import org.countyscope.report.Sentences;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.ChartRef;
import org.countyscope.report.model.Headline;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.Section;
import org.countyscope.report.model.Vintage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Report} as {@code index.html}: one page that opens from disk with no network (inline CSS, no
 * JavaScript, no external URL), prints on A4, and shows the charts from {@code charts/NAME.png} beside it. Every
 * text from data is HTML-escaped. The bundled CJK font is copied to {@code fonts/} as the last fallback of the
 * font stack, so Chinese renders even where the system has no CJK font.
 */
public final class HtmlReport {
    /** The page's file name in the report folder. */
    public static final String FILE = "index.html";
    /** The bundled font, relative to the page. */
    public static final String FONT_FILE = "fonts/countyscope-cjk.ttf";
    /** The bundled font's licence, relative to the page (written when the bundled font is the one in use). */
    public static final String FONT_LICENCE_FILE = "fonts/wqy-zenhei-LICENSE.txt";
    /** The hover text of a withheld cell. */
    public static final String WITHHELD_TITLE = "数据涉及单个或少数调查对象，依据《统计法》不予公布";

    private static final Map<String, String> CADENCES = Map.of(
        "month", "月调度", "quarter", "季通报", "half", "半年评", "year", "年度考");
    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /**
     * Where a report sits in its archive: the link to the archive page and to the previous report of its cadence
     * (null when there is none), both relative to the page.
     */
    public record Navigation(String archiveHref, String previousHref, String previousTitle) {
    }

    private HtmlReport() {
    }

    /** Writes {@code dir/index.html} and the font beside it; returns the page's path. */
    public static Path write(Report report, Path dir) {
        return write(report, dir, null);
    }

    /** Writes {@code dir/index.html} with its archive links (or none, when {@code nav} is null). */
    public static Path write(Report report, Path dir, Navigation nav) {
        try {
            Files.createDirectories(dir.resolve("fonts"));
            Path font = dir.resolve(FONT_FILE);
            byte[] fontBytes = CjkFont.bytes();
            if (!Files.exists(font) || Files.size(font) != fontBytes.length) {
                Files.write(font, fontBytes);
            }
            String override = System.getenv(CjkFont.ENV);
            if (override == null || override.isBlank()) {
                try (InputStream in = HtmlReport.class.getResourceAsStream("/fonts/wqy-zenhei-LICENSE.txt")) {
                    if (in != null) {
                        Files.copy(in, dir.resolve(FONT_LICENCE_FILE), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            byte[] page = render(report, nav).getBytes(StandardCharsets.UTF_8);
            return org.countyscope.report.ReportFiles.write(dir.resolve(FILE), out -> out.write(page));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** The page as text; the same report always gives the same text (the time printed is the vintage's). */
    public static String render(Report report) {
        return render(report, null);
    }

    /** The page with its archive links ({@code nav} may be null). */
    public static String render(Report report, Navigation nav) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<meta name=\"generator\" content=\"countyscope\">\n")
            // an empty icon: a page opened from disk must not ask for favicon.ico
            .append("<link rel=\"icon\" href=\"data:,\">\n")
            .append("<title>").append(esc(report.title())).append("</title>\n")
            .append("<style>\n").append(Css.TEXT).append("</style>\n</head>\n<body>\n<div class=\"page\">\n");
        masthead(h, report);
        if (nav != null) {
            navigation(h, nav);
        }
        headlines(h, report.headlines());
        List<String> anchors = anchors(report.sections());
        toc(h, report.sections(), anchors);
        h.append("<main>\n");
        int[] counters = {0, 0};
        for (int i = 0; i < report.sections().size(); i++) {
            section(h, report.sections().get(i), i + 1, anchors.get(i), counters);
        }
        h.append("</main>\n");
        footer(h, report);
        h.append("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void navigation(StringBuilder h, Navigation nav) {
        h.append("<nav class=\"archive\">");
        if (nav.previousHref() != null) {
            h.append("<a rel=\"prev\" href=\"").append(esc(nav.previousHref())).append("\">上一期：")
                .append(esc(nav.previousTitle())).append("</a>");
        } else {
            h.append("<span>上一期：无</span>");
        }
        h.append(" · <a href=\"").append(esc(nav.archiveHref())).append("\">全部报告</a></nav>\n");
    }

    private static void masthead(StringBuilder h, Report r) {
        h.append("<header class=\"masthead\">\n<h1>").append(esc(r.title())).append("</h1>\n<p class=\"meta\">");
        h.append("<span>报告期：").append(esc(periodText(r))).append("</span>");
        String cadence = r.cadence() == null ? null : CADENCES.getOrDefault(r.cadence(), r.cadence());
        if (cadence != null && !cadence.isBlank()) {
            h.append("<span>").append(esc(cadence)).append("</span>");
        }
        if (r.vintage().generatedAt() != null && !r.vintage().generatedAt().isBlank()) {
            h.append("<span>生成时间：").append(esc(r.vintage().generatedAt())).append("</span>");
        }
        h.append("</p>\n</header>\n");
    }

    private static String periodText(Report r) {
        String label = r.periodLabel() == null ? "" : r.periodLabel();
        if (r.period().matches("\\d{4}-\\d{2}")) {
            return r.period().substring(0, 4) + "年" + (label.isBlank()
                ? Integer.parseInt(r.period().substring(5)) + "月" : label);
        }
        return label.isBlank() ? r.period() : r.period() + " " + label;
    }

    private static void headlines(StringBuilder h, List<Headline> headlines) {
        if (headlines.isEmpty()) {
            return;
        }
        h.append("<section class=\"headlines\" aria-label=\"主要指标\">\n");
        for (Headline x : headlines) {
            h.append("<div class=\"kpi\"><div class=\"kpi-label\">").append(esc(x.label())).append("</div>")
                .append("<div class=\"kpi-value\">").append(esc(x.value()));
            if (x.unit() != null && !x.unit().isBlank()) {
                h.append("<span class=\"kpi-unit\">").append(esc(x.unit())).append("</span>");
            }
            h.append("</div>");
            if (x.note() != null && !x.note().isBlank()) {
                h.append("<div class=\"kpi-note\">").append(esc(x.note())).append("</div>");
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    private static void toc(StringBuilder h, List<Section> sections, List<String> anchors) {
        if (sections.isEmpty()) {
            return;
        }
        h.append("<nav class=\"toc\" aria-label=\"目录\">\n<h2>目录</h2>\n<ol>\n");
        for (int i = 0; i < sections.size(); i++) {
            h.append("<li><a href=\"#").append(esc(anchors.get(i))).append("\">").append(chineseOrdinal(i + 1))
                .append("、").append(esc(sections.get(i).title())).append("</a></li>\n");
        }
        h.append("</ol>\n</nav>\n");
    }

    private static void section(StringBuilder h, Section s, int number, String anchor, int[] counters) {
        h.append("<section class=\"topic\" id=\"").append(esc(anchor)).append("\">\n<h2>")
            .append(chineseOrdinal(number)).append("、").append(esc(s.title())).append("</h2>\n");
        for (String sentence : s.sentences()) {
            h.append("<p>").append(esc(sentence)).append("</p>\n");
        }
        for (ChartRef c : s.charts()) {
            int n = ++counters[0];
            String base = "charts/" + Html.pathSegment(c.name());
            String caption = c.caption() == null || c.caption().isBlank() ? c.name() : c.caption();
            h.append("<figure>\n<img src=\"").append(esc(base)).append(".png\" alt=\"").append(esc(caption))
                .append("\">\n<figcaption>图").append(n).append("　").append(esc(caption))
                .append(" <a class=\"svg\" href=\"").append(esc(base)).append(".svg\">矢量图（SVG）</a></figcaption>\n")
                .append("</figure>\n");
        }
        for (ReportTable t : s.tables()) {
            table(h, t, ++counters[1]);
        }
        h.append("</section>\n");
    }

    private static void table(StringBuilder h, ReportTable t, int number) {
        h.append("<div class=\"table-block\">\n<table>\n<caption>表").append(number).append("　")
            .append(esc(t.title())).append("</caption>\n");
        h.append("<thead>\n<tr>");
        for (ReportTable.Column c : t.columns()) {
            h.append("<th scope=\"col\"").append(c.kind() == ReportTable.Kind.NUMBER ? " class=\"num\"" : "")
                .append(">").append(esc(c.header())).append("</th>");
        }
        h.append("</tr>\n</thead>\n<tbody>\n");
        for (List<Cell> row : t.rows()) {
            h.append(isTotal(row) ? "<tr class=\"total\">" : "<tr>");
            for (int i = 0; i < row.size(); i++) {
                cell(h, row.get(i), t.columns().get(i), i == 0);
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        for (String note : t.footnotes()) {
            h.append("<p class=\"table-note\">注：").append(esc(note)).append("</p>\n");
        }
        h.append("</div>\n");
    }

    /** The city row is set in bold: its first cell names the whole city or a total. */
    private static boolean isTotal(List<Cell> row) {
        if (row.isEmpty() || row.get(0).text() == null) {
            return false;
        }
        String first = row.get(0).text().strip();
        return first.equals("全市") || first.equals("合计") || first.equals("总计");
    }

    private static void cell(StringBuilder h, Cell c, ReportTable.Column col, boolean first) {
        boolean number = col.kind() == ReportTable.Kind.NUMBER;
        String tag = first && !number ? "th" : "td";
        StringBuilder cls = new StringBuilder(number ? "num" : "");
        String title = null;
        String text;
        if (c.withheld()) {
            cls.append(cls.length() > 0 ? " " : "").append("withheld");
            title = WITHHELD_TITLE;
            text = Cell.WITHHELD_MARK;
        } else if (c.number() != null) {
            // Sentences.fixed: the same half-up rounding as the sentences, and never "-0.0"
            text = Double.isFinite(c.number()) ? Sentences.fixed(c.number(), col.decimals()) : "";
        } else {
            text = c.text() == null ? "" : c.text();
        }
        h.append('<').append(tag);
        if (tag.equals("th")) {
            h.append(" scope=\"row\"");
        }
        if (cls.length() > 0) {
            h.append(" class=\"").append(cls).append('"');
        }
        if (title != null) {
            h.append(" title=\"").append(esc(title)).append('"');
        }
        h.append('>').append(esc(text)).append("</").append(tag).append('>');
    }

    private static void footer(StringBuilder h, Report r) {
        h.append("<footer>\n");
        if (!r.footnotes().isEmpty()) {
            h.append("<h2>说明</h2>\n<ol class=\"footnotes\">\n");
            for (String f : r.footnotes()) {
                h.append("<li>").append(esc(f)).append("</li>\n");
            }
            h.append("</ol>\n");
        }
        Vintage v = r.vintage();
        h.append("<h2>数据版本</h2>\n<p class=\"vintage-time\">生成时间：").append(esc(v.generatedAt())).append("</p>\n");
        if (!v.tables().isEmpty()) {
            h.append("<table class=\"vintage\">\n<thead>\n<tr><th scope=\"col\">数据表</th>")
                .append("<th scope=\"col\" class=\"num\">Delta 版本</th><th scope=\"col\">数据发布</th></tr>\n")
                .append("</thead>\n<tbody>\n");
            for (Vintage.TableVersion t : v.tables()) {
                h.append("<tr><td>").append(esc(t.table())).append("</td><td class=\"num\">").append(t.version())
                    .append("</td><td>").append(esc(t.release() == null || t.release().isBlank() ? "—" : t.release()))
                    .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</footer>\n");
    }

    /** Anchor ids from the sections' ids: ASCII letters, digits, - and _ only, unique, never empty. */
    private static List<String> anchors(List<Section> sections) {
        Set<String> used = new HashSet<>();
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            String id = sections.get(i).id() == null ? "" : sections.get(i).id().replaceAll("[^A-Za-z0-9_-]", "");
            String a = "sec-" + (id.isEmpty() ? String.valueOf(i + 1) : id.toLowerCase(Locale.ROOT));
            if (!used.add(a)) {
                a = a + "-" + (i + 1);
                used.add(a);
            }
            out.add(a);
        }
        return out;
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (sections are few). */
    static String chineseOrdinal(int n) {
        if (n < 1 || n > 99) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        return (n / 10 == 1 ? "" : DIGITS[n / 10]) + "十" + DIGITS[n % 10];
    }

    private static String esc(String s) {
        return Html.escape(s);
    }
}
