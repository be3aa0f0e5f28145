package org.countyscope.notebook;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jupyter starts a kernel in the notebook's own folder ({@code notebooks/}), the command line and the in-process runner
 * in the checkout: a notebook that reads a file of the checkout by a path relative to the working directory works in
 * one and fails in the other (forecast-what-if did, under {@code jupyter nbconvert --execute}). Files are read through
 * {@link Notebook#file(String)}, which also looks under the checkout the kernel was installed from.
 */
class NotebookFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aFileOfTheCheckoutIsFoundFromTheWorkingDirectoryOrElseUnderTheKernelsHome() throws IOException {
        assertEquals(Path.of("pom.xml"), Notebook.file("pom.xml", tmp.toString()), "found where the job runs");
        Files.createDirectories(tmp.resolve("data"));
        Files.writeString(tmp.resolve("data/only-here.csv"), "month,value\n");
        assertEquals(tmp.resolve("data/only-here.csv"), Notebook.file("data/only-here.csv", tmp.toString()));
        assertTrue(Files.exists(Notebook.file("data/only-here.csv", tmp.toString())));
        assertEquals(Path.of("data/nowhere.csv"), Notebook.file("data/nowhere.csv", null),
            "without a home the path stays as given, so the error names it");
        Path absolute = tmp.resolve("x.csv").toAbsolutePath();
        assertEquals(absolute, Notebook.file(absolute.toString(), "/elsewhere"));
    }

    private static final Pattern RELATIVE_PATH = Pattern.compile(
        "(?:Path\\.of|Paths\\.get|new\\s+(?:java\\.io\\.)?File|Files\\.\\w+)\\(\\s*\"(?!/)([^\"]+)\"");

    @Test
    void noShippedNotebookReadsAFileByAPathRelativeToTheWorkingDirectory() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty());
        List<String> offending = new ArrayList<>();
        int fileCalls = 0;
        for (Path nb : notebooks) {
            JsonObject json = new Gson().fromJson(Files.readString(nb, StandardCharsets.UTF_8), JsonObject.class);
            for (JsonElement cell : json.getAsJsonArray("cells")) {
                JsonObject c = cell.getAsJsonObject();
                if (!"code".equals(c.get("cell_type").getAsString())) {
                    continue;
                }
                JsonElement src = c.get("source");
                String code;
                if (src.isJsonArray()) {
                    StringBuilder b = new StringBuilder();
                    src.getAsJsonArray().forEach(e -> b.append(e.getAsString()));
                    code = b.toString();
                } else {
                    code = src.getAsString();
                }
                Matcher m = RELATIVE_PATH.matcher(code);
                while (m.find()) {
                    offending.add(nb.getFileName() + ": " + m.group());
                }
                fileCalls += code.split("Notebook\\.file\\(", -1).length - 1;
            }
        }
        assertEquals(List.of(), offending, "read the checkout's files with Notebook.file(…)");
        assertTrue(fileCalls >= 1, "forecast-what-if reads the national series through Notebook.file");
    }

    @Test
    void theCheckOutsAbsenceFromTheKernelsFolderIsWhatTheRuleGuardsAgainst() {
        // From notebooks/ (where Jupyter starts the kernel) the checkout-relative path does not exist; the home does.
        Path fromNotebooks = Path.of("notebooks").resolve("data/reference/nbs_iva_growth_monthly_1998-2019.csv");
        assertFalse(Files.exists(fromNotebooks));
        assertTrue(Files.exists(Notebook.file("data/reference/nbs_iva_growth_monthly_1998-2019.csv",
            Path.of("").toAbsolutePath().toString())));
    }
}
