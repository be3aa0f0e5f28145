package org.countyscope.io;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.countyscope.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TableStoreTest {
    static SparkSession spark;
    static final StructType SCHEMA = new StructType().add("k", "string").add("v", "double");
    static final Timestamp T1 = Timestamp.valueOf("2025-01-01 00:00:00");
    static final Timestamp T2 = Timestamp.valueOf("2025-02-01 00:00:00");

    @BeforeAll
    static void session() {
        spark = TestSpark.session();
    }

    static Dataset<Row> rows(Object[]... r) {
        return spark.createDataFrame(java.util.Arrays.stream(r).map(RowFactory::create).toList(), SCHEMA);
    }

    @Test
    void appendNewAddsOnlyUnseenKeys(@TempDir Path wh) {
        TableStore store = new TableStore(spark, wh.toString());
        assertFalse(store.exists(Layer.BRONZE, "t"));
        assertEquals(2, store.appendNew(Layer.BRONZE, "t", rows(new Object[] {"a", 1.0}, new Object[] {"b", 2.0}),
            List.of("k")));
        long v = store.version(Layer.BRONZE, "t");
        assertEquals(0, store.appendNew(Layer.BRONZE, "t", rows(new Object[] {"a", 1.0}), List.of("k")));
        assertEquals(v, store.version(Layer.BRONZE, "t"), "nothing new: no commit");
        assertEquals(1, store.appendNew(Layer.BRONZE, "t", rows(new Object[] {"a", 1.0}, new Object[] {"c", 3.0}),
            List.of("k")));
        assertEquals(3, store.read(Layer.BRONZE, "t").count());
    }

    @Test
    void versionedUpsertKeepsEveryRelease(@TempDir Path wh) {
        TableStore store = new TableStore(spark, wh.toString());
        TableStore.UpsertResult first = store.upsertVersioned(Layer.SILVER, "s",
            rows(new Object[] {"a", 1.0}, new Object[] {"b", 2.0}), List.of("k"), List.of("v"), "R1", T1);
        assertEquals(2, first.inserted());
        TableStore.UpsertResult same = store.upsertVersioned(Layer.SILVER, "s",
            rows(new Object[] {"a", 1.0}, new Object[] {"b", 2.0}), List.of("k"), List.of("v"), "R1b", T2);
        assertEquals(2, same.unchanged());
        assertEquals(first.version(), same.version(), "unchanged rows make no commit");
        TableStore.UpsertResult rev = store.upsertVersioned(Layer.SILVER, "s",
            rows(new Object[] {"a", 1.5}, new Object[] {"c", null}), List.of("k"), List.of("v"), "R2", T2);
        assertEquals(1, rev.updated());
        assertEquals(1, rev.inserted());
        assertEquals(3, store.current(Layer.SILVER, "s").count(), "a, b, c current");
        Row closed = store.read(Layer.SILVER, "s").where(col("k").equalTo("a").and(col("is_current").equalTo(false)))
            .head();
        assertEquals(1.0, closed.<Double>getAs("v"));
        assertEquals("R2", closed.getAs("superseded_by"));
        assertEquals(T2, closed.getAs("valid_to"));
        assertEquals(1.0, store.readVersion(Layer.SILVER, "s", first.version()).where(col("k").equalTo("a")).head()
            .<Double>getAs("v"), "time travel to the first release");
        TableStore.UpsertResult nullSame = store.upsertVersioned(Layer.SILVER, "s", rows(new Object[] {"c", null}),
            List.of("k"), List.of("v"), "R3", T2);
        assertEquals(1, nullSame.unchanged(), "null equals null when comparing values");
    }

    @Test
    void replaceWhereTouchesOnlyMatchingRows(@TempDir Path wh) {
        TableStore store = new TableStore(spark, wh.toString());
        store.overwrite(Layer.GOLD, "g", rows(new Object[] {"a", 1.0}, new Object[] {"b", 2.0}));
        store.replaceWhere(Layer.GOLD, "g", rows(new Object[] {"b", 20.0}), "k = 'b'");
        assertEquals(List.of(1.0, 20.0), store.read(Layer.GOLD, "g").orderBy("k").select("v")
            .as(org.apache.spark.sql.Encoders.DOUBLE()).collectAsList());
    }
}
