package org.countyscope.notebook.kernel;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.countyscope.notebook.Notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel spec Jupyter finds the countyscope kernel by: {@code <kernels dir>/countyscope/kernel.json}, starting
 * {@code bin/countyscope kernel --connection-file {connection_file}} with the warehouse notebooks open by default.
 * Interrupts come as messages (a signal would stop the JVM, not the cell).
 */
public final class KernelSpec {
    private KernelSpec() {
    }

    /** The kernels folder of Jupyter's per-user data directory on Linux ({@code ~/.local/share/jupyter/kernels}). */
    public static Path userKernelsDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "share")
            : Path.of(xdg);
        return data.resolve("jupyter").resolve("kernels");
    }

    /**
     * The kernel.json text: the launcher's absolute path; the warehouse and the checkout it was installed from (the
     * working directory) as environment variables.
     */
    public static String json(Path launcher, Path warehouse) {
        JsonObject spec = new JsonObject();
        JsonArray argv = new JsonArray();
        for (String a : List.of(launcher.toAbsolutePath().normalize().toString(), "kernel", "--connection-file",
            "{connection_file}")) {
            argv.add(a);
        }
        spec.add("argv", argv);
        spec.addProperty("display_name", CountyscopeKernel.DISPLAY_NAME);
        spec.addProperty("language", "java");
        spec.addProperty("interrupt_mode", "message");
        JsonObject env = new JsonObject();
        env.addProperty(Notebook.WAREHOUSE_ENV, warehouse.toAbsolutePath().normalize().toString());
        env.addProperty(Notebook.HOME_ENV, home(launcher).toString());
        spec.add("env", env);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("debugger", false);
        spec.add("metadata", metadata);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /**
     * The checkout the notebooks' files are read from: the launcher's checkout ({@code <checkout>/bin/countyscope},
     * recognised by its {@code notebooks/} folder) wherever the install ran from, else the working directory.
     */
    static Path home(Path launcher) {
        Path bin = launcher.toAbsolutePath().normalize().getParent();
        Path checkout = bin == null ? null : bin.getParent();
        if (checkout != null && Files.isDirectory(checkout.resolve("notebooks"))) {
            return checkout;
        }
        return Path.of("").toAbsolutePath().normalize();
    }

    /** Writes {@code kernelsDir/countyscope/kernel.json}; returns its folder. */
    public static Path install(Path kernelsDir, Path launcher, Path warehouse) {
        Path dir = kernelsDir.resolve(CountyscopeKernel.NAME);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kernel.json"), json(launcher, warehouse), StandardCharsets.UTF_8);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kernel spec into " + dir, e);
        }
    }
}
