package org.countyscope.spark;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The one place that builds SparkSessions: for jobs, tests and the notebook kernel alike. */
public final class Sessions {

    /** How a session should be built; {@code master == null} means "embedded unless spark-submit set one". */
    public record Options(String master, String appName, int shufflePartitions, boolean verbose,
                          Map<String, String> extraConf) {
        public Options {
            Objects.requireNonNull(appName, "appName");
            if (shufflePartitions < 1) {
                throw new IllegalArgumentException("shufflePartitions must be >= 1, was " + shufflePartitions);
            }
            extraConf = extraConf == null ? Map.of() : Map.copyOf(extraConf);
        }

        /** Defaults for a job on one machine: all cores, a few shuffle partitions, quiet logs. */
        public static Options embedded(String appName) {
            return new Options(null, appName, 8, false, Map.of());
        }

        public Options withMaster(String m) {
            return new Options(m, appName, shufflePartitions, verbose, extraConf);
        }

        public Options withVerbose(boolean v) {
            return new Options(master, appName, shufflePartitions, v, extraConf);
        }

        public Options withShufflePartitions(int n) {
            return new Options(master, appName, n, verbose, extraConf);
        }
    }

    private Sessions() {
    }

    /**
     * How long a table's old versions stay readable: Delta's log entries ({@code delta.logRetentionDuration}) and the
     * files a newer version replaced ({@code delta.deletedFileRetentionDuration}). Three years cover the bureau's
     * revision window (a month's figures are revised until the yearbook of the following year, about 20 months), so
     * every release published within it can be rebuilt by time travel. Set on every table a session creates
     * (below) and by {@code TableStore.ensureRetention} on older tables.
     */
    public static final String RETENTION = "interval 1095 days";
    public static final List<String> RETENTION_PROPERTIES = List.of("delta.logRetentionDuration",
        "delta.deletedFileRetentionDuration");

    /** Returns the active session if one exists (spark-submit, notebook, test JVM), else builds one. */
    public static synchronized SparkSession getOrCreate(Options options) {
        quietLogs(options.verbose());
        SparkConf conf = new SparkConf(true); // true: picks up spark.* set by spark-submit
        boolean submitted = conf.contains("spark.master");
        String master = options.master() != null ? options.master() : (submitted ? conf.get("spark.master") : "local[*]");
        boolean local = master.startsWith("local");
        conf.setMaster(master)
            .setAppName(options.appName())
            .set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .set("spark.sql.session.timeZone", "Asia/Shanghai")
            .set("spark.sql.ansi.enabled", "false")
            .set("spark.databricks.delta.schema.autoMerge.enabled", "false");
        // A monthly load is small data on any master: a few shuffle partitions and small Delta snapshots instead of
        // Spark's 200 and Delta's 50 tasks per step (a thousand tiny tasks per table on a cluster). Whatever
        // spark-submit --conf sets wins: a province-sized load on a real cluster sets its own.
        if (!submitted || options.master() != null || !conf.contains("spark.sql.shuffle.partitions")) {
            conf.set("spark.sql.shuffle.partitions", Integer.toString(options.shufflePartitions()));
        }
        // every table this session creates keeps its old versions for the bureau's revision window (time travel to a
        // published release); whatever spark-submit --conf sets wins
        for (String p : RETENTION_PROPERTIES) {
            conf.setIfMissing("spark.databricks.delta.properties.defaults." + p.substring("delta.".length()),
                RETENTION);
        }
        conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "2")
            .setIfMissing("spark.sql.adaptive.enabled", "true")
            .setIfMissing("spark.sql.adaptive.coalescePartitions.enabled", "true");
        if (local) {
            // One machine: no UI, loopback only.
            conf.set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        }
        options.extraConf().forEach(conf::set);
        SparkSession session = SparkSession.builder().config(conf).getOrCreate();
        if (!options.verbose()) {
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }

    /** Stops the session this JVM built, if any: releases the executors before the JVM exits. */
    public static synchronized void stopDefault() {
        SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
    }

    /** Spark and Delta log at WARN/INFO by default; planners should see only countyscope's own lines. */
    public static void quietLogs(boolean verbose) {
        Level level = verbose ? Level.INFO : Level.ERROR;
        for (String logger : new String[] {"org.apache.spark", "org.apache.hadoop", "io.delta", "org.sparkproject",
            "org.apache.parquet", "org.apache.hadoop.util.NativeCodeLoader", "org.apache.spark.util.Utils"}) {
            Configurator.setLevel(logger, level);
        }
        Configurator.setRootLevel(verbose ? Level.INFO : Level.WARN);
    }
}
