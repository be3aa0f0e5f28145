package org.countyscope.io.source;

/** A source file whose structure is wrong (unknown layout, undecodable bytes, unterminated quote…): rejected whole. */
public final class SourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
