package org.countyscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.countyscope.dataset.Datasets;
import org.countyscope.disclosure.Cell;
import org.countyscope.disclosure.TaxCells;
import org.countyscope.disclosure.SuppressionRules;
import org.countyscope.gold.Cadence;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.reference.ReferenceData;
import org.countyscope.silver.SinglePeriods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.apache.spark.sql.functions.col;
import static org.countyscope.dataset.Columns.*;

/**
 * The publication gate of a release's tax figures ({@link TaxCells}): reads the tax file's rows of the release's months
 * from {@code silver/tax} (with 纳税户数 when the files carry it) and the 规上 enterprises' revenue from the 一套表, and
 * protects every span the release prints (1—N月 and each cadence's own months) by county and the city. The decisions
 * go into {@code gold/disclosure_log} with the release's 一套表 figures ({@link ReleaseGate}).
 */
final class TaxGate {
    private static final Logger LOG = LoggerFactory.getLogger(TaxGate.class);

    private TaxGate() {
    }

    /** The tax pattern of a release, or null when silver holds no tax data. */
    static TaxCells.Pattern protect(TableStore store, YearMonth release, List<Cadence> cadences, String city,
                                    List<String> counties, SuppressionRules rules) {
        if (!store.exists(Layer.SILVER, Datasets.TAX.name())) {
            return null;
        }
        long t0 = System.nanoTime();
        List<TaxCells.Span> spans = spans(release, cadences);
        YearMonth first = spans.stream().map(TaxCells.Span::from).min(YearMonth::compareTo).orElseThrow();
        YearMonth last = spans.stream().map(TaxCells.Span::to).max(YearMonth::compareTo).orElseThrow();
        Dataset<Row> tax = store.current(Layer.SILVER, Datasets.TAX.name())
            .where(col(PERIOD).geq(first.toString()).and(col(PERIOD).leq(last.toString())));
        boolean counted = Arrays.asList(tax.columns()).contains(TAXPAYERS);
        List<TaxCells.Entry> entries = new ArrayList<>();
        for (Row r : tax.select(col(REGION_CODE), col(INDUSTRY_CODE), col(TAX_TYPE), col(PERIOD), col(AMOUNT),
                counted ? col(TAXPAYERS).cast("int") : functions.lit(null).cast("int")).collectAsList()) {
            if (r.isNullAt(4)) {
                continue;
            }
            entries.add(new TaxCells.Entry(r.getString(0), division(r.getString(1)), r.getString(2),
                YearMonth.parse(r.getString(3).substring(0, 7)), ((Number) r.get(4)).doubleValue(),
                r.isNullAt(5) ? null : r.getInt(5)));
        }
        ReferenceData ref = ReferenceData.get();
        Map<String, String> sections = new LinkedHashMap<>();
        ref.industries().values().stream().filter(i -> i.code().length() == 2).forEach(i -> {
            ReferenceData.Industry section = ref.industries().get(i.section());
            sections.put(i.code(), section == null ? i.section() : section.name());
        });
        TaxCells.Pattern p = TaxCells.protect(city, counties, entries, d -> sections.getOrDefault(d, "其他"),
            ref.industryCodes(2, true), enterprises(store, last), spans, rules);
        long withheld = p.decisions().stream().filter(d -> d.suppressed()).count();
        long primary = p.decisions().stream().filter(d -> d.status() == org.countyscope.disclosure.SuppressionResult
            .Status.PRIMARY).count();
        LOG.info("disclosure {} tax ({}): {} figures, {} withheld ({} by the primary rules alone), {} ms", release,
            p.basis(), p.decisions().size(), withheld, primary, (System.nanoTime() - t0) / 1_000_000);
        p.protection().exposed().forEach(e -> LOG.error("disclosure {} tax: no pattern protects {} (interval {})",
            release, e.cell().id(), e.interval()));
        return p;
    }

    /** The spans of tax figures a release prints: 1—N月 and each cadence's own months, at each cadence's end. */
    static List<TaxCells.Span> spans(YearMonth release, List<Cadence> cadences) {
        TreeSet<String> seen = new TreeSet<>();
        List<TaxCells.Span> out = new ArrayList<>();
        for (Cadence c : cadences) {
            YearMonth end = c.periodEnd(release);
            for (YearMonth from : List.of(end.withMonth(1), ReleaseGate.ownFrom(c, end))) {
                if (seen.add(from + ".." + end)) {
                    out.add(new TaxCells.Span(from, end));
                }
            }
        }
        return out;
    }

    /**
     * The 规上 enterprises of each county × 大类 in the year to {@code end} from the 一套表: how many report revenue, the
     * largest one's revenue and all their revenue.
     */
    private static Map<String, TaxCells.Enterprises> enterprises(TableStore store, YearMonth end) {
        String io = SinglePeriods.table(Datasets.INDUSTRIAL_OUTPUT);
        Map<String, TaxCells.Enterprises> out = new LinkedHashMap<>();
        if (!store.exists(Layer.SILVER, io)) {
            return out;
        }
        Dataset<Row> ytd = store.read(Layer.SILVER, io)
            .where(col(PERIOD).geq(end.withMonth(1).toString()).and(col(PERIOD).leq(end.toString())))
            .withColumn("_division", functions.substring(col(INDUSTRY_CODE), 1, 2))
            .groupBy(REGION_CODE, "_division", CREDIT_CODE).agg(functions.sum(REVENUE).as("_revenue"))
            .where(col("_revenue").gt(0));
        for (Row r : ytd.groupBy(REGION_CODE, "_division").agg(functions.count(functions.lit(1)).as("_n"),
            functions.max("_revenue").as("_max"), functions.sum("_revenue").as("_sum")).collectAsList()) {
            out.put(r.getString(0) + Cell.ID_SEPARATOR + r.getString(1), new TaxCells.Enterprises(
                (int) r.getLong(2), r.getDouble(3), r.getDouble(4)));
        }
        return out;
    }

    private static String division(String industry) {
        return industry == null || industry.length() < 2 ? "??" : industry.substring(0, 2);
    }

    /** The footnote of a tax figure withheld under this basis. */
    static String footnote(TaxCells.Basis basis) {
        return "…表示依据《统计法》不予公布：" + basis.rule() + "，或为使其不能被推算而不予公布。";
    }

    /** The measures of tax figures in the log. */
    static boolean isTax(String measure) {
        return measure.startsWith(TaxCells.MEASURE_PREFIX);
    }

    static Set<String> dimensions() {
        return Set.of(TaxCells.BY_TYPE, TaxCells.BY_SECTION, TaxCells.TOTAL, TaxCells.BY_DIVISION);
    }
}
