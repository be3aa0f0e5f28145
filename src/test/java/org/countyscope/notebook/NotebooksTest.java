package org.countyscope.notebook;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.apache.spark.sql.Row;
import org.countyscope.SampleWarehouse;
import org.countyscope.notebook.kernel.NotebookRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every notebook in {@code notebooks/} executed top to bottom on the countyscope kernel against the sample
 * warehouse: no cell fails, every code cell shows something, tables come as HTML and charts as PNG, and the
 * figures a notebook shows are gold's. A failing cell stops the run and leaves the later cells without output.
 */
class NotebooksTest {
    static final Gson GSON = new Gson();

    @TempDir
    Path tmp;

    @Test
    void everyShippedNotebookRunsCleanOnTheSampleWarehouse() throws IOException {
        SampleWarehouse.result();
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "notebooks/ ships at least one notebook");
        for (Path nb : notebooks) {
            Path out = tmp.resolve(nb.getFileName());
            NotebookRunner.Result r = NotebookRunner.run(nb, SampleWarehouse.warehouse(), out, Duration.ofMinutes(10));
            assertTrue(r.ok(), nb + " failed at cell " + r.failedCell() + ": " + r.errorName() + "\n"
                + String.join("\n", r.errorLines()));
            JsonObject executed = read(out);
            for (JsonObject cell : codeCells(executed)) {
                assertFalse(cell.getAsJsonArray("outputs").isEmpty(), nb + ": a cell without output: " + cell);
                assertTrue(cell.get("execution_count").isJsonPrimitive(), "execution count set: " + cell);
            }
            assertEquals("Java", executed.getAsJsonObject("metadata").getAsJsonObject("language_info").get("name")
                .getAsString(), "language_info written from the kernel");
        }
    }

    @Test
    void theCountyNotebookShowsGoldsFiguresAsTablesAndACharts() {
        Path out = tmp.resolve("county.ipynb");
        NotebookRunner.Result r = NotebookRunner.run(Path.of("notebooks/county-comparison.ipynb"),
            SampleWarehouse.warehouse(), out, Duration.ofMinutes(10));
        assertTrue(r.ok(), r.errorName() + "\n" + String.join("\n", r.errorLines()));
        List<JsonObject> cells = codeCells(read(out));
        String period = text(cells.get(1));
        assertTrue(period.matches("\"?\\d{4}-\\d{2}\"?"), "the period cell: " + period);

        String growthHtml = data(cells.get(2), "text/html");
        assertTrue(growthHtml.startsWith("<table"), growthHtml);
        List<Row> gold = SampleWarehouse.store().read(org.countyscope.io.Layer.GOLD, "comparison")
            .where(col("cadence").equalTo("month").and(col("period").equalTo(period.replace("\"", "")))
                .and(col("indicator").equalTo("iva_real")).and(col("region_level").equalTo("county")))
            .collectAsList();
        assertFalse(gold.isEmpty(), "gold has the month's county growth");
        for (Row g : gold) {
            String name = g.getAs("region_name");
            String growth = String.format("%.1f", ((Number) g.getAs("yoy_pct")).doubleValue());
            assertTrue(growthHtml.contains("<td>" + name + "</td><td style=\"text-align:right\">" + growth + "</td>"),
                name + " " + growth + " shown as in gold: " + growthHtml);
        }
        assertTrue(data(cells.get(4), "image/png").startsWith("iVBORw0KGgo"), "the share chart is a PNG");
        assertTrue(text(cells.get(3)).contains("pulls add to"), text(cells.get(3)));
        String forecast = data(cells.get(7), "text/html");
        assertTrue(forecast.contains("<td>forecast</td>"), "the city's forecast rows: " + forecast);
    }

    @Test
    void aFailingCellStopsTheRunAndTheLaterCellsKeepNoOutput() throws IOException {
        SampleWarehouse.result();
        JsonObject nb = new JsonObject();
        JsonArray cells = new JsonArray();
        cells.add(cell("int a = 1;\na + 1"));
        cells.add(cell("Notebook.open().table(\"gold/no_such_table\")"));
        cells.add(cell("System.out.println(\"never\");"));
        nb.add("cells", cells);
        nb.add("metadata", new JsonObject());
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        Path in = tmp.resolve("failing.ipynb");
        Files.writeString(in, GSON.toJson(nb), StandardCharsets.UTF_8);

        NotebookRunner.Result r = NotebookRunner.run(in, SampleWarehouse.warehouse(), in, Duration.ofMinutes(5));
        assertFalse(r.ok(), "the run reports the failure");
        assertEquals(1, r.failedCell(), "the second cell failed");
        assertEquals(2, r.codeCellsRun(), "the third cell did not run");
        assertTrue(r.errorName().contains("no table gold/no_such_table"), r.errorName());
        List<JsonObject> executed = codeCells(read(in));
        assertEquals("2", text(executed.get(0)));
        assertEquals("error", executed.get(1).getAsJsonArray("outputs").get(0).getAsJsonObject().get("output_type")
            .getAsString());
        assertTrue(executed.get(2).getAsJsonArray("outputs").isEmpty(), "nothing after the failure");
    }

    static JsonObject cell(String source) {
        JsonObject c = new JsonObject();
        c.addProperty("cell_type", "code");
        c.add("metadata", new JsonObject());
        c.add("outputs", new JsonArray());
        c.addProperty("source", source);
        return c;
    }

    static JsonObject read(Path p) {
        try {
            return GSON.fromJson(Files.readString(p, StandardCharsets.UTF_8), JsonObject.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<JsonObject> codeCells(JsonObject nb) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : nb.getAsJsonArray("cells")) {
            if ("code".equals(e.getAsJsonObject().get("cell_type").getAsString())) {
                out.add(e.getAsJsonObject());
            }
        }
        return out;
    }

    static String text(JsonObject cell) {
        return data(cell, "text/plain");
    }

    static String data(JsonObject cell, String mime) {
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if (out.has("data") && out.getAsJsonObject("data").has(mime)) {
                JsonElement d = out.getAsJsonObject("data").get(mime);
                if (d.isJsonArray()) {
                    StringBuilder b = new StringBuilder();
                    d.getAsJsonArray().forEach(l -> b.append(l.getAsString()));
                    return b.toString();
                }
                return d.getAsString();
            }
        }
        throw new AssertionError("no " + mime + " output in " + cell);
    }
}
