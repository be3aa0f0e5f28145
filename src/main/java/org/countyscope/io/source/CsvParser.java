package org.countyscope.io.source;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An RFC 4180 record parser over a character stream that keeps count of physical lines and of records. */
final class CsvParser {

    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final char delimiter;
    private final String charsetName;
    private final StringBuilder quoted = new StringBuilder();
    private final List<String> cells = new ArrayList<>();
    private char[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private long line;
    private long records;
    private long recordLine;

    /**
     * The parser reads {@code prefix} first (text already taken from the stream to sniff it), then {@code in};
     * {@code firstLine} is the physical line the prefix starts on.
     */
    CsvParser(String prefix, Reader in, char delimiter, String charsetName, long firstLine) {
        this.in = in;
        this.delimiter = delimiter;
        this.charsetName = charsetName;
        this.buf = Arrays.copyOf(prefix.toCharArray(), Math.max(BUFFER, prefix.length()));
        this.limit = prefix.length();
        this.eof = in == null;
        this.line = firstLine;
    }

    /** The next record's trimmed cells, or null at the end of the input. */
    List<String> next() {
        if (pos >= limit && !fill(pos)) {
            return null;
        }
        cells.clear();
        recordLine = line;
        while (true) {
            if (!skipLeadingSpace()) {
                cells.add("");
                break;
            }
            cells.add(buf[pos] == '"' ? quotedField() : plainField());
            if (pos >= limit && !fill(pos)) {
                break;
            }
            char terminator = buf[pos++];
            if (terminator != delimiter) {
                endLine(terminator);
                break;
            }
        }
        records++;
        return List.copyOf(cells);
    }

    /** The 1-based count of records read so far, blank ones included: the row Excel would show the last one at. */
    long recordNumber() {
        return records;
    }

    /** The physical line the last record started on. */
    long recordLine() {
        return recordLine;
    }

    /**
     * Skips spaces before a field, which trimming would drop anyway, so that {@code , "1,234"} reads as a quoted
     * field as the writer meant; false at the end of the input.
     */
    private boolean skipLeadingSpace() {
        while (pos < limit || fill(pos)) {
            char c = buf[pos];
            if (c == delimiter || c == '\n' || c == '\r' || !Text.isSpace(c)) {
                return true;
            }
            pos++;
        }
        return false;
    }

    private String plainField() {
        int start = pos;
        while (true) {
            while (pos < limit) {
                char c = buf[pos];
                if (c == delimiter || c == '\n' || c == '\r') {
                    return Text.trim(buf, start, pos);
                }
                pos++;
            }
            int kept = pos - start;
            boolean more = fill(start);
            start = pos - kept;
            if (!more) {
                return Text.trim(buf, start, pos);
            }
        }
    }

    private String quotedField() {
        long openLine = line;
        StringBuilder sb = quoted;
        sb.setLength(0);
        pos++;
        int start = pos;
        boolean afterCr = false;
        while (true) {
            if (pos >= limit) {
                sb.append(buf, start, pos - start);
                if (!fill(pos)) {
                    throw new SourceException("第" + openLine + "行开始的引号没有闭合，文件可能被截断");
                }
                start = pos;
            }
            char c = buf[pos];
            if (c == '"') {
                sb.append(buf, start, pos - start);
                pos++;
                if ((pos < limit || fill(pos)) && buf[pos] == '"') {
                    sb.append('"');
                    pos++;
                    start = pos;
                    afterCr = false;
                    continue;
                }
                break;
            }
            if (c == '\r' || (c == '\n' && !afterCr)) {
                line++;
            }
            afterCr = c == '\r';
            pos++;
        }
        // Text after the closing quote is kept as Excel does: "ab"cd reads as abcd.
        start = pos;
        while (true) {
            while (pos < limit) {
                char c = buf[pos];
                if (c == delimiter || c == '\n' || c == '\r') {
                    sb.append(buf, start, pos - start);
                    return Text.trim(sb);
                }
                pos++;
            }
            sb.append(buf, start, pos - start);
            if (!fill(pos)) {
                return Text.trim(sb);
            }
            start = pos;
        }
    }

    private void endLine(char terminator) {
        line++;
        if (terminator == '\r' && (pos < limit || fill(pos)) && buf[pos] == '\n') {
            pos++;
        }
    }

    /** Keeps buf[keepFrom, limit), reads more after it; false at the end of the input. */
    private boolean fill(int keepFrom) {
        if (eof) {
            return false;
        }
        int keep = limit - keepFrom;
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, keep);
            pos -= keepFrom;
            limit = keep;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n;
            do {
                n = in.read(buf, limit, buf.length - limit);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit += n;
            return true;
        } catch (CharacterCodingException e) {
            // Every character before pos has been parsed, so line is where the bad bytes are.
            throw TextSources.undecodable(line, charsetName, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
