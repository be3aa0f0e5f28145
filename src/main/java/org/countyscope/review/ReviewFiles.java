package org.countyscope.review;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.countyscope.io.CsvExport;
import org.countyscope.io.XlsxExport;
import org.countyscope.publish.Precision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The clerk's files: {@code flags.csv} (UTF-8 with BOM, one row per open flag), {@code review.xlsx} (one sheet per
 * county, to send to the county bureau, with 核实情况 and 核实说明 to fill in), and reading a returned workbook.
 */
public final class ReviewFiles {
    public static final String VERIFIED_MARK = "已核实";
    static final List<String> HEADINGS = List.of("数据集", "区划代码", "地区", "对象代码", "对象名称", "时期", "规则",
        "规则名称", "数值", "合理范围", "单位", "严重程度", "需核实的问题", "审核编号");
    /** The canonical names of the columns, the CSV's second header row (for scripts that read the file). */
    static final List<String> CANONICAL = List.of("dataset", "region_code", "region_name", "entity_id", "entity_name",
        "period", "rule", "rule_title", "value", "expected", "unit", "severity", "sentence", "key");
    static final String STATUS_HEADING = "核实情况";
    static final String NOTE_HEADING = "核实说明";
    /** Sheet of flags that belong to no county (a whole dataset). */
    static final String CITY_SHEET = "全市";

    private ReviewFiles() {
    }

    private static List<Object> cells(Flag f, ReviewRules rules) {
        List<Object> row = new ArrayList<>();
        row.add(f.dataset());
        row.add(f.regionCode());
        row.add(f.regionName());
        row.add(f.entityId());
        row.add(f.entityName());
        row.add(f.period());
        row.add(f.rule());
        row.add(rules.has(f.rule()) ? rules.get(f.rule()).title() : "");
        row.add(Double.isFinite(f.value()) ? Precision.atDecimals(f.value(), 2) : null);
        row.add(f.expected());
        row.add(f.unit());
        row.add(f.severity());
        row.add(f.sentence());
        row.add(f.key());
        return row;
    }

    public static void writeCsv(Path file, List<Flag> flags, ReviewRules rules) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(CANONICAL));
        flags.forEach(f -> rows.add(cells(f, rules)));
        CsvExport.write(file, HEADINGS, rows);
    }

    /** One sheet per county (by region name) and one for the city's dataset-wide flags, in region-code order. */
    public static void writeWorkbook(Path file, List<Flag> flags, ReviewRules rules) {
        Map<String, List<List<Object>>> sheets = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (Flag f : flags) {
            String code = f.regionCode() == null || f.regionCode().isEmpty() ? "" : f.regionCode();
            names.putIfAbsent(code, code.isEmpty() ? CITY_SHEET
                : (f.regionName() == null || f.regionName().isEmpty() ? code : f.regionName()));
            List<Object> row = cells(f, rules);
            row.add(null);
            row.add(null);
            sheets.computeIfAbsent(code, k -> new ArrayList<>()).add(row);
        }
        List<String> headings = new ArrayList<>(HEADINGS);
        headings.add(STATUS_HEADING);
        headings.add(NOTE_HEADING);
        List<XlsxExport.Sheet> out = new ArrayList<>();
        for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
            out.add(new XlsxExport.Sheet(names.get(e.getKey()), headings, e.getValue()));
        }
        if (out.isEmpty()) {
            out.add(new XlsxExport.Sheet(CITY_SHEET, headings, List.of()));
        }
        XlsxExport.write(file, out);
    }

    /**
     * The flags a returned workbook marks 已核实, with the explanation, as closures at the value printed in the sheet.
     * A row without an explanation is still accepted (the mark is the clerk's word), but a row whose 审核编号 is
     * missing cannot be matched and is refused.
     */
    public static List<Closure> readAccepted(Path file) {
        List<Closure> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            for (Sheet sheet : wb) {
                Row head = sheet.getRow(0);
                if (head == null) {
                    continue;
                }
                Map<String, Integer> col = new HashMap<>();
                for (Cell c : head) {
                    col.put(fmt.formatCellValue(c).strip(), c.getColumnIndex());
                }
                for (String needed : List.of("审核编号", "数值", STATUS_HEADING)) {
                    if (!col.containsKey(needed)) {
                        throw new IllegalArgumentException(file + ", sheet " + sheet.getSheetName()
                            + ": no column " + needed + " (is this a review.xlsx?)");
                    }
                }
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    String status = text(row, col.get(STATUS_HEADING), fmt);
                    if (!VERIFIED_MARK.equals(status)) {
                        continue;
                    }
                    String key = text(row, col.get("审核编号"), fmt);
                    if (key.isEmpty() || key.split("\\|", -1).length < 3) {
                        throw new IllegalArgumentException(file + ", sheet " + sheet.getSheetName() + " row "
                            + (r + 1) + ": marked 已核实 but its 审核编号 is missing or altered");
                    }
                    Cell v = row.getCell(col.get("数值"));
                    double value = v != null && v.getCellType() == CellType.NUMERIC ? v.getNumericCellValue()
                        : Double.parseDouble(text(row, col.get("数值"), fmt).replace(",", ""));
                    String rule = key.substring(0, key.indexOf('|'));
                    String entity = key.substring(key.indexOf('|') + 1, key.lastIndexOf('|'));
                    String note = col.containsKey(NOTE_HEADING) ? text(row, col.get(NOTE_HEADING), fmt) : "";
                    String period = col.containsKey("时期") ? text(row, col.get("时期"), fmt) : "";
                    out.add(new Closure(key, rule, entity, period, value, note, sheet.getSheetName(),
                        file.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    private static String text(Row row, int c, DataFormatter fmt) {
        Cell cell = row.getCell(c);
        return cell == null ? "" : fmt.formatCellValue(cell).strip();
    }
}
