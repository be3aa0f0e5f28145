package org.countyscope.io.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The National Bureau of Statistics data-export layout (数据库/时间 lines, an 指标 row of periods, one line per
 * indicator, footnotes), unpivoted to one record per published value.
 */
final class NbsExportTable implements SourceTable {

    private static final List<String> HEADER = List.of("indicator", "period_label", "value");
    private static final Pattern LABELLED = Pattern.compile("([^,:：]{1,20})[：:](.*)");
    private static final Map<String, String> KEYS = Map.of("数据库", "database", "时间", "time", "地区", "region");

    /** What an NBS line after the 指标 row is. */
    private enum Kind { BLANK, FOOTNOTE, CONTINUATION, SOURCE, DATA }

    private final Path file;
    private final Charset charset;
    private final long headerLine;
    private final List<String> periods;
    private final Map<String, String> metadata;
    private LineReader open;

    private NbsExportTable(Path file, Charset charset, long headerLine, List<String> periods,
            Map<String, String> metadata) {
        this.file = file;
        this.charset = charset;
        this.headerLine = headerLine;
        this.periods = periods;
        this.metadata = metadata;
    }

    /** Reads the file once for its header and metadata (footnotes and source come last); records are a second pass. */
    static NbsExportTable open(Path file, Charset charset) {
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> footnotes = new ArrayList<>();
        List<String> periods = null;
        long headerLine = -1;
        try (LineReader lines = lines(file, charset)) {
            String line;
            boolean inFootnote = false;
            while ((line = lines.next()) != null) {
                String trimmed = trimLine(line);
                if (periods == null) {
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    List<String> cells = trimmed.startsWith("指标") || trimmed.startsWith("\"指标")
                            ? cells(line, lines.number(), charset) : List.of();
                    if (!cells.isEmpty() && cells.get(0).startsWith("指标")) {
                        periods = periods(cells);
                        headerLine = lines.number();
                        continue;
                    }
                    Matcher labelled = LABELLED.matcher(trimmed);
                    if (!labelled.matches()) {
                        break;
                    }
                    String label = Text.trim(labelled.group(1));
                    metadata.put(KEYS.getOrDefault(label, label), Text.trim(labelled.group(2)));
                    continue;
                }
                Kind kind = kind(line, trimmed, inFootnote);
                switch (kind) {
                    case FOOTNOTE, CONTINUATION -> footnotes.add(trimmed);
                    case SOURCE -> metadata.put("source", Text.trim(trimmed.substring("数据来源：".length())));
                    default -> {
                    }
                }
                inFootnote = nextInFootnote(kind, inFootnote);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (periods == null) {
            throw new SourceException("NBS 导出文件缺少“指标”表头行");
        }
        if (!footnotes.isEmpty()) {
            metadata.put("footnotes", String.join("\n", footnotes));
        }
        return new NbsExportTable(file, charset, headerLine, periods, Collections.unmodifiableMap(metadata));
    }

    private static LineReader lines(Path file, Charset charset) {
        return new LineReader(TextSources.openReader(file, charset), charset.name());
    }

    /** The period labels of the 指标 row; trailing empty cells are left off, other empty or repeated ones rejected. */
    private static List<String> periods(List<String> cells) {
        int end = cells.size();
        while (end > 1 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return Headers.check(cells.subList(0, end), Headers::ordinal).subList(1, end);
    }

    private static Kind kind(String line, String trimmed, boolean inFootnote) {
        if (trimmed.isEmpty()) {
            return Kind.BLANK;
        }
        if (trimmed.startsWith("注：") || trimmed.startsWith("注:")) {
            return Kind.FOOTNOTE;
        }
        if (trimmed.startsWith("数据来源：") || trimmed.startsWith("数据来源:")) {
            return Kind.SOURCE;
        }
        // Footnotes wrap onto lines indented with (often full-width) spaces.
        if (inFootnote && Text.isSpace(line.charAt(0))) {
            return Kind.CONTINUATION;
        }
        return Kind.DATA;
    }

    private static boolean nextInFootnote(Kind kind, boolean inFootnote) {
        return switch (kind) {
            case FOOTNOTE, CONTINUATION -> true;
            case BLANK -> inFootnote;
            default -> false;
        };
    }

    /** The line trimmed, without the trailing commas a spreadsheet adds when it saves a ragged sheet. */
    private static String trimLine(String line) {
        String trimmed = Text.trim(line);
        int end = trimmed.length();
        while (end > 0 && (trimmed.charAt(end - 1) == ',' || Text.isSpace(trimmed.charAt(end - 1)))) {
            end--;
        }
        return trimmed.substring(0, end);
    }

    private static List<String> cells(String line, long number, Charset charset) {
        List<String> cells = new CsvParser(line, null, ',', charset.name(), number).next();
        return cells == null ? List.of() : cells;
    }

    @Override
    public String fileName() {
        return file.getFileName().toString();
    }

    @Override
    public String format() {
        return "nbs-export";
    }

    @Override
    public String encoding() {
        return charset.name();
    }

    @Override
    public List<String> header() {
        return HEADER;
    }

    @Override
    public Iterator<RawRecord> records() {
        if (open != null) {
            throw new IllegalStateException("records() may be called only once");
        }
        LineReader lines = lines(file, charset);
        open = lines;
        // The metadata lines and the 指标 row were read by open().
        String skipped = "";
        while (skipped != null && lines.number() < headerLine) {
            skipped = lines.next();
        }
        return new RecordIterator() {
            private boolean inFootnote;
            private List<String> cells = List.of();
            private int column;
            private long row;

            @Override
            protected RawRecord advance() {
                while (true) {
                    if (column < cells.size()) {
                        String value = cells.get(column);
                        // Values beyond the last period keep an empty label so the caller can quarantine them.
                        String period = column - 1 < periods.size() ? periods.get(column - 1) : "";
                        column++;
                        if (!value.isEmpty()) {
                            return new RawRecord(row, List.of(cells.get(0), period, value));
                        }
                        continue;
                    }
                    String line = lines.next();
                    if (line == null) {
                        return null;
                    }
                    Kind kind = kind(line, trimLine(line), inFootnote);
                    inFootnote = nextInFootnote(kind, inFootnote);
                    if (kind == Kind.DATA) {
                        row = lines.number();
                        cells = cells(line, row, charset);
                        column = 1;
                    }
                }
            }
        };
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public void close() {
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
