package org.countyscope.publish;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How each numeric column of the published exports (the CSVs and workbooks under {@code tables/}) is printed: the
 * {@link Precision} of its kind of figure, a value column taking the precision of its row's unit ("万元" two decimals,
 * "%" one, "个" none). Exports carry the figures as printed so a sum in Excel of printed county values agrees with
 * the printed total; gold keeps the full precision. A numeric column nobody declared is an error, not a guess.
 */
public final class PublishedColumns {
    /** Columns whose figures are in the row's own unit (the {@code unit} column). */
    private static final Set<String> BY_ROW_UNIT = Set.of("value", "value_cum", "value_month", "value_period",
        "parent_total", "target", "actual");
    /** Columns with a precision of their own; suffix rules below cover the rest. */
    private static final Map<String, Precision> NAMED = Map.ofEntries(
        Map.entry("rank", Precision.COUNT), Map.entry("year", Precision.COUNT),
        Map.entry("per_capita", Precision.YUAN),
        Map.entry("tax_per_100_yuan_va", Precision.OTHER), Map.entry("investment_per_mu", Precision.OTHER),
        Map.entry("tax_per_mu", Precision.OTHER), Map.entry("output_per_mu", Precision.OTHER),
        Map.entry("land_users_mu", Precision.OTHER),
        Map.entry("hhi_tax_type", Precision.INDEX), Map.entry("hhi_industry", Precision.INDEX),
        Map.entry("signed_amount", Precision.TEN_THOUSAND_YUAN),
        Map.entry("funds_in_place", Precision.TEN_THOUSAND_YUAN),
        Map.entry("land_users_tax_12m", Precision.TEN_THOUSAND_YUAN),
        Map.entry("land_users_output_12m", Precision.TEN_THOUSAND_YUAN),
        Map.entry("enterprises", Precision.COUNT), Map.entry("contracts", Precision.COUNT),
        Map.entry("planned_to_start", Precision.COUNT), Map.entry("started", Precision.COUNT),
        Map.entry("planned_to_complete", Precision.COUNT), Map.entry("completed", Precision.COUNT),
        Map.entry("due_capacity_n", Precision.COUNT), Map.entry("reached_capacity_n", Precision.COUNT),
        Map.entry("land_users", Precision.COUNT), Map.entry("contributors", Precision.COUNT),
        Map.entry("months_covered", Precision.COUNT));

    private PublishedColumns() {
    }

    /**
     * The precision of a numeric column.
     *
     * @param column the canonical column name
     * @param unit   the row's unit, for value columns ({@code value}, {@code target} …); may be null elsewhere
     * @throws IllegalArgumentException for a column no rule declares
     */
    public static Precision of(String column, String unit) {
        if (BY_ROW_UNIT.contains(column)) {
            return Precision.ofUnit(unit);
        }
        Precision named = NAMED.get(column);
        if (named != null) {
            return named;
        }
        if (column.endsWith("_pct")) {
            return Precision.PERCENT;
        }
        if (column.endsWith("_pp")) {
            return Precision.POINTS;
        }
        if (column.endsWith("_cum")) {
            // cumulative money of the marts (税收、增加值、产值、营业收入), all in 万元
            return Precision.TEN_THOUSAND_YUAN;
        }
        throw new IllegalArgumentException("no published precision declared for column " + column);
    }

    /**
     * An export row as printed: every number rounded by its column's precision ({@link Precision#exported}), text and
     * nulls (and "…" for withheld figures) as they are.
     *
     * @param columns canonical column names, one per cell
     * @param row     the cells
     */
    public static List<Object> row(List<String> columns, List<?> row) {
        if (columns.size() != row.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + row.size() + " cells");
        }
        int unitAt = columns.indexOf("unit");
        String unit = unitAt < 0 || row.get(unitAt) == null ? null : row.get(unitAt).toString();
        int growthAt = columns.indexOf("yoy_pct");
        List<Object> out = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            if ("vs_parent_pp".equals(columns.get(i)) && growthAt >= 0 && v instanceof Number gap
                && row.get(growthAt) instanceof Number growth && !(v instanceof BigDecimal)) {
                // the gap to the parent as the report states it: the difference of the two growth rates as printed
                double parent = growth.doubleValue() - gap.doubleValue();
                out.add(Precision.GROWTH.round(growth.doubleValue()).subtract(Precision.GROWTH.round(parent)));
            } else if (v instanceof Number n && !(v instanceof BigDecimal)) {
                out.add(of(columns.get(i), unit).exported(n.doubleValue()));
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** Every row of an export as printed ({@link #row}). */
    public static List<List<Object>> rows(List<String> columns, List<? extends List<?>> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (List<?> r : rows) {
            out.add(row(columns, r));
        }
        return out;
    }
}
