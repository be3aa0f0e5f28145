package org.countyscope.io.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first visible sheet of an .xlsx workbook: title rows skipped, merged cells filled from their top-left cell,
 * a two-row grouped header joined as "group|column".
 */
final class XlsxTable implements SourceTable {

    static {
        // POI's own guards, set to what this product can hold: a zip bomb or an oversized part fails to open.
        ZipSecureFile.setMinInflateRatio(Limits.XLSX_MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(Limits.XLSX_PART_BYTES);
    }

    private final String fileName;
    private final OPCPackage pkg;
    private final Sheet sheet;
    private final Map<Integer, List<CellRangeAddress>> mergedByRow = new HashMap<>();
    private final List<String> header;
    private final int firstDataRow;
    private boolean recordsTaken;

    private XlsxTable(String fileName, OPCPackage pkg, Sheet sheet) {
        this.fileName = fileName;
        this.pkg = pkg;
        this.sheet = sheet;
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int row = region.getFirstRow(); row <= region.getLastRow(); row++) {
                mergedByRow.computeIfAbsent(row, r -> new ArrayList<>()).add(region);
            }
        }
        int headerRow = headerRow();
        boolean twoRows = hasSecondHeaderRow(headerRow);
        this.header = Headers.check(columnNames(headerRow, twoRows), XlsxTable::columnLabel);
        this.firstDataRow = headerRow + (twoRows ? 2 : 1);
    }

    static XlsxTable open(Path file) {
        String name = file.getFileName().toString();
        if (isOle2(Encodings.head(file, 8))) {
            throw new SourceException("不是有效的 XLSX 文件：" + name
                    + " 是旧版 Excel 97-2003（.xls）格式，请在 Excel 中“另存为” .xlsx 后重新提交");
        }
        OPCPackage pkg;
        try {
            // Read-only, so closing never writes back into the clerk's file.
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw notXlsx(name, e);
        }
        try {
            return new XlsxTable(name, pkg, firstVisibleSheet(new XSSFWorkbook(pkg), name));
        } catch (SourceException e) {
            pkg.revert();
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports a damaged package through many unchecked exception types.
            pkg.revert();
            throw notXlsx(name, e);
        }
    }

    static boolean isOle2(byte[] head) {
        return head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF
                && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0;
    }

    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    private static SourceException notXlsx(String name, Exception cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip bomb")) {
                return new SourceException("不是可以安全读取的 XLSX 文件：" + name + " 解压后过大或压缩比异常（某个部分超过 "
                    + (Limits.XLSX_PART_BYTES >> 20) + " MB，疑似“zip 炸弹”），未读取。如确是数据，请另存为 CSV（UTF-8）后提交",
                    cause);
            }
            if (m.contains("DOCTYPE") || m.contains("DTD") || m.contains("entity") || m.contains("Entity")) {
                return new SourceException("不是可以安全读取的 XLSX 文件：" + name + " 含有 XML 实体声明（DOCTYPE/ENTITY），"
                    + "出于安全原因未读取。请用 Excel 打开后另存为新的 .xlsx 文件再提交", cause);
            }
        }
        return new SourceException("不是有效的 XLSX 文件：" + name + " 无法作为 Excel 工作簿打开，文件可能已损坏或不是 Excel 文件",
                cause);
    }

    private static Sheet firstVisibleSheet(XSSFWorkbook workbook, String name) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (workbook.getSheetVisibility(i) == SheetVisibility.VISIBLE) {
                return workbook.getSheetAt(i);
            }
        }
        throw new SourceException("文件为空：" + name + " 没有可见的工作表");
    }

    /** The first row that is neither empty nor a title (a single cell, or one merged region). */
    private int headerRow() {
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            String[] texts = rowTexts(r);
            int first = -1;
            int last = -1;
            for (int c = 0; c < texts.length; c++) {
                if (!texts[c].isEmpty()) {
                    first = first < 0 ? c : first;
                    last = c;
                }
            }
            if (first < 0 || first == last || withinOneRegion(r, first, last)) {
                continue;
            }
            return r;
        }
        throw new SourceException("文件为空：工作表“" + sheet.getSheetName() + "”没有表头和数据");
    }

    private boolean withinOneRegion(int row, int firstColumn, int lastColumn) {
        for (CellRangeAddress region : merged(row)) {
            if (region.getFirstColumn() <= firstColumn && region.getLastColumn() >= lastColumn) {
                return true;
            }
        }
        return false;
    }

    /** A group heading merged across columns, or a cell merged down into the next row, means a second header row. */
    private boolean hasSecondHeaderRow(int headerRow) {
        for (CellRangeAddress region : merged(headerRow)) {
            if (region.getFirstRow() == headerRow
                    && (region.getLastColumn() > region.getFirstColumn() || region.getLastRow() > headerRow)) {
                return true;
            }
        }
        return false;
    }

    private List<String> columnNames(int headerRow, boolean twoRows) {
        String[] parents = rowTexts(headerRow);
        String[] children = twoRows ? rowTexts(headerRow + 1) : new String[0];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < Math.max(parents.length, children.length); c++) {
            String parent = c < parents.length ? parents[c] : "";
            String child = c < children.length ? children[c] : "";
            if (child.isEmpty() || child.equals(parent)) {
                names.add(parent);
            } else if (parent.isEmpty()) {
                names.add(child);
            } else {
                names.add(parent + "|" + child);
            }
        }
        // Columns after the last named one are formatting leftovers, not data.
        int end = names.size();
        while (end > 0 && names.get(end - 1).isEmpty()) {
            end--;
        }
        return names.subList(0, end);
    }

    private static String columnLabel(int index) {
        return Headers.ordinal(index) + "（" + CellReference.convertNumToColString(index) + "列）";
    }

    private List<CellRangeAddress> merged(int row) {
        return mergedByRow.getOrDefault(row, List.of());
    }

    /** The trimmed texts of a row, every merged cell reading as its region's top-left cell. */
    private String[] rowTexts(int r) {
        Row row = sheet.getRow(r);
        List<CellRangeAddress> regions = merged(r);
        int width = row == null ? 0 : Math.max(0, row.getLastCellNum());
        for (CellRangeAddress region : regions) {
            width = Math.max(width, region.getLastColumn() + 1);
        }
        String[] texts = new String[width];
        Arrays.fill(texts, "");
        if (row != null) {
            for (Cell cell : row) {
                texts[cell.getColumnIndex()] = Text.trim(CellTexts.of(cell));
            }
        }
        for (CellRangeAddress region : regions) {
            Row top = sheet.getRow(region.getFirstRow());
            String text = top == null ? "" : Text.trim(CellTexts.of(top.getCell(region.getFirstColumn())));
            Arrays.fill(texts, region.getFirstColumn(), region.getLastColumn() + 1, text);
        }
        return texts;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public String encoding() {
        return null;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<RawRecord> records() {
        if (recordsTaken) {
            throw new IllegalStateException("records() may be called only once");
        }
        recordsTaken = true;
        return new RecordIterator() {
            private int row = firstDataRow;

            @Override
            protected RawRecord advance() {
                while (row <= sheet.getLastRowNum()) {
                    String[] texts = rowTexts(row);
                    int width = texts.length;
                    while (width > 0 && texts[width - 1].isEmpty()) {
                        width--;
                    }
                    row++;
                    if (width > 0) {
                        // Excel does not store trailing empty cells: a short row is padded to the header.
                        String[] cells = Arrays.copyOf(texts, Math.max(width, header.size()));
                        Arrays.fill(cells, width, cells.length, "");
                        return new RawRecord(row, List.of(cells));
                    }
                }
                return null;
            }
        };
    }

    @Override
    public Map<String, String> metadata() {
        return Map.of("sheet", sheet.getSheetName());
    }

    @Override
    public void close() {
        // revert() releases a read-only package; close() would try to save it.
        pkg.revert();
    }
}
