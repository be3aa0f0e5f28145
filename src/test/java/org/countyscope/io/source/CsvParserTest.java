package org.countyscope.io.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                + "x" + "y".repeat(200_000) + ",\"" + "z".repeat(150_000) + "\"\r"
                + "1,\"\",3\n"
                + "\"q\"tail,last";
        List<String> whole = parseAll(new CsvParser("", new StringReader(text), ',', "UTF-8", 1));
        List<String> trickled = parseAll(new CsvParser("", new TrickleReader(text), ',', "UTF-8", 1));
        assertEquals(List.of(
                "1@1:a|b\r\nc|d\"e",
                "2@3:",
                "3@4:x" + "y".repeat(200_000) + "|" + "z".repeat(150_000),
                "4@5:1||3",
                "5@6:qtail|last"), whole, "records, their numbers and their first physical lines");
        assertEquals(whole, trickled, "buffer refills in the middle of fields and CRLFs change nothing");
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
