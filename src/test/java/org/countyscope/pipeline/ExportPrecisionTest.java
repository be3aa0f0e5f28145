package org.countyscope.pipeline;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.countyscope.SampleWarehouse;
import org.countyscope.publish.PublishedColumns;
import org.countyscope.report.xlsx.ExcelReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's exports read as a planner reads them in Excel: every figure carries the printed digits and no more,
 * and a sum of the printed county figures gives the printed total up to the rounding of the addends.
 */
class ExportPrecisionTest {
    private static Path monthDir() {
        return SampleWarehouse.result().reports().get(0).dir();
    }

    /** A CSV of the exports as header → column index and rows of text cells (BOM and quotes handled). */
    private static List<List<String>> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (ch != '\r') {
                cell.append(ch);
            }
        }
        return rows;
    }

    private static int decimals(String number) {
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    @Test
    void everyCsvFigureCarriesThePrintedDigitsAndNoMore() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(monthDir().resolve("tables"))) {
            files = s.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().equals("forecast.csv"))
                .sorted().toList();
        }
        assertTrue(files.size() >= 5, "the comparison, the industry table and the marts: " + files);
        int checked = 0;
        for (Path f : files) {
            List<List<String>> rows = csv(f);
            List<String> header = rows.get(0);
            int unit = header.indexOf("unit");
            for (List<String> r : rows.subList(1, rows.size())) {
                for (int c = 0; c < header.size() && c < r.size(); c++) {
                    String v = r.get(c);
                    // codes that look like numbers (区划, 行业 codes, the period) are text
                    if (!v.matches("-?\\d+(\\.\\d+)?") || header.get(c).endsWith("_code")
                        || List.of("period", "division", "top_industry", "year").contains(header.get(c))) {
                        continue;
                    }
                    String column = header.get(c);
                    int allowed = PublishedColumns.of(column, unit < 0 ? null : r.get(unit)).decimals();
                    assertEquals(allowed, decimals(v), () -> f.getFileName() + " " + column + " = " + v
                        + " carries exactly the printed decimals");
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, "figures checked: " + checked);
    }

    @Test
    void aSumOfPrintedCountyFiguresGivesThePrintedTotal() throws IOException {
        List<List<String>> rows = csv(monthDir().resolve("tables").resolve("indicator_comparison.csv"));
        List<String> h = rows.get(0);
        int code = h.indexOf("region_code");
        int parent = h.indexOf("parent_code");
        int period = h.indexOf("period");
        int indicator = h.indexOf("indicator");
        int cadence = h.indexOf("cadence");
        int unit = h.indexOf("unit");
        int value = h.indexOf("value");
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, BigDecimal> sums = new HashMap<>();
        Map<String, Integer> addends = new HashMap<>();
        Map<String, Boolean> complete = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (!"万元".equals(r.get(unit)) || r.get(cadence).isEmpty()) {
                continue;
            }
            String group = r.get(cadence) + "|" + r.get(period) + "|" + r.get(indicator);
            String v = r.get(value);
            String key = group + "|" + r.get(parent);
            if (!v.matches("-?\\d+(\\.\\d+)?")) {
                complete.put(key, false); // withheld or missing: Excel cannot add it up either
                continue;
            }
            // every row is a total of its children (the city of its counties) and a child of its parent
            totals.put(group + "|" + r.get(code), new BigDecimal(v));
            sums.merge(key, new BigDecimal(v), BigDecimal::add);
            addends.merge(key, 1, Integer::sum);
            complete.putIfAbsent(key, true);
        }
        int compared = 0;
        for (Map.Entry<String, BigDecimal> t : totals.entrySet()) {
            BigDecimal sum = sums.get(t.getKey());
            if (sum == null || !complete.get(t.getKey())) {
                continue;
            }
            // each printed addend is off by at most half a cent of 万元, the printed total by as much again
            BigDecimal slack = new BigDecimal("0.005").multiply(BigDecimal.valueOf(addends.get(t.getKey()) + 1));
            assertTrue(sum.subtract(t.getValue()).abs().compareTo(slack) <= 0, t.getKey() + ": Σ printed counties "
                + sum.toPlainString() + " against the printed total " + t.getValue().toPlainString());
            compared++;
        }
        assertTrue(compared >= 10, "totals compared: " + compared);
    }

    @Test
    void workbooksStoreThePrintedFiguresAndNameInternalsOnlyInTheirNotes() throws IOException {
        Path comparison = monthDir().resolve("tables").resolve("comparison.xlsx");
        Path tables = monthDir().resolve(ExcelReport.FILE_NAME);
        int checked = 0;
        for (Path file : List.of(comparison, tables)) {
            try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
                assertEquals("说明", wb.getSheetName(0), file.getFileName() + ": the notes come first");
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell c : row) {
                            if (c.getCellType() != CellType.NUMERIC) {
                                continue;
                            }
                            String format = c.getCellStyle().getDataFormatString();
                            int allowed = format.contains(".") ? format.length() - format.indexOf('.') - 1 : 0;
                            double v = c.getNumericCellValue();
                            BigDecimal printed = BigDecimal.valueOf(v).setScale(allowed, java.math.RoundingMode.HALF_UP);
                            assertEquals(printed.doubleValue(), v, 0.0, () -> file.getFileName() + " " + sheet.getSheetName()
                                + "!" + c.getAddress() + " = " + v + " holds more digits than its format " + format
                                + " shows");
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 1000, "cells checked: " + checked);
        try (Workbook wb = WorkbookFactory.create(comparison.toFile(), null, true)) {
            StringBuilder notes = new StringBuilder();
            wb.getSheetAt(0).forEach(r -> r.forEach(c -> notes.append(c.toString()).append(' ')));
            assertTrue(notes.toString().contains("region_code") && notes.toString().contains("gold/comparison"),
                "the canonical names and tables are in 说明");
            for (int i = 1; i < wb.getNumberOfSheets(); i++) {
                for (Cell c : wb.getSheetAt(i).getRow(0)) {
                    String heading = c.getStringCellValue();
                    assertFalse(heading.matches("[a-z0-9_]+"), wb.getSheetName(i) + " heading " + heading + " is Chinese");
                }
            }
        }
    }
}
