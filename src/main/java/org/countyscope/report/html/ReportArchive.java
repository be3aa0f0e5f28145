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
 * period it covers, its 要点 lines, a one-line summary of its figures), and {@code <out>/index.html} lists every
 * report found there by cadence (月调度, 季通报, 半年评, 年度考), latest first, each with its 要点, so a planner opens
 * one page to find any month and reads the judgement before opening it. The page is the template
 * {@value #TEMPLATE} (see {@link Templates}). A period reported from
 * several folders (the 季通报 of September written by the October and the November runs) is listed once, from the
 * latest folder. Plain files, no Spark.
 */
public final class ReportArchive {
    /** The archive page, in the output folder. */
    public static final String FILE = "index.html";
    /** What each report folder records for the archive. */
    public static final String ENTRY_FILE = "report.properties";
    /** The archive page's template. */
    public static final String TEMPLATE = "archive.ftlh";
    /** Cadences in the order the page lists them, with their names. */
    static final Map<String, String> CADENCES = orderedCadences();

    /**
     * One report of the archive.
     *
     * @param cadence month, quarter, half or year
     * @param end     the last month the report covers
     * @param folder  the report's folder, relative to the output folder ("2025-12", "2025-12/quarter")
     * @param title   the report's title
     * @param points  the report's 要点 lines (empty for a report recorded without them)
     * @param summary one line: the report's headline figures (shown only when there are no 要点)
     */
    public record Entry(String cadence, YearMonth end, String folder, String title, List<String> points,
                        String summary) {
        public Entry {
            points = List.copyOf(points);
        }
    }

    /** What {@value #TEMPLATE} renders: the cadences that have reports, in order. */
    public record ArchivePage(List<CadenceReports> cadences) {
    }

    /** One cadence's reports, latest first: {@code code} is month, quarter, half or year, {@code name} 月调度 etc. */
    public record CadenceReports(String code, String name, List<Listed> reports) {
    }

    /** One report as listed: its period in Chinese ("2025年12月"), link, title, 要点 lines, and figures summary. */
    public record Listed(String period, String href, String title, List<String> points, String summary) {
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

    /**
     * Records a report for the archive in its folder, keeping the 要点 its page left there
     * ({@link #recordPoints}).
     */
    public static void record(Path reportDir, String cadence, YearMonth end, String title, String summary) {
        Properties p = load(reportDir.resolve(ENTRY_FILE));
        p.setProperty("cadence", cadence);
        p.setProperty("end", end.toString());
        p.setProperty("title", title);
        p.setProperty("summary", summary == null ? "" : summary);
        store(reportDir, p);
    }

    /**
     * Records a report's 要点 lines in its folder ({@link HtmlReport#write} does, as it writes the page), keeping
     * whatever else is recorded there.
     */
    public static void recordPoints(Path reportDir, List<String> points) {
        Properties p = load(reportDir.resolve(ENTRY_FILE));
        p.setProperty("points", String.join("\n", points.stream().map(x -> x.replace('\n', ' ')).toList()));
        store(reportDir, p);
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }

    private static void store(Path reportDir, Properties p) {
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
            Properties p = load(f);
            String cadence = p.getProperty("cadence");
            String end = p.getProperty("end");
            if (cadence == null || !CADENCES.containsKey(cadence) || end == null || !end.matches("\\d{4}-\\d{2}")) {
                continue; // not a report's record
            }
            String folder = out.relativize(f.getParent()).toString().replace('\\', '/');
            // folders are read in order: a later folder's report of the same period replaces an earlier one
            String points = p.getProperty("points", "");
            byKey.put(cadence + "|" + end, new Entry(cadence, YearMonth.parse(end), folder, p.getProperty("title", ""),
                points.isBlank() ? List.of() : List.of(points.split("\n")), p.getProperty("summary", "")));
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

    /**
     * Writes {@code <out>/index.html} from the reports recorded under {@code out}, with the bundled CJK font beside it
     * as the report pages have theirs; returns its path.
     */
    public static Path write(Path out) {
        byte[] page = render(entries(out)).getBytes(StandardCharsets.UTF_8);
        try {
            HtmlReport.copyFont(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + out.resolve(HtmlReport.FONT_FILE) + ": "
                + e.getMessage(), e);
        }
        return ReportFiles.write(out.resolve(FILE), o -> o.write(page));
    }

    /** The archive page: a section per cadence that has reports, latest first, each with its 要点. */
    public static String render(List<Entry> entries) {
        return render(entries, Templates.current());
    }

    /** The archive page from the given templates. */
    public static String render(List<Entry> entries, Templates templates) {
        return templates.render(TEMPLATE, page(entries));
    }

    static ArchivePage page(List<Entry> entries) {
        List<CadenceReports> cadences = new ArrayList<>();
        for (Map.Entry<String, String> c : CADENCES.entrySet()) {
            List<Listed> of = entries.stream().filter(e -> e.cadence().equals(c.getKey()))
                .map(e -> new Listed(ChineseDates.month(e.end()), e.folder() + "/" + HtmlReport.FILE,
                    Html.clean(e.title()), e.points().stream().map(Html::clean).toList(), Html.clean(e.summary())))
                .toList();
            if (!of.isEmpty()) {
                cadences.add(new CadenceReports(c.getKey(), c.getValue(), of));
            }
        }
        return new ArchivePage(cadences);
    }
}
