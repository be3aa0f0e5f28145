package org.countyscope.report.html;

import org.countyscope.report.CjkFont;
import org.countyscope.report.GoldenFile;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.ChartRef;
import org.countyscope.report.model.Headline;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.ReportTable.Column;
import org.countyscope.report.model.Section;
import org.countyscope.report.model.Vintage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    /** Every kind of markup a data value could try to smuggle in. */
    static final String EVIL = "<script>alert(1)</script>\"onmouseover=alert(2) x='y' & <img src=x onerror=alert(3)>";
    private static final String EVIL_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=alert(2) "
        + "x=&#39;y&#39; &amp; &lt;img src=x onerror=alert(3)&gt;";

    private static final Set<String> TAGS = Set.of("!doctype", "html", "head", "meta", "link", "title", "style",
        "body", "div", "header", "h1", "h2", "p", "span", "section", "nav", "ol", "li", "a", "main", "figure", "img",
        "figcaption", "table", "caption", "thead", "tbody", "tr", "th", "td", "footer");
    private static final Set<String> ATTRIBUTES = Set.of("lang", "charset", "name", "content", "rel", "href", "class",
        "id", "src", "alt", "title", "scope", "aria-label");
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z!][A-Za-z0-9]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z-]+)(=\"[^\"]*\")?");

    @Test
    void smallReportMatchesTheGoldenPage() {
        GoldenFile.assertMatches("index.html", HtmlReport.render(ReportFixtures.small()));
    }

    @Test
    void writesThePageAndTheFontBesideIt(@TempDir Path dir) throws Exception {
        Path page = HtmlReport.write(ReportFixtures.small(), dir.resolve("out"));
        assertEquals(dir.resolve("out/index.html"), page, "the page's path");
        assertEquals(HtmlReport.render(ReportFixtures.small()), Files.readString(page, StandardCharsets.UTF_8),
            "write() writes what render() renders");
        assertEquals(CjkFont.bytes().length, Files.size(dir.resolve("out").resolve(HtmlReport.FONT_FILE)),
            "the bundled font travels with the page");
        assertTrue(Files.exists(dir.resolve("out").resolve(HtmlReport.FONT_LICENCE_FILE)), "and its licence");
        HtmlReport.write(ReportFixtures.small(), dir.resolve("out"));
        assertFalse(Files.exists(dir.resolve("out/index.html.tmp")), "no temporary file left behind");
    }

    @Test
    void everyTextFromDataIsEscaped() {
        ReportTable t = new ReportTable(EVIL, EVIL, List.of(Column.text(EVIL), Column.number(EVIL, 1)),
            List.of(List.of(Cell.text(EVIL), Cell.text(EVIL)), List.of(Cell.text(EVIL), Cell.number(1.0))),
            List.of(EVIL));
        Section s = new Section(EVIL, EVIL, List.of(EVIL), List.of(new ChartRef(EVIL, EVIL)), List.of(t));
        Report r = new Report(EVIL, EVIL, EVIL, EVIL, List.of(new Headline(EVIL, EVIL, EVIL, EVIL)), List.of(s),
            new Vintage(EVIL, List.of(new Vintage.TableVersion(EVIL, 3, EVIL))), List.of(EVIL));
        String html = HtmlReport.render(r);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element may appear at all");
        assertFalse(html.contains("\"onmouseover"), "a quote from data must not close an attribute");
        assertFalse(html.contains("<img src=x"), "no element from data");
        assertFalse(html.contains("'y'"), "single quotes are escaped too");
        int count = html.split(Pattern.quote(EVIL_ESCAPED), -1).length - 1;
        // title ×2 (head, h1), period and its label, cadence, headline ×4, section title ×2 (toc, h2), sentence,
        // caption ×2 (alt, figcaption), table title, 2 headers, 3 text cells, table footnote, generatedAt (masthead),
        // report footnote; the internal table names and releases are not printed (the workbook's 说明 sheet has them)
        assertEquals(23, count, "every text from data appears escaped where it is printed");
        assertOnlyKnownMarkup(html);
        assertTrue(html.contains("src=\"charts/%3Cscript%3Ealert%281%29%3C%2Fscript%3E%22onmouseover%3Dalert%282%29"),
            "a chart name is percent-encoded into its path: " + html.substring(html.indexOf("<img"),
                html.indexOf("<img") + 120));
        assertTrue(html.contains("<section class=\"topic\" id=\"sec-scriptalert1scriptonmouseoveralert2xy"
                + "imgsrcxonerroralert3\">"),
            "anchors keep only ASCII letters, digits, - and _");
    }

    @Test
    void pageHasNoScriptAndNoExternalUrl() {
        String html = HtmlReport.render(ReportFixtures.sample());
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no JavaScript at all");
        assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), "no event handler attribute");
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"|url\\(\"([^\"]*)\"\\)").matcher(html);
        int links = 0;
        while (m.find()) {
            String u = m.group(1) != null ? m.group(1) : m.group(2);
            links++;
            assertTrue(u.equals("data:,") || u.startsWith("#") || u.startsWith("charts/") || u.startsWith("fonts/"),
                "only links inside the report folder (or the empty icon): " + u);
        }
        assertEquals(1 + 4 + 5 * 2 + 1, links, "icon, four section links, five charts with their SVG, the font");
        assertOnlyKnownMarkup(html);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">"),
            "declared Chinese and UTF-8 first");
        assertTrue(html.contains("\"WenQuanYi Zen Hei\", \"Noto Sans CJK SC\", \"Microsoft YaHei\""), "CJK font stack");
        assertTrue(html.contains("@page { size: A4;") && html.contains("@media print"), "A4 print rules");
        String visible = html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]*>", "");
        assertFalse(visible.contains("SVG"), "a planner reads 下载矢量图, not a file format");
        assertEquals(5, visible.split("下载矢量图", -1).length - 1, "one link under each chart");
    }

    @Test
    void aTemplateFolderChangesThePageWithoutJava(@TempDir Path folder) throws Exception {
        String bundled = resource("report.ftlh");
        assertTrue(bundled.contains("<h2>目录</h2>"), "the bundled template has the heading this test changes");
        Files.writeString(folder.resolve("report.ftlh"), bundled.replace("<h2>目录</h2>", "<h2>本期目录</h2>")
            .replace("<h1>${page.title}</h1>", "<h1 class=\"banner\">${page.title}</h1>"), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("report.css"), "h1.banner { color: #006400; }\n", StandardCharsets.UTF_8);
        Report evil = withTitle(ReportFixtures.small(), EVIL);

        String page = HtmlReport.render(evil, null, Templates.overriddenBy(folder));
        assertTrue(page.contains("<h2>本期目录</h2>") && page.contains("<h1 class=\"banner\">"), "the edited template");
        assertTrue(page.contains("<style>\nh1.banner { color: #006400; }\n</style>"), "the edited style sheet");
        assertTrue(page.contains("<figcaption>图1"), "the macros not overridden come from the bundled ones");
        assertTrue(page.contains("<h1 class=\"banner\">" + EVIL_ESCAPED + "</h1>"),
            "an edited template still escapes what it prints");
        assertFalse(HtmlReport.render(evil).contains("本期目录"), "the bundled templates are untouched");

        String before = System.getProperty(Templates.PROPERTY);
        System.setProperty(Templates.PROPERTY, folder.toString());
        try {
            assertTrue(HtmlReport.render(ReportFixtures.small()).contains("<h2>本期目录</h2>"),
                "-D" + Templates.PROPERTY + " points the report job at the folder");
        } finally {
            if (before == null) {
                System.clearProperty(Templates.PROPERTY);
            } else {
                System.setProperty(Templates.PROPERTY, before);
            }
        }
    }

    @Test
    void templatesCannotReachJava(@TempDir Path folder) throws Exception {
        String bundled = resource("report.ftlh");
        Map<String, String> attacks = Map.of(
            "${\"freemarker.template.utility.Execute\"?new()(\"id\")}", "not allowed in the template for security",
            "${page?api.getClass().getName()}", "api_builtin_enabled");
        for (Map.Entry<String, String> a : attacks.entrySet()) {
            String attack = a.getKey();
            Path dir = Files.createTempDirectory(folder, "attack"); // a folder each: its templates are cached
            Files.writeString(dir.resolve("report.ftlh"), bundled.replace("<h2>目录</h2>", attack),
                StandardCharsets.UTF_8);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> HtmlReport.render(ReportFixtures.small(), null, Templates.overriddenBy(dir)), attack);
            assertTrue(e.getMessage().contains("report.ftlh") && e.getMessage().contains(a.getValue()),
                "refused for that reason, naming the template: " + e.getMessage());
        }
    }

    private static String resource(String name) throws Exception {
        try (var in = HtmlReportTest.class.getResourceAsStream("/templates/report/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Report withTitle(Report r, String title) {
        return new Report(title, r.period(), r.cadence(), r.periodLabel(), r.headlines(), r.sections(), r.vintage(),
            r.footnotes());
    }

    @Test
    void numbersTakeTheColumnsDecimalsAndWithheldCellsAreMarked() {
        String html = HtmlReport.render(ReportFixtures.small());
        assertTrue(html.contains("<th scope=\"row\">泾川县</th><td class=\"num\">18.73</td><td class=\"num\">5.3</td>"
            + "<td class=\"num\">3</td>"), "2, 1 and 0 decimals, half-up: " + row(html, "泾川县"));
        assertTrue(html.contains("<td class=\"num\">0.0</td>"), "-0.04 prints 0.0: " + row(html, "灵台县"));
        assertFalse(html.contains("-0.0"), "never a negative zero");
        assertTrue(html.contains("<td class=\"num withheld\" title=\"" + HtmlReport.WITHHELD_TITLE + "\">…</td>"),
            "withheld: … with its reason on hover: " + row(html, "华亭市"));
        assertTrue(html.contains("<tr class=\"total\"><th scope=\"row\">全市</th>"), "the city row is the total row");
        assertTrue(html.contains("<thead>") && html.contains("<tbody>"), "header and body");
    }

    @Test
    void sectionsAreNumberedTheChineseWay() {
        assertEquals("一", HtmlReport.chineseOrdinal(1));
        assertEquals("十", HtmlReport.chineseOrdinal(10));
        assertEquals("十二", HtmlReport.chineseOrdinal(12));
        assertEquals("二十", HtmlReport.chineseOrdinal(20));
        assertEquals("三十五", HtmlReport.chineseOrdinal(35));
    }

    private static String row(String html, String name) {
        int i = html.indexOf(">" + name + "<");
        return i < 0 ? "(no row " + name + ")" : html.substring(Math.max(0, html.lastIndexOf("<tr", i)),
            html.indexOf("</tr>", i));
    }

    /** Every tag and attribute is one the writer itself prints: nothing from data became markup. */
    private static void assertOnlyKnownMarkup(String html) {
        String body = html.replaceAll("(?s)<style>.*?</style>", "<style></style>");
        Matcher m = TAG.matcher(body);
        while (m.find()) {
            String name = m.group(2).toLowerCase(Locale.ROOT);
            assertTrue(TAGS.contains(name), "unexpected tag <" + name + "> in " + m.group());
            if (!name.equals("!doctype")) {
                Matcher a = ATTRIBUTE.matcher(m.group(3));
                while (a.find()) {
                    assertTrue(ATTRIBUTES.contains(a.group(1).toLowerCase(Locale.ROOT)),
                        "unexpected attribute " + a.group(1) + " in " + m.group());
                }
            }
        }
    }
}
