package org.countyscope.io.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {

    @TempDir
    Path dir;

    @Test
    void rejectsUnsupportedTypes() {
        Path pdf = Fixtures.write(dir, "报表.pdf", "%PDF-1.7", StandardCharsets.US_ASCII);
        SourceException e = assertThrows(SourceException.class, () -> SourceFiles.open(pdf, null), "a PDF");
        assertTrue(e.getMessage().startsWith("不支持的文件类型：.pdf"), e.getMessage());

        Path json = Fixtures.write(dir, "data.JSON", "{}", StandardCharsets.US_ASCII);
        e = assertThrows(SourceException.class, () -> SourceFiles.open(json, null), "JSON, upper-case extension");
        assertTrue(e.getMessage().startsWith("不支持的文件类型：.json"), e.getMessage());
    }

    @Test
    void rejectsMissingFile() {
        Path missing = dir.resolve("不存在.csv");
        SourceException e = assertThrows(SourceException.class, () -> SourceFiles.open(missing, null), "missing");
        assertTrue(e.getMessage().startsWith("找不到文件"), e.getMessage());
    }

    @Test
    void readsTsvAsCsv() {
        Path tsv = Fixtures.write(dir, "a.tsv", "x\ty\n1\t2\n", StandardCharsets.UTF_8);
        try (SourceTable table = SourceFiles.open(tsv, null)) {
            assertEquals("csv", table.format(), ".tsv is a delimited text file");
            assertEquals("\t", table.metadata().get("delimiter"), "the sniffed delimiter is reported");
        }
    }
}
