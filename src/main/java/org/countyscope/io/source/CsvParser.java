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
    private int recordChars;
    private int width;

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

    /**
     * The number of columns a record should have (the header's); from then on a quoted field holding a whole line of
     * that many cells is taken for a runaway quote. 0 (the default) while the header is read.
     */
    void expectWidth(int columns) {
        this.width = columns;
    }

    /** The next record's trimmed cells, or null at the end of the input. */
    List<String> next() {
        if (pos >= limit && !fill(pos)) {
            return null;
        }
        cells.clear();
        recordLine = line;
        recordChars = 0;
        while (true) {
            if (!skipLeadingSpace()) {
                cells.add("");
                break;
            }
            String cell = buf[pos] == '"' ? quotedField() : plainField();
            cells.add(cell);
            recordChars += cell.length() + 1;
            if (cells.size() > Limits.COLUMNS) {
                throw new SourceException("第" + recordLine + "行超过 " + Limits.n(Limits.COLUMNS)
                    + " 列（Excel 的上限）：文件不是一张表，或分隔符不对。请检查该行后重新提交");
            }
            if (recordChars > Limits.LINE_CHARS) {
                throw tooLong(recordLine);
            }
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
                    return cell(buf, start, pos);
                }
                if (c == 0) {
                    throw nul(line);
                }
                pos++;
            }
            int kept = pos - start;
            if (kept > Limits.CELL_CHARS) {
                throw cellTooLong(line);
            }
            boolean more = fill(start);
            start = pos - kept;
            if (!more) {
                return cell(buf, start, pos);
            }
        }
    }

    private String cell(char[] chars, int start, int end) {
        if (end - start > Limits.CELL_CHARS) {
            throw cellTooLong(line);
        }
        return Text.trim(chars, start, end);
    }

    private String quotedField() {
        long openLine = line;
        StringBuilder sb = quoted;
        sb.setLength(0);
        pos++;
        int start = pos;
        boolean afterCr = false;
        int delimitersOnLine = 0;
        while (true) {
            if (pos >= limit) {
                sb.append(buf, start, pos - start);
                if (sb.length() > Limits.CELL_CHARS) {
                    throw quoteTooLong(openLine);
                }
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
                if (width > 1 && delimitersOnLine >= width - 1) {
                    // A line inside the quotes holds a whole record's cells: the quote swallows the rows after it.
                    throw new SourceException("第" + openLine + "行开始的引号没有闭合：引号内含有整行数据（第" + line + "行有 "
                        + delimitersOnLine + " 个分隔符），其后的行会被吞进一个单元格。请检查第" + openLine + "行的引号后重新提交");
                }
                delimitersOnLine = 0;
                line++;
            } else if (c == delimiter) {
                delimitersOnLine++;
            } else if (c == 0) {
                throw nul(line);
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
                    return quotedCell(sb, openLine);
                }
                if (c == 0) {
                    throw nul(line);
                }
                pos++;
            }
            sb.append(buf, start, pos - start);
            if (sb.length() > Limits.CELL_CHARS || !fill(pos)) {
                return quotedCell(sb, openLine);
            }
            start = pos;
        }
    }

    private static String quotedCell(StringBuilder sb, long openLine) {
        if (sb.length() > Limits.CELL_CHARS) {
            throw quoteTooLong(openLine);
        }
        return Text.trim(sb);
    }

    private static SourceException quoteTooLong(long openLine) {
        return new SourceException("第" + openLine + "行开始的引号内的内容超过 " + Limits.n(Limits.CELL_CHARS)
            + " 个字符（Excel 单元格的上限）：引号可能没有闭合。请检查第" + openLine + "行的引号后重新提交");
    }

    /** NUL is no character of any text a clerk types: the file is damaged, or UTF-16 that lost its byte-order mark. */
    static SourceException nul(long line) {
        return new SourceException("文件第" + line + "行含有空字符（NUL，字节 00）：文件可能已损坏（例如复制时没有写完），"
            + "或是不带 BOM 的 UTF-16 文本。请重新导出为 CSV（UTF-8）后提交");
    }

    private static SourceException tooLong(long line) {
        return new SourceException("第" + line + "行超过 " + Limits.n(Limits.LINE_CHARS)
            + " 个字符：文件不是一张表，或缺少换行符。请检查该行后重新提交");
    }

    private static SourceException cellTooLong(long line) {
        return new SourceException("第" + line + "行的一个单元格超过 " + Limits.n(Limits.CELL_CHARS)
            + " 个字符（Excel 单元格的上限）：文件不是一张表，或缺少换行符、分隔符。请检查该行后重新提交");
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
