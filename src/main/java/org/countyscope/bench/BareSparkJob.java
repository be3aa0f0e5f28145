package org.countyscope.bench;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.countyscope.spark.Sessions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The yardstick for a run's fixed costs: the smallest Spark + Delta job, started the way {@code bin/countyscope} starts
 * the CLI (same JVM flags, classpath and session factory) — write a 1,000-row Delta table, read it back, stop.
 * {@code java … org.countyscope.bench.BareSparkJob [DIR]}; prints its wall time.
 */
public final class BareSparkJob {
    private BareSparkJob() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("countyscope-bare-");
        SparkSession spark = Sessions.getOrCreate(Sessions.Options.embedded("countyscope-bare"));
        String table = dir.resolve("bare").toAbsolutePath().toString();
        spark.range(1000).selectExpr("id", "id % 7 AS county", "rand(1) AS value").write().format("delta")
            .mode(SaveMode.Overwrite).save(table);
        Row r = spark.read().format("delta").load(table).groupBy("county").sum("value").orderBy("county").first();
        long n = spark.read().format("delta").load(table).count();
        Sessions.stopDefault();
        System.out.printf("bare Spark + Delta job: %d rows written and read back (first group %s) in %.1f s%n", n,
            r.get(0), (System.nanoTime() - t0) / 1e9);
        System.exit(0); // as the CLI does: a leftover non-daemon thread must not keep the JVM alive
    }
}
