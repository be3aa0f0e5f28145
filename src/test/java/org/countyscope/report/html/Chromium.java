package org.countyscope.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol (CDP): opens a page, records every failed request, broken
 * image, script exception and console or log error, and saves a full-page screenshot. The browser is started
 * once and killed with all its processes on {@link #close()}.
 *
 * <p>The binary is {@code -Dcountyscope.chromium=PATH}, else {@code $CHROMIUM}, else {@value #DEFAULT_BINARY}
 * (Debian package {@code chromium}, which {@code bin/test} installs).
 */
public final class Chromium implements AutoCloseable {
    /** Where Debian's package puts the browser. */
    public static final String DEFAULT_BINARY = "/usr/bin/chromium";
    /** Longest wait for the browser to start and for any one page check. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** Width of the window the screenshot is taken in, CSS pixels. */
    public static final int VIEWPORT_WIDTH = 1280;

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SCREENSHOT_HEIGHT = 16_000;

    /** Runs in the page after load: every image, every declared font (each forced to load), the visible text. */
    private static final String PAGE_STATE = """
        Promise.all(Array.from(document.fonts).map(f => f.load().then(() => f.family + ': loaded',
                                                                     e => f.family + ': ' + f.status + ' ' + e)))
          .then(fonts => JSON.stringify({
            images: Array.from(document.images).map(i => ({ src: i.getAttribute('src'), complete: i.complete,
                                                             width: i.naturalWidth })),
            fonts: fonts,
            scripts: document.querySelectorAll('script').length,
            text: document.body ? document.body.innerText : ''
          }))
        """;

    private final Process process;
    private final Path profile;
    private final Duration timeout;
    private final Deque<String> stderrTail;
    private final Cdp cdp;

    private Chromium(Process process, Path profile, Duration timeout, Deque<String> stderrTail, Cdp cdp) {
        this.process = process;
        this.profile = profile;
        this.timeout = timeout;
        this.stderrTail = stderrTail;
        this.cdp = cdp;
    }

    /** Starts the browser with {@link #DEFAULT_TIMEOUT}. */
    public static Chromium start() {
        return start(DEFAULT_TIMEOUT);
    }

    /** Starts the browser; fails with the browser's last stderr lines when it does not come up within the timeout. */
    public static Chromium start(Duration timeout) {
        String binary = binary();
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException("no Chromium at " + binary + ": install the Debian package chromium "
                + "(bin/system-packages does), or set -Dcountyscope.chromium / $CHROMIUM");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("countyscope-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = List.of(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
            "--mute-audio", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", "about:blank");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            deleteTree(profile);
            throw new UncheckedIOException("cannot start " + binary + ": " + e.getMessage(), e);
        }
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<String> wsUrl = new CompletableFuture<>();
        Thread reader = new Thread(() -> drainStderr(p, tail, wsUrl), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            String url = wsUrl.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Cdp cdp = Cdp.connect(URI.create(url), timeout);
            return new Chromium(p, profile, timeout, tail, cdp);
        } catch (TimeoutException e) {
            kill(p, profile);
            throw new IllegalStateException("Chromium did not print its DevTools address within " + timeout.toSeconds()
                + " s; its stderr ended with:\n" + tail(tail), e);
        } catch (InterruptedException e) {
            kill(p, profile);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Chromium", e);
        } catch (ExecutionException | RuntimeException e) {
            kill(p, profile);
            throw new IllegalStateException("Chromium failed to start: " + e.getMessage() + "\nstderr:\n" + tail(tail),
                e);
        }
    }

    /** Starts a browser, checks one page from disk, and closes the browser. */
    public static PageCheck checkOnce(Path html, Path screenshot) {
        try (Chromium c = start()) {
            return c.check(html, screenshot);
        }
    }

    /** Opens a page from disk (file:// URL); see {@link #check(URI, Path)}. */
    public PageCheck check(Path html, Path screenshot) {
        if (!Files.isRegularFile(html)) {
            throw new IllegalArgumentException("no page at " + html.toAbsolutePath());
        }
        return check(html.toAbsolutePath().normalize().toUri(), screenshot);
    }

    /**
     * Opens the URL in a new tab, waits for its load event and for every declared font, and reports what failed;
     * saves a full-page PNG to {@code screenshot} unless it is null.
     */
    public PageCheck check(URI url, Path screenshot) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String targetId = cdp.send(null, "Target.createTarget", obj().put("url", "about:blank"), left(deadline))
            .path("targetId").asText();
        try {
            String session = cdp.send(null, "Target.attachToTarget",
                obj().put("targetId", targetId).put("flatten", true), left(deadline)).path("sessionId").asText();
            Events ev = new Events(session);
            cdp.listeners.add(ev);
            try {
                for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
                    cdp.send(session, domain + ".enable", obj(), left(deadline));
                }
                cdp.send(session, "Emulation.setDeviceMetricsOverride", metrics(900), left(deadline));
                JsonNode nav = cdp.send(session, "Page.navigate", obj().put("url", url.toString()), left(deadline));
                if (nav.hasNonNull("errorText")) {
                    ev.failedRequests.add(url + " (" + nav.get("errorText").asText() + ")");
                } else {
                    await(ev.loaded, deadline, "the load event of " + url);
                }
                JsonNode state = evaluate(session, PAGE_STATE, deadline);
                List<String> broken = new ArrayList<>();
                for (JsonNode img : state.path("images")) {
                    if (!img.path("complete").asBoolean() || img.path("width").asInt() <= 0) {
                        broken.add(img.path("src").asText());
                    }
                }
                List<String> fonts = new ArrayList<>();
                for (JsonNode f : state.path("fonts")) {
                    fonts.add(f.asText());
                }
                Path shot = screenshot == null ? null : screenshot(session, screenshot, deadline);
                return new PageCheck(url.toString(), state.path("images").size(), broken, copy(ev.failedRequests),
                    copy(ev.scriptErrors), copy(ev.consoleErrors), fonts, state.path("scripts").asInt(),
                    state.path("text").asText(), shot);
            } finally {
                cdp.listeners.remove(ev);
            }
        } finally {
            try {
                cdp.send(null, "Target.closeTarget", obj().put("targetId", targetId), Duration.ofSeconds(5));
            } catch (RuntimeException ignored) {
                // the browser is killed on close() anyway
            }
        }
    }

    /** Closes the connection and kills the browser with every process it started, then removes its profile. */
    @Override
    public void close() {
        try {
            cdp.send(null, "Browser.close", obj(), Duration.ofSeconds(5));
        } catch (RuntimeException ignored) {
            // killed below
        }
        cdp.close();
        kill(process, profile);
    }

    /** The browser's last stderr lines, for failure messages. */
    public String stderrTail() {
        return tail(stderrTail);
    }

    private JsonNode evaluate(String session, String expression, long deadline) {
        JsonNode r = cdp.send(session, "Runtime.evaluate", obj().put("expression", expression)
            .put("awaitPromise", true).put("returnByValue", true), left(deadline));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("the page check failed in the browser: " + r.get("exceptionDetails"));
        }
        try {
            return JSON.readTree(r.path("result").path("value").asText());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable page state: " + r, e);
        }
    }

    private Path screenshot(String session, Path file, long deadline) {
        JsonNode m = cdp.send(session, "Page.getLayoutMetrics", obj(), left(deadline));
        JsonNode size = m.has("cssContentSize") ? m.get("cssContentSize") : m.path("contentSize");
        int height = (int) Math.min(MAX_SCREENSHOT_HEIGHT, Math.max(1, Math.ceil(size.path("height").asDouble())));
        cdp.send(session, "Emulation.setDeviceMetricsOverride", metrics(height), left(deadline));
        JsonNode shot = cdp.send(session, "Page.captureScreenshot",
            obj().put("format", "png").put("captureBeyondViewport", true), left(deadline));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + file, e);
        }
    }

    private static ObjectNode metrics(int height) {
        return obj().put("width", VIEWPORT_WIDTH).put("height", height).put("deviceScaleFactor", 1)
            .put("mobile", false);
    }

    private void await(CompletableFuture<?> f, long deadline, String what) {
        try {
            f.get(Math.max(1, left(deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
                + "; Chromium's stderr ended with:\n" + stderrTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("failed waiting for " + what + ": " + e.getCause(), e.getCause());
        }
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime()));
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static List<String> copy(List<String> l) {
        return List.copyOf(new ArrayList<>(l));
    }

    private static String binary() {
        String b = System.getProperty("countyscope.chromium");
        if (b == null || b.isBlank()) {
            b = System.getenv("CHROMIUM");
        }
        return b == null || b.isBlank() ? DEFAULT_BINARY : b;
    }

    private static void drainStderr(Process p, Deque<String> tail, CompletableFuture<String> wsUrl) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    wsUrl.complete(m.group(1));
                }
            }
        } catch (IOException ignored) {
            // the stream closes when the browser dies
        }
        wsUrl.completeExceptionally(new IllegalStateException("Chromium exited (code "
            + (p.isAlive() ? "?" : p.exitValue()) + ") before printing its DevTools address"));
    }

    private static String tail(Deque<String> tail) {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private static void kill(Process p, Path profile) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp profile left behind is harmless
        }
    }

    /**
     * What one page did: its images (and which are broken), failed requests, uncaught script exceptions, console
     * and log errors, how each declared font loaded, the number of script elements, the visible text and the
     * screenshot saved (or null).
     */
    public record PageCheck(String url, int images, List<String> brokenImages, List<String> failedRequests,
                            List<String> scriptErrors, List<String> consoleErrors, List<String> fonts,
                            int scriptElements, String text, Path screenshot) {
        /** Everything that went wrong, one line each; empty for a clean page. */
        public List<String> problems() {
            List<String> p = new ArrayList<>();
            brokenImages.forEach(s -> p.add("broken image: " + s));
            failedRequests.forEach(s -> p.add("failed request: " + s));
            scriptErrors.forEach(s -> p.add("script error: " + s));
            consoleErrors.forEach(s -> p.add("console error: " + s));
            fonts.stream().filter(f -> !f.endsWith(": loaded")).forEach(f -> p.add("font not loaded: " + f));
            return p;
        }

        /** True when nothing went wrong. */
        public boolean clean() {
            return problems().isEmpty();
        }
    }

    /** Collects one tab's events. */
    private static final class Events implements Consumer<JsonNode> {
        final String session;
        final List<String> failedRequests = Collections.synchronizedList(new ArrayList<>());
        final List<String> scriptErrors = Collections.synchronizedList(new ArrayList<>());
        final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> urls = new ConcurrentHashMap<>();
        final CompletableFuture<Void> loaded = new CompletableFuture<>();

        Events(String session) {
            this.session = session;
        }

        @Override
        public void accept(JsonNode msg) {
            if (!session.equals(msg.path("sessionId").asText())) {
                return;
            }
            JsonNode p = msg.path("params");
            switch (msg.path("method").asText()) {
                case "Page.loadEventFired" -> loaded.complete(null);
                case "Network.requestWillBeSent" ->
                    urls.put(p.path("requestId").asText(), p.path("request").path("url").asText());
                case "Network.loadingFailed" -> failedRequests.add(urls.getOrDefault(p.path("requestId").asText(),
                    "request " + p.path("requestId").asText()) + " (" + p.path("errorText").asText()
                    + (p.hasNonNull("blockedReason") ? ", blocked: " + p.get("blockedReason").asText() : "") + ")");
                case "Network.responseReceived" -> {
                    int status = p.path("response").path("status").asInt(0);
                    if (status >= 400) {
                        failedRequests.add(p.path("response").path("url").asText() + " (HTTP " + status + ")");
                    }
                }
                case "Runtime.exceptionThrown" -> {
                    JsonNode d = p.path("exceptionDetails");
                    String desc = d.path("exception").path("description").asText(d.path("text").asText());
                    scriptErrors.add(desc + " at " + d.path("url").asText() + ":" + d.path("lineNumber").asInt());
                }
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
                        List<String> args = new ArrayList<>();
                        p.path("args").forEach(a -> args.add(a.has("value") ? a.get("value").asText()
                            : a.path("description").asText()));
                        consoleErrors.add("console." + type + ": " + String.join(" ", args));
                    }
                }
                case "Log.entryAdded" -> {
                    JsonNode e = p.path("entry");
                    if (e.path("level").asText().equals("error")) {
                        consoleErrors.add("log " + e.path("source").asText() + ": " + e.path("text").asText()
                            + (e.hasNonNull("url") ? " (" + e.get("url").asText() + ")" : ""));
                    }
                }
                default -> {
                    // other events are not checked
                }
            }
        }
    }

    /** A DevTools connection: numbered commands with their replies, events to listeners. */
    private static final class Cdp implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket ws;

        static Cdp connect(URI url, Duration timeout) {
            Cdp c = new Cdp();
            try {
                c.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(url, c).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return c;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted connecting to " + url, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot connect to Chromium's DevTools at " + url + ": " + e, e);
            }
        }

        JsonNode send(String session, String method, ObjectNode params, Duration timeout) {
            int id = ids.incrementAndGet();
            ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
            msg.set("params", params);
            if (session != null) {
                msg.put("sessionId", session);
            }
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            pending.put(id, reply);
            try {
                ws.sendText(msg.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                JsonNode r = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (r.has("error")) {
                    throw new IllegalStateException(method + " failed: " + r.get("error"));
                }
                return r.path("result");
            } catch (TimeoutException e) {
                throw new IllegalStateException("no reply to " + method + " within " + timeout.toMillis() + " ms", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + method, e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(method + ": " + e.getCause(), e.getCause());
            } finally {
                pending.remove(id);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        private void dispatch(String text) {
            JsonNode msg;
            try {
                msg = JSON.readTree(text);
            } catch (IOException e) {
                return;
            }
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.get(msg.get("id").asInt());
                if (f != null) {
                    f.complete(msg);
                }
            } else {
                listeners.forEach(l -> l.accept(msg));
            }
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            IllegalStateException e =
                new IllegalStateException("DevTools connection closed: " + statusCode + " " + reason);
            pending.values().forEach(f -> f.completeExceptionally(e));
            return null;
        }

        void close() {
            WebSocket w = ws;
            if (w != null) {
                w.abort();
            }
        }
    }
}
