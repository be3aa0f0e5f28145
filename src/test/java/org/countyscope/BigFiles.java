package org.countyscope;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Large valid inputs written on the fly (never committed): an 一套表 file of as many enterprises as it takes to reach a
 * size, each reporting 1—2月 to 1—12月 of 2024 with rising cumulative figures, so every row is accepted.
 */
public final class BigFiles {
    private static final String[] COUNTIES = {"620802", "620821", "620822", "620823", "620825", "620826", "620881"};
    private static final String[] INDUSTRIES = {"0610", "1311", "2511", "3011", "4411"};

    private BigFiles() {
    }

    /** Writes at least {@code bytes} bytes of 一套表 rows; returns the number of data rows written. */
    public static long industrialOutput(Path file, long bytes) {
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(Fixtures.OUTPUT_HEADER);
            long written = Fixtures.OUTPUT_HEADER.getBytes(StandardCharsets.UTF_8).length;
            StringBuilder line = new StringBuilder(160);
            for (int e = 1; written < bytes; e++) {
                String county = COUNTIES[e % COUNTIES.length];
                String code = org.countyscope.reference.CreditCode.make('9', '1', county, String.format("%08d", e));
                String industry = INDUSTRIES[e % INDUSTRIES.length];
                for (int m = 2; m <= 12; m++) {
                    line.setLength(0);
                    line.append("2024-").append(m < 10 ? "0" : "").append(m).append(',').append(code).append(",测试企业")
                        .append(e).append(',').append(county).append(',').append(industry).append(',')
                        .append(1000 * m).append(',').append(300 * m).append(',').append(1100 * m).append(',')
                        .append(50 * m).append(',').append(100 + e % 50).append('\n');
                    w.append(line);
                    written += line.length() + 8L; // the four CJK characters take three bytes each, not one
                    rows++;
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return rows;
    }

    /** {@code BigFiles FILE MB}: writes the file, for the measured run that docs/reliability.md reports. */
    public static void main(String[] args) {
        long rows = industrialOutput(Path.of(args[0]), Long.parseLong(args[1]) << 20);
        System.out.println(rows + " rows");
    }
}
