package org.countyscope.quality;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of one cell into a value the way a clerk would read it; {@code null} means "cannot be read".
 * Plain Java so that the same rules serve Spark UDFs, tests and the notebook.
 */
public final class CellParsers {
    private CellParsers() {
    }

    /** Cells that mean "no figure" in Chinese statistical tables. */
    private static final Set<String> EMPTY_MARKS = Set.of("", "-", "--", "—", "——", "－", "…", "...", "/", "NA", "N/A",
        "n/a", "null", "NULL", "#N/A");

    private static final Pattern MONTH_DASH = Pattern.compile("(\\d{4})\\s*[-/.]\\s*(\\d{1,2})");
    private static final Pattern MONTH_COMPACT = Pattern.compile("(\\d{4})(\\d{2})");
    // 2024年6月, 2024年1-6月, 2024年1—6月份, 2024年6月份
    private static final Pattern MONTH_CN = Pattern.compile("(\\d{4})年(?:\\s*1\\s*[-—–~至]\\s*)?(\\d{1,2})月份?");
    private static final Pattern YEAR_ONLY = Pattern.compile("(\\d{4})年?(?:度)?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*(?:-|年)?\\s*(?:Q|q|第)\\s*([1-4一二三四])\\s*(?:季度)?");
    private static final Pattern HALF = Pattern.compile("(\\d{4})\\s*(?:-|年)?\\s*(?:H([12])|(上|下)半年)");
    private static final Pattern DATE_SEP = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
        + "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern DATE_COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(?:\\.0+)?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    /** Full-width digits and letters to ASCII, surrounding blanks (incl. U+3000, NBSP) removed. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        return s.replace('\u00A0', ' ').strip();
    }

    /** True when the cell holds no figure at all (empty, or a dash the bureau writes for "none"). */
    public static boolean isEmpty(String raw) {
        String s = clean(raw);
        return s == null || EMPTY_MARKS.contains(s);
    }

    /** A number, allowing thousands separators, a trailing %, full-width digits and an accounting minus. */
    public static Double number(String raw) {
        if (isEmpty(raw)) {
            return null;
        }
        String s = clean(raw).replace(",", "").replace("，", "").replace(" ", "").replace("−", "-");
        if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("(") && s.endsWith(")")) {
            s = "-" + s.substring(1, s.length() - 1);
        }
        if (!PLAIN_NUMBER.matcher(s).matches()) {
            return null;
        }
        double d = new BigDecimal(s).doubleValue();
        return Double.isFinite(d) ? d : null;
    }

    /** A whole number; {@code null} when the text is not a number or has a fractional part. */
    public static Long integer(String raw) {
        Double d = number(raw);
        if (d == null || d != Math.rint(d) || Math.abs(d) > 9e15) {
            return null;
        }
        return d.longValue();
    }

    /** A month as {@code YYYY-MM}; 1—N月 labels give their last month. */
    public static String month(String raw) {
        if (isEmpty(raw)) {
            return null;
        }
        String s = clean(raw);
        Matcher m;
        if ((m = MONTH_CN.matcher(s)).matches() || (m = MONTH_DASH.matcher(s)).matches()
            || (m = MONTH_COMPACT.matcher(s)).matches()) {
            return ym(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        String date = date(s);
        if (date != null && DATE_SEP.matcher(s).matches()) {
            return date.substring(0, 7);
        }
        return null;
    }

    /** A year ({@code YYYY}), half year ({@code YYYY-H1}), quarter ({@code YYYY-Q2}) or month ({@code YYYY-MM}). */
    public static String period(String raw) {
        if (isEmpty(raw)) {
            return null;
        }
        String s = clean(raw);
        Matcher m;
        if ((m = QUARTER.matcher(s)).matches()) {
            String q = m.group(2);
            int n = "一二三四".indexOf(q) >= 0 ? "一二三四".indexOf(q) + 1 : Integer.parseInt(q);
            return validYear(Integer.parseInt(m.group(1))) ? m.group(1) + "-Q" + n : null;
        }
        if ((m = HALF.matcher(s)).matches()) {
            int h = m.group(2) != null ? Integer.parseInt(m.group(2)) : ("上".equals(m.group(3)) ? 1 : 2);
            return validYear(Integer.parseInt(m.group(1))) ? m.group(1) + "-H" + h : null;
        }
        if ((m = YEAR_ONLY.matcher(s)).matches()) {
            return validYear(Integer.parseInt(m.group(1))) ? m.group(1) : null;
        }
        return month(s);
    }

    /** A year between 1949 and 2199. */
    public static Integer year(String raw) {
        if (isEmpty(raw)) {
            return null;
        }
        Matcher m = YEAR_ONLY.matcher(clean(raw));
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            return validYear(y) ? y : null;
        }
        Long l = integer(raw);
        return l != null && validYear(l) ? l.intValue() : null;
    }

    /** A date as ISO {@code yyyy-MM-dd}; also reads Excel serial day numbers (a date cell saved as a number). */
    public static String date(String raw) {
        if (isEmpty(raw)) {
            return null;
        }
        String s = clean(raw);
        Matcher m;
        try {
            if ((m = DATE_SEP.matcher(s)).matches() || (m = DATE_COMPACT.matcher(s)).matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
                return validYear(d.getYear()) ? d.toString() : null;
            }
            if (EXCEL_SERIAL.matcher(s).matches()) {
                // Excel's day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was: day 60 onwards is off by one.
                LocalDate d = LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(s));
                return validYear(d.getYear()) ? d.toString() : null;
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** 是/否 and the other ways clerks write yes and no. */
    public static Boolean flag(String raw) {
        if (isEmpty(raw)) {
            return null;
        }
        return switch (clean(raw).toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1", "√", "✓" -> Boolean.TRUE;
            case "否", "n", "no", "false", "0", "×", "✗" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Left-pads a code that lost its leading zero when a spreadsheet read it as a number (610 → 0610). */
    public static String industryCode(String raw, int digits) {
        if (isEmpty(raw)) {
            return null;
        }
        String s = clean(raw);
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        if (s.matches("\\d+") && s.length() == digits - 1) {
            s = "0" + s;
        }
        return s;
    }

    private static boolean validYear(long y) {
        return y >= 1949 && y <= 2199;
    }

    private static String ym(int year, int month) {
        if (!validYear(year) || month < 1 || month > 12) {
            return null;
        }
        return String.format("%04d-%02d", year, month);
    }
}
