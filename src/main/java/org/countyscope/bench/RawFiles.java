package org.countyscope.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The generated raw files as DuckDB reads them: the GBK tax files transcoded to UTF-8 and projects.xlsx dumped to CSV
 * (with the JDK and POI only, none of countyscope's readers), the reference lists beside them.
 */
public record RawFiles(List<Path> industrialOutput, Path ppi, Path budget, Path projects, List<Path> tax,
                       Path register, Path contracts, Path funds, Path referenceDir) {

    /** The reference lists DuckDB reads. */
    static final List<String> REFERENCE = List.of("gbt2260_cities.csv", "pingliang_census_2020_population.csv",
        "gbt4754_2017_industries.csv");

    public RawFiles {
        industrialOutput = List.copyOf(industrialOutput);
        tax = List.copyOf(tax);
    }

    public Path reference(String name) {
        return referenceDir.resolve(name);
    }

    /**
     * Locates the files of a generated folder and converts those DuckDB cannot read as they are into {@code work}.
     *
     * @param reference the reference folder, or null to copy the lists from the classpath into {@code work}
     */
    public static RawFiles prepare(Path raw, Path reference, Path work) {
        try {
            Files.createDirectories(work);
            List<Path> tax = new ArrayList<>();
            for (Path p : matching(raw.resolve("tax"), "tax_\\d{4}\\.csv")) {
                tax.add(transcode(p, Charset.forName("GBK"), work.resolve(p.getFileName().toString()
                    .replace(".csv", ".utf8.csv"))));
            }
            Path projects = xlsxToCsv(raw.resolve("investment/projects.xlsx"), work.resolve("projects.csv"));
            Path ref = reference != null ? reference : referenceFromClasspath(work.resolve("reference"));
            return new RawFiles(matching(raw.resolve("industry"), "industrial_output_\\d{4}\\.csv"),
                raw.resolve("industry/ppi_by_industry.csv"), raw.resolve("budget/budget_revenue.csv"), projects, tax,
                raw.resolve("industry/enterprise_register.csv"), raw.resolve("investment/attraction_contracts.csv"),
                raw.resolve("investment/attraction_funds.csv"), ref);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the raw files of " + raw + " for DuckDB", e);
        }
    }

    private static List<Path> matching(Path dir, String regex) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = s.filter(f -> f.getFileName().toString().matches(regex)).sorted().toList();
            if (out.isEmpty()) {
                throw new IOException("no file matching " + regex + " in " + dir);
            }
            return out;
        }
    }

    private static Path transcode(Path source, Charset charset, Path target) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(source, charset);
             BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
        return target;
    }

    private static Path referenceFromClasspath(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : REFERENCE) {
            try (InputStream in = RawFiles.class.getResourceAsStream("/reference/" + name)) {
                if (in == null) {
                    throw new IOException("reference list " + name + " is not on the classpath");
                }
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /**
     * The first sheet of an XLSX as CSV: row 1 (a merged title) is dropped, row 2 is the header; dates become
     * {@code yyyy-mm-dd}, whole numbers lose their ".0", text stays text (thousands separators are removed in SQL).
     * Also the comparison test's oracle reads projects.xlsx this way (neither shares code with the Spark path).
     */
    public static Path xlsxToCsv(Path xlsx, Path csv) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in);
             BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            Sheet sheet = wb.getSheetAt(0);
            int width = sheet.getRow(1).getLastCellNum();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.write(quote(text(row.getCell(c))));
                }
                out.write('\n');
            }
        }
        return csv;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case STRING:
                return cell.getStringCellValue().trim();
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    return cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                double v = cell.getNumericCellValue();
                return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            default:
                return "";
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
