package org.countyscope.report.html;

import org.countyscope.report.CjkFont;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.Section;

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
 * JavaScript, no external URL), prints on A4, and shows the charts from {@code charts/NAME.png} beside it. The page
 * is the template {@value #TEMPLATE} (see {@link Templates}) over a {@link ReportPage}; FreeMarker HTML-escapes every
 * text from data. The bundled CJK font is copied to {@code fonts/} as the last fallback of the
 * font stack, so Chinese renders even where the system has no CJK font.
 */
public final class HtmlReport {
    /** The page's file name in the report folder. */
    public static final String FILE = "index.html";
    /** The page's template. */
    public static final String TEMPLATE = "report.ftlh";
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

    /**
     * Writes {@code dir/index.html} with its archive links (or none, when {@code nav} is null), and leaves the
     * report's 要点 for the archive page ({@link ReportArchive#recordPoints}).
     */
    public static Path write(Report report, Path dir, Navigation nav) {
        try {
            copyFont(dir);
            byte[] page = render(report, nav).getBytes(StandardCharsets.UTF_8);
            Path written = org.countyscope.report.ReportFiles.write(dir.resolve(FILE), out -> out.write(page));
            ReportArchive.recordPoints(dir, report.keyPoints());
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the bundled CJK font (and its licence) in {@code dir/fonts/}, the last fallback of a page's font list, so
     * Chinese shows on a machine without a CJK font; a font already there of the same size is left alone.
     */
    static void copyFont(Path dir) throws IOException {
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
    }

    /** The page as text; the same report always gives the same text (the time printed is the vintage's). */
    public static String render(Report report) {
        return render(report, null);
    }

    /** The page with its archive links ({@code nav} may be null), from the templates this JVM uses. */
    public static String render(Report report, Navigation nav) {
        return render(report, nav, Templates.current());
    }

    /** The page from the given templates. */
    public static String render(Report report, Navigation nav, Templates templates) {
        return templates.render(TEMPLATE, ReportPage.of(report, nav));
    }

    /** The period as the masthead prints it: "2025年1—6月", or "2025年6月" without a label. */
    static String periodText(Report r) {
        String label = r.periodLabel() == null ? "" : r.periodLabel();
        if (r.period().matches("\\d{4}-\\d{2}")) {
            return r.period().substring(0, 4) + "年" + (label.isBlank()
                ? Integer.parseInt(r.period().substring(5)) + "月" : label);
        }
        return label.isBlank() ? r.period() : r.period() + " " + label;
    }

    /** 月调度, 季通报, 半年评 or 年度考 for the report's cadence (the code itself when unknown, null when none). */
    static String cadenceName(Report r) {
        return r.cadence() == null ? null : CADENCES.getOrDefault(r.cadence(), r.cadence());
    }

    /** Anchor ids from the sections' ids: ASCII letters, digits, - and _ only, unique, never empty. */
    static List<String> anchors(List<Section> sections) {
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
}
