package org.countyscope.io.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvStreamingTest {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void streamsAMillionGbkRowsQuickly() throws IOException {
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, Charset.forName("GBK"))) {
            out.write("统计代码,县区,行业代码,指标,本期,上年同期,计量单位,备注\r\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("62080" + (i % 10) + ",崆峒区," + (1300 + i % 97) + ",营业收入," + (i * 0.5) + ","
                        + (i % 1000) + ",万元,\"含税,不含运费\"\r\n");
            }
        }
        long start = System.nanoTime();
        long count = 0;
        long lastRow = 0;
        try (SourceTable table = SourceFiles.open(file, null)) {
            assertEquals("GB18030", table.encoding(), "GBK detected after a full strict UTF-8 attempt");
            Iterator<RawRecord> records = table.records();
            while (records.hasNext()) {
                RawRecord record = records.next();
                count++;
                lastRow = record.row();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(ROWS, count, "every record read");
        assertEquals(ROWS + 1L, lastRow, "the last record is on row rows+1");
        double rate = ROWS / seconds;
        // Half the production target (300k rows/s) leaves room for a busy build machine and a cold JIT.
        assertTrue(rate > 150_000, "rows per second, detection pass included: " + Math.round(rate));
    }
}
