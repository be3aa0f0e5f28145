package org.countyscope.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a small table as CSV for people: UTF-8 with a BOM so Excel shows Chinese, CRLF, quotes where needed, and
 * text that Excel would run as a formula (leading =, +, -, @) made inert with a leading apostrophe.
 */
public final class CsvExport {
    private CsvExport() {
    }

    public static void write(Path file, List<String> header, List<List<Object>> rows) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write('\uFEFF');
                line(w, header.stream().map(h -> (Object) h).toList());
                for (List<Object> r : rows) {
                    line(w, r);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void line(Writer w, List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    /**
     * One cell's text: numbers as they are, in plain digits (a {@link java.math.BigDecimal} from
     * {@link org.countyscope.publish.PublishedColumns} keeps its printed decimals), text defused and quoted when it
     * needs to be.
     */
    public static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            // never "1.2E7": a spreadsheet or a reader takes the digits as written
            return Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).toPlainString() : v.toString();
        }
        if (v instanceof Number) {
            return v.toString();
        }
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
