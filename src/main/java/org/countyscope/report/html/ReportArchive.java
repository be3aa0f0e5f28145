package org.countyscope.report.html;

import org.countyscope.report.ChineseDates;
import org.countyscope.report.ReportFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The archive of an output folder: each report leaves {@value #ENTRY_FILE} beside its page (title, cadence, the
 * period it covers, a one-line summary), and {@code <out>/index.html} lists every report found there by cadence
 * (月调度, 季通报, 半年评, 年度考), latest first, so a planner opens one page to find any month. A period reported from
 * several folders (the 季通报 of September written by the October and the November runs) is listed once, from the
 * latest folder. Plain files, no Spark.
 */
public final class ReportArchive {
    /** The archive page, in the output folder. */
    public static final String FILE = "index.html";
    /** What each report folder records for the archive. */
    public static final String ENTRY_FILE = "report.properties";
    /** Cadences in the order the page lists them, with their names. */
    static final Map<String, String> CADENCES = orderedCadences();

    /**
     * One report of the archive.
     *
     * @param cadence month, quarter, half or year
     * @param end     the last month the report covers
     * @param folder  the report's folder, relative to the output folder ("2025-12", "2025-12/quarter")
     * @param title   the report's title
     * @param summary one line: the report's headline figures
     */
    public record Entry(String cadence, YearMonth end, String folder, String title, String summary) {
    }

    private ReportArchive() {
    }

    private static Map<String, String> orderedCadences() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("month", "月调度");
        m.put("quarter", "季通报");
        m.put("half", "半年评");
        m.put("year", "年度考");
        return m;
    }

    /** Records a report for the archive in its folder. */
    public static void record(Path reportDir, String cadence, YearMonth end, String title, String summary) {
        Properties p = new Properties();
        p.setProperty("cadence", cadence);
        p.setProperty("end", end.toString());
        p.setProperty("title", title);
        p.setProperty("summary", summary == null ? "" : summary);
        try {
            Files.createDirectories(reportDir);
            try (Writer w = Files.newBufferedWriter(reportDir.resolve(ENTRY_FILE), StandardCharsets.UTF_8)) {
                p.store(w, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + reportDir.resolve(ENTRY_FILE), e);
        }
    }

    /**
     * Every report recorded under {@code out} ({@code <period>/} and {@code <period>/<cadence>/}), one per cadence
     * and period covered (the latest folder's), by cadence and latest first.
     */
    public static List<Entry> entries(Path out) {
        Map<String, Entry> byKey = new LinkedHashMap<>();
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> periods = Files.list(out)) {
            for (Path d : periods.filter(Files::isDirectory).sorted().toList()) {
                files.add(d.resolve(ENTRY_FILE));
                for (String c : CADENCES.keySet()) {
                    files.add(d.resolve(c).resolve(ENTRY_FILE));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + out, e);
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            String cadence = p.getProperty("cadence");
            String end = p.getProperty("end");
            if (cadence == null || !CADENCES.containsKey(cadence) || end == null || !end.matches("\\d{4}-\\d{2}")) {
                continue; // not a report's record
            }
            String folder = out.relativize(f.getParent()).toString().replace('\\', '/');
            // folders are read in order: a later folder's report of the same period replaces an earlier one
            byKey.put(cadence + "|" + end, new Entry(cadence, YearMonth.parse(end), folder,
                p.getProperty("title", ""), p.getProperty("summary", "")));
        }
        List<String> order = new ArrayList<>(CADENCES.keySet());
        return byKey.values().stream().sorted(Comparator.comparing((Entry e) -> order.indexOf(e.cadence()))
            .thenComparing(Entry::end, Comparator.reverseOrder())).toList();
    }

    /** The latest report of the cadence that covers an earlier period than {@code end}, if the archive has one. */
    public static Optional<Entry> previous(Path out, String cadence, YearMonth end) {
        return entries(out).stream().filter(e -> e.cadence().equals(cadence) && e.end().isBefore(end)).findFirst();
    }

    /** The link from a report in {@code reportFolder} (relative to the output folder) to another report's page. */
    public static String href(String fromFolder, String toFolder) {
        int depth = fromFolder.isEmpty() ? 0 : fromFolder.split("/").length;
        return "../".repeat(depth) + toFolder + "/" + HtmlReport.FILE;
    }

    /** Writes {@code <out>/index.html} from the reports recorded under {@code out}; returns its path. */
    public static Path write(Path out) {
        byte[] page = render(entries(out)).getBytes(StandardCharsets.UTF_8);
        return ReportFiles.write(out.resolve(FILE), o -> o.write(page));
    }

    /** The archive page: a section per cadence that has reports, latest first, each with its summary. */
    public static String render(List<Entry> entries) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<link rel=\"icon\" href=\"data:,\">\n<title>县域经济运行报告目录</title>\n<style>\n")
            .append("body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;")
            .append("max-width:60em;margin:2em auto;padding:0 1em;color:#222;line-height:1.6}")
            .append("h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.6em}")
            .append("ol{list-style:none;padding:0}li{margin:.6em 0}.period{color:#555;margin-right:.6em}")
            .append(".summary{display:block;color:#444;font-size:.92em}\n</style>\n</head>\n<body>\n")
            .append("<h1>县域经济运行报告目录</h1>\n");
        if (entries.isEmpty()) {
            h.append("<p>尚无报告。</p>\n");
        }
        for (Map.Entry<String, String> c : CADENCES.entrySet()) {
            List<Entry> of = entries.stream().filter(e -> e.cadence().equals(c.getKey())).toList();
            if (of.isEmpty()) {
                continue;
            }
            h.append("<section id=\"").append(c.getKey()).append("\">\n<h2>").append(c.getValue()).append("</h2>\n<ol>\n");
            for (Entry e : of) {
                h.append("<li><span class=\"period\">").append(Html.escape(ChineseDates.month(e.end())))
                    .append("</span><a href=\"").append(Html.escape(e.folder() + "/" + HtmlReport.FILE)).append("\">")
                    .append(Html.escape(e.title())).append("</a>");
                if (!e.summary().isBlank()) {
                    h.append("<span class=\"summary\">").append(Html.escape(e.summary())).append("</span>");
                }
                h.append("</li>\n");
            }
            h.append("</ol>\n</section>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }
}
