package org.countyscope.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one Chinese font of every chart, page and PDF: a subset of WenQuanYi Zen Hei (文泉驿正黑, GPL-2 with the
 * font-embedding exception, licence beside it in {@code fonts/}) carried in the jar, so Chinese renders on a
 * machine with no CJK font installed. The subset holds GB 2312, ASCII, Latin-1, CJK and full-width
 * punctuation and every character of the reference files. {@code COUNTYSCOPE_FONT} (the path of a
 * TrueType .ttf file) replaces it, e.g. with the full font where names use rarer characters.
 */
public final class CjkFont {
    /** Classpath location of the bundled subset. */
    public static final String RESOURCE = "/fonts/wqy-zenhei-subset.ttf";
    /** Environment variable naming a replacement font file. */
    public static final String ENV = "COUNTYSCOPE_FONT";

    private static volatile byte[] bytes;
    private static volatile Font base;

    private CjkFont() {
    }

    /** The font file's bytes (the bundled subset unless {@code COUNTYSCOPE_FONT} is set). */
    public static byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            synchronized (CjkFont.class) {
                if (bytes == null) {
                    bytes = load();
                }
                b = bytes;
            }
        }
        return b;
    }

    /** The AWT font at a style ({@link Font#PLAIN}, {@link Font#BOLD}) and size in points. */
    public static Font awt(int style, float size) {
        Font f = base;
        if (f == null) {
            synchronized (CjkFont.class) {
                if (base == null) {
                    try {
                        Font created = Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes()));
                        // registered, so that text drawn by family name (JFreeSVG's glyph outlines go through
                        // TextLayout) finds it too: without it the SVG charts drew every Chinese glyph as the
                        // missing-glyph box on a machine with no CJK font installed
                        java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(created);
                        base = created;
                    } catch (FontFormatException | IOException e) {
                        throw new IllegalStateException("the CJK font cannot be read: " + e.getMessage(), e);
                    }
                }
                f = base;
            }
        }
        return f.deriveFont(style, size);
    }

    /** Index of the first character the font cannot draw, or -1 when it draws the whole text. */
    public static int firstUndrawable(String text) {
        Objects.requireNonNull(text, "text");
        return awt(Font.PLAIN, 12f).canDisplayUpTo(text);
    }

    /** Writes the font file to {@code dir} (for libraries that want a path) and returns its path. */
    public static Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve("countyscope-cjk.ttf");
            byte[] b = bytes();
            if (!Files.exists(p) || Files.size(p) != b.length) {
                Files.write(p, b);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] load() {
        String override = System.getenv(ENV);
        try {
            if (override != null && !override.isBlank()) {
                return Files.readAllBytes(Path.of(override));
            }
            try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled CJK font " + RESOURCE + " is not on the classpath");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CJK font: " + e.getMessage(), e);
        }
    }
}
