package org.countyscope.report.chart;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One colour per category across every chart of a report: the first chart that names a category (a tax type, an
 * industry 门类, a county, a series) fixes its colour, every later chart draws it the same, and no other category gets
 * that colour while the palette lasts ({@value #DISTINCT} colours). "其他" is always grey. Not thread-safe: one per
 * report.
 */
public final class CategoryColours {
    /** The grey of "其他". */
    public static final Color OTHER = new Color(0xBAB0AC);
    /** Distinct colours before they repeat. */
    public static final int DISTINCT = 24;
    /** Tableau 10 without its grey, then Tableau 20's light tones and darker tones of the same hues. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F),
        new Color(0xA0CBE8), new Color(0xFFBE7D), new Color(0x8CD17D), new Color(0xB6992D), new Color(0x86BCB6),
        new Color(0xF1CE63), new Color(0xD4A6C8), new Color(0xD37295), new Color(0xD7B5A6),
        new Color(0x1F3A5F), new Color(0x8A3B12), new Color(0x2D5F2E), new Color(0x7A1F2B), new Color(0x3B6E6A),
        new Color(0x5B3F73),
    };

    private final Map<String, Color> assigned = new LinkedHashMap<>();

    /** The category's colour, assigning the next free one on first use. */
    public Color of(String category) {
        if (Charts.OTHER.equals(category)) {
            return OTHER;
        }
        return assigned.computeIfAbsent(category, k -> PALETTE[assigned.size() % PALETTE.length]);
    }

    /** The categories coloured so far with their colours, in order of first use. */
    public Map<String, Color> assigned() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assigned));
    }
}
