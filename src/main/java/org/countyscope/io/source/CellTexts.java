package org.countyscope.io.source;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;

/** The text of a spreadsheet cell as the pipeline wants it: plain decimals, ISO dates, cached formula results. */
final class CellTexts {

    /** What a cell shows when Excel could not compute it; the caller quarantines such records. */
    static final String ERROR = "#ERROR";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CellTexts() {
    }

    static String of(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            // Without a stored result POI would report 0; a value nobody computed is not a value.
            if (cell instanceof XSSFCell xssf && !xssf.getCTCell().isSetV()) {
                return ERROR;
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> numeric(cell);
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case ERROR -> ERROR;
            default -> "";
        };
    }

    private static String numeric(Cell cell) {
        if (DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime value = cell.getLocalDateTimeCellValue();
            return value.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? value.toLocalDate().toString()
                    : value.format(DATE_TIME);
        }
        return decimal(cell.getNumericCellValue());
    }

    /** The shortest plain decimal of a double: 12 not 12.0, 10000000000 not 1.0E10. */
    static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
