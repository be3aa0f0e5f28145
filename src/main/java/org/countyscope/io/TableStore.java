package org.countyscope.io;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.countyscope.spark.Sessions;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.countyscope.dataset.Columns.IS_CURRENT;
import static org.countyscope.dataset.Columns.RELEASE;
import static org.countyscope.dataset.Columns.SUPERSEDED_BY;
import static org.countyscope.dataset.Columns.VALID_FROM;
import static org.countyscope.dataset.Columns.VALID_TO;

/**
 * Every read and write of a warehouse table: paths, Delta formats, save modes and MERGE live here and nowhere else.
 * Tables are path-based Delta tables at {@code <warehouse>/<layer>/<table>}, so the same warehouse works embedded and
 * on a cluster without a metastore.
 */
public final class TableStore {

    /** What a versioned upsert did: rows new to the table, rows whose values changed, rows already there as sent. */
    public record UpsertResult(long inserted, long updated, long unchanged, long version) {
    }

    /** How long old versions stay readable: {@link Sessions#RETENTION}. */
    public static final String RETENTION = Sessions.RETENTION;
    public static final List<String> RETENTION_PROPERTIES = Sessions.RETENTION_PROPERTIES;

    private final SparkSession spark;
    private final String root;
    /** "layer/table" → Delta version every read is pinned to, or null for the live tables. */
    private final Map<String, Long> pinned;

    public TableStore(SparkSession spark, String warehouse) {
        this(spark, warehouse, null);
    }

    private TableStore(SparkSession spark, String warehouse, Map<String, Long> pinned) {
        this.spark = Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(warehouse, "warehouse");
        this.root = warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse;
        this.pinned = pinned == null ? null : Map.copyOf(pinned);
    }

    /**
     * A read-only view of this warehouse as it was at the given table versions ("silver/tax" → version): every read
     * time-travels to its table's version, a table not listed does not exist, and every write fails. A published
     * release is rebuilt through it.
     */
    public TableStore pinnedTo(Map<String, Long> versions) {
        return new TableStore(spark, root, versions);
    }

    public boolean isPinned() {
        return pinned != null;
    }

    private static String key(Layer layer, String table) {
        return layer.dir() + "/" + table;
    }

    private void writable(Layer layer, String table) {
        if (pinned != null) {
            throw new IllegalStateException("cannot write " + key(layer, table)
                + ": this view of the warehouse is pinned to an earlier release and is read-only");
        }
    }

    public SparkSession spark() {
        return spark;
    }

    public String root() {
        return root;
    }

    public String path(Layer layer, String table) {
        return root + "/" + layer.dir() + "/" + table;
    }

    public boolean exists(Layer layer, String table) {
        if (pinned != null) {
            return pinned.containsKey(key(layer, table));
        }
        return DeltaTable.isDeltaTable(spark, path(layer, table));
    }

    public Dataset<Row> read(Layer layer, String table) {
        if (pinned != null) {
            Long v = pinned.get(key(layer, table));
            if (v == null) {
                throw new IllegalStateException(key(layer, table) + " did not exist in the release this view is pinned to");
            }
            return readVersion(layer, table, v);
        }
        return spark.read().format("delta").load(path(layer, table));
    }

    /** The table as it was at a Delta version (time travel; ends where VACUUM has removed the files). */
    public Dataset<Row> readVersion(Layer layer, String table, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(path(layer, table));
    }

    /** Current rows of a versioned (silver) table: one per natural key. */
    public Dataset<Row> current(Layer layer, String table) {
        return read(layer, table).where(col(IS_CURRENT));
    }

    /**
     * Latest Delta version of a table, or -1 when it does not exist yet: the highest commit file in its
     * {@code _delta_log} (a listing, not a Spark job: it is asked after every write and before every stage).
     */
    public long version(Layer layer, String table) {
        if (pinned != null) {
            return pinned.getOrDefault(key(layer, table), -1L);
        }
        org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(path(layer, table) + "/_delta_log");
        try {
            org.apache.hadoop.fs.FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(log)) {
                return -1;
            }
            long latest = -1;
            for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(log)) {
                String name = f.getPath().getName();
                if (name.length() == 25 && name.endsWith(".json") && name.chars().limit(20).allMatch(Character::isDigit)) {
                    latest = Math.max(latest, Long.parseLong(name.substring(0, 20)));
                }
            }
            return latest;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + log, e);
        }
    }

    /**
     * The latest version of every table of a layer, as "layer/table" → version (tables with no commit left out);
     * for a pinned view, its pinned tables of that layer.
     */
    public Map<String, Long> versions(Layer layer) {
        Map<String, Long> out = new java.util.TreeMap<>();
        if (pinned != null) {
            pinned.forEach((t, v) -> {
                if (t.startsWith(layer.dir() + "/")) {
                    out.put(t, v);
                }
            });
            return out;
        }
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root + "/" + layer.dir());
        try {
            org.apache.hadoop.fs.FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(dir)) {
                return out;
            }
            for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(dir)) {
                String table = f.getPath().getName();
                if (f.isDirectory()) {
                    long v = version(layer, table);
                    if (v >= 0) {
                        out.put(key(layer, table), v);
                    }
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Sets the revision window's {@link #RETENTION} on a table created before sessions set it by default (one commit,
     * only when a property is missing or different).
     */
    public void ensureRetention(Layer layer, String table) {
        writable(layer, table);
        Map<String, String> props = new LinkedHashMap<>();
        for (Row r : spark.sql("SHOW TBLPROPERTIES delta.`" + path(layer, table) + "`").collectAsList()) {
            props.put(r.getString(0), r.getString(1));
        }
        if (RETENTION_PROPERTIES.stream().allMatch(p -> RETENTION.equals(props.get(p)))) {
            return;
        }
        StringBuilder set = new StringBuilder();
        for (String p : RETENTION_PROPERTIES) {
            set.append(set.length() == 0 ? "" : ", ").append("'").append(p).append("' = '").append(RETENTION)
                .append("'");
        }
        spark.sql("ALTER TABLE delta.`" + path(layer, table) + "` SET TBLPROPERTIES (" + set + ")");
    }

    /** Replaces the whole table (gold marts that are rebuilt from silver each run). */
    public long overwrite(Layer layer, String table, Dataset<Row> rows) {
        writable(layer, table);
        rows.write().format("delta").mode(SaveMode.Overwrite).option("overwriteSchema", "true")
            .save(path(layer, table));
        return version(layer, table);
    }

    /** Replaces the rows matching {@code predicate} with {@code rows}, atomically, leaving the rest untouched. */
    public long replaceWhere(Layer layer, String table, Dataset<Row> rows, String predicate) {
        writable(layer, table);
        if (!exists(layer, table)) {
            return overwrite(layer, table, rows);
        }
        // mergeSchema: a release that adds a column to a mart (gold/comparison's flags) still replaces its periods
        rows.write().format("delta").mode(SaveMode.Overwrite).option("replaceWhere", predicate)
            .option("mergeSchema", "true").save(path(layer, table));
        return version(layer, table);
    }

    /** Appends rows as they are. */
    public void append(Layer layer, String table, Dataset<Row> rows) {
        writable(layer, table);
        rows.write().format("delta").mode(SaveMode.Append).save(path(layer, table));
    }

    /**
     * Appends the rows whose {@code key} is not in the table yet; appends nothing (and makes no commit) when all are
     * there. Bronze, quarantine and the ingest log use it: loading the same file twice adds nothing.
     *
     * @return the number of rows appended
     */
    public long appendNew(Layer layer, String table, Dataset<Row> rows, List<String> key) {
        writable(layer, table);
        Dataset<Row> fresh = rows;
        if (exists(layer, table)) {
            Dataset<Row> have = read(layer, table).select(key.stream().map(functions::col).toArray(Column[]::new))
                .distinct();
            fresh = rows.join(have, SparkSeqs.of(key), "left_anti");
        }
        Dataset<Row> toWrite = fresh.cache();
        try {
            long n = toWrite.count();
            if (n > 0 || !exists(layer, table)) {
                toWrite.write().format("delta").mode(SaveMode.Append).save(path(layer, table));
            }
            return n;
        } finally {
            toWrite.unpersist();
        }
    }

    /**
     * Upserts rows into a versioned table that keeps every release (type-2 history): a key new to the table is
     * inserted; a key whose values changed gets its current row closed ({@code is_current = false},
     * {@code valid_to}, {@code superseded_by}) and the new values inserted as the current row; an unchanged key is left
     * alone. Nothing is committed when nothing changed, so re-ingesting a file leaves the table version as it was.
     *
     * @param incoming    one row per key; its columns become the table's columns
     * @param key         natural key columns
     * @param valueCols   columns compared to decide whether a row changed
     * @param release     label of the release these rows belong to
     * @param now         the load time, for {@code valid_from}/{@code valid_to}
     */
    public UpsertResult upsertVersioned(Layer layer, String table, Dataset<Row> incoming, List<String> key,
                                        List<String> valueCols, String release, Timestamp now) {
        writable(layer, table);
        Dataset<Row> stamped = incoming
            .withColumn(RELEASE, lit(release))
            .withColumn(VALID_FROM, lit(now))
            .withColumn(VALID_TO, lit(null).cast("timestamp"))
            .withColumn(IS_CURRENT, lit(true))
            .withColumn(SUPERSEDED_BY, lit(null).cast("string"));
        if (!exists(layer, table)) {
            long n = stamped.count();
            overwrite(layer, table, stamped);
            return new UpsertResult(n, 0, 0, version(layer, table));
        }
        Dataset<Row> current = current(layer, table);
        Column joinOn = lit(true);
        for (String k : key) {
            joinOn = joinOn.and(col("i." + k).equalTo(col("c." + k)));
        }
        Column same = lit(true);
        for (String v : valueCols) {
            same = same.and(col("i." + v).eqNullSafe(col("c." + v)));
        }
        Column change = functions.when(col("c." + key.get(0)).isNull(), lit("new"))
            .when(same, lit("same")).otherwise(lit("changed"));
        Dataset<Row> classified = stamped.as("i").join(current.as("c"), joinOn, "left")
            .select(col("i.*"), change.as("_change")).cache();
        try {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Row r : classified.groupBy("_change").count().collectAsList()) {
                counts.put(r.getString(0), r.getLong(1));
            }
            long inserted = counts.getOrDefault("new", 0L);
            long updated = counts.getOrDefault("changed", 0L);
            long unchanged = counts.getOrDefault("same", 0L);
            if (inserted + updated == 0) {
                return new UpsertResult(0, 0, unchanged, version(layer, table));
            }
            if (updated == 0) {
                // only new keys: an append is one cheap commit, no MERGE needed
                append(layer, table, classified.where(col("_change").equalTo("new")).drop("_change"));
                return new UpsertResult(inserted, 0, unchanged, version(layer, table));
            }
            List<String> cols = List.of(stamped.columns());
            Dataset<Row> moving = classified.where(col("_change").notEqual("same"));
            Dataset<Row> withKey = moving;
            Dataset<Row> withoutKey = moving.where(col("_change").equalTo("changed"));
            for (String k : key) {
                withKey = withKey.withColumn("_mk_" + k, col(k));
                withoutKey = withoutKey.withColumn("_mk_" + k, lit(null).cast(stamped.schema().apply(k).dataType()));
            }
            Dataset<Row> staged = withKey.unionByName(withoutKey);
            Column on = col("t." + IS_CURRENT);
            for (String k : key) {
                on = on.and(col("t." + k).equalTo(col("s._mk_" + k)));
            }
            Map<String, Column> close = new LinkedHashMap<>();
            close.put(IS_CURRENT, lit(false));
            close.put(VALID_TO, lit(now));
            close.put(SUPERSEDED_BY, lit(release));
            Map<String, Column> insert = new LinkedHashMap<>();
            for (String c : cols) {
                insert.put(c, col("s." + c));
            }
            DeltaTable.forPath(spark, path(layer, table)).as("t")
                .merge(staged.as("s"), on)
                .whenMatched().update(close)
                .whenNotMatched().insert(insert)
                .execute();
            return new UpsertResult(inserted, updated, unchanged, version(layer, table));
        } finally {
            classified.unpersist();
        }
    }

    /** Adds a Delta CHECK constraint once (a second call with the same name is a no-op). */
    public void ensureConstraint(Layer layer, String table, String name, String predicate) {
        writable(layer, table);
        Dataset<Row> props = spark.sql("SHOW TBLPROPERTIES delta.`" + path(layer, table) + "`");
        boolean present = props.where(col("key").equalTo("delta.constraints." + name.toLowerCase())).count() > 0;
        if (!present) {
            spark.sql("ALTER TABLE delta.`" + path(layer, table) + "` ADD CONSTRAINT " + name + " CHECK (" + predicate
                + ")");
        }
    }
}
