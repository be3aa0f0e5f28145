package org.countyscope.io;

import java.util.ArrayList;
import java.util.List;

/** Java lists to the Scala sequences some Dataset methods (joins on column names) take. */
public final class SparkSeqs {
    private SparkSeqs() {
    }

    public static scala.collection.immutable.Seq<String> of(List<String> list) {
        return scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<>(list)).toList();
    }
}
