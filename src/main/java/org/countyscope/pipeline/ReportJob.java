package org.countyscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.countyscope.dataset.Datasets;
import org.countyscope.gold.Cadence;
import org.countyscope.gold.CountyComparison;
import org.countyscope.gold.Indicators;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.report.AssessmentRules;
import org.countyscope.report.ChineseDates;
import org.countyscope.report.CjkFont;
import org.countyscope.report.ReportBuilder;
import org.countyscope.report.ReportCharts;
import org.countyscope.report.ReportInput;
import org.countyscope.report.html.HtmlReport;
import org.countyscope.report.html.ReportArchive;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.Vintage;
import org.countyscope.report.pdf.PdfReport;
import org.countyscope.report.xlsx.ExcelReport;
import org.countyscope.review.ReviewResult;
import org.countyscope.review.ReviewTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.countyscope.dataset.Columns.*;

/**
 * The planners' reports: for each cadence, reads the gold tables of the period (after the compare and forecast
 * stages), applies the same disclosure pattern as the exports, and writes {@code index.html}, {@code report.pdf},
 * {@code tables.xlsx} and {@code charts/} — the month's report in {@code <out>/<period>/}, the others in
 * {@code <out>/<period>/<cadence>/}. Reads gold (and the silver releases under it); writes no table but its record in
 * {@code gold/publications}.
 */
public final class ReportJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReportJob.class);
    /** The marts a report reads, each filtered to the period end. */
    static final List<String> MARTS = List.of(CompareJob.FISCAL, CompareJob.TAX_STRUCTURE, CompareJob.TARGETS,
        CompareJob.PROJECTS, CompareJob.ATTRACTION, CompareJob.INDUSTRY);

    /** One report written: cadence, folder, and how many charts it has. */
    public record Written(String cadence, Path dir, int charts, Report report) {
    }

    private final TableStore store;

    public ReportJob(TableStore store) {
        this.store = store;
    }

    /** The folder of a cadence's report for a period. */
    public static Path dir(Path out, YearMonth period, Cadence cadence) {
        Path base = out.resolve(period.toString());
        return cadence == Cadence.MONTH ? base : base.resolve(cadence.code());
    }

    /**
     * Writes the reports of a period from the tables as they are now, and records each as a publication (the release
     * of its data and the version of every table it read, in {@code gold/publications}). The reports read one
     * snapshot of the tables, so a job writing meanwhile changes nothing in them.
     */
    public List<Written> run(YearMonth period, List<Cadence> cadences, Path out) {
        if (store.isPinned()) {
            return write(period, cadences, out, "");
        }
        Map<String, Long> snapshot = Publications.snapshot(store);
        TableStore view = store.pinnedTo(snapshot);
        String release = Publications.currentRelease(view, snapshot).orElse(NO_RELEASE);
        List<Written> written = new ReportJob(view).write(period, cadences, out, release);
        Publications.record(store, period.toString(), written.stream().map(Written::cadence).toList(), release,
            snapshot);
        return written;
    }

    /**
     * Rebuilds the reports of a period exactly as they were last published from {@code release}: the same tables at
     * the versions that publication recorded (Delta time travel), so the same figures and the same withheld cells
     * whatever was ingested since. Records no new publication.
     */
    public List<Written> runAsOf(YearMonth period, List<Cadence> cadences, Path out, String release) {
        List<Written> written = new ArrayList<>();
        for (Cadence c : cadences) {
            Publications.Publication p = Publications.last(store, period.toString(), c.code(), release);
            written.addAll(new ReportJob(store.pinnedTo(p.versions())).write(period, List.of(c), out, p.release()));
        }
        return written;
    }

    /** What gold/publications records for data without a release label; the reports then print no 发布版本. */
    private static final String NO_RELEASE = "(none)";

    private List<Written> write(YearMonth period, List<Cadence> cadences, Path out, String release) {
        if (!store.exists(Layer.GOLD, CompareJob.COMPARISON)) {
            throw new IllegalStateException("gold/comparison is missing: run compare first");
        }
        List<Written> written = new ArrayList<>();
        for (Cadence c : cadences) {
            long t0 = System.nanoTime();
            ReportInput in = input(c.periodEnd(period), c, NO_RELEASE.equals(release) ? "" : release);
            if (in.figures().isEmpty()) {
                throw new IllegalStateException("gold/comparison has no " + c.code() + " rows for " + c.periodEnd(period)
                    + ": run compare --period " + period + " --cadence " + c.code() + " first");
            }
            warnUndrawable(in);
            Report report = ReportBuilder.build(in);
            Path dir = dir(out, period, c);
            int charts = ReportCharts.write(in, dir);
            String folder = out.relativize(dir).toString().replace('\\', '/');
            HtmlReport.write(report, dir, navigation(out, folder, c, in.end()));
            PdfReport.write(report, dir);
            // the internal sources (gold/… at their Delta versions) go to the workbook's 说明 sheet only
            ExcelReport.write(report, in.vintage().tables(), dir);
            ReportArchive.record(dir, c.code(), in.end(), report.title(), summary(report));
            LOG.info("report {} {}: {} charts, {} tables in {} ({} ms)", c.code(), in.end(), charts,
                report.tables().size(), dir, (System.nanoTime() - t0) / 1_000_000);
            written.add(new Written(c.code(), dir, charts, report));
        }
        ReportArchive.write(out);
        return written;
    }

    /** The links of a report's page: the archive, and the previous report of its cadence already in {@code out}. */
    private static HtmlReport.Navigation navigation(Path out, String folder, Cadence c, YearMonth end) {
        String archive = "../".repeat(folder.split("/").length) + ReportArchive.FILE;
        return ReportArchive.previous(out, c.code(), end)
            .map(p -> new HtmlReport.Navigation(archive, ReportArchive.href(folder, p.folder()), p.title()))
            .orElse(new HtmlReport.Navigation(archive, null, null));
    }

    /** The archive's one line for a report: its first headline figures. */
    static String summary(Report report) {
        return String.join("；", report.headlines().stream().limit(4)
            .map(h -> h.label() + h.value() + h.unit() + (h.note() == null || h.note().isBlank() ? ""
                : "（" + h.note() + "）")).toList()) + (report.headlines().isEmpty() ? "" : "。");
    }

    /** Reads what one report needs from gold: plain values, withheld figures flagged (also the notebooks' view). */
    public ReportInput input(YearMonth end, Cadence cadence) {
        return input(end, cadence, "");
    }

    /** What one report needs, published from {@code release} (empty: no release label). */
    private ReportInput input(YearMonth end, Cadence cadence, String release) {
        String e = end.toString();
        ComparisonDisclosure.AtPeriod published = ComparisonDisclosure.at(store, e);
        List<Row> atEnd = published.comparison();
        List<Row> industry = published.industry();
        ComparisonDisclosure disclosure = published.disclosure();
        List<ReportInput.Figure> figures = new ArrayList<>();
        Map<String, Integer> ranks = disclosure.ranksAmongPublished(atEnd);
        String cityCode = null;
        String cityName = null;
        for (Row r : atEnd) {
            if (!cadence.code().equals(r.getAs(CADENCE))) {
                continue;
            }
            if (CountyComparison.LEVEL_CITY.equals(r.getAs(REGION_LEVEL))) {
                cityCode = r.getAs(REGION_CODE);
                cityName = r.getAs(REGION_NAME);
            }
            Long rank = r.getAs(RANK) == null ? null : ((Number) r.getAs(RANK)).longValue();
            Integer amongPublished = ranks.get(r.getAs(CADENCE) + "|" + r.getAs(INDICATOR) + "|"
                + r.getAs(REGION_CODE));
            if (amongPublished != null) {
                rank = amongPublished.longValue(); // among the published counties, as the exports print it
            }
            // the cadence's own period value (当月, 当季…) follows its own figure of the release pattern: withheld
            // there, neither it nor its growth reaches the report even where the 1—N月 figure is published
            boolean periodWithheld = disclosure.periodSuppressed(r);
            figures.add(new ReportInput.Figure(r.getAs(REGION_CODE), r.getAs(REGION_NAME), r.getAs(REGION_LEVEL),
                r.getAs(INDICATOR), r.getAs(INDICATOR_NAME), r.getAs(UNIT), r.getAs(VALUE_CUM),
                periodWithheld ? null : r.getAs(VALUE_PERIOD),
                r.getAs(PARENT_TOTAL), r.getAs(SHARE_PCT), rank == null ? null : rank.intValue(), r.getAs(YOY_PCT),
                periodWithheld ? null : r.getAs(YOY_PERIOD_PCT), r.getAs(VS_PARENT_PP), r.getAs(CONTRIBUTION_PCT), r.getAs(PULL_PP),
                r.getAs(TWO_YEAR_AVG_PCT), r.getAs(PER_CAPITA), r.getAs(NOTE), disclosure.suppressed(r)));
        }
        Map<String, List<Map<String, Object>>> marts = new LinkedHashMap<>();
        for (String m : MARTS) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Row r : m.equals(CompareJob.INDUSTRY) ? industry : read(m, e)) {
                rows.add(ComparisonDisclosure.asMap(r));
            }
            marts.put(m, disclosure.publish(m, rows));
        }
        ReportForecasts.Read forecast = ReportForecasts.read(store, end);
        return new ReportInput(cityCode, cityName == null ? "" : cityName, end, cadence.code(), figures, marts,
            growthPath(end, figures), forecast.outlook(), forecast.path(), vintage(e).with(ChineseDates.month(end), release))
            .with(cityPath(end), cadence == Cadence.YEAR ? AssessmentRules.load() : List.of())
            .withOpenFlags(openFlags(end));
    }

    /**
     * The 数据审核 questions still open (待核实) in the review of the period end, from gold/review_flags at the version
     * this view of the warehouse reads — so {@code report --as-of} rebuilds a report with the flags it was published
     * with, whatever was verified since. None when no review was run.
     */
    private List<ReportInput.OpenFlag> openFlags(YearMonth end) {
        if (!store.exists(Layer.GOLD, ReviewTables.FLAGS)) {
            return List.of();
        }
        List<ReportInput.OpenFlag> out = new ArrayList<>();
        for (Row r : store.read(Layer.GOLD, ReviewTables.FLAGS)
            .where(col(ReviewTables.REVIEW_PERIOD).equalTo(end.toString()).and(col(STATUS).equalTo(ReviewResult.OPEN)))
            .select(ReviewTables.FLAG_KEY, REGION_CODE, REGION_NAME).orderBy(ReviewTables.FLAG_KEY).collectAsList()) {
            out.add(new ReportInput.OpenFlag(r.getString(0), r.getString(1), r.getString(2)));
        }
        return out;
    }

    /**
     * The city's 1—N月 totals per indicator and month from two years before {@code end} to it: Σ value_cum over the
     * units of gold/indicator_values (counties, and 市本级 where the data has it), and for the comparable-price value
     * added Σ base_cum of the same enterprises. City totals are published whole, so 较上期 and 当季 come from here.
     */
    private List<ReportInput.CityPoint> cityPath(YearMonth end) {
        List<Row> rows = store.read(Layer.GOLD, CompareJob.VALUES)
            .where(col(PERIOD).geq(end.minusMonths(36).toString()).and(col(PERIOD).leq(end.toString())))
            .groupBy(INDICATOR, PERIOD)
            .agg(org.apache.spark.sql.functions.sum(col(VALUE_CUM).cast("double")).as(VALUE_CUM),
                org.apache.spark.sql.functions.sum(col(BASE_CUM).cast("double")).as(BASE_CUM),
                org.apache.spark.sql.functions.count(VALUE_CUM).as("n_value"),
                org.apache.spark.sql.functions.count(BASE_CUM).as("n_base"))
            .collectAsList();
        List<ReportInput.CityPoint> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.isNullAt(2)) {
                continue;
            }
            boolean comparable = Indicators.IVA_REAL.code().equals(r.getString(0));
            // a base summed over only some units is no base of the city
            Double base = comparable && !r.isNullAt(3) && r.getLong(4) == r.getLong(5) ? r.getDouble(3) : null;
            out.add(new ReportInput.CityPoint(r.getString(0), YearMonth.parse(r.getString(1)), r.getDouble(2), base));
        }
        return out;
    }

    private List<Row> read(String table, String end) {
        if (!store.exists(Layer.GOLD, table)) {
            return List.of();
        }
        Dataset<Row> d = store.read(Layer.GOLD, table).where(col(PERIOD).equalTo(end));
        return d.orderBy(java.util.Arrays.stream(d.columns()).map(org.apache.spark.sql.functions::col)
            .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
    }

    /**
     * Cumulative comparable-price growth of 规上工业增加值 per region and month of the year to {@code end}: Σ value
     * ÷ Σ base of the same enterprises − 1, the city summing its counties. Counties whose figure is withheld at the
     * period end are left out.
     */
    private List<ReportInput.GrowthPoint> growthPath(YearMonth end, List<ReportInput.Figure> figures) {
        Map<String, ReportInput.Figure> real = new LinkedHashMap<>();
        figures.stream().filter(f -> f.indicator().equals(Indicators.IVA_REAL.code())).forEach(f -> real.put(f.region(), f));
        String city = figures.stream().filter(f -> CountyComparison.LEVEL_CITY.equals(f.level())).map(
            ReportInput.Figure::region).findFirst().orElse(null);
        List<Row> rows = store.read(Layer.GOLD, CompareJob.VALUES)
            .where(col(INDICATOR).equalTo(Indicators.IVA_REAL.code())
                .and(col(PERIOD).geq(end.withMonth(1).toString())).and(col(PERIOD).leq(end.toString())))
            .select(REGION_CODE, PERIOD, VALUE_CUM, BASE_CUM).collectAsList();
        TreeMap<String, double[]> citySums = new TreeMap<>();
        List<ReportInput.GrowthPoint> out = new ArrayList<>();
        for (Row r : rows) {
            ReportInput.Figure f = real.get(r.getString(0));
            Double v = r.isNullAt(2) ? null : r.getDouble(2);
            Double b = r.isNullAt(3) ? null : r.getDouble(3);
            if (f == null || v == null || b == null) {
                continue;
            }
            double[] s = citySums.computeIfAbsent(r.getString(1), k -> new double[2]);
            s[0] += v;
            s[1] += b;
            if (!f.withheld() && CountyComparison.LEVEL_COUNTY.equals(f.level())) {
                out.add(new ReportInput.GrowthPoint(f.region(), f.regionName(), f.level(), YearMonth.parse(r.getString(1)),
                    b > 0 ? (v / b - 1) * 100 : null));
            }
        }
        if (city != null) {
            citySums.forEach((m, s) -> out.add(new ReportInput.GrowthPoint(city, real.get(city).regionName(),
                CountyComparison.LEVEL_CITY, YearMonth.parse(m), s[1] > 0 ? (s[0] / s[1] - 1) * 100 : null)));
        }
        return out;
    }

    /** Each gold table read with its Delta version, and the releases of the silver data under them. */
    private Vintage vintage(String end) {
        List<Vintage.TableVersion> tables = new ArrayList<>();
        List<String> gold = new ArrayList<>(List.of(CompareJob.VALUES, CompareJob.COMPARISON));
        gold.addAll(MARTS);
        gold.add(ReportForecasts.TABLE);
        gold.add(ReviewTables.FLAGS);
        for (String t : gold) {
            if (store.exists(Layer.GOLD, t)) {
                tables.add(new Vintage.TableVersion("gold/" + t, store.version(Layer.GOLD, t), ""));
            }
        }
        for (String s : List.of(Datasets.INDUSTRIAL_OUTPUT.name(), Datasets.TAX.name(), Datasets.BUDGET_REVENUE.name(),
            Datasets.PROJECTS.name(), Datasets.ATTRACTION_FUNDS.name(), Datasets.TARGETS.name())) {
            if (store.exists(Layer.SILVER, s)) {
                List<String> releases = store.current(Layer.SILVER, s).select(RELEASE).distinct().orderBy(RELEASE)
                    .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
                tables.add(new Vintage.TableVersion("silver/" + s, store.version(Layer.SILVER, s),
                    String.join("、", releases.stream().filter(java.util.Objects::nonNull).toList())));
            }
        }
        return new Vintage(ChineseDates.beijingTime(java.time.Instant.now()), tables);
    }

    /** Names from data that the bundled font cannot draw are logged: set COUNTYSCOPE_FONT to a full font then. */
    private static void warnUndrawable(ReportInput in) {
        for (ReportInput.Figure f : in.figures()) {
            if (f.regionName() != null && CjkFont.firstUndrawable(f.regionName()) >= 0) {
                LOG.warn("the bundled font cannot draw {}: set {} to a full CJK font", f.regionName(), CjkFont.ENV);
            }
        }
    }
}
