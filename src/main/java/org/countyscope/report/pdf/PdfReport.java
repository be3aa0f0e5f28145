package org.countyscope.report.pdf;

import com.lowagie.text.Chapter;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.countyscope.report.ChineseDates;
import org.countyscope.report.ReportFiles;
import org.countyscope.report.model.ChartRef;
import org.countyscope.report.model.Headline;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.Section;
import org.countyscope.report.model.Vintage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes {@code report.pdf}: A4, the bundled CJK font embedded, a title page with headline figures and contents,
 * one chapter per section (sentences, charts, tables) and a last chapter with the data vintage and footnotes.
 */
public final class PdfReport {
    /** The file written into the report folder. */
    public static final String FILE_NAME = "report.pdf";

    private static final Pattern CHART_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final String VINTAGE_TITLE = "附：数据说明";
    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private PdfReport() {
    }

    /**
     * Writes {@code reportDir/report.pdf} (atomically: a failure leaves no partial file) and returns its path.
     * Charts are read from {@code reportDir/charts/NAME.png}; text from data is set literally (PDF has no markup
     * that could run).
     *
     * @throws IllegalStateException when a section's chart {@code reportDir/charts/NAME.png} does not exist
     */
    public static Path write(Report report, Path reportDir) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(reportDir, "reportDir");
        List<Path> charts = chartFiles(report, reportDir);
        PdfStyle style = PdfStyle.load();
        return ReportFiles.write(reportDir.resolve(FILE_NAME), out -> {
            // first pass only to learn on which page each chapter starts, for the contents on the title page
            List<Integer> pages = render(report, charts, style, OutputStream.nullOutputStream(), null);
            render(report, charts, style, out, pages);
        });
    }

    /** The PNG of every chart, in reading order; fails before anything is written if one is missing. */
    private static List<Path> chartFiles(Report report, Path reportDir) {
        List<Path> files = new ArrayList<>();
        for (Section s : report.sections()) {
            for (ChartRef c : s.charts()) {
                if (c.name() == null || !CHART_NAME.matcher(c.name()).matches()) {
                    throw new IllegalArgumentException("section " + s.id() + ": chart name " + c.name()
                        + " is not a plain file name (letters, digits, _ . -)");
                }
                Path png = reportDir.resolve("charts").resolve(c.name() + ".png");
                if (!Files.isRegularFile(png)) {
                    throw new IllegalStateException("chart '" + c.name() + "' of section " + s.id()
                        + " is missing: " + png + " does not exist (the charts must be drawn before the PDF)");
                }
                files.add(png);
            }
        }
        return files;
    }

    /** Renders the report and returns the page each chapter starts on ({@code chapterPages} null: not known yet). */
    private static List<Integer> render(Report report, List<Path> charts, PdfStyle style, OutputStream out,
                                        List<Integer> chapterPages) throws IOException {
        Document doc = new Document(PageSize.A4, 62f, 62f, 68f, 62f);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
        PageDecorations decorations = new PageDecorations(style, report.title(), periodText(report));
        writer.setPageEvent(decorations);
        doc.addTitle(report.title());
        doc.addSubject(periodText(report));
        doc.addCreator("countyscope");
        doc.open();

        titlePage(doc, report, style, chapterPages);
        PdfTables tables = new PdfTables(style, doc.right() - doc.left());
        int chapter = 0;
        int chartNo = 0;
        int tableNo = 0;
        for (Section s : report.sections()) {
            chapter++;
            Chapter ch = chapter(chapterTitle(chapter, s), chapter, style);
            for (String sentence : s.sentences()) {
                Paragraph p = new Paragraph(19f, PdfTables.nullToEmpty(sentence), style.font(PdfStyle.BODY,
                    PdfStyle.INK));
                p.setFirstLineIndent(2 * PdfStyle.BODY);
                p.setAlignment(Element.ALIGN_JUSTIFIED);
                p.setSpacingAfter(4f);
                ch.add(p);
            }
            for (ChartRef c : s.charts()) {
                ch.add(chart(charts.get(chartNo), ++chartNo, c.caption(), doc, style));
            }
            for (ReportTable t : s.tables()) {
                ch.addAll(tables.render(t, "表" + (++tableNo) + "  " + PdfTables.nullToEmpty(t.title())));
            }
            doc.add(ch);
        }
        doc.add(vintage(report, chapter + 1, style));
        doc.close();
        return decorations.chapterPages();
    }

    private static String chapterTitle(int number, Section s) {
        return chineseNumber(number) + "、" + PdfTables.nullToEmpty(s.title());
    }

    private static void titlePage(Document doc, Report report, PdfStyle style, List<Integer> chapterPages) {
        Paragraph kind = new Paragraph(cadenceLabel(report.cadence()), style.font(11f, PdfStyle.GREY));
        kind.setAlignment(Element.ALIGN_CENTER);
        kind.setSpacingBefore(36f);
        doc.add(kind);

        Paragraph title = new Paragraph(32f, report.title(), style.bold(22f, PdfStyle.NAVY));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(10f);
        doc.add(title);

        Paragraph period = new Paragraph("统计期：" + periodText(report), style.font(11f, PdfStyle.GREY));
        period.setAlignment(Element.ALIGN_CENTER);
        period.setSpacingBefore(6f);
        doc.add(period);

        doc.add(rule(1.6f, true, 12f, 0f));

        if (!report.headlines().isEmpty()) {
            Paragraph hl = new Paragraph("主要指标", style.bold(13f, PdfStyle.NAVY));
            hl.setSpacingBefore(26f);
            hl.setSpacingAfter(10f);
            doc.add(hl);
            doc.add(headlines(report.headlines(), style));
        }

        Paragraph h = new Paragraph("目录", style.bold(13f, PdfStyle.NAVY));
        h.setSpacingBefore(26f);
        h.setSpacingAfter(6f);
        doc.add(h);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < report.sections().size(); i++) {
            entries.add(chapterTitle(i + 1, report.sections().get(i)));
        }
        entries.add(VINTAGE_TITLE);
        doc.add(contents(entries, chapterPages, style));

        Paragraph generated = new Paragraph("生成时间：" + PdfTables.nullToEmpty(report.vintage().generatedAt())
            + "　　数据截至时间、发布版本与指标解释见文末“数据说明”。", style.font(8.5f, PdfStyle.GREY));
        generated.setSpacingBefore(18f);
        doc.add(generated);
    }

    /** The chapters with the page each starts on, over hairlines (pages blank in the first pass). */
    private static PdfPTable contents(List<String> entries, List<Integer> pages, PdfStyle style) {
        PdfPTable t = new PdfPTable(2);
        t.setWidthPercentage(100);
        t.setWidths(new float[] {12f, 1f});
        for (int i = 0; i < entries.size(); i++) {
            String page = pages != null && i < pages.size() ? Integer.toString(pages.get(i)) : "";
            for (int c = 0; c < 2; c++) {
                PdfPCell cell = new PdfPCell(new Phrase(c == 0 ? entries.get(i) : page,
                    style.font(PdfStyle.BODY, PdfStyle.INK)));
                cell.setBorder(Rectangle.BOTTOM);
                cell.setBorderWidthBottom(0.25f);
                cell.setBorderColorBottom(PdfStyle.RULE);
                cell.setHorizontalAlignment(c == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                cell.setUseAscender(true);
                cell.setUseDescender(true);
                cell.setPaddingTop(4f);
                cell.setPaddingBottom(4f);
                t.addCell(cell);
            }
        }
        return t;
    }

    /** The headline figures as a grid of boxes, three to a row: label, big value and unit, note. */
    private static PdfPTable headlines(List<Headline> headlines, PdfStyle style) {
        int cols = Math.min(3, headlines.size());
        PdfPTable t = new PdfPTable(cols);
        t.setWidthPercentage(100);
        for (Headline h : headlines) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.BOX);
            cell.setBorderWidth(0.5f);
            cell.setBorderColor(PdfStyle.RULE);
            cell.setBackgroundColor(PdfStyle.BOX_FILL);
            cell.setPadding(9f);
            cell.setPaddingTop(6f);
            Paragraph label = new Paragraph(14f, PdfTables.nullToEmpty(h.label()), style.font(9f, PdfStyle.GREY));
            cell.addElement(label);
            Phrase value = new Phrase();
            value.add(new Chunk(PdfTables.nullToEmpty(h.value()), style.bold(18f, PdfStyle.NAVY)));
            value.add(new Chunk(" " + PdfTables.nullToEmpty(h.unit()), style.font(9f, PdfStyle.GREY)));
            Paragraph v = new Paragraph(value);
            v.setLeading(26f);
            cell.addElement(v);
            if (h.note() != null && !h.note().isBlank()) {
                cell.addElement(new Paragraph(12f, h.note(), style.font(8f, PdfStyle.GREY)));
            }
            t.addCell(cell);
        }
        for (int i = headlines.size() % cols == 0 ? cols : headlines.size() % cols; i < cols; i++) {
            PdfPCell empty = new PdfPCell(new Phrase("", style.font(9f, PdfStyle.INK)));
            empty.setBorder(Rectangle.NO_BORDER);
            t.addCell(empty);
        }
        return t;
    }

    /** A navy rule across the text width: one line of {@code heavy} points, with a thin second line if {@code twin}. */
    private static PdfPTable rule(float heavy, boolean twin, float spacingBefore, float spacingAfter) {
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        t.setSpacingBefore(spacingBefore);
        t.setSpacingAfter(spacingAfter);
        PdfPCell c = new PdfPCell();
        c.setBorder(twin ? Rectangle.TOP | Rectangle.BOTTOM : Rectangle.TOP);
        c.setBorderColor(PdfStyle.NAVY);
        c.setBorderWidthTop(heavy);
        c.setBorderWidthBottom(twin ? 0.5f : 0f);
        c.setFixedHeight(twin ? 3.5f : 0.1f);
        t.addCell(c);
        return t;
    }

    private static Chapter chapter(String title, int number, PdfStyle style) {
        Paragraph p = new Paragraph(title, style.bold(15f, PdfStyle.NAVY));
        p.setSpacingAfter(6f);
        Chapter ch = new Chapter(p, number);
        ch.setNumberDepth(0);
        ch.setBookmarkOpen(false);
        ch.add(rule(0.75f, false, 0f, 10f));
        return ch;
    }

    /** A chart scaled to the text width (at most 55% of the page height), its caption kept on the same page. */
    private static PdfPTable chart(Path png, int number, String caption, Document doc, PdfStyle style)
        throws IOException {
        Image img = Image.getInstance(Files.readAllBytes(png));
        float width = doc.right() - doc.left();
        img.scaleToFit(width, (doc.top() - doc.bottom()) * 0.55f);
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        t.setKeepTogether(true);
        t.setSpacingBefore(8f);
        t.setSpacingAfter(10f);
        PdfPCell picture = new PdfPCell(img, false);
        picture.setBorder(Rectangle.NO_BORDER);
        picture.setHorizontalAlignment(Element.ALIGN_CENTER);
        picture.setPadding(0f);
        t.addCell(picture);
        PdfPCell cap = new PdfPCell(new Phrase("图" + number + "  " + PdfTables.nullToEmpty(caption),
            style.bold(9.5f, PdfStyle.INK)));
        cap.setBorder(Rectangle.NO_BORDER);
        cap.setHorizontalAlignment(Element.ALIGN_CENTER);
        cap.setPaddingTop(4f);
        t.addCell(cap);
        return t;
    }

    /**
     * The last chapter: the vintage in plain words (how far the data reach, the release, when generated) and the
     * notes. Internal table names and Delta versions are not for planners: they stay in the workbook's 说明 sheet.
     */
    private static Chapter vintage(Report report, int number, PdfStyle style) {
        Chapter ch = chapter(VINTAGE_TITLE, number, style);
        Vintage v = report.vintage();
        String plain = v.plainWords();
        if (!plain.isEmpty()) {
            Paragraph intro = new Paragraph(19f, plain, style.font(PdfStyle.BODY, PdfStyle.INK));
            intro.setFirstLineIndent(2 * PdfStyle.BODY);
            ch.add(intro);
        }
        // the same words among the notes are said once, above
        List<String> notes = report.footnotes().stream().filter(f -> !f.equals(plain)).toList();
        if (!notes.isEmpty()) {
            Paragraph h = new Paragraph("注释", style.bold(12f, PdfStyle.NAVY));
            h.setSpacingBefore(10f);
            h.setSpacingAfter(4f);
            ch.add(h);
            for (int i = 0; i < notes.size(); i++) {
                Paragraph p = new Paragraph(16f, (i + 1) + ". " + notes.get(i),
                    style.font(9.5f, PdfStyle.INK));
                p.setIndentationLeft(14f);
                p.setFirstLineIndent(-14f);
                p.setSpacingAfter(3f);
                ch.add(p);
            }
        }
        return ch;
    }

    private static String periodText(Report report) {
        String label = report.periodLabel() == null || report.periodLabel().isBlank() ? "" : report.periodLabel();
        return label.isEmpty() ? ChineseDates.month(report.period())
            : label + "（" + ChineseDates.month(report.period()) + "）";
    }

    /** The bureau's name of the cadence's report. */
    static String cadenceLabel(String cadence) {
        if (cadence == null) {
            return "统计监测报告";
        }
        return switch (cadence) {
            case "month" -> "月调度";
            case "quarter" -> "季通报";
            case "half" -> "半年评";
            case "year" -> "年度考";
            default -> "统计监测报告";
        };
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (chapter numbers up to 99). */
    static String chineseNumber(int n) {
        if (n < 1 || n > 99) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        return (n / 10 == 1 ? "" : DIGITS[n / 10]) + "十" + DIGITS[n % 10];
    }
}
