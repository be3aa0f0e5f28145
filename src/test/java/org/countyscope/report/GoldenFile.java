package org.countyscope.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares generated text with a file under {@code src/test/resources/golden/}, failing with the differing lines.
 * {@code -Dcountyscope.updateGolden=true} rewrites the file from the output and still fails, so an update is
 * always a deliberate second run followed by a review of the diff.
 */
public final class GoldenFile {
    private static final int MAX_SHOWN = 15;

    private GoldenFile() {
    }

    /** Fails unless {@code actual} equals the golden file {@code name} exactly (line endings included). */
    public static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean("countyscope.updateGolden")) {
            Path p = Path.of("src/test/resources/golden", name);
            try {
                Files.createDirectories(p.getParent());
                Files.writeString(p, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            fail("golden file " + p + " rewritten; review it with git diff and run again without "
                + "-Dcountyscope.updateGolden");
        }
        String expected = read(name);
        if (!expected.equals(actual)) {
            fail("output differs from golden/" + name + " (- expected, + actual):\n" + diff(expected, actual));
        }
    }

    /** The golden file's text. */
    public static String read(String name) {
        try (InputStream in = GoldenFile.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no golden file golden/" + name + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Line-by-line differences, at most {@value #MAX_SHOWN} of them. */
    static String diff(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(e.length, a.length) && shown < MAX_SHOWN; i++) {
            String x = i < e.length ? e[i] : null;
            String y = i < a.length ? a[i] : null;
            if (x == null || !x.equals(y)) {
                out.append("line ").append(i + 1).append(":\n");
                out.append("- ").append(x == null ? "(no line)" : x).append('\n');
                out.append("+ ").append(y == null ? "(no line)" : y).append('\n');
                shown++;
            }
        }
        if (e.length != a.length) {
            out.append("(expected ").append(e.length).append(" lines, got ").append(a.length).append(")\n");
        }
        return out.toString();
    }
}
