package org.countyscope.pipeline;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.countyscope.disclosure.Cell;
import org.countyscope.disclosure.Rendering;
import org.countyscope.disclosure.SecondarySuppression;
import org.countyscope.disclosure.SuppressionResult;
import org.countyscope.disclosure.SuppressionRules;
import org.countyscope.disclosure.Table;
import org.countyscope.disclosure.TaxCells;
import org.countyscope.gold.CountyComparison;
import org.countyscope.gold.Indicators;
import org.countyscope.gold.IndustryStructure;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.countyscope.dataset.Columns.*;

/**
 * Disclosure control of the comparison export: for every enterprise-based indicator and period end, the counties' (and
 * 市本级's) 1—N月 values with the city total form one table; the same figure in every cadence's rows has one id, so
 * the pattern holds jointly. A suppressed figure is exported as "…" together with everything derived from it (share,
 * rank, growth, 贡献率, 拉动, per capita) and its period value. The warehouse keeps the true values.
 */
final class ComparisonDisclosure {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ComparisonDisclosure.class);
    /** Indicators whose values come from enterprise reports (respondents whose figures 统计法 protects). */
    static final Set<String> SENSITIVE = Set.of(Indicators.IVA.code(), Indicators.IVA_REAL.code(),
        Indicators.GROSS_OUTPUT.code(), Indicators.REVENUE.code(), Indicators.PROFIT.code(), Indicators.FAI.code(),
        Indicators.FAI_INDUSTRY.code());
    /** Columns blanked with a suppressed value: each would give the value back. */
    static final Set<String> DERIVED = Set.of(VALUE, VALUE_PERIOD, SHARE_PCT, RANK, YOY_PCT, VS_PARENT_PP,
        CONTRIBUTION_PCT, PULL_PP, TWO_YEAR_AVG_PCT, PER_CAPITA);

    private final SuppressionResult result;
    /**
     * The release pattern of the 一套表 measures (figure id → withheld), from {@link ReleaseGate} or
     * {@code gold/disclosure_log}; empty when the comparison has no 一套表 data.
     */
    private final Map<String, Boolean> release;
    /** Regions the release pattern speaks of. */
    private final Set<String> releaseRegions;
    /** The tax figures' pattern (figure id → withheld, {@link TaxCells}); empty without tax data. */
    private final Map<String, Boolean> tax;
    /** What the tax figures' frequency rule counted, for the footnote; null without tax data. */
    private final TaxCells.Basis taxBasis;

    private ComparisonDisclosure(SuppressionResult result) {
        this(result, Map.of());
    }

    private ComparisonDisclosure(SuppressionResult result, Map<String, Boolean> release) {
        this(result, release, Map.of(), null);
    }

    private ComparisonDisclosure(SuppressionResult result, Map<String, Boolean> release, Map<String, Boolean> tax,
                                 TaxCells.Basis taxBasis) {
        this.result = result;
        Map<String, Boolean> own = new LinkedHashMap<>();
        Map<String, Boolean> taxes = new LinkedHashMap<>(tax);
        release.forEach((id, w) -> {
            if (TaxGate.isTax(org.countyscope.disclosure.FigureKey.parse(id).measure())) {
                taxes.put(id, w);
            } else {
                own.put(id, w);
            }
        });
        this.release = Map.copyOf(own);
        this.tax = Map.copyOf(taxes);
        this.taxBasis = taxBasis;
        Set<String> regions = new java.util.HashSet<>();
        own.keySet().forEach(id -> regions.add(org.countyscope.disclosure.FigureKey.parse(id).region()));
        this.releaseRegions = Set.copyOf(regions);
    }

    /** The same disclosure with the release's tax figures protected by {@code pattern} (null: no tax data). */
    ComparisonDisclosure withTax(TaxCells.Pattern pattern) {
        if (pattern == null) {
            return this;
        }
        Map<String, Boolean> statuses = new LinkedHashMap<>();
        pattern.decisions().forEach(d -> statuses.put(d.cell().id(), d.suppressed()));
        return new ComparisonDisclosure(result, release, statuses, pattern.basis());
    }

    /** The footnote of a withheld tax figure: the rule and what it counted. */
    String taxFootnote() {
        return TaxGate.footnote(taxBasis == null ? TaxCells.Basis.TAXPAYERS : taxBasis);
    }

    /**
     * Whether the release withholds a tax figure of a region from {@code from} to {@code end} (from null: 1—N月); null
     * when the indicator is no tax figure or the pattern does not know it. tax_total is the region's total,
     * tax_industry its industrial sections, {@code tax.<税种>} its tax type.
     */
    Boolean taxWithheld(String region, String indicator, String from, String end) {
        if (tax.isEmpty() || indicator == null) {
            return null;
        }
        String dimension;
        String item;
        if (indicator.equals(Indicators.TAX_TOTAL.code())) {
            dimension = TaxCells.TOTAL;
            item = TaxCells.ALL;
        } else if (indicator.equals(Indicators.TAX_INDUSTRY.code())) {
            dimension = TaxCells.BY_SECTION;
            item = TaxCells.INDUSTRY;
        } else if (indicator.startsWith("tax.")) {
            dimension = TaxCells.BY_TYPE;
            item = indicator.substring(4);
        } else {
            return null;
        }
        return taxFigure(region, dimension, item, from, end);
    }

    /** Whether the release withholds a region's tax figure of a dimension and item; null when unknown. */
    Boolean taxFigure(String region, String dimension, String item, String from, String end) {
        if (tax.isEmpty() || region == null || item == null || end == null) {
            return null;
        }
        java.time.YearMonth to = java.time.YearMonth.parse(end);
        java.time.YearMonth start = from == null ? to.withMonth(1) : java.time.YearMonth.parse(from);
        return tax.get(TaxCells.key(region, dimension, item, new TaxCells.Span(start, to)).id());
    }

    /**
     * The comparison of a release: the 一套表 measures (value added at current and comparable prices, output,
     * revenue, profit; county × 大类 too) follow the release's pattern, consistent with the year's earlier releases;
     * the others (investment) are protected per period end as before.
     */
    static ComparisonDisclosure of(ReleaseGate.Gated gated, List<Row> comparison, SuppressionRules rules) {
        Map<String, Boolean> statuses = new LinkedHashMap<>();
        gated.outcome().log().forEach(e -> statuses.put(e.key().id(), e.withheld()));
        List<Row> others = comparison.stream().filter(r -> !inRelease(r.getAs(INDICATOR))).toList();
        return new ComparisonDisclosure(protect(others, List.of(), rules).result, statuses);
    }

    /** Whether an indicator follows the release pattern of the 一套表 measures. */
    private static boolean inRelease(String indicator) {
        return Indicators.IVA_REAL.code().equals(indicator) || ReleaseGate.MEASURES.values().stream()
            .anyMatch(m -> m.code().equals(indicator));
    }

    /**
     * Whether the release pattern withholds a figure; a figure of a region it knows but not logged counts as withheld
     * (nothing is printed that the gate did not pass), value added at comparable prices follows current prices.
     */
    private Boolean releaseWithheld(String region, String division, String indicator, String from, String end) {
        if (release.isEmpty() || !inRelease(indicator) || !releaseRegions.contains(region)) {
            return null;
        }
        String code = Indicators.IVA_REAL.code().equals(indicator) ? Indicators.IVA.code() : indicator;
        java.time.YearMonth to = java.time.YearMonth.parse(end);
        java.time.YearMonth start = from == null ? to.withMonth(1) : java.time.YearMonth.parse(from);
        String id = new org.countyscope.disclosure.FigureKey(region, division, code, start, to).id();
        return release.getOrDefault(id, true);
    }

    /** Whether the cadence's own period value of this comparison row (本期值) is withheld. */
    boolean periodSuppressed(Row r) {
        String end = r.getAs(PERIOD);
        org.countyscope.gold.Cadence c = org.countyscope.gold.Cadence.parse(r.getAs(CADENCE));
        Boolean t = taxWithheld(r.getAs(REGION_CODE), r.getAs(INDICATOR),
            ReleaseGate.ownFrom(c, java.time.YearMonth.parse(end)).toString(), end);
        if (t != null) {
            return t || suppressed(r);
        }
        Boolean w = releaseWithheld(r.getAs(REGION_CODE), org.countyscope.disclosure.FigureKey.ALL, r.getAs(INDICATOR),
            ReleaseGate.ownFrom(c, java.time.YearMonth.parse(end)).toString(), end);
        return w != null ? w : suppressed(r);
    }

    /**
     * An export row as published: a withheld 1—N月 value shows "…" with everything derived from it; the cadence's own
     * period value (本期值) follows its own figure in the release pattern.
     */
    List<Object> published(Row r, List<Object> exportRow, List<String> columns) {
        exportRow = withParentWithheld(r, exportRow, columns);
        boolean cum = suppressed(r);
        boolean period = periodSuppressed(r);
        if (!cum && !period) {
            return exportRow;
        }
        List<Object> out = cum ? render(exportRow, columns) : new ArrayList<>(exportRow);
        int p = columns.indexOf(VALUE_PERIOD);
        if (p >= 0) {
            out.set(p, period && exportRow.get(p) != null ? Rendering.SUPPRESSED : exportRow.get(p));
        }
        if (!cum) {
            out.set(columns.indexOf(NOTE), Rendering.FOOTNOTE);
        }
        if (taxWithheld(r.getAs(REGION_CODE), r.getAs(INDICATOR), null, r.getAs(PERIOD)) != null) {
            out.set(columns.indexOf(NOTE), taxFootnote());
        }
        return out;
    }

    /**
     * A tax row whose parent's figure (the city's tax of that type) is withheld: the parent total printed on the row
     * and what gives it back (share, the difference of growth, 贡献率, 拉动) show "…".
     */
    private List<Object> withParentWithheld(Row r, List<Object> row, List<String> columns) {
        String parent = r.getAs(PARENT_CODE);
        if (parent == null || !Boolean.TRUE.equals(taxWithheld(parent, r.getAs(INDICATOR), null, r.getAs(PERIOD)))) {
            return row;
        }
        List<Object> out = new ArrayList<>(row);
        for (String c : List.of(PARENT_TOTAL, SHARE_PCT, VS_PARENT_PP, CONTRIBUTION_PCT, PULL_PP)) {
            int i = columns.indexOf(c);
            if (i >= 0 && out.get(i) != null) {
                out.set(i, Rendering.SUPPRESSED);
            }
        }
        int note = columns.indexOf(NOTE);
        if (note >= 0) {
            out.set(note, taxFootnote());
        }
        return out;
    }

    /** A period end's comparison and industry rows from gold and their pattern, as every export of it is protected. */
    record AtPeriod(List<Row> comparison, List<Row> industry, ComparisonDisclosure disclosure) {
    }

    /**
     * Reads {@code gold/comparison} and {@code gold/industry_structure} at a period end (every cadence ending there)
     * and protects them together: what the report and the forecast export publish of that period.
     */
    static AtPeriod at(TableStore store, String end) {
        List<Row> comparison = store.exists(Layer.GOLD, CompareJob.COMPARISON)
            ? store.read(Layer.GOLD, CompareJob.COMPARISON).where(col(PERIOD).equalTo(end)).collectAsList() : List.of();
        List<Row> industry = List.of();
        if (store.exists(Layer.GOLD, CompareJob.INDUSTRY)) {
            Dataset<Row> d = store.read(Layer.GOLD, CompareJob.INDUSTRY).where(col(PERIOD).equalTo(end));
            industry = d.orderBy(Arrays.stream(d.columns()).map(functions::col).toArray(Column[]::new)).collectAsList();
        }
        Map<String, Boolean> logged = ReleaseGate.statuses(store);
        if (!logged.isEmpty()) {
            // the releases' own pattern, as compare printed it: a second pattern beside it would give figures away
            List<Row> others = comparison.stream().filter(r -> !inRelease(r.getAs(INDICATOR))).toList();
            return new AtPeriod(comparison, industry, new ComparisonDisclosure(
                protect(others, List.of(), SuppressionRules.defaults()).result, logged, Map.of(),
                ReleaseGate.taxBasis(store, end)));
        }
        return new AtPeriod(comparison, industry, protect(comparison, industry, SuppressionRules.defaults()));
    }

    /** Builds the linked tables from comparison rows (with contributor counts) and protects them. */
    static ComparisonDisclosure protect(List<Row> comparison, SuppressionRules rules) {
        return protect(comparison, List.of(), rules);
    }

    /**
     * Protects the comparison together with the county × 大类 tables of {@code gold/industry_structure}: a county's
     * row total there is its comparison figure, the city's 大类 totals are published too, so one pattern must hold
     * for both (otherwise a county figure hidden in one export would be the sum of cells shown in the other).
     */
    static ComparisonDisclosure protect(List<Row> comparison, List<Row> industry, SuppressionRules rules) {
        // one canonical order: the solver breaks ties by position, and every export and the report of a period must
        // get the same pattern however their rows arrived (two patterns side by side give figures away)
        comparison = sorted(comparison, REGION_CODE, PERIOD, INDICATOR, CADENCE);
        industry = sorted(industry, PERIOD, REGION_CODE, IndustryStructure.DIVISION);
        List<Table> tables = new ArrayList<>(industryTables(industry));
        Map<String, List<Cell>> byTable = new LinkedHashMap<>();
        Map<String, Boolean> signed = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Row r : comparison) {
            String indicator = r.getAs(INDICATOR);
            String level = r.getAs(REGION_LEVEL);
            if (!SENSITIVE.contains(indicator) || CountyComparison.LEVEL_CITY.equals(level)) {
                continue;
            }
            String column = column(r);
            String region = r.getAs(REGION_CODE);
            if (!seen.add(region + Cell.ID_SEPARATOR + column)) {
                continue; // the same figure in another cadence's rows
            }
            Double value = r.getAs(VALUE_CUM);
            Long n = r.getAs(CONTRIBUTORS);
            Double largest = r.getAs(MAX_CONTRIBUTOR);
            double v = value == null ? 0 : value;
            int count = n == null ? 0 : n.intValue();
            Cell cell = count == 0 && v == 0 ? Cell.empty(region, column)
                : Cell.of(region, column, v, Math.max(count, 1), v >= 0
                    ? Math.min(largest == null ? v : largest, v) : (largest == null ? 0 : largest));
            byTable.computeIfAbsent(column, k -> new ArrayList<>()).add(cell);
            signed.merge(column, v < 0 || Indicators.PROFIT.code().equals(indicator), Boolean::logicalOr);
        }
        for (Map.Entry<String, List<Cell>> t : byTable.entrySet()) {
            String city = cityOf(comparison, t.getValue().get(0).row());
            tables.add(Table.summed(t.getKey(), t.getValue(), Table.TOTAL, city,
                EnumSet.of(Table.Marginal.COLUMN_TOTALS), signed.get(t.getKey())));
        }
        if (tables.isEmpty()) {
            return new ComparisonDisclosure(new SuppressionResult(List.of()));
        }
        SecondarySuppression.Protection p = SecondarySuppression.protect(tables,
            org.countyscope.disclosure.PrimarySuppression.apply(tables, rules), rules, Set.of(), Set.of());
        // the gate never stops a release: what it had to withhold beyond the cheapest pattern, and anything no pattern
        // protects, is said here and in the run's log
        p.escalations().forEach(e -> LOG.warn("disclosure: {}", e));
        p.exposed().forEach(e -> LOG.error("disclosure: no pattern protects {} (interval {}); it is withheld, and so is "
            + "everything around it that may be", e.cell().id(), e.interval()));
        return new ComparisonDisclosure(p.result());
    }

    /**
     * Ranks among the published: a withheld county has no rank, and the published counties of the same cadence,
     * indicator and parent are numbered among themselves in the comparison's order (ties keep sharing a place), so
     * no rank tells where a withheld county sits. Keyed {@code cadence|indicator|region}; rows of a group without a
     * withheld county keep their rank and are not in the map.
     */
    Map<String, Integer> ranksAmongPublished(List<Row> comparison) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : comparison) {
            if (r.getAs(RANK) == null || CountyComparison.LEVEL_CITY.equals(r.getAs(REGION_LEVEL))) {
                continue;
            }
            groups.computeIfAbsent(r.getAs(CADENCE) + "|" + r.getAs(INDICATOR) + "|" + r.getAs(PARENT_CODE) + "|"
                + r.getAs(REGION_LEVEL), k -> new ArrayList<>()).add(r);
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (List<Row> g : groups.values()) {
            if (g.stream().noneMatch(this::suppressed)) {
                continue;
            }
            List<Row> published = g.stream().filter(r -> !suppressed(r)).toList();
            for (Row r : published) {
                long place = ((Number) r.getAs(RANK)).longValue();
                int better = (int) published.stream().filter(o -> ((Number) o.getAs(RANK)).longValue() < place).count();
                out.put(r.getAs(CADENCE) + "|" + r.getAs(INDICATOR) + "|" + r.getAs(REGION_CODE), better + 1);
            }
        }
        return out;
    }

    /** The footnote of a table whose ranks are among the published counties. */
    static final String RANK_NOTE = "位次为公布数据的县（市、区）之间的排序，不含不予公布的县（市、区）。";

    /**
     * Rows of a mart as published, the one way mart rows leave the warehouse (CSV, workbook, report): every figure
     * computed from a withheld figure shows "…".
     */
    List<Map<String, Object>> publish(String table, List<Map<String, Object>> rows) {
        if (table.equals(CompareJob.INDUSTRY)) {
            return rows.stream().map(this::publishIndustry).toList();
        }
        if (table.equals(CompareJob.FISCAL)) {
            return rows.stream().map(this::publishFiscal).toList();
        }
        if (table.equals(CompareJob.TAX_STRUCTURE)) {
            return rows.stream().map(this::publishTaxStructure).toList();
        }
        if (table.equals(CompareJob.TARGETS)) {
            return publishTargets(rows);
        }
        if (table.equals(CompareJob.PROJECTS)) {
            return publishProjects(rows);
        }
        return rows;
    }

    /** project_progress columns that are the land users' own tax and output (亩均 included). */
    static final List<String> PROJECT_FIGURES = List.of(org.countyscope.gold.ProjectProgress.TAX_12M,
        org.countyscope.gold.ProjectProgress.OUTPUT_12M, org.countyscope.gold.ProjectProgress.TAX_PER_MU,
        org.countyscope.gold.ProjectProgress.OUTPUT_PER_MU);

    /**
     * project_progress as published: the 12 months' tax and output of the industrial land users, and 亩均税收 / 亩均产值
     * computed from them, are one or two projects' figures where a county has fewer than three land users, and are
     * withheld there, with their land (亩均's divisor). The city row is the sum of its counties, so the city less the
     * published counties is the withheld counties' sum: every withheld county must hide behind at least three land
     * users of the other withheld counties (else that sum, less one small county's own users, gives the other back):
     * the county with the fewest land users among the published joins them until it does, or the city row is
     * withheld.
     * The frequency rule only: the rows carry no per-project values for the dominance rule.
     */
    List<Map<String, Object>> publishProjects(List<Map<String, Object>> rows) {
        String n = org.countyscope.gold.ProjectProgress.LAND_USERS_N;
        Map<String, List<Map<String, Object>>> byPeriod = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> o = new LinkedHashMap<>(row);
            out.add(o);
            byPeriod.computeIfAbsent(row.get(PERIOD) + "|" + row.get(PARENT_CODE) + "|" + row.get(REGION_LEVEL),
                k -> new ArrayList<>()).add(o);
        }
        for (Map<String, Object> o : out) {
            if (!CountyComparison.LEVEL_CITY.equals(o.get(REGION_LEVEL))) {
                continue;
            }
            List<Map<String, Object>> counties = byPeriod.getOrDefault(o.get(PERIOD) + "|" + o.get(REGION_CODE) + "|"
                + CountyComparison.LEVEL_COUNTY, List.of());
            List<Map<String, Object>> withheld = new ArrayList<>(counties.stream()
                .filter(c -> landUsers(c, n) > 0 && landUsers(c, n) < 3).toList());
            List<Map<String, Object>> partners = new ArrayList<>(counties.stream()
                .filter(c -> landUsers(c, n) >= 3).sorted(java.util.Comparator.comparingLong(c -> landUsers(c, n)))
                .toList());
            // the city row less the published counties is the withheld counties' sum: each withheld county must hide
            // behind at least three other land users, so that neither a small county's own users nor anyone else can
            // take it apart
            while (!withheld.isEmpty() && !hidden(withheld, n) && !partners.isEmpty()) {
                withheld.add(partners.remove(0));
            }
            for (Map<String, Object> c : withheld) {
                PROJECT_FIGURES.forEach(col -> c.put(col, c.get(col) == null ? null : Rendering.SUPPRESSED));
                if (landUsers(c, n) < 3 && c.get(org.countyscope.gold.ProjectProgress.LAND_USERS_MU) != null) {
                    // one or two land users' land: a project's own figure, and the divisor of its 亩均
                    c.put(org.countyscope.gold.ProjectProgress.LAND_USERS_MU, Rendering.SUPPRESSED);
                }
            }
            long cityUsers = landUsers(o, n);
            if (cityUsers > 0 && cityUsers < 3 || !withheld.isEmpty() && !hidden(withheld, n)) {
                PROJECT_FIGURES.forEach(col -> o.put(col, o.get(col) == null ? null : Rendering.SUPPRESSED));
                if (cityUsers > 0 && cityUsers < 3) {
                    o.put(org.countyscope.gold.ProjectProgress.LAND_USERS_MU, Rendering.SUPPRESSED);
                }
            }
        }
        return out;
    }

    /**
     * Whether every county of a withheld group hides behind at least three land users of the others: the group's sum
     * (the city less the published counties) then gives no county's figure back, even to a county's own users.
     */
    private static boolean hidden(List<Map<String, Object>> withheld, String column) {
        long together = withheld.stream().mapToLong(c -> landUsers(c, column)).sum();
        return withheld.stream().allMatch(c -> together - landUsers(c, column) >= 3);
    }

    private static long landUsers(Map<String, Object> row, String column) {
        return row.get(column) instanceof Number v ? v.longValue() : 0;
    }

    /** Columns of a target row that give its actual back: the actual, completion, gap, status and rank. */
    static final List<String> TARGET_DERIVED = List.of(org.countyscope.gold.TargetProgress.ACTUAL,
        org.countyscope.gold.TargetProgress.COMPLETION_PCT, org.countyscope.gold.TargetProgress.AHEAD_PP,
        org.countyscope.gold.TargetProgress.GAP_PP, org.countyscope.gold.TargetProgress.STATUS, RANK);

    /**
     * target_progress as published: a county's row whose actual is a withheld figure (规上工业增加值增速 from a withheld
     * 增加值, 工业投资 of a withheld county) shows "…" for the actual and everything computed from it, and the other
     * counties of that indicator are ranked among themselves.
     */
    List<Map<String, Object>> publishTargets(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> withheldGroups = new java.util.HashSet<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> o = new LinkedHashMap<>(row);
            if (targetWithheld(row)) {
                TARGET_DERIVED.forEach(c -> o.put(c, row.get(c) == null ? null : Rendering.SUPPRESSED));
                o.put(RANK, Rendering.SUPPRESSED);
                withheldGroups.add(row.get(UNIT_TYPE) + "|" + row.get(INDICATOR) + "|" + row.get(PERIOD));
            }
            out.add(o);
        }
        for (Map<String, Object> o : out) {
            String group = o.get(UNIT_TYPE) + "|" + o.get(INDICATOR) + "|" + o.get(PERIOD);
            if (!withheldGroups.contains(group) || !(o.get(RANK) instanceof Number place)) {
                continue;
            }
            long better = out.stream().filter(x -> group.equals(x.get(UNIT_TYPE) + "|" + x.get(INDICATOR) + "|"
                + x.get(PERIOD)) && x.get(RANK) instanceof Number n && n.longValue() < place.longValue()).count();
            o.put(RANK, (int) better + 1);
        }
        return out;
    }

    private boolean targetWithheld(Map<String, Object> row) {
        String indicator = (String) row.get(INDICATOR);
        String code = org.countyscope.gold.TargetProgress.GROWTH.getOrDefault(indicator,
            org.countyscope.gold.TargetProgress.LEVEL.get(indicator));
        Object unit = row.get(UNIT_CODE);
        Object end = row.get(PERIOD);
        if (code == null || !(unit instanceof String u) || !(end instanceof String e)) {
            return false;
        }
        // 规上工业增加值增速 is computed from comparable-price value added, which follows current-price value added
        return suppressed(u, e, code) || code.equals(Indicators.IVA_REAL.code()) && suppressed(u, e, Indicators.IVA.code());
    }

    private static List<Row> sorted(List<Row> rows, String... keys) {
        Comparator<Row> order = null;
        for (String k : keys) {
            Comparator<Row> byKey = Comparator.comparing((Row r) -> String.valueOf(r.<Object>getAs(k)));
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        List<Row> out = new ArrayList<>(rows);
        out.sort(order);
        return out;
    }

    /** One table per period end × measure: counties by 大类, county totals, city totals by 大类 and the city total. */
    private static List<Table> industryTables(List<Row> industry) {
        Map<String, List<Cell>> cells = new LinkedHashMap<>();
        Map<String, String> cityOf = new LinkedHashMap<>();
        Map<String, Boolean> signed = new LinkedHashMap<>();
        for (Row r : industry) {
            if (!CountyComparison.LEVEL_COUNTY.equals(r.getAs(REGION_LEVEL))) {
                continue;
            }
            String region = r.getAs(REGION_CODE);
            for (org.countyscope.gold.Indicator m : IndustryStructure.MEASURES) {
                String total = column(r.getAs(PERIOD), m.code());
                Double value = r.getAs(IndustryStructure.valueColumn(m));
                Long n = r.getAs(IndustryStructure.contributorsColumn(m));
                Double largest = r.getAs(IndustryStructure.largestColumn(m));
                double v = value == null ? 0 : value;
                int count = n == null ? 0 : n.intValue();
                String col = divisionColumn(r.getAs(IndustryStructure.DIVISION), r.getAs(PERIOD), m.code());
                Cell cell = count == 0 && v == 0 ? Cell.empty(region, col)
                    : Cell.of(region, col, v, Math.max(count, 1), v >= 0
                        ? Math.min(largest == null ? v : largest, v) : (largest == null ? 0 : largest));
                cells.computeIfAbsent(total, k -> new ArrayList<>()).add(cell);
                cityOf.putIfAbsent(total, r.getAs(PARENT_CODE));
                signed.merge(total, v < 0, Boolean::logicalOr);
            }
        }
        List<Table> tables = new ArrayList<>();
        cells.forEach((total, list) -> tables.add(Table.summed("industry" + Cell.ID_SEPARATOR + total, list, total,
            cityOf.get(total), EnumSet.allOf(Table.Marginal.class), signed.get(total))));
        return tables;
    }

    /** Whether an industry_structure row's figure of a measure (a county's or the city's 大类) is withheld. */
    boolean suppressedDivision(String region, String division, String end, String indicator) {
        Boolean w = releaseWithheld(region, division, indicator, null, end);
        if (w != null) {
            return w;
        }
        return result.suppressedIds().contains(region + Cell.ID_SEPARATOR + divisionColumn(division, end, indicator));
    }

    private static String divisionColumn(String division, String end, String indicator) {
        return "div" + division + Cell.ID_SEPARATOR + column(end, indicator);
    }

    private static String column(String end, String indicator) {
        return "cum" + Cell.ID_SEPARATOR + end + Cell.ID_SEPARATOR + indicator;
    }

    /**
     * An industry_structure row as published, by column name: a withheld value shows "…", and so do the shares that
     * would give a withheld figure back (the cell's own, the shares of a county whose total is withheld, the shares
     * of a 大类 whose city total is withheld).
     */
    Map<String, Object> publishIndustry(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        String region = (String) row.get(REGION_CODE);
        String city = CountyComparison.LEVEL_CITY.equals(row.get(REGION_LEVEL)) ? region : (String) row.get(PARENT_CODE);
        String division = (String) row.get(IndustryStructure.DIVISION);
        String end = (String) row.get(PERIOD);
        String iva = Indicators.IVA.code();
        for (org.countyscope.gold.Indicator m : IndustryStructure.MEASURES) {
            if (suppressedDivision(region, division, end, m.code())) {
                out.put(IndustryStructure.valueColumn(m), Rendering.SUPPRESSED);
            }
        }
        boolean cellHidden = suppressedDivision(region, division, end, iva);
        if (cellHidden || suppressed(region, end, iva)) {
            out.put(IndustryStructure.SHARE_OF_REGION_PCT, Rendering.SUPPRESSED);
        }
        if (cellHidden || suppressedDivision(city, division, end, iva)) {
            out.put(IndustryStructure.SHARE_OF_CITY_PCT, Rendering.SUPPRESSED);
        }
        return out;
    }

    /**
     * A fiscal_contribution row as published: value added, and tax per 百元 of it, follow the region's 增加值; the tax
     * figures follow the tax pattern — the total, 工业税收 with its local part and shares (and tax per 百元), the largest
     * tax type's share its type's figure, the largest industry's share its 大类's figure, and each HHI every figure of
     * its breakdown. A row with a withheld tax figure carries the tax footnote in {@code note}.
     */
    Map<String, Object> publishFiscal(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        String region = (String) row.get(REGION_CODE);
        String end = (String) row.get(PERIOD);
        if (suppressed(region, end, Indicators.IVA.code())) {
            out.put(org.countyscope.gold.FiscalContribution.IVA_CUM, Rendering.SUPPRESSED);
            out.put(org.countyscope.gold.FiscalContribution.TAX_INTENSITY, Rendering.SUPPRESSED);
        }
        if (tax.isEmpty()) {
            return out;
        }
        boolean any = false;
        if (Boolean.TRUE.equals(taxFigure(region, TaxCells.TOTAL, TaxCells.ALL, null, end))) {
            any |= hide(out, org.countyscope.gold.FiscalContribution.TAX_TOTAL_CUM,
                org.countyscope.gold.FiscalContribution.INDUSTRY_SHARE_OF_TAX_PCT);
        }
        if (Boolean.TRUE.equals(taxFigure(region, TaxCells.BY_SECTION, TaxCells.INDUSTRY, null, end))) {
            any |= hide(out, org.countyscope.gold.FiscalContribution.TAX_INDUSTRY_CUM,
                org.countyscope.gold.FiscalContribution.INDUSTRY_LOCAL_TAX_CUM,
                org.countyscope.gold.FiscalContribution.INDUSTRY_SHARE_OF_TAX_PCT,
                org.countyscope.gold.FiscalContribution.INDUSTRY_SHARE_OF_BUDGET_PCT,
                org.countyscope.gold.FiscalContribution.TAX_INTENSITY);
        }
        Object topType = row.get(org.countyscope.gold.FiscalContribution.TOP_TYPE);
        if (topType instanceof String t && !Boolean.FALSE.equals(taxFigure(region, TaxCells.BY_TYPE, t, null, end))) {
            any |= hide(out, org.countyscope.gold.FiscalContribution.TOP_TYPE_SHARE);
        }
        if (anyWithheld(region, TaxCells.BY_TYPE, end)) {
            any |= hide(out, org.countyscope.gold.FiscalContribution.HHI_TYPE);
        }
        Object topIndustry = row.get(org.countyscope.gold.FiscalContribution.TOP_INDUSTRY);
        if (topIndustry instanceof String d
            && !Boolean.FALSE.equals(taxFigure(region, TaxCells.BY_DIVISION, d, null, end))) {
            any |= hide(out, org.countyscope.gold.FiscalContribution.TOP_INDUSTRY_SHARE);
        }
        if (anyWithheld(region, TaxCells.BY_SECTION, end) || anyWithheld(region, TaxCells.BY_DIVISION, end)) {
            any |= hide(out, org.countyscope.gold.FiscalContribution.HHI_INDUSTRY);
        }
        out.put(NOTE, any ? taxFootnote() : null);
        return out;
    }

    /**
     * A tax_structure row as published: a withheld county × 税种 or county × 门类 figure (or the city's) shows "…" with
     * its share, and the row's {@code note} says which rule withheld it and what it counted.
     */
    Map<String, Object> publishTaxStructure(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>(row);
        if (tax.isEmpty()) {
            return out;
        }
        Boolean w = taxFigure((String) row.get(REGION_CODE), (String) row.get(org.countyscope.gold.TaxStructure.DIMENSION),
            (String) row.get(org.countyscope.gold.TaxStructure.ITEM), null, (String) row.get(PERIOD));
        boolean any = false;
        if (Boolean.TRUE.equals(w)) {
            any = hide(out, org.countyscope.gold.TaxStructure.TAX_CUM, org.countyscope.gold.TaxStructure.SHARE_OF_REGION_PCT);
        }
        out.put(NOTE, any ? taxFootnote() : null);
        return out;
    }

    /** Whether any tax figure of a region's breakdown at 1—N月 of {@code end} is withheld. */
    private boolean anyWithheld(String region, String dimension, String end) {
        java.time.YearMonth to = java.time.YearMonth.parse(end);
        String tail = TaxCells.MEASURE_PREFIX + dimension + Cell.ID_SEPARATOR + to.withMonth(1) + ".." + to;
        String head = region + Cell.ID_SEPARATOR;
        return tax.entrySet().stream().anyMatch(e -> e.getValue() && e.getKey().startsWith(head)
            && e.getKey().endsWith(Cell.ID_SEPARATOR + tail));
    }

    /** Replaces the non-null columns with "…"; whether any was. */
    private static boolean hide(Map<String, Object> row, String... columns) {
        boolean any = false;
        for (String c : columns) {
            if (row.get(c) != null) {
                row.put(c, Rendering.SUPPRESSED);
                any = true;
            }
        }
        return any;
    }

    /** A row as a map of column name to value, in the row's column order. */
    static Map<String, Object> asMap(Row r) {
        Map<String, Object> out = new LinkedHashMap<>();
        String[] names = r.schema().fieldNames();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], r.get(i));
        }
        return out;
    }

    /** Whether the 1—N月 value of this row is withheld. */
    boolean suppressed(Row r) {
        return suppressed(r.getAs(REGION_CODE), r.getAs(PERIOD), r.getAs(INDICATOR));
    }

    /** Whether a region's 1—N月 value of an indicator at a period end is withheld. */
    boolean suppressed(String region, String end, String indicator) {
        Boolean t = taxWithheld(region, indicator, null, end);
        if (t != null) {
            return t;
        }
        if (!SENSITIVE.contains(indicator)) {
            return false;
        }
        Boolean w = releaseWithheld(region, org.countyscope.disclosure.FigureKey.ALL, indicator, null, end);
        if (w != null) {
            return w;
        }
        String id = region + Cell.ID_SEPARATOR + "cum" + Cell.ID_SEPARATOR + end + Cell.ID_SEPARATOR + indicator;
        return result.suppressedIds().contains(id);
    }

    /** Withheld figures of the whole pattern (for the footnote and tests). */
    Set<String> suppressedIds() {
        Set<String> out = new java.util.LinkedHashSet<>(result.suppressedIds());
        release.forEach((id, withheld) -> {
            if (withheld) {
                out.add(id);
            }
        });
        return out;
    }

    /** An export row with the withheld figures replaced by "…" and the footnote in its note. */
    static List<Object> render(List<Object> exportRow, List<String> columns) {
        List<Object> out = new ArrayList<>(exportRow);
        for (int i = 0; i < columns.size(); i++) {
            if (DERIVED.contains(columns.get(i)) && out.get(i) != null) {
                out.set(i, Rendering.SUPPRESSED);
            }
        }
        int note = columns.indexOf(NOTE);
        out.set(note, Rendering.FOOTNOTE);
        return out;
    }

    private static String column(Row r) {
        return column(r.<String>getAs(PERIOD), r.<String>getAs(INDICATOR));
    }

    private static String cityOf(List<Row> rows, String region) {
        for (Row r : rows) {
            if (region.equals(r.getAs(REGION_CODE))) {
                return r.getAs(PARENT_CODE);
            }
        }
        throw new IllegalStateException("no parent for " + region);
    }
}
