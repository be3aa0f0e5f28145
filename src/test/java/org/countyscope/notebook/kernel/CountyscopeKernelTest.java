package org.countyscope.notebook.kernel;

import com.google.gson.JsonObject;
import org.apache.spark.sql.SparkSession;
import org.countyscope.TestSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel held to the Jupyter protocol over real ZeroMQ sockets on 127.0.0.1, as a notebook front end talks to it:
 * kernel_info, execute (values, state across cells, output streams, compile and runtime errors), completion,
 * is_complete, inspect. Messages in both directions are signed and the client checks every signature.
 */
class CountyscopeKernelTest {
    static ConnectionInfo info;
    static KernelServer server;
    static KernelClient client;

    @BeforeAll
    static void start() {
        info = ConnectionInfo.loopback();
        server = KernelServer.start(info, JavaCells.ownClasspath());
        client = new KernelClient(info, Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        JsonObject reply = client.shutdown();
        assertFalse(reply.get("restart").getAsBoolean(), "shutdown_reply: " + reply);
        client.close();
        server.close();
    }

    @Test
    void answersKernelInfoAsAJavaKernel() {
        JsonObject infoReply = client.awaitReady();
        assertEquals("5.3", infoReply.get("protocol_version").getAsString(), infoReply.toString());
        assertEquals("Java", infoReply.getAsJsonObject("language_info").get("name").getAsString());
        assertEquals(CountyscopeKernel.NAME, infoReply.get("implementation").getAsString());
        assertTrue(infoReply.get("banner").getAsString().contains("Notebook.open()"), infoReply.toString());
    }

    @Test
    void executesJavaKeepingStateAcrossCells() {
        client.awaitReady();
        KernelClient.Exchange first = client.execute("int base = 20;\nString name = \"崆峒区\";");
        assertEquals("ok", first.reply().get("status").getAsString(), first.toString());
        assertTrue(first.of("execute_result").isEmpty(), "declarations show no value: " + first.published());

        KernelClient.Exchange second = client.execute("base * 2 + 2");
        assertEquals("ok", second.reply().get("status").getAsString(), second.toString());
        assertEquals("42", text(second.of("execute_result")), "the last expression's value");

        KernelClient.Exchange printed = client.execute("System.out.println(name + \"：\" + base);");
        assertEquals("崆峒区：20\n", printed.of("stream").stream().map(m -> m.content().get("text").getAsString())
            .reduce("", String::concat), "stdout reaches the notebook in UTF-8");
        assertTrue(printed.of("execute_result").isEmpty(), "a statement has no value");

        KernelClient.Exchange many = client.execute("var list = List.of(3, 1, 2);\nCollections.max(list)");
        assertEquals("3", text(many.of("execute_result")), "several snippets in one cell, imports in place");
    }

    @Test
    void reportsACompileErrorWithTheLineAndPlace() {
        client.awaitReady();
        KernelClient.Exchange ex = client.execute("int y = \"not a number\";");
        assertEquals("error", ex.reply().get("status").getAsString(), ex.toString());
        List<KernelClient.Message> errors = ex.of("error");
        assertEquals(1, errors.size(), "one error published: " + ex.published());
        String traceback = errors.get(0).content().get("traceback").toString();
        assertTrue(traceback.contains("incompatible types"), traceback);
        assertTrue(traceback.contains("^"), "points at the place: " + traceback);
        assertTrue(ex.reply().get("evalue").getAsString().startsWith("CompilationError"), ex.reply().toString());
    }

    @Test
    void reportsARuntimeExceptionByItsOwnName() {
        client.awaitReady();
        KernelClient.Exchange ex = client.execute("Integer.parseInt(\"七\")");
        assertEquals("error", ex.reply().get("status").getAsString(), ex.toString());
        String value = ex.reply().get("evalue").getAsString();
        assertTrue(value.contains("java.lang.NumberFormatException"), value);
        assertTrue(value.contains("七"), value);
        KernelClient.Exchange after = client.execute("1 + 1");
        assertEquals("2", text(after.of("execute_result")), "the kernel goes on after a failed cell");
    }

    @Test
    void completesChecksCompletenessAndInspects() {
        client.awaitReady();
        JsonObject complete = new JsonObject();
        complete.addProperty("code", "Notebook.op");
        complete.addProperty("cursor_pos", 11);
        JsonObject reply = client.shell("complete_request", complete).reply();
        assertTrue(reply.get("matches").toString().contains("open("), reply.toString());
        assertEquals(9, reply.get("cursor_start").getAsInt(), reply.toString());

        JsonObject open = new JsonObject();
        open.addProperty("code", "for (int i = 0; i < 3; i++) {");
        assertEquals("incomplete", client.shell("is_complete_request", open).reply().get("status").getAsString());
        JsonObject done = new JsonObject();
        done.addProperty("code", "int z = 1;");
        assertEquals("complete", client.shell("is_complete_request", done).reply().get("status").getAsString());

        JsonObject inspect = new JsonObject();
        inspect.addProperty("code", "Notebook.open(");
        inspect.addProperty("cursor_pos", 14);
        inspect.addProperty("detail_level", 0);
        JsonObject doc = client.shell("inspect_request", inspect).reply();
        assertTrue(doc.get("found").getAsBoolean(), doc.toString());
        assertTrue(doc.getAsJsonObject("data").get("text/plain").getAsString().contains("open"), doc.toString());
    }

    @Test
    void showsADatasetAsAnEscapedHtmlTable() {
        TestSpark.session();
        client.awaitReady();
        KernelClient.Exchange ex = client.execute("SparkSession.active().sql(\"select '<b>崆峒区</b>' as name, 1.5 as v "
            + "union all select 'a & b', null\")");
        assertEquals("ok", ex.reply().get("status").getAsString(), ex.toString());
        JsonObject data = ex.of("execute_result").get(0).content().getAsJsonObject("data");
        String html = data.get("text/html").getAsString();
        assertTrue(html.contains("<th>name</th><th>v</th>"), html);
        assertTrue(html.contains("<td>&lt;b&gt;崆峒区&lt;/b&gt;</td>"), "escaped: " + html);
        assertTrue(html.contains("<td>a &amp; b</td><td></td>"), "null as an empty cell: " + html);
        assertTrue(data.get("text/plain").getAsString().startsWith("name\tv\n"), data.toString());
    }

    @Test
    void anInterruptCancelsTheRunningSparkJobAndTheKernelGoesOn() throws Exception {
        SparkSession spark = TestSpark.session();
        client.awaitReady();
        CompletableFuture<KernelClient.Exchange> running = CompletableFuture.supplyAsync(() -> client.execute(
            "SparkSession.active().range(0L, 200_000_000_000L, 1L, 2).selectExpr(\"sum(id % 7)\").first()"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (spark.sparkContext().statusTracker().getActiveJobIds().length == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(spark.sparkContext().statusTracker().getActiveJobIds().length > 0, "the cell's job started");
        client.interrupt();
        KernelClient.Exchange ex = running.get(120, TimeUnit.SECONDS);
        assertEquals("error", ex.reply().get("status").getAsString(), ex.reply().toString());
        String why = ex.reply().get("evalue").getAsString();
        assertTrue(why.contains("Interrupted") || why.toLowerCase(java.util.Locale.ROOT).contains("cancel"), why);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (spark.sparkContext().statusTracker().getActiveJobIds().length > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, spark.sparkContext().statusTracker().getActiveJobIds().length, "the Spark job was cancelled");
        assertEquals("2", text(client.execute("1 + 1").of("execute_result")), "the kernel answers after an interrupt");
    }

    static String text(List<KernelClient.Message> results) {
        assertEquals(1, results.size(), "one execute_result: " + results);
        return results.get(0).content().getAsJsonObject("data").get("text/plain").getAsString();
    }
}
