package org.countyscope.notebook.kernel;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A Jupyter client speaking the wire protocol (messaging 5.3) to a kernel over ZeroMQ, as a notebook front end
 * does: signed messages on the shell and control channels, everything a request caused collected from IOPub until
 * the kernel is idle again. Used to execute notebooks without Python, and by the tests to hold the kernel to the
 * protocol.
 */
public final class KernelClient implements AutoCloseable {
    private static final String DELIMITER = "<IDS|MSG>";
    private static final Gson GSON = new Gson();

    private final ZContext context = new ZContext();
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;
    private final ZMQ.Socket iopub;
    private final Mac mac;
    private final String session = UUID.randomUUID().toString();
    private final Duration timeout;

    /** What one request brought back: the reply's content and the IOPub messages it caused, in order. */
    public record Exchange(JsonObject reply, List<Message> published) {
        /** The published messages of one type (stream, display_data, execute_result, error, status…). */
        public List<Message> of(String msgType) {
            return published.stream().filter(m -> m.type().equals(msgType)).toList();
        }
    }

    /** One received message: its type, content, and its parent's msg_id. */
    public record Message(String type, JsonObject content, String parentId) {
    }

    /**
     * Connects to a kernel.
     *
     * @param timeout how long a request may take before it counts as lost (a Spark cell can take minutes)
     */
    public KernelClient(ConnectionInfo info, Duration timeout) {
        this.timeout = timeout;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(info.key().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
        this.iopub = context.createSocket(SocketType.SUB);
        iopub.subscribe(new byte[0]);
        iopub.connect(info.address(info.iopubPort()));
        this.shell = context.createSocket(SocketType.DEALER);
        shell.connect(info.address(info.shellPort()));
        this.control = context.createSocket(SocketType.DEALER);
        control.connect(info.address(info.controlPort()));
        for (ZMQ.Socket s : List.of(iopub, shell, control)) {
            s.setReceiveTimeOut(250);
        }
    }

    /**
     * Asks for kernel_info until the kernel answers and its IOPub messages arrive (a SUB socket misses what was
     * published before it joined), then returns the info.
     */
    public JsonObject awaitReady() {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String id = send(shell, "kernel_info_request", new JsonObject());
            JsonObject reply = null;
            boolean published = false;
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < until && (reply == null || !published)) {
                Message m = receive(shell);
                if (m != null && id.equals(m.parentId())) {
                    reply = m.content();
                }
                Message p = receive(iopub);
                if (p != null && id.equals(p.parentId())) {
                    published = true;
                }
            }
            if (reply != null && published) {
                drain();
                return reply;
            }
        }
        throw new IllegalStateException("the kernel did not answer within " + timeout);
    }

    /** Executes code and waits until the kernel is idle again. */
    public Exchange execute(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        return request(shell, "execute_request", content);
    }

    /** Any shell request (complete_request, inspect_request, is_complete_request…). */
    public Exchange shell(String msgType, JsonObject content) {
        return request(shell, msgType, content);
    }

    /** Sends an interrupt on the control channel without waiting for the running request. */
    public String interrupt() {
        return send(control, "interrupt_request", new JsonObject());
    }

    /** Asks the kernel to shut down and waits for its reply. */
    public JsonObject shutdown() {
        JsonObject content = new JsonObject();
        content.addProperty("restart", false);
        String id = send(control, "shutdown_request", content);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message m = receive(control);
            if (m != null && id.equals(m.parentId())) {
                return m.content();
            }
        }
        throw new IllegalStateException("no shutdown_reply within " + timeout);
    }

    private Exchange request(ZMQ.Socket socket, String msgType, JsonObject content) {
        String id = send(socket, msgType, content);
        List<Message> published = new ArrayList<>();
        JsonObject reply = null;
        boolean idle = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(idle && reply != null)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(msgType + " got no " + (reply == null ? "reply" : "idle status")
                    + " within " + timeout);
            }
            Message m = receive(socket);
            if (m != null && id.equals(m.parentId())) {
                reply = m.content();
            }
            Message p;
            while ((p = receive(iopub)) != null) {
                if (!id.equals(p.parentId())) {
                    continue;
                }
                published.add(p);
                if (p.type().equals("status") && "idle".equals(p.content().get("execution_state").getAsString())) {
                    idle = true;
                }
            }
        }
        return new Exchange(reply, published);
    }

    private String send(ZMQ.Socket socket, String msgType, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("session", session);
        header.addProperty("username", "countyscope");
        header.addProperty("date", OffsetDateTime.now().toString());
        header.addProperty("msg_type", msgType);
        header.addProperty("version", "5.3");
        byte[][] parts = {json(header), json(new JsonObject()), json(new JsonObject()), json(content)};
        socket.sendMore(DELIMITER);
        socket.sendMore(sign(parts));
        for (int i = 0; i < parts.length; i++) {
            if (i < parts.length - 1) {
                socket.sendMore(parts[i]);
            } else {
                socket.send(parts[i]);
            }
        }
        return id;
    }

    /** The next message on a socket, or null after a short wait; a message with a wrong signature is an error. */
    private Message receive(ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        int d = 0;
        while (d < frames.size() && !DELIMITER.equals(new String(frames.get(d), StandardCharsets.UTF_8))) {
            d++;
        }
        if (d + 5 >= frames.size()) {
            throw new IllegalStateException("a message without the " + DELIMITER + " delimiter and four parts");
        }
        byte[][] parts = {frames.get(d + 2), frames.get(d + 3), frames.get(d + 4), frames.get(d + 5)};
        String signature = new String(frames.get(d + 1), StandardCharsets.UTF_8);
        if (!signature.equals(sign(parts))) {
            throw new IllegalStateException("a message from the kernel has a wrong HMAC signature");
        }
        JsonObject header = parse(parts[0]);
        JsonObject parent = parse(parts[1]);
        JsonElement parentId = parent.get("msg_id");
        return new Message(header.get("msg_type").getAsString(), parse(parts[3]),
            parentId == null || parentId.isJsonNull() ? "" : parentId.getAsString());
    }

    private void drain() {
        while (receive(iopub) != null) {
            // messages of the readiness probe
        }
    }

    private synchronized String sign(byte[][] parts) {
        mac.reset();
        for (byte[] p : parts) {
            mac.update(p);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private static byte[] json(JsonObject o) {
        return GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject parse(byte[] bytes) {
        return GSON.fromJson(new String(bytes, StandardCharsets.UTF_8), JsonObject.class);
    }

    @Override
    public void close() {
        context.close();
    }
}
