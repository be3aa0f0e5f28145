package org.countyscope;

import org.apache.spark.sql.SparkSession;
import org.countyscope.spark.Sessions;

import java.nio.file.Path;
import java.util.Map;

/** The one SparkSession of the test JVM: two local threads, two shuffle partitions, no UI, loopback only. */
public final class TestSpark {
    private TestSpark() {
    }

    public static SparkSession session() {
        return Sessions.getOrCreate(new Sessions.Options("local[2]", "countyscope-tests", 2, false,
            Map.of("spark.default.parallelism", "2", "spark.sql.adaptive.enabled", "false")));
    }

    /** The sample city shipped in data/sample. */
    public static Path sampleDir() {
        return Path.of(System.getProperty("countyscope.sampleDir", "data/sample"));
    }
}
