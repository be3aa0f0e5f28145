package org.countyscope.io.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;

/** Physical lines of a decoded text with their 1-based numbers; CR, LF and CRLF all end a line. */
final class LineReader implements Closeable {

    private final DecodedReader in;
    private final String charsetName;
    private final StringBuilder line = new StringBuilder();
    private long number;
    private int pending = -2;

    LineReader(DecodedReader in, String charsetName) {
        this.in = in;
        this.charsetName = charsetName;
    }

    /** The next line without its line end, or null at the end of the text. */
    String next() {
        long current = number + 1;
        line.setLength(0);
        int c = read(current);
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n' && c != '\r') {
            if (line.length() >= Limits.LINE_CHARS) {
                throw new SourceException("文件第" + current + "行超过 " + Limits.n(Limits.LINE_CHARS)
                    + " 个字符：文件不是一张表，或缺少换行符。请检查该行后重新提交");
            }
            line.append((char) c);
            c = read(current);
        }
        if (c == '\r') {
            int after = read(current + 1);
            if (after != '\n') {
                pending = after;
            }
        }
        number = current;
        return line.toString();
    }

    /** The number of the line last returned. */
    long number() {
        return number;
    }

    private int read(long lineNumber) {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        try {
            return in.read();
        } catch (CharacterCodingException e) {
            throw TextSources.undecodable(lineNumber, charsetName, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
