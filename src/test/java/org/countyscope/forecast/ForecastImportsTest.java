package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The forecast packages import in the direction of the layers: the models on arrays see no Spark, no source reader and
 * no gold table; the Spark side ({@code forecast.spark}) sees no gold table either (it gets leaf constants from
 * {@code dataset.Columns} and rows handed over by the job).
 */
class ForecastImportsTest {

    private static final Path ROOT = Path.of("src/main/java/org/countyscope/forecast");

    @Test
    void theModelsImportNoSparkNoSourceReaderAndNoGold() throws IOException {
        assertEquals(List.of(), offending(ROOT, false, "import org.apache.spark", "import org.countyscope.io.",
            "import org.countyscope.gold", "import org.countyscope.pipeline"));
    }

    @Test
    void theSparkSideImportsNoGold() throws IOException {
        assertEquals(List.of(), offending(ROOT.resolve("spark"), true, "import org.countyscope.gold",
            "import static org.countyscope.gold", "import org.countyscope.io.source", "import org.countyscope.pipeline"));
    }

    private static List<String> offending(Path dir, boolean recurse, String... prefixes) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = recurse ? Files.walk(dir) : Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(files.isEmpty(), "sources under " + dir);
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                for (String p : prefixes) {
                    if (line.trim().startsWith(p)) {
                        out.add(f.getFileName() + ": " + line.trim());
                    }
                }
            }
        }
        return out;
    }
}
