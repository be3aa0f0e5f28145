package org.countyscope.notebook.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.countyscope.cli.CountyscopeCommand;
import org.countyscope.notebook.Notebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code countyscope kernel --install} writes a kernel spec Jupyter can start the kernel from. */
class KernelSpecTest {
    @TempDir
    Path tmp;

    @Test
    void installWritesAnAbsoluteLauncherTheWarehouseAndMessageInterrupts() throws IOException {
        int code = CountyscopeCommand.commandLine().execute("kernel", "--install", "--kernels-dir",
            tmp.toString(), "--warehouse", "some/warehouse");
        assertEquals(0, code);
        JsonObject spec = new Gson().fromJson(Files.readString(tmp.resolve("countyscope/kernel.json"),
            StandardCharsets.UTF_8), JsonObject.class);
        String launcher = spec.getAsJsonArray("argv").get(0).getAsString();
        assertTrue(Path.of(launcher).isAbsolute() && launcher.endsWith("bin/countyscope"), launcher);
        assertEquals("[\"" + launcher + "\",\"kernel\",\"--connection-file\",\"{connection_file}\"]",
            spec.getAsJsonArray("argv").toString());
        assertEquals("message", spec.get("interrupt_mode").getAsString(), "a SIGINT would stop the JVM");
        assertEquals("java", spec.get("language").getAsString());
        assertEquals(Path.of("some/warehouse").toAbsolutePath().normalize().toString(),
            spec.getAsJsonObject("env").get(Notebook.WAREHOUSE_ENV).getAsString());
        assertEquals(Path.of("").toAbsolutePath().normalize().toString(),
            spec.getAsJsonObject("env").get(Notebook.HOME_ENV).getAsString(),
            "Jupyter starts the kernel in the notebook's folder: the checkout's files are found through the home");
    }

    @Test
    void theHomeIsTheLaunchersCheckoutWhereverTheInstallRunsFrom() {
        Path checkout = Path.of("").toAbsolutePath().normalize();
        assertEquals(checkout, KernelSpec.home(checkout.resolve("bin/countyscope")), "bin/countyscope's checkout");
        assertEquals(checkout, KernelSpec.home(tmp.resolve("bin/countyscope")),
            "a launcher outside a checkout: the working directory");
    }

    @Test
    void theConnectionFileRoundTripsAndOnlyHmacSha256IsAccepted() {
        ConnectionInfo info = ConnectionInfo.loopback();
        assertEquals(info, ConnectionInfo.parse(info.toJson()));
        assertEquals("127.0.0.1", info.ip());
        String md5 = info.toJson().replace("hmac-sha256", "hmac-md5");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> ConnectionInfo.parse(md5));
        assertTrue(e.getMessage().contains("hmac-md5"), e.getMessage());
    }
}
