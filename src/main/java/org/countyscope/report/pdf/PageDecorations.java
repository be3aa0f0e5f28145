package org.countyscope.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import java.util.ArrayList;
import java.util.List;

/** Draws each page's footer "第 N 页" and running header, and notes the page each chapter starts on. */
final class PageDecorations extends PdfPageEventHelper {
    private final PdfStyle style;
    private final String title;
    private final String period;
    private final List<Integer> chapterPages = new ArrayList<>();

    PageDecorations(PdfStyle style, String title, String period) {
        this.style = style;
        this.title = title;
        this.period = period;
    }

    @Override
    public void onChapter(PdfWriter writer, Document document, float position, Paragraph title) {
        chapterPages.add(writer.getPageNumber());
    }

    /** The page number of each chapter so far, in order. */
    List<Integer> chapterPages() {
        return List.copyOf(chapterPages);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        float left = document.left();
        float right = document.right();
        int page = writer.getPageNumber();
        ColumnText.showTextAligned(cb, Element.ALIGN_CENTER,
            new Phrase("第 " + page + " 页", style.font(9f, PdfStyle.GREY)), (left + right) / 2f,
            document.bottom() - 30f, 0f);
        if (page > 1) {
            float y = document.top() + 18f;
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(title, style.font(8f, PdfStyle.GREY)),
                left, y, 0f);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(period, style.font(8f, PdfStyle.GREY)),
                right, y, 0f);
            cb.saveState();
            cb.setColorStroke(PdfStyle.RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(left, y - 5f);
            cb.lineTo(right, y - 5f);
            cb.stroke();
            cb.restoreState();
        }
    }
}
