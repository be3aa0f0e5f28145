package org.countyscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import static org.apache.spark.sql.functions.col;
import static org.countyscope.dataset.Columns.IS_CURRENT;
import static org.countyscope.dataset.Columns.PERIOD;
import static org.countyscope.dataset.Columns.RELEASE;
import static org.countyscope.dataset.Columns.VALID_FROM;

/**
 * What each report was published from (发布记录): the release of its data and the Delta version of every silver and
 * gold table (and every other) when it was written, so that {@code report --as-of RELEASE} reads exactly those versions again after later
 * revisions, and {@code revisions} compares two releases. Table {@code gold/publications}, one row per publication ×
 * table, appended by every report; its key is {@code publication_id, table}.
 */
public final class Publications {
    public static final String TABLE = "publications";
    static final String ID = "publication_id";
    static final String CADENCE = "cadence";
    static final String PUBLISHED_AT = "published_at";
    static final String TABLE_NAME = "table_name";
    static final String VERSION = "version";
    private static final StructType SCHEMA = new StructType().add(ID, "string").add(PERIOD, "string")
        .add(CADENCE, "string").add(RELEASE, "string").add(PUBLISHED_AT, "timestamp").add(TABLE_NAME, "string")
        .add(VERSION, "long");

    /** One publication: a report of a period and cadence, from a release, at these table versions. */
    public record Publication(String id, String period, String cadence, String release, Timestamp publishedAt,
                              Map<String, Long> versions) {
    }

    private Publications() {
    }

    /**
     * The warehouse's current state as a report reads it: every table of every layer at its version now (the
     * publications themselves excepted).
     */
    static Map<String, Long> snapshot(TableStore store) {
        Map<String, Long> v = new TreeMap<>();
        for (Layer l : Layer.values()) {
            v.putAll(store.versions(l));
        }
        v.remove(Layer.GOLD.dir() + "/" + TABLE);
        return v;
    }

    /**
     * The release the current silver data comes from: the label of the newest load that changed any table (the
     * current row with the latest {@code valid_from}), or empty for a warehouse without versioned data.
     */
    static Optional<String> currentRelease(TableStore store, Map<String, Long> snapshot) {
        Timestamp newest = null;
        String release = null;
        for (String t : snapshot.keySet()) {
            if (!t.startsWith(Layer.SILVER.dir() + "/")) {
                continue;
            }
            String table = t.substring(Layer.SILVER.dir().length() + 1);
            Dataset<Row> d = store.read(Layer.SILVER, table);
            if (!Arrays.asList(d.columns()).containsAll(List.of(RELEASE, VALID_FROM, IS_CURRENT))) {
                continue;
            }
            Row r = d.where(col(IS_CURRENT)).agg(functions.max(functions.struct(col(VALID_FROM), col(RELEASE)))).head();
            if (r.isNullAt(0)) {
                continue;
            }
            Row latest = r.getStruct(0);
            Timestamp at = latest.getTimestamp(0);
            if (at != null && (newest == null || at.after(newest))) {
                newest = at;
                release = latest.getString(1);
            }
        }
        return Optional.ofNullable(release);
    }

    /**
     * Records that the reports of {@code period} in these cadences were written from {@code release} at these versions:
     * one publication per cadence, all in one commit.
     */
    static List<Publication> record(TableStore store, String period, List<String> cadences, String release,
                                    Map<String, Long> versions) {
        Timestamp at = new Timestamp(System.currentTimeMillis());
        List<Publication> out = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (String cadence : cadences) {
            Publication p = new Publication(UUID.randomUUID().toString(), period, cadence, release, at, versions);
            versions.forEach((t, v) -> rows.add(RowFactory.create(p.id(), period, cadence, release, at, t, v)));
            out.add(p);
        }
        store.append(Layer.GOLD, TABLE, store.spark().createDataFrame(rows, SCHEMA));
        return out;
    }

    /** Every publication of a period and cadence, oldest first. */
    public static List<Publication> of(TableStore store, String period, String cadence) {
        if (!store.exists(Layer.GOLD, TABLE)) {
            return List.of();
        }
        Map<String, Publication> byId = new LinkedHashMap<>();
        for (Row r : store.read(Layer.GOLD, TABLE).where(col(PERIOD).equalTo(period).and(col(CADENCE).equalTo(cadence)))
            .orderBy(PUBLISHED_AT, ID, TABLE_NAME).collectAsList()) {
            String id = r.getAs(ID);
            Publication p = byId.computeIfAbsent(id, k -> new Publication(k, r.getAs(PERIOD), r.getAs(CADENCE),
                r.getAs(RELEASE), r.getAs(PUBLISHED_AT), new TreeMap<>()));
            p.versions().put(r.getAs(TABLE_NAME), r.getAs(VERSION));
        }
        return List.copyOf(byId.values());
    }

    /**
     * The last publication of a period and cadence from a release: what was published from it. Fails with the releases
     * that were published when there is none.
     */
    public static Publication last(TableStore store, String period, String cadence, String release) {
        List<Publication> all = of(store, period, cadence);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (release.equals(all.get(i).release())) {
                return all.get(i);
            }
        }
        throw new IllegalArgumentException("no " + cadence + " report of " + period + " was published from release "
            + release + (all.isEmpty() ? " (none was published: run report first)"
            : "; published from: " + String.join(", ", releases(all))));
    }

    /** The releases a period's reports were published from, in the order of their first publication. */
    public static List<String> releases(List<Publication> publications) {
        return publications.stream().map(Publication::release).distinct().toList();
    }
}
