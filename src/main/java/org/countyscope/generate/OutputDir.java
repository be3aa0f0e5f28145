package org.countyscope.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/** The run's output directory: files are written as name.tmp and moved into place, and their row counts kept. */
final class OutputDir {

    private final Path root;
    private final Map<String, Long> rows = new TreeMap<>();

    OutputDir(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Opens a CSV for writing; closing it moves it into place and records its data rows. */
    CsvFile csv(String relative, Charset charset, boolean bom, String lineEnd) {
        return new CsvFile(this, relative, charset, bom, lineEnd);
    }

    /** The temporary path for a file that is moved into place with {@link #commit}. */
    Path temp(String relative) {
        Path target = root.resolve(relative);
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    void commit(String relative, long dataRows) {
        Path target = root.resolve(relative);
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.put(relative, dataRows);
    }

    Map<String, Long> rows() {
        return rows;
    }

    /** One CSV being written; cells are joined with commas and quoted only when they must be. */
    static final class CsvFile implements AutoCloseable {

        private final OutputDir dir;
        private final String relative;
        private final String lineEnd;
        private final Writer writer;
        private final StringBuilder line = new StringBuilder(256);
        private long dataRows;
        private boolean headerDone;
        private boolean finished;

        private CsvFile(OutputDir dir, String relative, Charset charset, boolean bom, String lineEnd) {
            this.dir = dir;
            this.relative = relative;
            this.lineEnd = lineEnd;
            try {
                OutputStream out = Files.newOutputStream(dir.temp(relative));
                if (bom) {
                    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                }
                // An unmappable character must fail the run, not turn into '?' in a GBK file.
                this.writer = new BufferedWriter(new OutputStreamWriter(out, charset.newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void header(String... cells) {
            writeCells(cells);
            headerDone = true;
        }

        void row(String... cells) {
            writeCells(cells);
            dataRows++;
        }

        /** A row the caller has already joined (no quoting needed), for the large files. */
        void rawRow(CharSequence joined) {
            try {
                writer.append(joined).append(lineEnd);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dataRows++;
        }

        private void writeCells(String[] cells) {
            line.setLength(0);
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                appendCell(line, cells[i]);
            }
            line.append(lineEnd);
            try {
                writer.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void appendCell(StringBuilder sb, String cell) {
            if (cell == null) {
                return;
            }
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
            if (!quote) {
                sb.append(cell);
                return;
            }
            sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }

        /** Closes the file and moves it into place; call it once all rows are written. */
        void finish() {
            if (!headerDone) {
                throw new IllegalStateException(relative + " finished without a header");
            }
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            finished = true;
            dir.commit(relative, dataRows);
        }

        /** Without {@link #finish()} (a failure on the way) the partial file is removed, never moved into place. */
        @Override
        public void close() {
            if (finished) {
                return;
            }
            try {
                writer.close();
                Files.deleteIfExists(dir.temp(relative));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
