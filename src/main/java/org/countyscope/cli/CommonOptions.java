package org.countyscope.cli;

import org.countyscope.spark.Sessions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes: where the warehouse and the outputs are, which Spark master, how chatty. */
public final class CommonOptions {
    @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
        description = "Warehouse root: a folder, or any Hadoop URI on a cluster (default: ${DEFAULT-VALUE}).")
    String warehouse;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
        description = "Where exports and reports go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--master", paramLabel = "URL",
        description = "Spark master; default local[*], or the one spark-submit gives.")
    String master;

    @Option(names = {"-v", "--verbose"}, description = "Show Spark's and Delta's own logging.")
    boolean verbose;

    /** Local warehouse paths are made absolute so Delta sees the same table from any working folder. */
    String warehouseUri() {
        if (warehouse.contains("://") || warehouse.startsWith("file:")) {
            return warehouse;
        }
        return Path.of(warehouse).toAbsolutePath().normalize().toString();
    }

    /**
     * Where the commands log: {@code <warehouse>/logs/countyscope.log} for a local warehouse (it already holds the
     * true values, so messages quoting a cell stay inside), {@code <out>/logs/} for one on a cluster file system.
     */
    Path logFile() {
        String wh = warehouseUri();
        Path dir = wh.contains("://") ? out.resolve("logs") : Path.of(wh.startsWith("file:") ? wh.substring(5) : wh)
            .resolve("logs");
        return dir.resolve("countyscope.log");
    }

    Sessions.Options session(String appName) {
        Logs.toFile(logFile());
        return Sessions.Options.embedded(appName).withMaster(master).withVerbose(verbose);
    }
}
