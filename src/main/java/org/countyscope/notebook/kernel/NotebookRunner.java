package org.countyscope.notebook.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.countyscope.notebook.Notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes a notebook (.ipynb, nbformat 4) top to bottom on a countyscope kernel started in this JVM and writes it
 * back with every cell's outputs — what {@code jupyter nbconvert --execute} does, without Python. Stops at the first
 * failing cell, as nbconvert does; the cells after it keep no outputs.
 */
public final class NotebookRunner {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The outcome: code cells run, and the failing cell (index among all cells) with its error, if one failed. */
    public record Result(Path written, int codeCellsRun, int failedCell, String errorName, List<String> errorLines) {
        public Result {
            errorLines = List.copyOf(errorLines);
        }

        public boolean ok() {
            return failedCell < 0;
        }
    }

    private NotebookRunner() {
    }

    /**
     * Runs {@code notebook} against {@code warehouse} and writes the executed notebook to {@code output} (atomically;
     * it may be the same file).
     *
     * @param cellTimeout how long one cell may run
     */
    public static Result run(Path notebook, Path warehouse, Path output, Duration cellTimeout) {
        JsonObject nb = read(notebook);
        String before = System.getProperty(Notebook.WAREHOUSE_PROPERTY);
        System.setProperty(Notebook.WAREHOUSE_PROPERTY, warehouse.toAbsolutePath().normalize().toString());
        ConnectionInfo info = ConnectionInfo.loopback();
        try (KernelServer server = KernelServer.start(info, JavaCells.ownClasspath());
             KernelClient client = new KernelClient(info, cellTimeout)) {
            JsonObject kernelInfo = client.awaitReady();
            Result result = execute(nb, client, output);
            nb.getAsJsonObject("metadata").add("language_info", kernelInfo.get("language_info"));
            write(nb, output);
            return result;
        } finally {
            if (before == null) {
                System.clearProperty(Notebook.WAREHOUSE_PROPERTY);
            } else {
                System.setProperty(Notebook.WAREHOUSE_PROPERTY, before);
            }
        }
    }

    private static Result execute(JsonObject nb, KernelClient client, Path output) {
        JsonArray cells = nb.getAsJsonArray("cells");
        int run = 0;
        boolean failed = false;
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            JsonArray outputs = new JsonArray();
            cell.add("outputs", outputs);
            cell.add("execution_count", null);
            if (failed) {
                continue;
            }
            KernelClient.Exchange ex = client.execute(source(cell));
            run++;
            if (ex.reply().has("execution_count")) {
                cell.addProperty("execution_count", ex.reply().get("execution_count").getAsInt());
            }
            for (KernelClient.Message m : ex.published()) {
                JsonObject out = output(m);
                if (out != null) {
                    outputs.add(out);
                }
            }
            if (!"ok".equals(ex.reply().get("status").getAsString())) {
                failed = true;
                List<String> lines = new ArrayList<>();
                JsonArray tb = ex.reply().has("traceback") ? ex.reply().getAsJsonArray("traceback") : new JsonArray();
                tb.forEach(l -> lines.add(l.getAsString()));
                String name = ex.reply().has("ename") ? ex.reply().get("ename").getAsString() : "error";
                String value = ex.reply().has("evalue") ? ex.reply().get("evalue").getAsString() : "";
                return finish(cells, i + 1, new Result(output, run, i, name + ": " + value, lines));
            }
        }
        return new Result(output, run, -1, "", List.of());
    }

    /** Clears the outputs of the cells after a failure. */
    private static Result finish(JsonArray cells, int from, Result r) {
        for (int j = from; j < cells.size(); j++) {
            JsonObject c = cells.get(j).getAsJsonObject();
            if ("code".equals(c.get("cell_type").getAsString())) {
                c.add("outputs", new JsonArray());
                c.add("execution_count", null);
            }
        }
        return r;
    }

    /** A published message as an nbformat output, or null for messages that are not outputs (status, input). */
    static JsonObject output(KernelClient.Message m) {
        JsonObject c = m.content();
        JsonObject out = new JsonObject();
        switch (m.type()) {
            case "stream" -> {
                out.addProperty("output_type", "stream");
                out.add("name", c.get("name"));
                out.add("text", c.get("text"));
            }
            case "display_data", "execute_result" -> {
                out.addProperty("output_type", m.type());
                if (m.type().equals("execute_result")) {
                    out.add("execution_count", c.get("execution_count"));
                }
                out.add("data", c.get("data"));
                out.add("metadata", c.has("metadata") ? c.get("metadata") : new JsonObject());
            }
            case "error" -> {
                out.addProperty("output_type", "error");
                out.add("ename", c.get("ename"));
                out.add("evalue", c.get("evalue"));
                out.add("traceback", c.get("traceback"));
            }
            default -> {
                return null;
            }
        }
        return out;
    }

    /** A cell's source: nbformat allows one string or a list of lines. */
    static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            s.getAsJsonArray().forEach(l -> b.append(l.getAsString()));
            return b.toString();
        }
        return s.getAsString();
    }

    static JsonObject read(Path notebook) {
        try {
            JsonObject nb = GSON.fromJson(Files.readString(notebook, StandardCharsets.UTF_8), JsonObject.class);
            if (nb == null || !nb.has("cells") || !nb.has("nbformat") || nb.get("nbformat").getAsInt() != 4) {
                throw new IllegalArgumentException(notebook + " is not an nbformat 4 notebook");
            }
            if (!nb.has("metadata")) {
                nb.add("metadata", new JsonObject());
            }
            return nb;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + notebook, e);
        }
    }

    private static void write(JsonObject nb, Path output) {
        try {
            Path dir = output.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".notebook-", ".ipynb");
            Files.writeString(tmp, GSON.toJson(nb) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }
}
