package org.countyscope.io.source;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator over records that looks one record ahead; readers say only how to find the next one. */
abstract class RecordIterator implements Iterator<RawRecord> {
    private RawRecord next;

    /** The next record, or null when there are no more (may be called again after that). */
    protected abstract RawRecord advance();

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public final RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord record = next;
        next = null;
        return record;
    }
}
