package org.countyscope.io.source;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A source file opened for reading: its header and its records, streamed. */
public interface SourceTable extends AutoCloseable {

    /** The file name only, without directories. */
    String fileName();

    /** "csv", "xlsx" or "nbs-export". */
    String format();

    /** The charset name actually used ("UTF-8", "GB18030", "UTF-16LE"…), or null for xlsx. */
    String encoding();

    /** The header cell texts, trimmed. */
    List<String> header();

    /** The records in file order; may be called once; throws SourceException mid-way on structural faults. */
    Iterator<RawRecord> records();

    /** What the file says about itself besides its records, e.g. the NBS database name or the xlsx sheet name. */
    Map<String, String> metadata();

    @Override
    void close();
}
