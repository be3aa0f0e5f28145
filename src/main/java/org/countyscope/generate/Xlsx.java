package org.countyscope.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Saves POI workbooks reproducibly: fixed document dates and fixed zip entry times, so equal content means equal bytes. */
final class Xlsx {

    private Xlsx() {
    }

    /** Writes the workbook to out's temporary path for relative, normalises it, and moves it into place. */
    static void save(OutputDir out, String relative, Workbook workbook, LocalDateTime stamp, long dataRows) {
        XSSFWorkbook xssf = workbook instanceof SXSSFWorkbook s ? s.getXSSFWorkbook() : (XSSFWorkbook) workbook;
        POIXMLProperties.CoreProperties core = xssf.getProperties().getCoreProperties();
        Date date = Date.from(stamp.toInstant(ZoneOffset.UTC));
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setCreator("countyscope");
        Path target = out.temp(relative);
        Path raw = target.resolveSibling(target.getFileName() + ".raw");
        try {
            try (OutputStream os = Files.newOutputStream(raw)) {
                workbook.write(os);
            }
            restamp(raw, target, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        } finally {
            try {
                Files.deleteIfExists(raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.commit(relative, dataRows);
    }

    /** Copies a zip entry by entry, in the same order, with every entry's time set to the stamp. */
    private static void restamp(Path from, Path to, LocalDateTime stamp) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile());
             ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(stamp);
                zos.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(zos);
                }
                zos.closeEntry();
            }
        }
    }
}
