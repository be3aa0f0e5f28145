package org.countyscope.notebook.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.countyscope.ChildJvm;
import org.countyscope.SampleWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real Jupyter drives the kernel: {@code jupyter nbconvert --execute} (Debian package jupyter-nbconvert, which
 * {@code bin/system-packages} installs) finds the installed kernel spec, starts the kernel in its own JVM with a
 * connection file, and executes the shipped notebook on the sample warehouse. Every output must equal what the
 * in-process {@link NotebookRunner} produced: the two clients see the same kernel.
 */
class JupyterCompatibilityTest {
    static final String NBCONVERT = "/usr/bin/jupyter-nbconvert";

    @TempDir
    Path tmp;

    @Test
    void jupyterExecutesTheShippedNotebookOnTheKernelAsTheRunnerDoes() throws Exception {
        assertTrue(Files.isExecutable(Path.of(NBCONVERT)), "no " + NBCONVERT
            + ": install the Debian packages jupyter-nbconvert python3-nbclient jupyter-client (bin/system-packages does)");
        SampleWarehouse.result();
        Path notebook = Path.of("notebooks/county-comparison.ipynb");

        Path ours = tmp.resolve("runner.ipynb");
        NotebookRunner.Result r = NotebookRunner.run(notebook, SampleWarehouse.warehouse(), ours, Duration.ofMinutes(10));
        assertTrue(r.ok(), r.errorName());

        Path kernels = tmp.resolve("jupyter/kernels");
        KernelSpec.install(kernels, launcher(), SampleWarehouse.warehouse());
        Path theirs = tmp.resolve("jupyter.ipynb");
        ProcessBuilder pb = new ProcessBuilder(NBCONVERT, "--to", "notebook", "--execute",
            "--ExecutePreprocessor.kernel_name=countyscope", "--ExecutePreprocessor.timeout=600",
            "--output", theirs.toString(), notebook.toAbsolutePath().toString())
            .redirectErrorStream(true).redirectOutput(tmp.resolve("nbconvert.log").toFile());
        pb.environment().put("JUPYTER_DATA_DIR", tmp.resolve("jupyter").toString());
        pb.environment().put("JUPYTER_PATH", tmp.resolve("jupyter").toString());
        Process p = pb.start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        String log = Files.readString(tmp.resolve("nbconvert.log"), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done && p.exitValue() == 0, "nbconvert failed:\n" + log);

        List<JsonObject> a = outputs(ours);
        List<JsonObject> b = outputs(theirs);
        assertEquals(8, a.size(), "one output per code cell");
        assertEquals(a, b, "Jupyter and the runner saw the same outputs");
    }

    /** A launcher like bin/countyscope, on this test JVM's class path and JVM flags (the build is not repeated). */
    private Path launcher() throws IOException {
        StringBuilder cmd = new StringBuilder();
        for (String part : ChildJvm.countyscope("2g", List.of(), List.of())) {
            cmd.append(" '").append(part.replace("'", "'\\''")).append('\'');
        }
        String script = "#!/bin/sh\nexport SPARK_LOCAL_IP=127.0.0.1\nexec" + cmd + " \"$@\"\n";
        Path bin = tmp.resolve("bin/countyscope");
        Files.createDirectories(bin.getParent());
        Files.writeString(bin, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /** Every code cell's outputs with their data, without execution counts and the output metadata. */
    private static List<JsonObject> outputs(Path nb) throws IOException {
        JsonObject o = new Gson().fromJson(Files.readString(nb, StandardCharsets.UTF_8), JsonObject.class);
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement c : o.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            JsonObject data = new JsonObject();
            for (JsonElement e : cell.getAsJsonArray("outputs")) {
                JsonObject output = e.getAsJsonObject();
                if (output.has("data")) {
                    for (String mime : output.getAsJsonObject("data").keySet()) {
                        data.addProperty(mime, joined(output.getAsJsonObject("data").get(mime)));
                    }
                } else {
                    data.addProperty(output.get("output_type").getAsString(), output.toString());
                }
            }
            out.add(data);
        }
        return out;
    }

    private static String joined(JsonElement e) {
        if (e.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonElement l : (JsonArray) e) {
                b.append(l.getAsString());
            }
            return b.toString();
        }
        return e.getAsString();
    }
}
