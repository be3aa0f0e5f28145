package org.countyscope.io.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A delimited text file: header from its first non-blank record, records streamed one at a time. */
final class CsvTable implements SourceTable {

    private final String fileName;
    private final Charset charset;
    private final DecodedReader reader;
    private final CsvParser parser;
    private final char delimiter;
    private final List<String> header;
    private boolean recordsTaken;

    /** Takes over {@code reader}, of which {@code prefix} (up to the end of the first non-blank line) was read. */
    CsvTable(Path file, Charset charset, DecodedReader reader, String prefix) {
        this.fileName = file.getFileName().toString();
        this.charset = charset;
        this.reader = reader;
        this.delimiter = sniffDelimiter(prefix);
        this.parser = new CsvParser(prefix, reader, delimiter, charset.name(), 1);
        this.header = Headers.check(firstNonBlankRecord(), Headers::ordinal);
        parser.expectWidth(header.size());
    }

    private List<String> firstNonBlankRecord() {
        List<String> cells;
        while ((cells = parser.next()) != null) {
            if (!Text.allEmpty(cells)) {
                return cells;
            }
        }
        throw new SourceException("文件为空");
    }

    /** Tab if the header line has more tabs than commas, else ';' if more ';' than ',', else ','. */
    static char sniffDelimiter(String prefix) {
        String headerLine = TextSources.lastLine(prefix);
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        for (int i = 0; i < headerLine.length(); i++) {
            switch (headerLine.charAt(i)) {
                case ',' -> commas++;
                case '\t' -> tabs++;
                case ';' -> semicolons++;
                default -> {
                }
            }
        }
        if (tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String encoding() {
        return charset.name();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<RawRecord> records() {
        if (recordsTaken) {
            throw new IllegalStateException("records() may be called only once");
        }
        recordsTaken = true;
        return new RecordIterator() {
            @Override
            protected RawRecord advance() {
                List<String> cells;
                while ((cells = parser.next()) != null) {
                    if (!Text.allEmpty(cells)) {
                        return new RawRecord(parser.recordNumber(), cells);
                    }
                }
                return null;
            }
        };
    }

    @Override
    public Map<String, String> metadata() {
        return Map.of("delimiter", String.valueOf(delimiter));
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
