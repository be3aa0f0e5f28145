package org.countyscope.io.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for writing fixture files and draining tables in tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Path write(Path dir, String name, String text, Charset charset) {
        return writeBytes(dir, name, text.getBytes(charset));
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    static List<RawRecord> readAll(SourceTable table) {
        List<RawRecord> records = new ArrayList<>();
        table.records().forEachRemaining(records::add);
        return records;
    }

    /** Opens, drains and closes; the exception of any step propagates. */
    static List<RawRecord> readAll(Path file, Charset declared) {
        try (SourceTable table = SourceFiles.open(file, declared)) {
            return readAll(table);
        }
    }
}
