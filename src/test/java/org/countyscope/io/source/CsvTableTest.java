package org.countyscope.io.source;

import static org.countyscope.io.source.Fixtures.concat;
import static org.countyscope.io.source.Fixtures.readAll;
import static org.countyscope.io.source.Fixtures.write;
import static org.countyscope.io.source.Fixtures.writeBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    @Test
    void readsUtf8WithRowNumbersAsExcelShowsThem() {
        Path file = write(dir, "县区.csv", "县区代码,县区名称,增加值\n620802,崆峒区,123.4\n620821,泾川县,56\n",
                StandardCharsets.UTF_8);
        try (SourceTable table = SourceFiles.open(file, null)) {
            assertEquals("csv", table.format(), "a .csv file is read as csv");
            assertEquals("UTF-8", table.encoding(), "valid UTF-8 is detected as UTF-8");
            assertEquals("县区.csv", table.fileName(), "file name only, no directory");
            assertEquals(List.of("县区代码", "县区名称", "增加值"), table.header(), "header cells");
            List<RawRecord> records = readAll(table);
            assertEquals(List.of(new RawRecord(2, List.of("620802", "崆峒区", "123.4")),
                    new RawRecord(3, List.of("620821", "泾川县", "56"))), records,
                    "first data record is row 2, as Excel shows it");
        }
    }

    @Test
    void stripsUtf8ByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = writeBytes(dir, "bom.csv", concat(bom, "县区,人口\r\n崆峒区,100\r\n".getBytes(StandardCharsets.UTF_8)));
        try (SourceTable table = SourceFiles.open(file, null)) {
            assertEquals("UTF-8", table.encoding(), "EF BB BF means UTF-8");
            assertEquals("县区", table.header().get(0), "the BOM must not stick to the first header name");
            assertEquals(List.of(new RawRecord(2, List.of("崆峒区", "100"))), readAll(table), "CRLF records");
        }
    }

    @Test
    void detectsGbk() {
        Path file = write(dir, "gbk.csv", "县区,规上工业增加值\n崆峒区,12.5\n静宁县,8\n", GBK);
        try (SourceTable table = SourceFiles.open(file, null)) {
            assertEquals("GB18030", table.encoding(), "GBK bytes are not UTF-8, so GB18030 (a GBK superset) is used");
            assertEquals(List.of("县区", "规上工业增加值"), table.header(), "header decoded from GBK");
            assertEquals(List.of("静宁县", "8"), readAll(table).get(1).cells(), "records decoded from GBK");
        }
    }

    @Test
    void readsUtf16LittleEndianWithTabs() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        Path file = writeBytes(dir, "export.txt",
                concat(bom, "县区\t人口\t备注\r\n华亭市\t1,234\t含“,”号\r\n".getBytes(StandardCharsets.UTF_16LE)));
        try (SourceTable table = SourceFiles.open(file, null)) {
            assertEquals("UTF-16LE", table.encoding(), "FF FE means UTF-16LE");
            assertEquals(List.of("县区", "人口", "备注"), table.header(), "tabs outnumber commas: tab-delimited");
            assertEquals(List.of("华亭市", "1,234", "含“,”号"), readAll(table).get(0).cells(),
                    "commas are plain text in a tab-delimited file");
        }
    }

    @Test
    void sniffsSemicolons() {
        Path file = write(dir, "semi.csv", "县区;增加值\n崆峒区;1,5\n", StandardCharsets.UTF_8);
        assertEquals(List.of("崆峒区", "1,5"), readAll(file, null).get(0).cells(),
                "more ';' than ',' in the header: semicolon-delimited, decimal commas stay in the cell");
    }

    @Test
    void rejectsBytesThatAreNeitherUtf8NorGb18030() {
        byte[] good = "county,population\n620802,1\n".getBytes(StandardCharsets.US_ASCII);
        Path file = writeBytes(dir, "bad.csv", concat(good, new byte[] {'x', ',', (byte) 0xFF, '\n'}));
        SourceException e = assertThrows(SourceException.class, () -> SourceFiles.open(file, null),
                "0xFF decodes neither as UTF-8 nor as GB18030");
        assertTrue(e.getMessage().startsWith("文件编码无法识别：既不是 UTF-8 也不是 GBK/GB18030"), e.getMessage());
        assertTrue(e.getMessage().contains("第3行"), "the clerk is told where: " + e.getMessage());
    }

    @Test
    void rejectsFileNotInTheDeclaredCharset() {
        Path file = write(dir, "gbk.csv", "county,name\n620802,崆峒区\n", GBK);
        SourceException e = assertThrows(SourceException.class, () -> readAll(file, StandardCharsets.UTF_8),
                "GBK bytes declared as UTF-8 must not be read with replacement characters");
        assertEquals("文件第2行含有无法按 UTF-8 解码的字节：文件编码可能不是 UTF-8", e.getMessage(),
                "the line with the first bad byte is named");
    }

    @Test
    void usesTheDeclaredCharset() {
        Path file = write(dir, "gbk.csv", "县区,人口\n崆峒区,1\n", GBK);
        try (SourceTable table = SourceFiles.open(file, GBK)) {
            assertEquals("GBK", table.encoding(), "the declared charset is reported as used");
            assertEquals(List.of("崆峒区", "1"), readAll(table).get(0).cells(), "decoded with the declared charset");
        }
    }

    @Test
    void rejectsEmptyFiles() {
        Path empty = writeBytes(dir, "empty.csv", new byte[0]);
        Path onlyBom = writeBytes(dir, "bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Path onlySpace = write(dir, "space.csv", " \r\n\u3000\n,,\n", StandardCharsets.UTF_8);
        for (Path file : List.of(empty, onlyBom, onlySpace)) {
            SourceException e = assertThrows(SourceException.class, () -> SourceFiles.open(file, null),
                    file.getFileName() + " has no content");
            assertEquals("文件为空", e.getMessage(), "message for " + file.getFileName());
        }
    }

    @Test
    void acceptsHeaderWithoutRecords() {
        Path file = write(dir, "header.csv", "县区,人口", StandardCharsets.UTF_8);
        try (SourceTable table = SourceFiles.open(file, null)) {
            assertEquals(List.of("县区", "人口"), table.header(), "header without a line end");
            assertEquals(List.of(), readAll(table), "a header alone is a valid table with no records");
        }
    }

    @Test
    void quotedNewlineKeepsOneRecordAndRowNumbersCountRecords() {
        String text = "县区,备注,值\r\n"
                + "崆峒区,\"第一行\r\n第二行\",1\r\n"
                + "泾川县,\"说\"\"好\"\"的\",2\r\n"
                + "灵台县, \"a,b\" ,3\r\n";
        Path file = write(dir, "quoted.csv", text, StandardCharsets.UTF_8);
        List<RawRecord> records = readAll(file, null);
        assertEquals(List.of(
                new RawRecord(2, List.of("崆峒区", "第一行\r\n第二行", "1")),
                new RawRecord(3, List.of("泾川县", "说\"好\"的", "2")),
                new RawRecord(4, List.of("灵台县", "a,b", "3"))), records,
                "a quoted newline stays in the cell; rows count records, not physical lines; "
                        + "spaces around a quoted field do not make its quotes literal");
    }

    @Test
    void rejectsUnterminatedQuote() {
        Path file = write(dir, "cut.csv", "县区,备注\n崆峒区,正常\n泾川县,\"被截断\n的备注\n", StandardCharsets.UTF_8);
        SourceException e = assertThrows(SourceException.class, () -> readAll(file, null),
                "a quote still open at the end of the file means a truncated file");
        assertEquals("第3行开始的引号没有闭合，文件可能被截断", e.getMessage(), "names the physical line of the quote");
    }

    @Test
    void keepsStrayQuotesInUnquotedFields() {
        Path file = write(dir, "stray.csv", "名称,单位\n5\"寸管,根\n\"乙\"烯,吨\n", StandardCharsets.UTF_8);
        List<RawRecord> records = readAll(file, null);
        assertEquals(List.of("5\"寸管", "根"), records.get(0).cells(), "a quote inside an unquoted field is literal");
        assertEquals(List.of("乙烯", "吨"), records.get(1).cells(), "text after a closing quote is kept, as Excel does");
    }

    @Test
    void returnsShortAndLongRecordsAsTheyAre() {
        Path file = write(dir, "ragged.csv", "a,b,c\n1,2\n1,2,3,4\n1,2,3\n", StandardCharsets.UTF_8);
        List<RawRecord> records = readAll(file, null);
        assertEquals(List.of(List.of("1", "2"), List.of("1", "2", "3", "4"), List.of("1", "2", "3")),
                records.stream().map(RawRecord::cells).toList(), "the caller quarantines ragged records, not the reader");
    }

    @Test
    void skipsBlankRecordsButCountsThem() {
        String text = "\n县区,值\n崆峒区,1\n\n , \u3000\n泾川县,2\r\rx,3";
        Path file = write(dir, "blank.csv", text, StandardCharsets.UTF_8);
        List<RawRecord> records = readAll(file, null);
        assertEquals(List.of(new RawRecord(3, List.of("崆峒区", "1")), new RawRecord(6, List.of("泾川县", "2")),
                new RawRecord(8, List.of("x", "3"))), records,
                "blank records (a leading one, an empty line, only spaces, a bare CR) are counted but not returned");
    }

    @Test
    void trimsFullWidthAndNonBreakingSpaces() {
        Path file = write(dir, "spaces.csv", " 县区\u00A0,\u3000值\n\u3000崆峒区\u3000, \"\u00A012\u00A0\" \n",
                StandardCharsets.UTF_8);
        try (SourceTable table = SourceFiles.open(file, null)) {
            assertEquals(List.of("县区", "值"), table.header(), "header names trimmed");
            assertEquals(List.of("崆峒区", "12"), readAll(table).get(0).cells(), "cells trimmed, quoted ones too");
        }
    }

    @Test
    void rejectsDuplicateHeaderNames() {
        Path file = write(dir, "dup.csv", "县区,值, 县区 \n崆峒区,1,2\n", StandardCharsets.UTF_8);
        SourceException e = assertThrows(SourceException.class, () -> SourceFiles.open(file, null),
                "two columns called 县区 cannot be told apart");
        assertEquals("表头列名重复：县区", e.getMessage(), "names the duplicate after trimming");
    }

    @Test
    void rejectsEmptyHeaderCell() {
        Path file = write(dir, "hole.csv", "县区,,值\n崆峒区,1,2\n", StandardCharsets.UTF_8);
        SourceException e = assertThrows(SourceException.class, () -> SourceFiles.open(file, null),
                "a column without a name cannot be mapped");
        assertEquals("表头第2列为空", e.getMessage(), "names the column");
    }

    @Test
    void recordsMayBeTakenOnce() {
        Path file = write(dir, "once.csv", "a\n1\n", StandardCharsets.UTF_8);
        try (SourceTable table = SourceFiles.open(file, null)) {
            table.records();
            assertThrows(IllegalStateException.class, table::records, "the stream cannot be rewound");
        }
    }
}
