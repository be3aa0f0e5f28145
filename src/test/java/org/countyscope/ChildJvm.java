package org.countyscope;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that starts countyscope's CLI in a new JVM on this test JVM's class path and Spark flags. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param heap    e.g. "2g"
     * @param jvmArgs extra JVM arguments (system properties)
     */
    public static List<String> countyscope(String heap, List<String> jvmArgs, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
                cmd.add(arg);
            }
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.countyscope.cli.CountyscopeCommand");
        cmd.addAll(args);
        return cmd;
    }
}
