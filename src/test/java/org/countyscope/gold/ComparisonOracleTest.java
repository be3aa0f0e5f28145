package org.countyscope.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.bench.RawFiles;
import org.countyscope.config.CompareConfig;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.CompareJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An independent oracle for {@code gold/comparison}: DuckDB computes every county × indicator × period figure with
 * plain SQL from the raw sample files (the GBK tax files transcoded and projects.xlsx dumped to CSV right here, with
 * the JDK and POI only), and every row the product wrote must agree to 1e-9 relative — values, shares, ranks,
 * growths, contributions, pulls, two-year averages, per-capita values, and the nulls. Nothing on the oracle side
 * uses countyscope code: the product is only run ({@link SampleWarehouse}, {@link CompareJob}) and its rows read.
 *
 * <p>Periods checked: the shared run of the sample (month, quarter, half, year ending 2025-12); on a private copy of
 * the warehouse, a compare run for 2025-06 (month, quarter, half 2025-06 and year 2024-12); and, through
 * {@link CountyComparison#apply} on the values that run wrote, 2025-03 (month, quarter: 1—2月 and January inside a
 * quarter) and 2025-01 (month: January, when 一套表 has no report and the budget reports January alone).
 */
class ComparisonOracleTest {
    static final double TOL = 1e-9;
    /** Figures compared, as named in gold/comparison. */
    static final List<String> FIGURES = List.of("value_cum", "value_period", "parent_total", "share_pct", "rank",
        "yoy_pct", "yoy_period_pct", "vs_parent_pp", "contribution_pct", "pull_pp", "two_year_avg_pct", "per_capita");

    @TempDir
    static Path tmp;

    /** cadence, months in a period, end month. */
    record Checked(String cadence, int months, YearMonth end) {
    }

    static final List<Checked> SHARED = List.of(new Checked("month", 1, YearMonth.of(2025, 12)),
        new Checked("quarter", 3, YearMonth.of(2025, 12)), new Checked("half", 6, YearMonth.of(2025, 12)),
        new Checked("year", 12, YearMonth.of(2025, 12)));
    static final List<Checked> EXTRA = List.of(new Checked("month", 1, YearMonth.of(2025, 6)),
        new Checked("quarter", 3, YearMonth.of(2025, 6)), new Checked("half", 6, YearMonth.of(2025, 6)),
        new Checked("year", 12, YearMonth.of(2024, 12)));
    static final List<Checked> EARLY = List.of(new Checked("month", 1, YearMonth.of(2025, 3)),
        new Checked("quarter", 3, YearMonth.of(2025, 3)), new Checked("month", 1, YearMonth.of(2025, 1)));

    static Map<String, Map<String, Object>> product;
    static Map<String, Map<String, Object>> oracle;

    @BeforeAll
    static void computeBothSides() throws Exception {
        product = new TreeMap<>();
        TableStore shared = SampleWarehouse.store();
        collect(shared.read(Layer.GOLD, "comparison"), SHARED);
        TableStore copy = new TableStore(TestSpark.session(), SampleWarehouse.copy(tmp.resolve("warehouse")).toString());
        CompareJob job = new CompareJob(copy);
        Path out = tmp.resolve("out");
        job.run(new CompareConfig(copy.root(), YearMonth.of(2025, 6), List.of(Cadence.values()), out));
        collect(copy.read(Layer.GOLD, "comparison"), EXTRA);
        // earlier periods straight from the product's transform (what CompareJob runs per cadence), on the values
        // CompareJob wrote, to spare two more runs
        Dataset<Row> values = copy.read(Layer.GOLD, "indicator_values");
        Dataset<Row> regions = RegionDimension.of(copy.spark(),
            values.select("region_code").distinct().as(Encoders.STRING()).collectAsList());
        Dataset<Row> early = CountyComparison.apply(values, regions, YearMonth.of(2025, 3), Cadence.MONTH)
            .unionByName(CountyComparison.apply(values, regions, YearMonth.of(2025, 3), Cadence.QUARTER))
            .unionByName(CountyComparison.apply(values, regions, YearMonth.of(2025, 1), Cadence.MONTH));
        collect(early, EARLY);
        List<Checked> all = new ArrayList<>(SHARED);
        all.addAll(EXTRA);
        all.addAll(EARLY);
        oracle = new DuckOracle(tmp.resolve("oracle")).compute(all);
    }

    private static void collect(Dataset<Row> comparison, List<Checked> periods) {
        List<Row> rows = comparison.select(col("cadence"), col("period"), col("region_code"),
            col("indicator"), col("value_cum"), col("value_period"), col("parent_total"), col("share_pct"), col("rank"),
            col("yoy_pct"), col("yoy_period_pct"), col("vs_parent_pp"), col("contribution_pct"), col("pull_pp"),
            col("two_year_avg_pct"), col("per_capita")).collectAsList();
        for (Row r : rows) {
            String cadence = r.getString(0);
            String period = r.getString(1);
            if (periods.stream().noneMatch(c -> c.cadence().equals(cadence) && c.end().toString().equals(period))) {
                continue;
            }
            Map<String, Object> figures = new TreeMap<>();
            for (int i = 0; i < FIGURES.size(); i++) {
                figures.put(FIGURES.get(i), r.isNullAt(4 + i) ? null : ((Number) r.get(4 + i)).doubleValue());
            }
            Object before = product.put(key(cadence, period, r.getString(2), r.getString(3)), figures);
            if (before != null) {
                fail("the product wrote two rows for " + key(cadence, period, r.getString(2), r.getString(3)));
            }
        }
    }

    static String key(String cadence, String period, String region, String indicator) {
        return cadence + " " + period + " " + region + " " + indicator;
    }

    @Test
    void everyFigureOfEveryRowAgreesWithTheOracle() {
        List<String> problems = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(product.keySet());
        keys.addAll(oracle.keySet());
        int compared = 0;
        for (String k : keys) {
            Map<String, Object> p = product.get(k);
            Map<String, Object> o = oracle.get(k);
            if (p == null) {
                problems.add(k + ": missing in the product (oracle value_cum " + o.get("value_cum") + ")");
                continue;
            }
            if (o == null) {
                problems.add(k + ": extra in the product (value_cum " + p.get("value_cum") + "), the oracle has no such row");
                continue;
            }
            compared++;
            for (String f : FIGURES) {
                Double a = (Double) p.get(f);
                Double b = (Double) o.get(f);
                if (!agree(a, b)) {
                    problems.add(k + ": " + f + " product " + a + " oracle " + b);
                }
            }
        }
        String summary = problems.size() + " disagreement(s) over " + keys.size() + " keys (" + compared
            + " rows compared):\n" + problems.stream().limit(30).collect(Collectors.joining("\n"));
        assertTrue(problems.isEmpty(), summary);
        assertTrue(compared > 1000, "the oracle compared " + compared + " rows");
    }

    @Test
    void theOracleCoversEveryIndicatorAndPeriod() {
        TreeSet<String> indicators = new TreeSet<>();
        TreeSet<String> periods = new TreeSet<>();
        for (String k : oracle.keySet()) {
            String[] parts = k.split(" ");
            periods.add(parts[0] + " " + parts[1]);
            indicators.add(parts[3]);
        }
        assertEquals(11, periods.size(), periods.toString());
        // 18 indicators plus the 13 tax types of the sample
        assertEquals(31, indicators.size(), indicators.toString());
        long withRank = oracle.values().stream().filter(m -> m.get("rank") != null).count();
        long withTwoYear = oracle.values().stream().filter(m -> m.get("two_year_avg_pct") != null).count();
        long withPull = oracle.values().stream().filter(m -> m.get("pull_pp") != null).count();
        assertTrue(withRank > 500 && withTwoYear > 500 && withPull > 500, withRank + " " + withTwoYear + " " + withPull);
    }

    static boolean agree(Double a, Double b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a.isNaN() || b.isNaN()) {
            return false;
        }
        double diff = Math.abs(a - b);
        return diff <= TOL || diff <= TOL * Math.max(Math.abs(a), Math.abs(b));
    }

    /**
     * The oracle: raw files → DuckDB (in memory) → plain SQL. Months are integers {@code ym = year × 12 + month − 1}.
     */
    static final class DuckOracle {
        private final Path work;
        private final Path sample = TestSpark.sampleDir();
        private final Path reference = Path.of(System.getProperty("countyscope.referenceDir", "data/reference"));

        DuckOracle(Path work) {
            this.work = work;
        }

        Map<String, Map<String, Object>> compute(List<Checked> periods) throws Exception {
            Files.createDirectories(work);
            List<String> taxFiles = new ArrayList<>();
            try (Stream<Path> s = Files.list(sample.resolve("tax"))) {
                for (Path p : s.filter(f -> f.getFileName().toString().matches("tax_\\d{4}\\.csv")).sorted().toList()) {
                    taxFiles.add(transcode(p, Charset.forName("GBK")).toString());
                }
            }
            Path projects = RawFiles.xlsxToCsv(sample.resolve("investment/projects.xlsx"), work.resolve("projects.csv"));
            List<String> outputFiles;
            try (Stream<Path> s = Files.list(sample.resolve("industry"))) {
                outputFiles = s.filter(f -> f.getFileName().toString().matches("industrial_output_\\d{4}\\.csv"))
                    .sorted().map(Path::toString).toList();
            }
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
                st.execute("SET autoinstall_known_extensions = false");
                st.execute("SET autoload_known_extensions = false");
                load(st, outputFiles, taxFiles, projects);
                derive(st, periods);
                return results(st);
            }
        }

        private static String list(List<String> files) {
            return files.stream().map(DuckOracle::lit).collect(Collectors.joining(", ", "[", "]"));
        }

        private static String lit(String s) {
            return "'" + s.replace("'", "''") + "'";
        }

        private static String lit(Path p) {
            return lit(p.toString());
        }

        /** {@code ym} of a 'YYYY-MM…' text column. */
        private static String ym(String column) {
            return "(CAST(substr(" + column + ", 1, 4) AS INTEGER) * 12 + CAST(substr(" + column + ", 6, 2) AS INTEGER) - 1)";
        }

        private static String num(String column) {
            return "CAST(NULLIF(replace(trim(" + column + "), ',', ''), '') AS DOUBLE)";
        }

        private static void exec(Statement st, String sql) throws SQLException {
            try {
                st.execute(sql);
            } catch (SQLException e) {
                throw new SQLException(e.getMessage() + "\nin:\n" + sql, e);
            }
        }

        private static long scalar(Statement st, String sql) throws SQLException {
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private void load(Statement st, List<String> outputFiles, List<String> taxFiles, Path projects)
            throws SQLException {
            // --- reference: regions, census population, industries ---
            exec(st, "CREATE TABLE cities AS SELECT code FROM read_csv(" + lit(reference.resolve("gbt2260_cities.csv"))
                + ", header = true, all_varchar = true)");
            exec(st, "CREATE TABLE pop AS SELECT \"区划代码\" AS region, CAST(\"人口数_合计\" AS DOUBLE) AS population FROM read_csv("
                + lit(reference.resolve("pingliang_census_2020_population.csv")) + ", header = true, all_varchar = true)");
            exec(st, "CREATE TABLE industrial AS SELECT code FROM read_csv("
                + lit(reference.resolve("gbt4754_2017_industries.csv"))
                + ", header = true, all_varchar = true) WHERE level = '2' AND section IN ('B', 'C', 'D')");

            // --- 一套表: cumulative 1—N月 per enterprise, with the optional 上年同期 columns (…_p) ---
            exec(st, "CREATE TABLE io_file AS SELECT credit, region, substr(ind, 1, 2) AS ind2, " + ym("period") + " AS ym, "
                + num("gross") + " AS gross, " + num("va") + " AS va, " + num("rev") + " AS rev, " + num("profit")
                + " AS profit, " + num("va_p") + " AS va_p FROM read_csv(" + list(outputFiles) + ", header = true, "
                + "all_varchar = true, names = ['period', 'credit', 'ename', 'region', 'ind', 'gross', 'va', 'rev', "
                + "'profit', 'emp', 'gross_p', 'va_p', 'rev_p', 'profit_p'])");
            assertEquals(0, scalar(st, "SELECT count(*) - count(DISTINCT (credit, ym)) FROM io_file"),
                "one 一套表 report per enterprise and period");
            exec(st, "CREATE TABLE register_rows AS SELECT credit, region, substr(ind, 1, 2) AS ind2, CAST(year AS INTEGER) AS yr, "
                + "status, CAST(substr(chg, 6, 2) AS INTEGER) AS chg_m, reason FROM read_csv("
                + lit(sample.resolve("industry/enterprise_register.csv")) + ", header = true, all_varchar = true, "
                + "names = ['year', 'credit', 'ename', 'region', 'ind', 'status', 'chg', 'reason'])");
            // 缺报: every month an enterprise of the year's register owes a report (February for 1—2月 up to December;
            // from its entry month for 新增, to its exit month for 退库; never past the files' last month) and lacks one
            // is estimated: the year's last report × months / its months, else last year's report of the month
            exec(st, """
                CREATE TABLE owed AS
                SELECT g.credit, g.region, g.ind2, g.yr * 12 + g.m - 1 AS ym FROM (
                    SELECT credit, region, ind2, yr, unnest(generate_series(
                        CASE WHEN status = '新增' THEN greatest(chg_m, 2) ELSE 2 END,
                        CASE WHEN status = '退库' THEN chg_m ELSE 12 END)) AS m FROM register_rows) g
                WHERE g.yr * 12 + g.m - 1 <= (SELECT max(ym) FROM io_file)
                  AND g.yr IN (SELECT ym // 12 FROM io_file)""");
            exec(st, """
                CREATE TABLE missing AS
                SELECT o.*, (SELECT max(f.ym) FROM io_file f WHERE f.credit = o.credit AND f.ym // 12 = o.ym // 12
                                AND f.ym < o.ym) AS last_ym
                FROM owed o WHERE NOT EXISTS (SELECT 1 FROM io_file f WHERE f.credit = o.credit AND f.ym = o.ym)""");
            exec(st, """
                CREATE TABLE io AS
                SELECT credit, region, ind2, ym, gross, va, rev, profit, va_p, 0 AS est FROM io_file
                UNION ALL
                SELECT m.credit, m.region, coalesce(l.ind2, m.ind2), m.ym,
                       coalesce(round(l.gross * ((m.ym % 12 + 1) / (l.ym % 12 + 1)), 2), y.gross),
                       coalesce(round(l.va * ((m.ym % 12 + 1) / (l.ym % 12 + 1)), 2), y.va),
                       coalesce(round(l.rev * ((m.ym % 12 + 1) / (l.ym % 12 + 1)), 2), y.rev),
                       CASE WHEN l.credit IS NOT NULL THEN round(l.profit * ((m.ym % 12 + 1) / (l.ym % 12 + 1)), 2)
                            ELSE y.profit END,
                       round(l.va_p * ((m.ym % 12 + 1) / (l.ym % 12 + 1)), 2), 1
                FROM missing m LEFT JOIN io_file l ON l.credit = m.credit AND l.ym = m.last_ym
                LEFT JOIN io_file y ON y.credit = m.credit AND y.ym = m.ym - 12
                WHERE l.credit IS NOT NULL OR y.credit IS NOT NULL""");
            // single periods: cum minus the enterprise's previous report of the year; the first report is its cum
            exec(st, """
                CREATE TABLE io_s AS
                SELECT *, ym // 12 AS yr,
                       ym - coalesce(lag(ym) OVER w, (ym // 12) * 12 - 1) AS covered,
                       gross - coalesce(lag(gross) OVER w, 0) AS gross_s,
                       va - coalesce(lag(va) OVER w, 0) AS va_s,
                       rev - coalesce(lag(rev) OVER w, 0) AS rev_s,
                       profit - coalesce(lag(profit) OVER w, 0) AS profit_s
                FROM io WINDOW w AS (PARTITION BY credit, ym // 12 ORDER BY ym)""");

            // --- PPI (上年同月 = 100) per 大类 and month, and the file's broader indices ---
            exec(st, "CREATE TABLE ppi AS SELECT " + ym("period") + " AS ym, ind, " + num("idx") + " AS idx FROM read_csv("
                + lit(sample.resolve("industry/ppi_by_industry.csv"))
                + ", header = true, all_varchar = true, names = ['period', 'ind', 'iname', 'idx'])");
            assertEquals(0, scalar(st, "SELECT count(*) - count(DISTINCT (ind, ym)) FROM ppi"), "one PPI per month and 大类");
            exec(st, "CREATE TABLE division_section AS SELECT code AS ind2, section FROM read_csv("
                + lit(reference.resolve("gbt4754_2017_industries.csv")) + ", header = true, all_varchar = true) "
                + "WHERE level = '2'");
            // deflator of a report: the mean over the months it covers of its 大类's index, else its 门类's, else
            // 全部工业品, else the month's mean over 大类, else 100
            exec(st, """
                CREATE TABLE defl AS
                WITH cov AS (SELECT credit, ym, ind2, unnest(range(ym - covered + 1, ym + 1)) AS m FROM io_s),
                     month_mean AS (SELECT ym AS m, avg(idx) AS idx_all FROM ppi WHERE length(ind) = 2
                                    AND ind SIMILAR TO '[0-9]+' GROUP BY ym)
                SELECT c.credit, c.ym, avg(coalesce(p.idx,
                         (SELECT q.idx FROM ppi q JOIN division_section ds ON ds.section = q.ind
                          WHERE ds.ind2 = c.ind2 AND q.ym = c.m),
                         (SELECT q.idx FROM ppi q WHERE q.ind = '全部工业品' AND q.ym = c.m),
                         a.idx_all, 100.0)) AS d, count(*) AS n
                FROM cov c LEFT JOIN ppi p ON p.ym = c.m AND p.ind = c.ind2 LEFT JOIN month_mean a ON a.m = c.m
                GROUP BY c.credit, c.ym""");
            exec(st, """
                CREATE TABLE io_r AS
                SELECT s.credit, s.region, s.ym, s.yr, s.va_s / (d.d / 100.0) AS r
                FROM io_s s JOIN defl d ON d.credit = s.credit AND d.ym = s.ym""");
            exec(st, """
                CREATE TABLE io_rc AS
                SELECT a.credit, a.region, a.ym, a.yr, a.r, (SELECT sum(b.r) FROM io_r b
                       WHERE b.credit = a.credit AND b.yr = a.yr AND b.ym <= a.ym) AS rc
                FROM io_r a""");
            // like-for-like base: last year's 1—N月 of the same enterprise (上年同期 column, else its own report a year
            // earlier, else 0 for a 新建投产 entrant of the year); a single period's base is this report's 1—N月 base
            // less the one of the enterprise's previous report of the year
            exec(st, """
                CREATE TABLE io_base AS
                SELECT c.*, CASE WHEN EXISTS (SELECT 1 FROM io_file f WHERE f.ym // 12 = c.yr - 1) THEN
                       coalesce(s.va_p, o.va,
                         CASE WHEN EXISTS (SELECT 1 FROM register_rows g WHERE g.credit = c.credit AND g.yr = c.yr
                                           AND g.status = '新增' AND g.reason = '新建投产') THEN 0.0 END) END AS ly_cum
                FROM io_rc c JOIN io_s s ON s.credit = c.credit AND s.ym = c.ym
                LEFT JOIN io o ON o.credit = c.credit AND o.ym = c.ym - 12""");
            exec(st, """
                CREATE TABLE io_lfl AS
                SELECT b.*, CASE WHEN p.ym IS NULL THEN b.ly_cum ELSE b.ly_cum - p.ly_cum END AS ly_single
                FROM io_base b LEFT JOIN io_base p ON p.credit = b.credit AND p.yr = b.yr
                     AND p.ym = (SELECT max(x.ym) FROM io_base x WHERE x.credit = b.credit AND x.yr = b.yr AND x.ym < b.ym)""");

            // --- budget: cumulative per region; the city's own code is 市本级 ---
            exec(st, "CREATE TABLE bud AS SELECT " + ym("period") + " AS ym, CASE WHEN region IN (SELECT code FROM cities)"
                + " THEN region || '_SBJ' ELSE region END AS region, " + num("tax") + " AS tax, " + num("nontax")
                + " AS nontax, coalesce(" + num("total") + ", " + num("tax") + " + " + num("nontax") + ") AS total "
                + "FROM read_csv(" + lit(sample.resolve("budget/budget_revenue.csv")) + ", header = true, "
                + "all_varchar = true, names = ['period', 'region', 'rname', 'tax', 'nontax', 'total'])");
            assertEquals(0, scalar(st, "SELECT count(*) - count(DISTINCT (region, ym)) FROM bud"), "one budget row per month");
            exec(st, """
                CREATE TABLE bud_s AS
                SELECT *, total - coalesce(lag(total) OVER w, 0) AS total_s, tax - coalesce(lag(tax) OVER w, 0) AS tax_s,
                       nontax - coalesce(lag(nontax) OVER w, 0) AS nontax_s
                FROM bud WINDOW w AS (PARTITION BY region, ym // 12 ORDER BY ym)""");

            // --- projects: 本年完成投资 cumulative per project ---
            exec(st, "CREATE TABLE prj AS SELECT " + ym("period") + " AS ym, code, region, ptype, " + num("planned")
                + " AS planned, " + num("ytd") + " AS ytd FROM read_csv(" + lit(projects) + ", header = true, "
                + "all_varchar = true, names = ['period', 'code', 'pname', 'region', 'ind', 'ptype', 'planned', 'ytd', "
                + "'total', 'land', 'signed', 'pstart', 'astart', 'pend', 'aend', 'status', 'capacity', 'output', 'ptax'])");
            assertEquals(0, scalar(st, "SELECT count(*) - count(DISTINCT (code, ym)) FROM prj"), "one row per project-month");
            assertEquals(0, scalar(st, "SELECT count(*) FROM prj WHERE planned IS NULL OR ytd IS NULL"), "numbers parse");
            exec(st, """
                CREATE TABLE prj_s AS
                SELECT *, ytd - coalesce(lag(ytd) OVER (PARTITION BY code, ym // 12 ORDER BY ym), 0) AS ytd_s FROM prj""");

            // cumulative reports: region × month sums of entities' 1—N月 values (cum) and single periods
            exec(st, "CREATE TABLE cr (indicator VARCHAR, region VARCHAR, ym INTEGER, cum DOUBLE, single DOUBLE, "
                + "bcum DOUBLE, bsingle DOUBLE)");
            for (String[] m : new String[][] {{"iva", "va"}, {"gross_output", "gross"}, {"revenue", "rev"},
                {"profit", "profit"}}) {
                exec(st, "INSERT INTO cr SELECT '" + m[0] + "', region, ym, " + m[1] + ", " + m[1] + "_s, NULL, NULL FROM io_s");
            }
            // comparable prices, like-for-like: a report's cumulative (single period) counts where its base is known
            exec(st, """
                INSERT INTO cr SELECT 'iva_real', region, ym, CASE WHEN ly_cum IS NOT NULL THEN rc END,
                       CASE WHEN ly_single IS NOT NULL THEN r END, ly_cum, ly_single
                FROM io_lfl WHERE ly_cum IS NOT NULL OR ly_single IS NOT NULL""");
            exec(st, "INSERT INTO cr SELECT 'budget_revenue', region, ym, total, total_s, NULL, NULL FROM bud_s");
            exec(st, "INSERT INTO cr SELECT 'budget_tax', region, ym, tax, tax_s, NULL, NULL FROM bud_s");
            exec(st, "INSERT INTO cr SELECT 'budget_non_tax', region, ym, nontax, nontax_s, NULL, NULL FROM bud_s");
            // a project's 本年 figure holds until its next report of the year, or to December
            exec(st, """
                CREATE TABLE prj_c AS
                SELECT p.region, p.ptype, p.planned, g.gym AS ym, p.ytd,
                       CASE WHEN g.gym = p.ym THEN p.ytd_s ELSE 0 END AS ytd_s
                FROM (SELECT *, coalesce(lead(ym) OVER (PARTITION BY code, ym // 12 ORDER BY ym) - 1,
                                         (ym // 12) * 12 + 11) AS upto FROM prj_s) p,
                     LATERAL (SELECT unnest(generate_series(p.ym, p.upto)) AS gym) g""");
            exec(st, "INSERT INTO cr SELECT 'fai', region, ym, ytd, ytd_s, NULL, NULL FROM prj_c WHERE planned >= 500");
            exec(st, "INSERT INTO cr SELECT 'fai_industry', region, ym, ytd, ytd_s, NULL, NULL FROM prj_c "
                + "WHERE planned >= 500 AND ptype = '工业'");

            // --- flows (当月 amounts, counts of events) ---
            exec(st, "CREATE TABLE ev (indicator VARCHAR, region VARCHAR, ym INTEGER, amt DOUBLE)");
            exec(st, "CREATE TABLE tax AS SELECT " + ym("period") + " AS ym, region, ind, ttype, " + num("amount")
                + " AS amount FROM read_csv(" + list(taxFiles) + ", header = true, all_varchar = true, names = "
                + "['period', 'region', 'rname', 'ind', 'iname', 'ttype', 'amount'])");
            exec(st, "INSERT INTO ev SELECT 'tax_total', region, ym, amount FROM tax");
            exec(st, "INSERT INTO ev SELECT 'tax_industry', region, ym, amount FROM tax WHERE ind IN (SELECT code FROM industrial)");
            exec(st, "INSERT INTO ev SELECT 'tax.' || ttype, region, ym, amount FROM tax");
            exec(st, "INSERT INTO ev SELECT 'new_enterprises', region, " + ym("chg") + ", 1 FROM read_csv("
                + lit(sample.resolve("industry/enterprise_register.csv")) + ", header = true, all_varchar = true, names = "
                + "['year', 'credit', 'ename', 'region', 'ind', 'status', 'chg', 'reason']) WHERE status = '新增'");
            exec(st, "CREATE TABLE contracts AS SELECT code, region, " + ym("signed") + " AS ym, " + num("amount")
                + " AS amount, source FROM read_csv(" + lit(sample.resolve("investment/attraction_contracts.csv"))
                + ", header = true, all_varchar = true, names = ['code', 'pname', 'region', 'ind', 'chain', 'signed', "
                + "'amount', 'source', 'f500', 'listed', 'unit'])");
            exec(st, "INSERT INTO ev SELECT 'attraction_signed', region, ym, amount FROM contracts");
            exec(st, "INSERT INTO ev SELECT 'attraction_contracts', region, ym, 1 FROM contracts");
            exec(st, "CREATE TABLE funds AS SELECT " + ym("period") + " AS ym, code, " + num("amount") + " AS amount "
                + "FROM read_csv(" + lit(sample.resolve("investment/attraction_funds.csv"))
                + ", header = true, all_varchar = true, names = ['period', 'code', 'amount'])");
            exec(st, "INSERT INTO ev SELECT 'attraction_funds', c.region, f.ym, f.amount FROM funds f JOIN contracts c USING (code)");
            exec(st, "INSERT INTO ev SELECT 'attraction_funds_outside', c.region, f.ym, f.amount FROM funds f "
                + "JOIN contracts c USING (code) WHERE c.source = '省外'");
            // a flow's units are the regions it ever has; its months run from January of its first year to the last
            // month of the data, every month carrying the year's cumulative
            exec(st, """
                CREATE TABLE units AS
                SELECT e.indicator, e.region, s.lo FROM (SELECT DISTINCT indicator, region FROM ev) e
                JOIN (SELECT indicator, (min(ym) // 12) * 12 AS lo FROM ev GROUP BY indicator) s USING (indicator)""");
        }

        private void derive(Statement st, List<Checked> periods) throws SQLException {
            long horizon = scalar(st, "SELECT max(ym) FROM io");
            exec(st, "CREATE TABLE tp (cadence VARCHAR, n INTEGER, pend INTEGER, period VARCHAR)");
            for (Checked c : periods) {
                exec(st, "INSERT INTO tp VALUES (" + lit(c.cadence()) + ", " + c.months() + ", "
                    + (c.end().getYear() * 12 + c.end().getMonthValue() - 1) + ", " + lit(c.end().toString()) + ")");
            }
            // the period itself (lag 0), a year earlier, two years earlier
            exec(st, "CREATE TABLE tl AS SELECT tp.*, lg, pend - lg AS e FROM tp CROSS JOIN (VALUES (0), (12), (24)) v(lg)");

            // unit-level values of each period: c = 1—N月 at the end month, p = the cadence's own months
            exec(st, """
                CREATE TABLE pv AS
                SELECT t.cadence, t.pend, t.lg, r.indicator, r.region,
                       sum(r.cum) FILTER (WHERE r.ym = t.e) AS c,
                       sum(r.single) AS p,
                       sum(r.bcum) FILTER (WHERE r.ym = t.e) AS bc,
                       sum(r.bsingle) AS bp
                FROM tl t JOIN cr r ON r.ym > t.e - t.n AND r.ym <= t.e
                GROUP BY t.cadence, t.pend, t.lg, r.indicator, r.region""");
            // a stock: the count of enterprises reporting at the end month, whatever the cadence
            exec(st, """
                INSERT INTO pv
                SELECT t.cadence, t.pend, t.lg, 'enterprises', s.region, count(DISTINCT s.credit),
                       count(DISTINCT s.credit), NULL, NULL
                FROM tl t JOIN io s ON s.ym = t.e
                GROUP BY t.cadence, t.pend, t.lg, s.region""");
            exec(st, "INSERT INTO pv SELECT t.cadence, t.pend, t.lg, u.indicator, u.region, "
                + "CASE WHEN t.e >= u.lo AND t.e <= " + horizon + " THEN coalesce(sum(e.amt) FILTER "
                + "(WHERE e.ym // 12 = t.e // 12), 0) END, "
                + "CASE WHEN t.e >= u.lo AND t.e - t.n + 1 <= " + horizon + " THEN coalesce(sum(e.amt) FILTER "
                + "(WHERE e.ym > t.e - t.n), 0) END, NULL, NULL "
                + "FROM tl t CROSS JOIN units u LEFT JOIN ev e ON e.indicator = u.indicator AND e.region = u.region "
                + "AND e.ym <= t.e AND e.ym > t.e - 24 "
                + "GROUP BY t.cadence, t.pend, t.lg, t.e, t.n, u.indicator, u.region, u.lo");

            // regions: counties under their city (GB/T 2260), 市本级 under its own city
            exec(st, """
                CREATE TABLE reg AS
                SELECT region,
                       CASE WHEN ends_with(region, '_SBJ') THEN 'city_own' ELSE 'county' END AS level,
                       CASE WHEN ends_with(region, '_SBJ') THEN substr(region, 1, 6) ELSE substr(region, 1, 4) || '00' END
                           AS parent
                FROM (SELECT DISTINCT region FROM pv)""");
            assertEquals(0, scalar(st, "SELECT count(*) FROM reg WHERE parent NOT IN (SELECT code FROM cities)"),
                "every unit lies in a city of GB/T 2260");
            // the city = the sum of its units (counties and 市本级)
            exec(st, """
                CREATE TABLE pva AS
                SELECT pv.*, reg.level, reg.parent FROM pv JOIN reg USING (region)
                UNION ALL
                SELECT cadence, pend, lg, indicator, parent, sum(c), sum(p), sum(bc), sum(bp), 'city', NULL
                FROM pv JOIN reg USING (region)
                GROUP BY cadence, pend, lg, indicator, parent""");
            exec(st, """
                CREATE TABLE w AS
                SELECT cadence, pend, indicator, region, level, parent,
                       max(c) FILTER (WHERE lg = 0) AS c0, max(p) FILTER (WHERE lg = 0) AS p0,
                       max(bc) FILTER (WHERE lg = 0) AS bc0, max(bp) FILTER (WHERE lg = 0) AS bp0,
                       max(c) FILTER (WHERE lg = 12) AS c1, max(p) FILTER (WHERE lg = 12) AS p1,
                       max(bc) FILTER (WHERE lg = 12) AS bc1, max(c) FILTER (WHERE lg = 24) AS c2
                FROM pva GROUP BY cadence, pend, indicator, region, level, parent""");
            // iva_real compares with the same enterprises a year earlier; everything else with last year's value
            exec(st, """
                CREATE TABLE f AS
                SELECT *, CASE WHEN indicator = 'iva_real' THEN bc0 ELSE c1 END AS base_c,
                          CASE WHEN indicator = 'iva_real' THEN bp0 ELSE p1 END AS base_p
                FROM w WHERE c0 IS NOT NULL""");
            exec(st, """
                CREATE TABLE f2 AS
                SELECT *,
                  CASE WHEN base_c > 0 THEN (c0 / base_c - 1) * 100 END AS yoy,
                  CASE WHEN base_p > 0 AND p0 IS NOT NULL THEN (p0 / base_p - 1) * 100 END AS yoy_p,
                  CASE WHEN indicator = 'iva_real' THEN
                         CASE WHEN bc0 > 0 AND bc1 > 0 AND c1 IS NOT NULL THEN (sqrt((c0 / bc0) * (c1 / bc1)) - 1) * 100 END
                       ELSE CASE WHEN c2 > 0 AND c0 >= 0 THEN (sqrt(c0 / c2) - 1) * 100 END END AS two_year
                FROM f""");
            exec(st, "ALTER TABLE f2 ADD COLUMN rank_by DOUBLE");
            // ranks compare printed figures: growth with one decimal, counts whole, 万元 with two (half-up on the
            // decimal value: the cast to DECIMAL drops binary noise such as 4.049999999999997 before rounding; each
            // branch back to DOUBLE, or the CASE unifies the three DECIMAL scales to whole numbers)
            exec(st, """
                UPDATE f2 SET rank_by = CASE
                  WHEN indicator = 'iva_real' THEN CAST(round(CAST(yoy AS DECIMAL(38, 10)), 1) AS DOUBLE)
                  WHEN indicator IN ('enterprises', 'new_enterprises', 'attraction_contracts')
                    THEN CAST(round(CAST(c0 AS DECIMAL(38, 10)), 0) AS DOUBLE)
                  ELSE CAST(round(CAST(c0 AS DECIMAL(38, 10)), 2) AS DOUBLE) END""");
            exec(st, """
                CREATE TABLE orc AS
                SELECT t.cadence, t.period, f.region, f.indicator,
                  f.c0 AS value_cum, f.p0 AS value_period, p.c0 AS parent_total,
                  CASE WHEN p.c0 <> 0 THEN f.c0 / p.c0 * 100 END AS share_pct,
                  CASE WHEN f.level = 'county' AND f.rank_by IS NOT NULL THEN 1 + (
                      SELECT count(*) FROM f2 g WHERE g.cadence = f.cadence AND g.pend = f.pend
                        AND g.indicator = f.indicator AND g.parent = f.parent AND g.level = 'county'
                        AND g.rank_by > f.rank_by) END AS rank,
                  f.yoy AS yoy_pct, f.yoy_p AS yoy_period_pct, f.yoy - p.yoy AS vs_parent_pp,
                  CASE WHEN f.base_c IS NOT NULL AND p.c0 - p.base_c <> 0
                       THEN (f.c0 - f.base_c) / (p.c0 - p.base_c) * 100 END AS contribution_pct,
                  CASE WHEN f.base_c IS NOT NULL AND p.base_c > 0 THEN (f.c0 - f.base_c) / p.base_c * 100 END AS pull_pp,
                  f.two_year AS two_year_avg_pct,
                  CASE WHEN f.indicator NOT IN ('enterprises', 'new_enterprises', 'attraction_contracts')
                        AND pop.population > 0 THEN f.c0 * 10000 / pop.population END AS per_capita
                FROM f2 f JOIN tp t ON t.cadence = f.cadence AND t.pend = f.pend
                LEFT JOIN f2 p ON p.cadence = f.cadence AND p.pend = f.pend AND p.indicator = f.indicator
                     AND p.region = f.parent
                LEFT JOIN pop ON pop.region = f.region""");
        }

        private Map<String, Map<String, Object>> results(Statement st) throws SQLException {
            Map<String, Map<String, Object>> out = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT cadence, period, region, indicator, "
                + String.join(", ", FIGURES) + " FROM orc")) {
                while (rs.next()) {
                    Map<String, Object> figures = new TreeMap<>();
                    for (int i = 0; i < FIGURES.size(); i++) {
                        Object v = rs.getObject(5 + i);
                        figures.put(FIGURES.get(i), v == null ? null : ((Number) v).doubleValue());
                    }
                    Object before = out.put(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        figures);
                    assertEquals(null, before, "one oracle row per key");
                }
            }
            return out;
        }

        /** The tax files are GBK: DuckDB reads UTF-8 only here, so they are transcoded with the JDK. */
        private Path transcode(Path source, Charset charset) {
            try {
                Path target = work.resolve(source.getFileName().toString().replace(".csv", ".utf8.csv"));
                Files.writeString(target, new String(Files.readAllBytes(source), charset), StandardCharsets.UTF_8);
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
