package org.countyscope.report.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import org.countyscope.report.CjkFont;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The report's one typeface at its sizes and its few restrained colours (navy headings, grey notes, thin rules). */
final class PdfStyle {
    static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);
    static final Color GREY = new Color(0x59, 0x59, 0x59);
    static final Color RULE = new Color(0xA6, 0xA6, 0xA6);
    static final Color HEADER_FILL = new Color(0xEE, 0xF1, 0xF5);
    static final Color BOX_FILL = new Color(0xF6, 0xF8, 0xFA);

    /** Body size: 五号 (10.5 pt), the size of Chinese official documents' body text. */
    static final float BODY = 10.5f;

    final BaseFont base;

    private PdfStyle(BaseFont base) {
        this.base = base;
    }

    /** Loads the bundled CJK font, embedded (subset) with Identity-H so every character keeps its own glyph. */
    static PdfStyle load() {
        try {
            // the ".ttf" suffix tells OpenPDF the bytes are TrueType; not cached, COUNTYSCOPE_FONT may differ per run
            BaseFont bf = BaseFont.createFont("countyscope-cjk.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                CjkFont.bytes(), null);
            return new PdfStyle(bf);
        } catch (IOException e) {
            throw new UncheckedIOException("the CJK font cannot be read for the PDF: " + e.getMessage(), e);
        }
    }

    Font font(float size, Color color) {
        return new Font(base, size, Font.NORMAL, color);
    }

    /** Bold: the font has no bold face, so OpenPDF strokes the glyph outline (fake bold). */
    Font bold(float size, Color color) {
        return new Font(base, size, Font.BOLD, color);
    }
}
