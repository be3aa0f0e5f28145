package org.countyscope.pipeline;

import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole {@code run} on the sample city submitted by {@code jobs/spark-submit.sh} to a {@code local-cluster} master —
 * a standalone master and two executor JVMs, with no Spark installed (the script assembles a Spark home from Maven's
 * jars) — exports the same figures as the local-mode run of the shared sample warehouse, file by file, cell by cell.
 * It also builds the cluster jar as the README says, which must leave bin/countyscope's classpath whole.
 */
// Opt-in (-Dcountyscope.clusterTest=true): the whole sample on a master and two executor JVMs has not yet been seen
// finishing within the suite's time on this 2-core machine, so it does not run in CI until it has been measured.
@EnabledIfSystemProperty(named = "countyscope.clusterTest", matches = "true")
class LocalClusterRunTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void theRunOnTwoExecutorJvmsExportsTheSameFiguresAsTheLocalRun(@TempDir Path tmp) throws Exception {
        RunJob.Result local = SampleWarehouse.result();
        Path launcherClasspath = Path.of("target/runtime-classpath.txt");
        Path wh = tmp.resolve("warehouse");
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("spark-submit.log");
        ProcessBuilder pb = new ProcessBuilder("bash", "jobs/spark-submit.sh",
            "--master", "local-cluster[2,1,1536]", "--driver-memory", "2g", "--conf", "spark.executor.memory=1g",
            "--", "run", "--input", TestSpark.sampleDir().toString(), "--as-of", SampleWarehouse.AS_OF.toString(),
            "--warehouse", wh.toString(), "--out", out.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.remove("SPARK_HOME");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("spark-submit.sh did not finish in 30 minutes:\n" + tail(log));
        }
        assertEquals(0, p.exitValue(), "spark-submit.sh run exit code:\n" + tail(log));
        assertTrue(Files.readString(launcherClasspath).contains("spark-sql_"),
            "building the cluster jar left bin/countyscope's classpath with Spark in it");

        Path clusterDir = out.resolve(local.period());
        String summary = Files.readString(clusterDir.resolve("run-summary.json"));
        assertTrue(summary.contains("\"master\" : \"local-cluster[2,1,1536]\"") && summary.contains("\"executors\" : 2"),
            "the run says it ran on two executors of the local cluster:\n" + summary);
        assertTrue(Files.notExists(wh.resolve("_staging")) || isEmpty(wh.resolve("_staging")),
            "the input staged in the warehouse for the executors is removed after the load");

        List<Path> csvs;
        try (Stream<Path> walk = Files.walk(local.outDir())) {
            csvs = walk.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertTrue(csvs.stream().anyMatch(f -> f.endsWith("tables/indicator_comparison.csv")), csvs.toString());
        long figures = 0;
        for (Path localCsv : csvs) {
            Path rel = local.outDir().relativize(localCsv);
            Path clusterCsv = clusterDir.resolve(rel.toString());
            assertTrue(Files.exists(clusterCsv), "the cluster run wrote " + rel);
            figures += compare(rel.toString(), localCsv, clusterCsv);
        }
        assertTrue(figures > 5_000, "thousands of figures compared, was " + figures);
    }

    /** Compares two CSV exports cell by cell (numbers to 1e-9 relative); returns how many numbers it compared. */
    static long compare(String name, Path expected, Path actual) throws IOException {
        List<String> a = Files.readAllLines(expected, StandardCharsets.UTF_8);
        List<String> b = Files.readAllLines(actual, StandardCharsets.UTF_8);
        assertEquals(a.size(), b.size(), name + ": lines");
        long numbers = 0;
        for (int i = 0; i < a.size(); i++) {
            List<String> x = cells(a.get(i));
            List<String> y = cells(b.get(i));
            assertEquals(x.size(), y.size(), name + " line " + (i + 1) + ": cells");
            for (int c = 0; c < x.size(); c++) {
                Double dx = number(x.get(c));
                Double dy = number(y.get(c));
                if (dx != null && dy != null) {
                    numbers++;
                    double scale = Math.max(1, Math.max(Math.abs(dx), Math.abs(dy)));
                    assertTrue(Math.abs(dx - dy) <= TOLERANCE * scale,
                        name + " line " + (i + 1) + " cell " + (c + 1) + ": " + x.get(c) + " locally, " + y.get(c)
                            + " on the cluster");
                } else {
                    assertEquals(x.get(c), y.get(c), name + " line " + (i + 1) + " cell " + (c + 1));
                }
            }
        }
        return numbers;
    }

    /** The cells of one CSV line (quoted cells may hold commas and doubled quotes; exports write no newlines in cells). */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static Double number(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)))) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
