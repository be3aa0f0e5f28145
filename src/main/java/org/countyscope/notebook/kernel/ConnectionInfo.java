package org.countyscope.notebook.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A Jupyter connection file: where the kernel's five sockets listen and the key that signs every message. Jupyter
 * writes one and starts the kernel with it; {@link #loopback()} makes one for a kernel started in this JVM.
 */
public record ConnectionInfo(String transport, String ip, int shellPort, int iopubPort, int stdinPort,
                             int controlPort, int hbPort, String key) {
    private static final Gson GSON = new Gson();

    /** Five free ports on 127.0.0.1 and a fresh random key. */
    public static ConnectionInfo loopback() {
        int[] ports = new int[5];
        ServerSocket[] held = new ServerSocket[5];
        try {
            for (int i = 0; i < 5; i++) {
                held[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = held[i].getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket s : held) {
                if (s != null) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // a port we only probed
                    }
                }
            }
        }
        return new ConnectionInfo("tcp", "127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4],
            UUID.randomUUID().toString());
    }

    public static ConnectionInfo read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the connection file " + file, e);
        }
    }

    public static ConnectionInfo parse(String json) {
        JsonObject o = GSON.fromJson(json, JsonObject.class);
        String scheme = o.has("signature_scheme") ? o.get("signature_scheme").getAsString() : "hmac-sha256";
        if (!scheme.equals("hmac-sha256")) {
            throw new IllegalArgumentException("only hmac-sha256 signatures are supported, not " + scheme);
        }
        return new ConnectionInfo(o.get("transport").getAsString(), o.get("ip").getAsString(),
            o.get("shell_port").getAsInt(), o.get("iopub_port").getAsInt(), o.get("stdin_port").getAsInt(),
            o.get("control_port").getAsInt(), o.get("hb_port").getAsInt(), o.get("key").getAsString());
    }

    /** The file's JSON, as Jupyter writes it. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("transport", transport);
        o.addProperty("ip", ip);
        o.addProperty("shell_port", shellPort);
        o.addProperty("iopub_port", iopubPort);
        o.addProperty("stdin_port", stdinPort);
        o.addProperty("control_port", controlPort);
        o.addProperty("hb_port", hbPort);
        o.addProperty("key", key);
        o.addProperty("signature_scheme", "hmac-sha256");
        o.addProperty("kernel_name", CountyscopeKernel.NAME);
        return GSON.toJson(o);
    }

    String address(int port) {
        return transport + "://" + ip + ":" + port;
    }
}
