package org.countyscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/countyscope's decision to build, run against a copy of the script with stand-ins for {@code mvn} and
 * {@code java} that only record how they were called: a classpath written by the cluster profile (Spark provided, so
 * absent) must be rebuilt before the CLI starts, a complete one must not.
 */
class LauncherScriptTest {
    private static final String SPARK_JAR = "/m2/org/apache/spark/spark-sql_2.13/4.0.1/spark-sql_2.13-4.0.1.jar";

    @Test
    void aClasspathWithoutSparkIsRebuiltBeforeTheCliStarts(@TempDir Path tmp) throws Exception {
        Path root = project(tmp, "/m2/io/delta/delta-spark_2.13-4.0.1.jar");
        String log = launch(root, tmp);
        assertTrue(log.contains("mvn -q -B -DskipTests compile"), "the launcher rebuilt:\n" + log);
        assertTrue(log.contains("java ") && log.contains(SPARK_JAR),
            "the CLI started with the rebuilt classpath, which holds Spark:\n" + log);
    }

    @Test
    void aCompleteUpToDateClasspathStartsWithoutABuild(@TempDir Path tmp) throws Exception {
        Path root = project(tmp, SPARK_JAR + ":/m2/io/delta/delta-spark_2.13-4.0.1.jar");
        String log = launch(root, tmp);
        assertFalse(log.contains("mvn "), "nothing to build:\n" + log);
        assertTrue(log.contains(SPARK_JAR), log);
    }

    @Test
    void theClusterProfileDoesNotWriteTheLaunchersClasspath() throws IOException {
        // the pom is the contract: the cluster profile switches the runtime-classpath execution off
        String pom = Files.readString(Path.of("pom.xml"));
        int profile = pom.indexOf("<id>cluster</id>");
        assertTrue(profile > 0, "the pom has a cluster profile");
        String cluster = pom.substring(profile);
        int exec = cluster.indexOf("<id>runtime-classpath</id>");
        assertTrue(exec > 0 && cluster.substring(exec, cluster.indexOf("</execution>", exec)).contains("<phase>none</phase>"),
            "the cluster profile unbinds the runtime-classpath execution");
    }

    /** A project folder with the real script, sources older than the build stamp and the given classpath file. */
    private static Path project(Path tmp, String classpath) throws IOException {
        Path root = tmp.resolve("project");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("src/main/java"));
        Files.createDirectories(root.resolve("data/reference"));
        Files.createDirectories(root.resolve("target/classes"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Path script = Files.copy(Path.of("bin/countyscope"), root.resolve("bin/countyscope"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(root.resolve("target/runtime-classpath.txt"), classpath);
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        for (Path p : List.of(root.resolve("pom.xml"), root.resolve("src/main"), root.resolve("src/main/java"),
            root.resolve("data/reference"))) {
            Files.setLastModifiedTime(p, old);
        }
        Files.writeString(root.resolve("target/.countyscope-built"), "");
        return root;
    }

    /** Runs the script with fake mvn (writes a classpath with Spark) and java on PATH; returns what they logged. */
    private static String launch(Path root, Path tmp) throws Exception {
        Path fakeBin = Files.createDirectories(tmp.resolve("fakebin"));
        Path log = tmp.resolve("calls.log");
        fake(fakeBin.resolve("mvn"), "echo \"mvn $*\" >> '" + log + "'\n"
            + "printf '%s' '" + SPARK_JAR + "' > target/runtime-classpath.txt\n");
        fake(fakeBin.resolve("java"), "echo \"java $*\" >> '" + log + "'\n");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bin/countyscope").toString(), "--help")
            .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        env.put("PATH", fakeBin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script ends");
        assertEquals(0, p.exitValue(), out);
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static void fake(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
