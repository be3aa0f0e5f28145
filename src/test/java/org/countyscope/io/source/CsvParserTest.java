package org.countyscope.io.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    /** Hands out one to three characters per read, so every field and line end straddles a refill somewhere. */
    private static final class TrickleReader extends Reader {
        private final String text;
        private final Random random = new Random(7);
        private int at;

        TrickleReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] dst, int off, int len) {
            if (at >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(3)), text.length() - at);
            text.getChars(at, at + n, dst, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    private static List<String> parseAll(CsvParser parser) {
        List<String> out = new ArrayList<>();
        List<String> cells;
        while ((cells = parser.next()) != null) {
            out.add(parser.recordNumber() + "@" + parser.recordLine() + ":" + String.join("|", cells));
        }
        return out;
    }

    @Test
    void refillsAnywhereGiveTheSameRecords() {
        String text = "a,\"b\r\nc\",\"d\"\"e\"\r\n\r\n"
                + "x" + "y".repeat(32_000) + ",\"" + "z".repeat(32_000) + "\"\r"
                + "1,\"\",3\n"
                + "\"q\"tail,last";
        List<String> whole = parseAll(new CsvParser("", new StringReader(text), ',', "UTF-8", 1));
        List<String> trickled = parseAll(new CsvParser("", new TrickleReader(text), ',', "UTF-8", 1));
        assertEquals(List.of(
                "1@1:a|b\r\nc|d\"e",
                "2@3:",
                "3@4:x" + "y".repeat(32_000) + "|" + "z".repeat(32_000),
                "4@5:1||3",
                "5@6:qtail|last"), whole, "records, their numbers and their first physical lines");
        assertEquals(whole, trickled, "buffer refills in the middle of fields and CRLFs change nothing");
    }

    @Test
    void aHostileLineIsRejectedAtExcelsLimitsNotReadIntoMemory() {
        String cell = "x".repeat(Limits.CELL_CHARS + 1);
        SourceException e = assertThrows(SourceException.class,
            () -> parseAll(new CsvParser("", new TrickleReader("a,b\n1," + cell + "\n"), ',', "UTF-8", 1)));
        assertTrue(e.getMessage().startsWith("第2行的一个单元格超过 32,767 个字符"), e.getMessage());
        e = assertThrows(SourceException.class,
            () -> parseAll(new CsvParser("", new StringReader("a,\"" + cell + "\"\n"), ',', "UTF-8", 1)));
        assertTrue(e.getMessage().contains("引号"), "a quoted cell over the limit is a runaway quote: " + e.getMessage());
        e = assertThrows(SourceException.class,
            () -> parseAll(new CsvParser("", new StringReader(",".repeat(Limits.COLUMNS) + "\n"), ',', "UTF-8", 1)));
        assertTrue(e.getMessage().startsWith("第1行超过 16,384 列"), e.getMessage());
        e = assertThrows(SourceException.class,
            () -> parseAll(new CsvParser("", new StringReader("a,b\n1,x\u0000y\n"), ',', "UTF-8", 1)));
        assertTrue(e.getMessage().startsWith("文件第2行含有空字符"), e.getMessage());
    }

    @Test
    void aQuoteThatSwallowsWholeRecordsIsRejectedNotLoadedAsOneCell() {
        CsvParser parser = new CsvParser("", new StringReader("a,b,c\n1,\"x,3\n4,5,6\n7,8\",9\n"), ',', "UTF-8", 1);
        parser.next();
        parser.expectWidth(3);
        SourceException e = assertThrows(SourceException.class, parser::next);
        assertTrue(e.getMessage().startsWith("第2行开始的引号没有闭合：引号内含有整行数据（第3行有 2 个分隔符）"), e.getMessage());
        CsvParser legit = new CsvParser("", new StringReader("a,b,c\n1,\"年产10万吨\n煤基新材料项目\",3\n"), ',', "UTF-8", 1);
        legit.next();
        legit.expectWidth(3);
        assertEquals(List.of("1", "年产10万吨\n煤基新材料项目", "3"), legit.next(), "a newline inside a name stays allowed");
    }

    @Test
    void prefixAndStreamJoinSeamlessly() {
        List<String> records = parseAll(new CsvParser("a,\"b\r", new StringReader("\nc\"\r\nd,e\n"), ',', "UTF-8", 1));
        assertEquals(List.of("1@1:a|b\r\nc", "2@3:d|e"), records, "a quoted field may start in the sniffed prefix");
    }

    @Test
    void trailingDelimiterMakesAnEmptyLastCell() {
        List<String> records = parseAll(new CsvParser("a,b,", null, ',', "UTF-8", 1));
        assertEquals(List.of("1@1:a|b|"), records, "a,b, has three cells");
    }
}
