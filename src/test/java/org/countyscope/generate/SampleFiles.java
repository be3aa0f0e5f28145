package org.countyscope.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the generator's CSV output in tests; the files never need quoting, which the reader checks. */
final class SampleFiles {

    private SampleFiles() {
    }

    /** Data rows (header dropped) split on commas, from a file in the given charset; a UTF-8 BOM is skipped. */
    static List<String[]> rows(Path file, Charset charset) {
        try {
            String text = new String(Files.readAllBytes(file), charset);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.indexOf('"') >= 0) {
                throw new IllegalStateException(file + " has quoted cells");
            }
            List<String[]> out = new ArrayList<>();
            String[] lines = text.split("\r?\n");
            int width = lines[0].split(",", -1).length;
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                if (cells.length != width) {
                    throw new IllegalStateException(file + " line " + (i + 1) + " has " + cells.length + " cells, header " + width);
                }
                out.add(cells);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String[]> rows(Path file) {
        return rows(file, StandardCharsets.UTF_8);
    }

    static String header(Path file, Charset charset) {
        try {
            String text = new String(Files.readAllBytes(file), charset);
            int end = text.indexOf('\n');
            return text.substring(text.startsWith("\uFEFF") ? 1 : 0, end).replace("\r", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
