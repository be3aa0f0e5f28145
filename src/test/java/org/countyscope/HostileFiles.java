package org.countyscope;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Hostile inputs too big or too dangerous to commit, written on the fly: zip bombs, XML entity attacks, lines of
 * hundreds of megabytes, 100,000 columns, links out of the inbox.
 */
public final class HostileFiles {
    public static final String TAX_HEADER = "所属期,区划代码,县区,行业代码,行业名称,税种,入库税额（万元）";
    public static final String TAX_ROW = "2024-06,620881,华亭市,06,煤炭开采和洗选业,增值税,1234.5";
    /** Text of a file outside the inbox that no hostile input may bring in. */
    public static final String SECRET = "SECRET-OUTSIDE-THE-INBOX-7f3a";

    private HostileFiles() {
    }

    /** A small valid tax workbook: a header row and one data row, strings shared. */
    public static byte[] taxWorkbook() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("税收");
            String[][] rows = {TAX_HEADER.split(","), TAX_ROW.split(",")};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tax workbook with one part's XML rewritten. */
    public static Path workbookWithPart(Path file, String part, UnaryOperator<String> rewrite) {
        Map<String, byte[]> entries = entries(taxWorkbook());
        entries.put(part, rewrite.apply(new String(entries.get(part), StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A DOCTYPE declaring {@code entities} put in front of a part's root element. */
    public static UnaryOperator<String> withDoctype(String root, String entities, String regex, String replacement) {
        return xml -> {
            int start = xml.indexOf("<" + root);
            String doc = xml.substring(0, start) + "<!DOCTYPE " + root + " [" + entities + "]>" + xml.substring(start);
            return regex == null ? doc : doc.replaceFirst(regex, replacement);
        };
    }

    /** Billion laughs: ten levels of ten references, 10^9 copies of "lol" if expanded. */
    public static Path billionLaughs(Path file) {
        StringBuilder e = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            e.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return workbookWithPart(file, "xl/worksheets/sheet1.xml", withDoctype("worksheet", e.toString(),
            "<c r=\"A2\" t=\"s\"><v>\\d+</v></c>", "<c r=\"A2\" t=\"inlineStr\"><is><t>&lol9;</t></is></c>"));
    }

    /** An external entity pointing at {@code target}, read into the sheet's cell A2 (所属期 of the data row). */
    public static Path externalEntityInSheet(Path file, Path target) {
        return workbookWithPart(file, "xl/worksheets/sheet1.xml", withDoctype("worksheet",
            "<!ENTITY xxe SYSTEM \"" + target.toUri() + "\">",
            "<c r=\"E2\" t=\"s\"><v>\\d+</v></c>", "<c r=\"E2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c>"));
    }

    /** An external entity pointing at {@code target} as the shared string of 行业名称 in the data row. */
    public static Path externalEntityInSharedStrings(Path file, Path target) {
        return workbookWithPart(file, "xl/sharedStrings.xml", withDoctype("sst",
            "<!ENTITY xxe SYSTEM \"" + target.toUri() + "\">", "<t>煤炭开采和洗选业</t>", "<t>&xxe;</t>"));
    }

    /** An external parameter entity: the parser would fetch {@code target} while reading the DOCTYPE itself. */
    public static Path externalParameterEntity(Path file, Path target) {
        return workbookWithPart(file, "xl/workbook.xml", withDoctype("workbook",
            "<!ENTITY % ext SYSTEM \"" + target.toUri() + "\"> %ext;", null, null));
    }

    /** A workbook whose sheet unzips to {@code mb} megabytes of blanks (a ratio of about 1:1000). */
    public static Path zipBomb(Path file, int mb) {
        Map<String, byte[]> entries = entries(taxWorkbook());
        String sheet = new String(entries.remove("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        int at = sheet.indexOf("<sheetData>") + "<sheetData>".length();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(sheet.substring(0, at).getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < mb; i++) {
                zip.write(blanks);
            }
            zip.write(sheet.substring(at).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A tax header, one good row, then one line of {@code mb} megabytes of digits without a delimiter. */
    public static Path hugeLine(Path file, int mb) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((TAX_HEADER + "\n" + TAX_ROW + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] digits = new byte[1 << 20];
            Arrays.fill(digits, (byte) '7');
            for (int i = 0; i < mb; i++) {
                out.write(digits);
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A first line of {@code mb} megabytes without a line end. */
    public static Path hugeFirstLine(Path file, int mb) {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] letters = new byte[1 << 20];
            Arrays.fill(letters, (byte) 'a');
            for (int i = 0; i < mb; i++) {
                out.write(letters);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A header of {@code n} columns named c1…cn, and one row. */
    public static Path wideHeader(Path file, int n) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= n; i++) {
                w.write((i > 1 ? "," : "") + "c" + i);
            }
            w.write("\n1,2,3\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A tax header, then a data row of {@code n} cells. */
    public static Path wideRow(Path file, int n) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(TAX_HEADER + "\n" + TAX_ROW);
            for (int i = 7; i < n; i++) {
                w.write(",1");
            }
            w.write("\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A file outside any inbox holding {@link #SECRET} as a tax file would hold it. */
    public static Path secret(Path dir) {
        return Fixtures.csv(dir, "secret.csv", TAX_HEADER + "\n2024-06,620881,华亭市,06," + SECRET + ",增值税,1\n");
    }

    public static Path link(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Reads a whole stream as UTF-8 text. */
    public static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
