package org.countyscope.report.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.ReportTable;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link ReportTable} as a statistical table with thin rules whose title and header repeat on each page. */
final class PdfTables {
    private static final float HEAVY = 0.9f;
    private static final float LIGHT = 0.5f;
    private static final float HAIR = 0.25f;

    /** Type sizes tried for a table, largest first. */
    private static final float[] SIZES = {9f, 8.5f, 8f, 7.5f, 7f, 6.5f};
    /** A cell's left and right padding (4 + 4) and 1 pt so that rounding never wraps a number. */
    static final float PAD = 9f;

    /** Up to this many rows a table is kept on one page (it starts on the next page rather than break). */
    private static final int KEEP_TOGETHER_ROWS = 30;

    private final PdfStyle style;
    private final float width;

    /** @param width the text width in points, the tables' width */
    PdfTables(PdfStyle style, float width) {
        this.style = style;
        this.width = width;
    }

    /**
     * The table with its caption (e.g. "表3  …") as a repeated header row, then its footnotes: a heavy rule above
     * the header, a light one under it, hairlines between rows and a heavy rule at the end.
     */
    List<Element> render(ReportTable table, String caption) {
        int n = Math.max(1, table.columns().size());
        Layout layout = layout(table);
        float size = layout.size();
        float[] widths = layout.widths();
        Font head = style.bold(size, PdfStyle.INK);
        Font body = style.font(size, PdfStyle.INK);

        PdfPTable t = new PdfPTable(n);
        t.setTotalWidth(widths);
        t.setLockedWidth(true);
        t.setSpacingBefore(8f);
        t.setSpacingAfter(table.footnotes().isEmpty() ? 12f : 3f);
        t.setHeaderRows(2);
        // a row that does not fit goes whole to the next page; only a row taller than a page is split
        t.setSplitLate(true);
        t.setSplitRows(true);
        t.setKeepTogether(table.rows().size() <= KEEP_TOGETHER_ROWS);

        PdfPCell title = new PdfPCell(new Phrase(caption,
            style.bold(PdfStyle.BODY, PdfStyle.NAVY)));
        title.setColspan(n);
        title.setBorder(Rectangle.NO_BORDER);
        title.setHorizontalAlignment(Element.ALIGN_CENTER);
        title.setPaddingBottom(6f);
        t.addCell(title);

        if (table.columns().isEmpty()) {
            t.addCell(bordered(new Phrase("", head), Element.ALIGN_LEFT, HEAVY, LIGHT, PdfStyle.RULE));
        }
        for (int i = 0; i < table.columns().size(); i++) {
            ReportTable.Column c = table.columns().get(i);
            PdfPCell h = bordered(new Phrase(header(c.header(), widths[i] - PAD, size), head),
                c.kind() == ReportTable.Kind.NUMBER ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT, HEAVY, LIGHT,
                PdfStyle.INK);
            h.setBackgroundColor(PdfStyle.HEADER_FILL);
            h.setVerticalAlignment(Element.ALIGN_BOTTOM);
            t.addCell(h);
        }

        List<List<Cell>> rows = table.rows();
        if (rows.isEmpty()) {
            PdfPCell none = bordered(new Phrase("（无数据）", body), Element.ALIGN_CENTER, 0f, HEAVY, PdfStyle.INK);
            none.setColspan(n);
            t.addCell(none);
        }
        for (int r = 0; r < rows.size(); r++) {
            boolean last = r == rows.size() - 1;
            List<Cell> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                ReportTable.Column col = table.columns().get(c);
                boolean numeric = col.kind() == ReportTable.Kind.NUMBER;
                String text = row.get(c).display(numeric ? col.decimals() : 0);
                int align = numeric || row.get(c).withheld() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT;
                t.addCell(bordered(new Phrase(text, body), align, 0f, last ? HEAVY : HAIR,
                    last ? PdfStyle.INK : PdfStyle.RULE));
            }
        }

        List<Element> out = new ArrayList<>();
        out.add(t);
        if (!table.footnotes().isEmpty()) {
            Font note = style.font(8f, PdfStyle.GREY);
            for (int i = 0; i < table.footnotes().size(); i++) {
                Paragraph p = new Paragraph(13f, (i == 0 ? "注：" : "　　") + table.footnotes().get(i), note);
                out.add(p);
            }
            out.add(new Paragraph(8f, " ", note));
        }
        return out;
    }

    /** A heading too wide for its column breaks before its unit: "本年完成投资" over "（万元）". */
    String header(String header, float room, float size) {
        String h = nullToEmpty(header);
        int unit = h.indexOf('（');
        return unit > 0 && boldWidth(h, size) > room ? h.substring(0, unit) + "\n" + h.substring(unit) : h;
    }

    private static PdfPCell bordered(Phrase p, int align, float top, float bottom, java.awt.Color bottomColor) {
        PdfPCell cell = new PdfPCell(p);
        cell.setBorder(Rectangle.NO_BORDER);
        if (top > 0) {
            cell.enableBorderSide(Rectangle.TOP);
            cell.setBorderWidthTop(top);
            cell.setBorderColorTop(PdfStyle.INK);
        }
        if (bottom > 0) {
            cell.enableBorderSide(Rectangle.BOTTOM);
            cell.setBorderWidthBottom(bottom);
            cell.setBorderColorBottom(bottomColor);
        }
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        // measure from the glyphs' ascender and descender so text sits in the middle of the row
        cell.setUseAscender(true);
        cell.setUseDescender(true);
        cell.setPaddingTop(4f);
        cell.setPaddingBottom(4f);
        cell.setPaddingLeft(4f);
        cell.setPaddingRight(4f);
        cell.setLeading(0f, 1.25f);
        return cell;
    }

    /** A table's type size and its columns' widths in points, together exactly the text width. */
    record Layout(float size, float[] widths) {
    }

    /**
     * The largest type size (9 pt down to 6.5 pt) at which every number and withheld mark fits on one line and every
     * heading fits in at most two lines with its unit unbroken; spare width goes first to text columns that would
     * wrap, then to all columns alike. If even 6.5 pt is too wide, columns shrink in proportion and cells wrap.
     */
    Layout layout(ReportTable table) {
        int n = table.columns().size();
        if (n == 0) {
            return new Layout(SIZES[0], new float[] {width});
        }
        float[] min = new float[n];
        float[] natural = new float[n];
        float size = SIZES[SIZES.length - 1];
        for (float candidate : SIZES) {
            size = candidate;
            float sum = 0f;
            for (int c = 0; c < n; c++) {
                ReportTable.Column col = table.columns().get(c);
                boolean numeric = col.kind() == ReportTable.Kind.NUMBER;
                float widest = 0f;
                for (List<Cell> row : table.rows()) {
                    widest = Math.max(widest, style.base.getWidthPoint(
                        row.get(c).display(numeric ? col.decimals() : 0), size));
                }
                float head = headerMin(nullToEmpty(col.header()), size);
                natural[c] = Math.max(head, Math.min(widest, 14 * size)) + PAD;
                min[c] = Math.max(head, numeric ? widest : Math.min(widest, 4 * size)) + PAD;
                sum += min[c];
            }
            if (sum <= width) {
                break;
            }
        }
        return new Layout(size, spread(min, natural, width));
    }

    /** Widths from the minimums: up to the natural widths first, then in proportion, summing to {@code total}. */
    static float[] spread(float[] min, float[] natural, float total) {
        int n = min.length;
        float[] w = min.clone();
        float sumMin = 0f;
        float want = 0f;
        for (int c = 0; c < n; c++) {
            sumMin += min[c];
            want += Math.max(0f, natural[c] - min[c]);
        }
        if (sumMin >= total) {
            for (int c = 0; c < n; c++) {
                w[c] = min[c] * total / sumMin;
            }
            return w;
        }
        float spare = total - sumMin;
        float toNatural = Math.min(spare, want);
        float sum = 0f;
        for (int c = 0; c < n; c++) {
            if (want > 0f) {
                w[c] += Math.max(0f, natural[c] - min[c]) * toNatural / want;
            }
            sum += w[c];
        }
        float rest = total - sum;
        for (int c = 0; c < n; c++) {
            w[c] += w[c] / sum * rest;
        }
        return w;
    }

    /** The narrowest a heading can be: its unit "（…）" whole, its name in at most two lines. */
    private float headerMin(String header, float size) {
        int unit = header.indexOf('（');
        String name = unit > 0 ? header.substring(0, unit) : header;
        float unitWidth = unit > 0 ? boldWidth(header.substring(unit), size) : 0f;
        int chars = name.codePointCount(0, name.length());
        float nameWidth = boldWidth(name, size);
        float nameMin = chars <= 4 ? nameWidth : nameWidth * ((chars + 1) / 2) / chars + size * 0.5f;
        return Math.max(unitWidth, nameMin);
    }

    /** Fake bold strokes the outline, a little wider than the regular glyphs. */
    private float boldWidth(String s, float size) {
        return style.base.getWidthPoint(s, size) + size / 15f * 2f;
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
