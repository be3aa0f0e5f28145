package org.countyscope.quality;

import org.countyscope.dataset.ColumnSpec;
import org.countyscope.reference.CreditCode;
import org.countyscope.reference.ReferenceData;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * The column checks every source cell goes through, declared by its {@link ColumnSpec}. Plain Java: Spark calls
 * it through one UDF per column, tests call it directly.
 */
public final class CellRules {
    private CellRules() {
    }

    /** Rule codes written to quarantine; stable, so that tests and clerks' filters can rely on them. */
    public static final String REQUIRED = "required";
    public static final String FORMAT = "format";
    public static final String RANGE = "range";
    public static final String CODE = "code";
    public static final String CHECK_DIGIT = "check_digit";
    public static final String NOT_INDUSTRIAL = "not_industrial";
    public static final String FUTURE = "future";
    public static final String NO_JANUARY = "no_january";
    public static final String CHOICE = "choice";
    public static final String TOO_LONG = "too_long";

    /** Longest free text kept; longer is almost always a broken quote swallowing rows. */
    public static final int MAX_TEXT = 500;

    /**
     * Checks one cell.
     *
     * @param spec      the column
     * @param raw       the cell text as received (may be null when the row is short)
     * @param asOfMonth the current month {@code YYYY-MM}: later periods are in the future
     * @param noJanuary true for 一套表 data, where January is never reported alone
     */
    public static CellCheck check(ColumnSpec spec, String raw, String asOfMonth, boolean noJanuary) {
        if (CellParsers.isEmpty(raw)) {
            return spec.required() ? CellCheck.reject(REQUIRED, "必填项为空") : CellCheck.ok(null);
        }
        String s = CellParsers.clean(raw);
        return switch (spec.type()) {
            case TEXT -> s.length() > MAX_TEXT
                ? CellCheck.reject(TOO_LONG, "文本过长（超过" + MAX_TEXT + "字），可能是引号未闭合")
                : CellCheck.ok(s);
            case REGION -> region(s);
            case INDUSTRY -> industry(spec, s);
            case CREDIT_CODE -> creditCode(s);
            case MONTH -> month(s, asOfMonth, noJanuary);
            case PERIOD -> period(s, asOfMonth);
            case YEAR -> year(s, asOfMonth);
            case DATE -> {
                String d = CellParsers.date(s);
                yield d == null ? CellCheck.reject(FORMAT, "日期无法识别（应为 YYYY-MM-DD，如 2024-06-15）") : CellCheck.ok(d);
            }
            case NUMBER -> number(spec, CellParsers.number(s));
            case INTEGER -> {
                Double d = CellParsers.number(s);
                if (d != null && d != Math.rint(d)) {
                    yield CellCheck.reject(FORMAT, "应为整数");
                }
                yield number(spec, d);
            }
            case CHOICE -> spec.choices().contains(s) ? CellCheck.ok(s)
                : CellCheck.reject(CHOICE, "取值不在允许范围内（应为：" + String.join("、", spec.choices()) + "）");
            case FLAG -> {
                Boolean b = CellParsers.flag(s);
                yield b == null ? CellCheck.reject(FORMAT, "应填“是”或“否”") : CellCheck.ok(b.toString());
            }
        };
    }

    private static CellCheck region(String s) {
        if (!s.matches("\\d{6}")) {
            return CellCheck.reject(FORMAT, "区划代码格式错误（应为6位数字）");
        }
        return ReferenceData.get().regions().containsKey(s) ? CellCheck.ok(s)
            : CellCheck.reject(CODE, "区划代码不在 GB/T 2260 行政区划代码中");
    }

    private static CellCheck industry(ColumnSpec spec, String s) {
        String code = CellParsers.industryCode(s, spec.digits());
        // a price file's 2-digit industrial column (the PPI) also carries the broader published indices
        if (spec.industrial() && spec.digits() == 2
            && org.countyscope.dataset.Datasets.PPI_BROADER.contains(code.toUpperCase(java.util.Locale.ROOT))) {
            return CellCheck.ok(code.toUpperCase(java.util.Locale.ROOT));
        }
        if (!code.matches("\\d{" + spec.digits() + "}")) {
            return CellCheck.reject(FORMAT, "行业代码格式错误（应为" + spec.digits() + "位数字）");
        }
        Set<String> known = codes(spec.digits(), false);
        if (!known.contains(code)) {
            return CellCheck.reject(CODE, "行业代码不在 GB/T 4754-2017 国民经济行业分类中");
        }
        if (spec.industrial() && !codes(spec.digits(), true).contains(code)) {
            return CellCheck.reject(NOT_INDUSTRIAL, "不是工业行业代码（工业为采矿业、制造业，电力、热力、燃气及水生产和供应业）");
        }
        return CellCheck.ok(code);
    }

    private static Set<String> codes(int digits, boolean industrial) {
        return ReferenceData.get().industryCodes(digits, industrial);
    }

    private static CellCheck creditCode(String s) {
        String code = s.toUpperCase(java.util.Locale.ROOT);
        Optional<String> problem = CreditCode.problem(code);
        if (problem.isEmpty()) {
            return CellCheck.ok(code);
        }
        String rule = problem.get().startsWith("校验位") ? CHECK_DIGIT : FORMAT;
        return CellCheck.reject(rule, "统一社会信用代码无效：" + problem.get());
    }

    private static CellCheck month(String s, String asOfMonth, boolean noJanuary) {
        String m = CellParsers.month(s);
        if (m == null) {
            return CellCheck.reject(FORMAT, "时期无法识别（应为 YYYY-MM，如 2024-06）");
        }
        if (m.compareTo(asOfMonth) > 0) {
            return CellCheck.reject(FUTURE, "时期 " + m + " 在未来（当前为 " + asOfMonth + "）");
        }
        if (noJanuary && m.endsWith("-01")) {
            return CellCheck.reject(NO_JANUARY, "一套表1月不单独报送，1—2月合并报送（报告期应为 " + m.substring(0, 4) + "-02）");
        }
        return CellCheck.ok(m);
    }

    private static CellCheck period(String s, String asOfMonth) {
        String p = CellParsers.period(s);
        if (p == null) {
            return CellCheck.reject(FORMAT, "时期无法识别（应为 YYYY、YYYY-Qn 或 YYYY-MM）");
        }
        String firstMonth = switch (p.length()) {
            case 4 -> p + "-01";
            case 7 -> p.charAt(5) == 'Q' ? p.substring(0, 4) + String.format("-%02d", (p.charAt(6) - '1') * 3 + 1)
                : p.charAt(5) == 'H' ? p.substring(0, 4) + (p.charAt(6) == '1' ? "-01" : "-07") : p;
            default -> p;
        };
        return firstMonth.compareTo(asOfMonth) > 0
            ? CellCheck.reject(FUTURE, "时期 " + p + " 在未来（当前为 " + asOfMonth + "）") : CellCheck.ok(p);
    }

    private static CellCheck year(String s, String asOfMonth) {
        Integer y = CellParsers.year(s);
        if (y == null) {
            return CellCheck.reject(FORMAT, "年份无法识别（应为四位年份，如 2025）");
        }
        // targets are set for the coming year before it starts, so one year ahead is allowed
        int limit = Integer.parseInt(asOfMonth.substring(0, 4)) + 1;
        return y > limit ? CellCheck.reject(FUTURE, "年份 " + y + " 在未来") : CellCheck.ok(Integer.toString(y));
    }

    private static CellCheck number(ColumnSpec spec, Double d) {
        if (d == null) {
            return CellCheck.reject(FORMAT, "不是数字");
        }
        if (spec.min() != null && d < spec.min()) {
            return CellCheck.reject(RANGE, spec.min() == 0.0 ? "不应为负数" : "小于允许的最小值 " + plain(spec.min()));
        }
        if (spec.max() != null && d > spec.max()) {
            return CellCheck.reject(RANGE, "数值过大（超过 " + plain(spec.max()) + "），请核实计量单位");
        }
        return CellCheck.ok(plain(d));
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
