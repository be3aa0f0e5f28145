package org.countyscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.countyscope.disclosure.EnterpriseMonths;
import org.countyscope.disclosure.FigureKey;
import org.countyscope.disclosure.ReleasePattern;
import org.countyscope.disclosure.SuppressionResult;
import org.countyscope.disclosure.SuppressionRules;
import org.countyscope.disclosure.TaxCells;
import org.countyscope.gold.Cadence;
import org.countyscope.gold.Indicator;
import org.countyscope.gold.Indicators;
import org.countyscope.gold.IndustryStructure;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.countyscope.dataset.Columns.*;

/**
 * The publication gate of one release (the exports of one {@code compare --period}, all its cadences) for the figures
 * built from 一套表 enterprise reports: it reads {@code gold/disclosure_log} (what the year's earlier releases
 * published and withheld), protects this release's figures together with them as one linked system
 * ({@link ReleasePattern}: counties and the city, county × 大类, 1—N月 and each cadence's own months, each judged by its
 * own contributors from the enterprise months) and replaces this release's rows of the log in one commit, so a re-run
 * of the release is idempotent.
 *
 * <p>{@code gold/disclosure_log}: one row per release × figure; key (release, figure_id).
 */
final class ReleaseGate {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseGate.class);
    static final String LOG_TABLE = "disclosure_log";
    static final String RELEASE = "release";
    static final String FIGURE_ID = "figure_id";
    static final String DIVISION = "division";
    static final String FROM = "period_from";
    static final String TO = "period_to";
    static final String REASON = "reason";
    static final String PUBLISHED_VALUE = "published_value";

    /** 一套表 columns and the indicators they are published as. */
    static final Map<String, Indicator> MEASURES = Map.of(VALUE_ADDED, Indicators.IVA, GROSS_OUTPUT,
        Indicators.GROSS_OUTPUT, REVENUE, Indicators.REVENUE, PROFIT, Indicators.PROFIT);
    /** Measures whose figures may be negative. */
    static final Set<String> SIGNED = Set.of(Indicators.PROFIT.code());

    private ReleaseGate() {
    }

    /** What a release gate decided, with the counts the run reports. */
    record Gated(ReleasePattern.Outcome outcome, Set<String> measures) {
        int withheld() {
            return outcome.withheldCount();
        }

        int primaryOnly() {
            return outcome.primaryOnly();
        }
    }

    /**
     * Protects the release {@code release} (the compared month) and writes its log rows.
     *
     * @param monthly  the 一套表 single periods as the comparison counts them (缺报 completed): one row per enterprise ×
     *                 reported period, the 当月 values (1—2月 at February)
     * @param city     the city's code
     * @param counties the counties of the comparison
     */
    static Gated protect(TableStore store, Dataset<Row> monthly, YearMonth release, List<Cadence> cadences,
                         String city, List<String> counties, SuppressionRules rules) {
        return protect(store, monthly, release, cadences, city, counties, rules, null);
    }

    /**
     * As {@link #protect(TableStore, Dataset, YearMonth, List, String, List, SuppressionRules)}, with the release's tax
     * figures ({@link TaxGate}; null without tax data) logged in the same commit.
     */
    static Gated protect(TableStore store, Dataset<Row> monthly, YearMonth release, List<Cadence> cadences,
                         String city, List<String> counties, SuppressionRules rules, TaxCells.Pattern tax) {
        long t0 = System.nanoTime();
        List<ReleasePattern.Publication> publishes = publications(release, cadences);
        Set<Integer> years = new TreeSet<>();
        publishes.forEach(p -> years.add(p.to().getYear()));
        Map<Integer, EnterpriseMonths> byYear = new LinkedHashMap<>();
        years.forEach(y -> byYear.put(y, new EnterpriseMonths(y, city)));
        List<String> columns = new ArrayList<>(List.of(CREDIT_CODE, REGION_CODE, INDUSTRY_CODE, PERIOD));
        List<String> measureColumns = new ArrayList<>(MEASURES.keySet());
        java.util.Collections.sort(measureColumns);
        columns.addAll(measureColumns);
        Object[] wanted = years.stream().map(String::valueOf).toArray();
        List<Row> rows = monthly.where(org.apache.spark.sql.functions.substring(col(PERIOD), 1, 4).isin(wanted)
                .and(col(PERIOD).leq(release.toString())))
            .select(columns.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
            .collectAsList();
        for (Row r : rows) {
            YearMonth month = YearMonth.parse(r.getString(3).substring(0, 7));
            String industry = r.getString(2);
            String division = industry == null || industry.length() < 2 ? "??" : industry.substring(0, 2);
            for (int i = 0; i < measureColumns.size(); i++) {
                Object v = r.get(4 + i);
                if (v != null) {
                    byYear.get(month.getYear()).add(r.getString(0), r.getString(1), division,
                        MEASURES.get(measureColumns.get(i)).code(), month, ((Number) v).doubleValue());
                }
            }
        }
        List<String> divisions = new ArrayList<>(new TreeSet<>(byYear.values().stream()
            .flatMap(m -> m.divisions().stream()).toList()));
        List<ReleasePattern.LogEntry> earlier = read(store, release, years);
        ReleasePattern.Outcome outcome = ReleasePattern.protect(release.toString(),
            new ReleasePattern.Geography(city, counties, divisions), publishes,
            k -> byYear.containsKey(k.from().getYear()) ? byYear.get(k.from().getYear()).stats(k)
                : ReleasePattern.Stats.EMPTY, earlier, SIGNED, rules);
        outcome.protection().escalations().forEach(e -> LOG.warn("disclosure {}: {}", release, e));
        outcome.protection().exposed().forEach(e -> LOG.error("disclosure {}: no pattern protects {} (interval {})",
            release, e.cell().id(), e.interval()));
        outcome.givenAway().forEach(id -> LOG.error("disclosure {}: {} is sensitive now but an earlier release of the "
            + "year published it", release, id));
        write(store, release.toString(), logRows(outcome), tax);
        LOG.info("disclosure {}: {} figures, {} withheld ({} by the primary rules alone, the least any pattern "
                + "withholds), {} escalations, {} ms", release, outcome.log().size(), outcome.withheldCount(),
            outcome.primaryOnly(), outcome.protection().escalations().size(), (System.nanoTime() - t0) / 1_000_000);
        Set<String> measures = new LinkedHashSet<>();
        MEASURES.values().forEach(m -> measures.add(m.code()));
        return new Gated(outcome, measures);
    }

    /**
     * What a release prints of the 一套表 measures: for each cadence's period end, 1—N月 by county (and by county ×
     * 大类 for the measures of the industry table) and the cadence's own months by county.
     */
    static List<ReleasePattern.Publication> publications(YearMonth release, List<Cadence> cadences) {
        List<ReleasePattern.Publication> out = new ArrayList<>();
        Set<String> byDivision = new LinkedHashSet<>();
        IndustryStructure.MEASURES.forEach(m -> byDivision.add(m.code()));
        List<String> measures = MEASURES.values().stream().map(Indicator::code).sorted().toList();
        for (Cadence c : cadences) {
            YearMonth end = c.periodEnd(release);
            for (String m : measures) {
                out.add(new ReleasePattern.Publication(m, byDivision.contains(m), end.withMonth(1), end));
                out.add(new ReleasePattern.Publication(m, false, ownFrom(c, end), end));
            }
        }
        return out;
    }

    /** The first month of a cadence's own period ending in {@code end} (1—2月 and the first quarter from January). */
    static YearMonth ownFrom(Cadence c, YearMonth end) {
        YearMonth from = c.months(end).get(0);
        if (from.getYear() != end.getYear() || from.getMonthValue() <= 2) {
            return end.withMonth(1);
        }
        return from;
    }

    /** The log of the releases before {@code release} whose figures are of the given years. */
    static List<ReleasePattern.LogEntry> read(TableStore store, YearMonth release, Set<Integer> years) {
        List<ReleasePattern.LogEntry> out = new ArrayList<>();
        if (!store.exists(Layer.GOLD, LOG_TABLE)) {
            return out;
        }
        for (Row r : store.read(Layer.GOLD, LOG_TABLE).where(col(RELEASE).lt(release.toString()))
            .select(RELEASE, FIGURE_ID, STATUS, PUBLISHED_VALUE).collectAsList()) {
            FigureKey k = FigureKey.parse(r.getString(1));
            if (years.contains(k.to().getYear()) && !TaxGate.isTax(k.measure())) {
                out.add(new ReleasePattern.LogEntry(r.getString(0), k, SuppressionResult.Status.valueOf(r.getString(2)),
                    r.isNullAt(3) ? null : r.getDouble(3)));
            }
        }
        return out;
    }

    /** Every logged figure's status, withheld = true: what the report and the forecast export of a period follow. */
    static Map<String, Boolean> statuses(TableStore store) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        if (!store.exists(Layer.GOLD, LOG_TABLE)) {
            return out;
        }
        for (Row r : store.read(Layer.GOLD, LOG_TABLE).select(FIGURE_ID, STATUS).collectAsList()) {
            boolean withheld = !SuppressionResult.Status.PUBLISHED.name().equals(r.getString(1));
            out.merge(r.getString(0), withheld, Boolean::logicalOr);
        }
        return out;
    }

    private static List<Row> logRows(ReleasePattern.Outcome outcome) {
        List<Row> rows = new ArrayList<>();
        for (ReleasePattern.LogEntry e : outcome.log()) {
            FigureKey k = e.key();
            String reason = outcome.protection().result().decision(k.id()).reason().name();
            rows.add(RowFactory.create(e.release(), k.id(), k.region(), k.division(), k.measure(), k.from().toString(),
                k.to().toString(), e.status().name(), reason, e.value()));
        }
        return rows;
    }

    /**
     * The tax figures' log rows: every figure of the pattern, its reason followed by the basis of the frequency rule
     * ({@code FREQUENCY:TAXPAYERS}), which the footnote names.
     */
    static List<Row> taxRows(String release, TaxCells.Pattern tax) {
        List<Row> rows = new ArrayList<>();
        for (SuppressionResult.Decision d : tax.decisions()) {
            FigureKey k = FigureKey.parse(d.cell().id());
            rows.add(RowFactory.create(release, k.id(), k.region(), k.division(), k.measure(), k.from().toString(),
                k.to().toString(), d.status().name(), d.reason().name() + ":" + tax.basis().name(),
                d.suppressed() ? null : d.cell().value()));
        }
        return rows;
    }

    /** Writes a release's log rows (the 一套表 figures' and the tax figures') in one commit. */
    static void write(TableStore store, String release, List<Row> rows, TaxCells.Pattern tax) {
        StructType schema = new StructType().add(RELEASE, "string").add(FIGURE_ID, "string").add(REGION_CODE, "string")
            .add(DIVISION, "string").add(INDICATOR, "string").add(FROM, "string").add(TO, "string")
            .add(STATUS, "string").add(REASON, "string").add(PUBLISHED_VALUE, "double");
        List<Row> all = new ArrayList<>(rows);
        if (tax != null) {
            all.addAll(taxRows(release, tax));
        }
        Dataset<Row> d = store.spark().createDataFrame(all, schema);
        store.replaceWhere(Layer.GOLD, LOG_TABLE, d, RELEASE + " = '" + release + "'");
    }

    /**
     * The basis of the tax figures' frequency rule for figures ending at {@code end}, from the log; null when the log
     * holds no tax figure of it.
     */
    static TaxCells.Basis taxBasis(TableStore store, String end) {
        if (!store.exists(Layer.GOLD, LOG_TABLE)) {
            return null;
        }
        List<Row> r = store.read(Layer.GOLD, LOG_TABLE).where(col(TO).equalTo(end)
            .and(col(INDICATOR).startsWith(TaxCells.MEASURE_PREFIX))).select(REASON).limit(1).collectAsList();
        if (r.isEmpty() || r.get(0).isNullAt(0) || !r.get(0).getString(0).contains(":")) {
            return null;
        }
        return TaxCells.Basis.valueOf(r.get(0).getString(0).substring(r.get(0).getString(0).indexOf(':') + 1));
    }
}
