package org.countyscope.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The county comparison computed a second way: DuckDB SQL straight from the generated raw files, sharing no code with
 * the Spark pipeline — the benchmark's yardstick and a cross-check of the product at province scale. Figures as in
 * {@code gold/comparison} ({@link #FIGURES}), one row per cadence × period × region × indicator, for every indicator
 * the sample's DuckDB oracle covers. Months are integers {@code ym = year × 12 + month − 1}.
 */
public final class DuckDbFigures {
    /** The figures compared, as named in gold/comparison. */
    public static final List<String> FIGURES = List.of("value_cum", "value_period", "parent_total", "share_pct", "rank",
        "yoy_pct", "yoy_period_pct", "vs_parent_pp", "contribution_pct", "pull_pp", "two_year_avg_pct", "per_capita");
    static final String DRIVER = "org.duckdb.DuckDBDriver";

    /** One compared period: a cadence, the months it spans and its last month. */
    public record Period(String cadence, int months, YearMonth end) {
    }

    /** Figures by {@link #key}; a figure is null where the comparison leaves it empty. Rows read from the files. */
    public record Result(Map<String, Double[]> figures, long rowsRead) {
    }

    private DuckDbFigures() {
    }

    /** Whether the DuckDB JDBC driver is on the classpath (it is not in the cluster jar). */
    public static boolean available() {
        try {
            Class.forName(DRIVER);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The key of one comparison row, the same on both sides. */
    public static String key(String cadence, String period, String region, String indicator) {
        return cadence + " " + period + " " + region + " " + indicator;
    }

    /**
     * Computes every figure for the given periods.
     *
     * @param files the raw files, readable by DuckDB (UTF-8 CSVs; see {@link RawFiles})
     */
    public static Result compute(RawFiles files, List<Period> periods) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET autoinstall_known_extensions = false");
            st.execute("SET autoload_known_extensions = false");
            st.execute("SET preserve_insertion_order = false");
            long rows = load(st, files);
            derive(st, periods);
            return new Result(results(st), rows);
        }
    }

    private static String list(List<Path> files) {
        return files.stream().map(DuckDbFigures::lit).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String lit(Path p) {
        return lit(p.toString());
    }

    private static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
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

    private static void check(Statement st, String sql, String what) throws SQLException {
        long n = scalar(st, sql);
        if (n != 0) {
            throw new IllegalStateException("DuckDB side: " + what + " (" + n + " rows break it)");
        }
    }

    private static String csv(List<Path> files, String names) {
        return "read_csv(" + list(files) + ", header = true, all_varchar = true, names = " + names + ")";
    }

    private static String csv(Path file, String names) {
        return csv(List.of(file), names);
    }

    /** Loads the files into tables; returns the rows read. */
    private static long load(Statement st, RawFiles f) throws SQLException {
        // --- reference: parents of counties (GB/T 2260), census population, industrial 大类 ---
        exec(st, "CREATE TABLE cities AS SELECT code FROM read_csv(" + lit(f.reference("gbt2260_cities.csv"))
            + ", header = true, all_varchar = true)");
        exec(st, "CREATE TABLE pop AS SELECT \"区划代码\" AS region, CAST(\"人口数_合计\" AS DOUBLE) AS population FROM read_csv("
            + lit(f.reference("pingliang_census_2020_population.csv")) + ", header = true, all_varchar = true)");
        exec(st, "CREATE TABLE industrial AS SELECT code FROM read_csv(" + lit(f.reference("gbt4754_2017_industries.csv"))
            + ", header = true, all_varchar = true) WHERE level = '2' AND section IN ('B', 'C', 'D')");

        // --- 一套表: cumulative 1—N月 per enterprise, with the optional 上年同期 (…_p) ---
        exec(st, "CREATE TABLE io_raw AS SELECT credit, ename, region, substr(ind, 1, 2) AS ind2, " + ym("period")
            + " AS ym, " + num("gross") + " AS gross, " + num("va") + " AS va, " + num("rev") + " AS rev, "
            + num("profit") + " AS profit, " + num("gross_p") + " AS gross_p, " + num("va_p") + " AS va_p, "
            + num("rev_p") + " AS rev_p, " + num("profit_p") + " AS profit_p FROM " + csv(f.industrialOutput(),
            "['period', 'credit', 'ename', 'region', 'ind', 'gross', 'va', 'rev', 'profit', 'emp', 'gross_p', 'va_p', "
            + "'rev_p', 'profit_p']"));
        check(st, "SELECT count(*) - count(DISTINCT (credit, ym)) FROM io_raw",
            "one 一套表 report per enterprise and period");
        exec(st, "CREATE TABLE reg_file AS SELECT * FROM " + csv(f.register(), "['year', 'credit', 'ename', 'region', "
            + "'ind', 'status', 'chg', 'reason']"));
        // 缺报: months a register enterprise owes (from max(2, entry month), to its exit month, to the data's last
        // month) without a report; estimated as the last report of the year × months / months reported, else last
        // year's own report of the month
        exec(st, """
            CREATE TABLE owed AS
            WITH r AS (SELECT credit, ename, region, substr(ind, 1, 2) AS ind2, CAST(year AS INTEGER) AS yr,
                              CASE WHEN status = '新增' THEN greatest(CAST(substr(chg, 6, 2) AS INTEGER), 2) ELSE 2 END AS m1,
                              CASE WHEN status = '退库' THEN CAST(substr(chg, 6, 2) AS INTEGER) ELSE 12 END AS m2
                       FROM reg_file)
            SELECT r.credit, r.ename, r.region, r.ind2, r.yr * 12 + g.m - 1 AS ym
            FROM r, LATERAL (SELECT unnest(generate_series(r.m1, r.m2)) AS m) g
            WHERE r.yr * 12 + g.m - 1 <= (SELECT max(ym) FROM io_raw)
              AND r.yr IN (SELECT DISTINCT ym // 12 FROM io_raw)""");
        exec(st, """
            CREATE TABLE io_est AS
            WITH miss AS (SELECT o.* FROM owed o ANTI JOIN io_raw i ON i.credit = o.credit AND i.ym = o.ym),
                 lst AS (SELECT m.*, (SELECT max(i.ym) FROM io_raw i WHERE i.credit = m.credit AND i.ym // 12 = m.ym // 12
                                        AND i.ym < m.ym) AS lym FROM miss m)
            SELECT l.credit, l.ename, l.region, coalesce(a.ind2, l.ind2) AS ind2, l.ym,
                   CASE WHEN a.credit IS NOT NULL THEN round(a.gross * ((l.ym % 12 + 1) / (a.ym % 12 + 1)), 2) ELSE b.gross END AS gross,
                   CASE WHEN a.credit IS NOT NULL THEN round(a.va * ((l.ym % 12 + 1) / (a.ym % 12 + 1)), 2) ELSE b.va END AS va,
                   CASE WHEN a.credit IS NOT NULL THEN round(a.rev * ((l.ym % 12 + 1) / (a.ym % 12 + 1)), 2) ELSE b.rev END AS rev,
                   CASE WHEN a.credit IS NOT NULL THEN round(a.profit * ((l.ym % 12 + 1) / (a.ym % 12 + 1)), 2) ELSE b.profit END
                       AS profit,
                   round(a.gross_p * ((l.ym % 12 + 1) / (a.ym % 12 + 1)), 2) AS gross_p,
                   round(a.va_p * ((l.ym % 12 + 1) / (a.ym % 12 + 1)), 2) AS va_p,
                   round(a.rev_p * ((l.ym % 12 + 1) / (a.ym % 12 + 1)), 2) AS rev_p,
                   round(a.profit_p * ((l.ym % 12 + 1) / (a.ym % 12 + 1)), 2) AS profit_p
            FROM lst l LEFT JOIN io_raw a ON a.credit = l.credit AND a.ym = l.lym
            LEFT JOIN io_raw b ON b.credit = l.credit AND b.ym = l.ym - 12
            WHERE a.credit IS NOT NULL OR b.credit IS NOT NULL""");
        exec(st, "CREATE TABLE io AS SELECT *, 0 AS est FROM io_raw UNION ALL BY NAME SELECT *, 1 AS est FROM io_est");
        // single period = cum minus the enterprise's previous report of the year; the first report is its cum
        exec(st, """
            CREATE TABLE io_s AS
            SELECT *, ym // 12 AS yr,
                   ym - coalesce(lag(ym) OVER w, (ym // 12) * 12 - 1) AS covered,
                   gross - coalesce(lag(gross) OVER w, 0) AS gross_s,
                   va - coalesce(lag(va) OVER w, 0) AS va_s,
                   rev - coalesce(lag(rev) OVER w, 0) AS rev_s,
                   profit - coalesce(lag(profit) OVER w, 0) AS profit_s
            FROM io WINDOW w AS (PARTITION BY credit, ym // 12 ORDER BY ym)""");

        // --- PPI (上年同月 = 100) per 大类 and month; a report's deflator is the mean over the months it covers. A month
        // without the 大类's index takes the 门类's (B, C, D), else 全部工业品, else the mean of the 大类, else 100 ---
        exec(st, "CREATE TABLE ppi AS SELECT " + ym("period") + " AS ym, ind, " + num("idx") + " AS idx FROM "
            + csv(f.ppi(), "['period', 'ind', 'iname', 'idx']"));
        check(st, "SELECT count(*) - count(DISTINCT (ind, ym)) FROM ppi", "one PPI per month and 大类");
        exec(st, "CREATE TABLE sections AS SELECT code AS ind2, section FROM read_csv("
            + lit(f.reference("gbt4754_2017_industries.csv")) + ", header = true, all_varchar = true) WHERE level = '2'");
        exec(st, """
            CREATE TABLE defl AS
            WITH cov AS (SELECT credit, ym, ind2, unnest(range(ym - covered + 1, ym + 1)) AS m FROM io_s),
                 month_mean AS (SELECT ym AS m, avg(idx) AS idx_all FROM ppi WHERE regexp_matches(ind, '^[0-9]{2}$')
                                GROUP BY ym)
            SELECT c.credit, c.ym, avg(coalesce(p.idx, sp.idx, ap.idx, a.idx_all, 100.0)) AS d
            FROM cov c LEFT JOIN ppi p ON p.ym = c.m AND p.ind = c.ind2
            LEFT JOIN sections s ON s.ind2 = c.ind2
            LEFT JOIN ppi sp ON sp.ym = c.m AND sp.ind = s.section
            LEFT JOIN ppi ap ON ap.ym = c.m AND ap.ind = '全部工业品'
            LEFT JOIN month_mean a ON a.m = c.m
            GROUP BY c.credit, c.ym""");
        // deflated single periods, cumulated within the enterprise's year
        exec(st, """
            CREATE TABLE io_rc AS
            SELECT credit, region, ym, yr, r, sum(r) OVER (PARTITION BY credit, yr ORDER BY ym
                                                      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS rc
            FROM (SELECT s.credit, s.region, s.ym, s.yr, s.va_s / (d.d / 100.0) AS r
                  FROM io_s s JOIN defl d ON d.credit = s.credit AND d.ym = s.ym)""");
        // last year's value added of the same months: 1—N月 from the 上年同期 column, else the enterprise's own report a
        // year earlier, else zero for a 新建投产 entrant of the year; a single period's base is the difference of the
        // 1—N月 bases of this report and the enterprise's previous report of the year
        exec(st, """
            CREATE TABLE io_ly AS
            SELECT *, CASE WHEN lag(ym) OVER w IS NULL THEN ly ELSE ly - lag(ly) OVER w END AS bs
            FROM (SELECT rc.*, CASE WHEN rc.yr - 1 IN (SELECT DISTINCT ym // 12 FROM io)
                                    THEN coalesce(s.va_p, o.va, CASE WHEN n.credit IS NOT NULL THEN 0.0 END) END AS ly
                  FROM io_rc rc JOIN io_s s ON s.credit = rc.credit AND s.ym = rc.ym
                  LEFT JOIN io o ON o.credit = rc.credit AND o.ym = rc.ym - 12
                  LEFT JOIN (SELECT DISTINCT credit, CAST(year AS INTEGER) AS yr FROM reg_file
                             WHERE status = '新增' AND reason = '新建投产') n ON n.credit = rc.credit AND n.yr = rc.yr)
            WINDOW w AS (PARTITION BY credit, yr ORDER BY ym)""");

        // region × month sums of entities' 1—N月 values (cum) and single periods; b… is the same enterprises' base
        exec(st, "CREATE TABLE cr (indicator VARCHAR, region VARCHAR, ym INTEGER, cum DOUBLE, single DOUBLE, "
            + "bcum DOUBLE, bsingle DOUBLE)");
        for (String[] m : new String[][] {{"iva", "va"}, {"gross_output", "gross"}, {"revenue", "rev"},
            {"profit", "profit"}}) {
            exec(st, "INSERT INTO cr SELECT '" + m[0] + "', region, ym, sum(" + m[1] + "), sum(" + m[1] + "_s), NULL, "
                + "NULL FROM io_s GROUP BY region, ym");
        }
        // comparable prices, like-for-like: a report counts where its base of the same months is known
        exec(st, """
            INSERT INTO cr SELECT 'iva_real', region, ym, sum(rc) FILTER (WHERE ly IS NOT NULL),
                   sum(r) FILTER (WHERE bs IS NOT NULL), sum(ly), sum(bs)
            FROM io_ly GROUP BY region, ym
            HAVING count(ly) > 0 OR count(bs) > 0""");

        // --- budget: cumulative per region; a city's own code is its 市本级 ---
        exec(st, "CREATE TABLE bud AS SELECT " + ym("period") + " AS ym, CASE WHEN region IN (SELECT code FROM cities)"
            + " THEN region || '_SBJ' ELSE region END AS region, " + num("tax") + " AS tax, " + num("nontax")
            + " AS nontax, coalesce(" + num("total") + ", " + num("tax") + " + " + num("nontax") + ") AS total FROM "
            + csv(f.budget(), "['period', 'region', 'rname', 'tax', 'nontax', 'total']"));
        check(st, "SELECT count(*) - count(DISTINCT (region, ym)) FROM bud", "one budget row per region and month");
        exec(st, """
            CREATE TABLE bud_s AS
            SELECT *, total - coalesce(lag(total) OVER w, 0) AS total_s, tax - coalesce(lag(tax) OVER w, 0) AS tax_s,
                   nontax - coalesce(lag(nontax) OVER w, 0) AS nontax_s
            FROM bud WINDOW w AS (PARTITION BY region, ym // 12 ORDER BY ym)""");
        exec(st, "INSERT INTO cr SELECT 'budget_revenue', region, ym, total, total_s, NULL, NULL FROM bud_s");
        exec(st, "INSERT INTO cr SELECT 'budget_tax', region, ym, tax, tax_s, NULL, NULL FROM bud_s");
        exec(st, "INSERT INTO cr SELECT 'budget_non_tax', region, ym, nontax, nontax_s, NULL, NULL FROM bud_s");

        // --- projects: 本年完成投资 cumulative; a project's figure holds until its next report of the year ---
        exec(st, "CREATE TABLE prj AS SELECT " + ym("period") + " AS ym, code, region, ptype, " + num("planned")
            + " AS planned, " + num("ytd") + " AS ytd FROM " + csv(f.projects(), "['period', 'code', 'pname', 'region', "
            + "'ind', 'ptype', 'planned', 'ytd', 'total', 'land', 'signed', 'pstart', 'astart', 'pend', 'aend', 'status', "
            + "'capacity', 'output', 'ptax']"));
        check(st, "SELECT count(*) - count(DISTINCT (code, ym)) FROM prj", "one row per project and month");
        exec(st, """
            CREATE TABLE prj_c AS
            WITH s AS (SELECT *, ytd - coalesce(lag(ytd) OVER (PARTITION BY code, ym // 12 ORDER BY ym), 0) AS ytd_s,
                              coalesce(lead(ym) OVER (PARTITION BY code, ym // 12 ORDER BY ym) - 1,
                                       (ym // 12) * 12 + 11) AS upto
                       FROM prj WHERE planned >= 500)
            SELECT s.region, s.ptype, g.gym AS ym, s.ytd, CASE WHEN g.gym = s.ym THEN s.ytd_s ELSE 0 END AS ytd_s
            FROM s, LATERAL (SELECT unnest(generate_series(s.ym, s.upto)) AS gym) g""");
        exec(st, "INSERT INTO cr SELECT 'fai', region, ym, sum(ytd), sum(ytd_s), NULL, NULL FROM prj_c GROUP BY region, ym");
        exec(st, "INSERT INTO cr SELECT 'fai_industry', region, ym, sum(ytd), sum(ytd_s), NULL, NULL FROM prj_c "
            + "WHERE ptype = '工业' GROUP BY region, ym");

        // --- flows: 当月 amounts and counts of events, cumulated later over a full grid of months ---
        exec(st, "CREATE TABLE ev (indicator VARCHAR, region VARCHAR, ym INTEGER, amt DOUBLE)");
        exec(st, "CREATE TABLE tax AS SELECT " + ym("period") + " AS ym, region, ind, ttype, " + num("amount")
            + " AS amount FROM " + csv(f.tax(), "['period', 'region', 'rname', 'ind', 'iname', 'ttype', 'amount']"));
        exec(st, "INSERT INTO ev SELECT 'tax_total', region, ym, sum(amount) FROM tax GROUP BY ALL");
        exec(st, "INSERT INTO ev SELECT 'tax_industry', region, ym, sum(amount) FROM tax "
            + "WHERE ind IN (SELECT code FROM industrial) GROUP BY ALL");
        exec(st, "INSERT INTO ev SELECT 'tax.' || ttype, region, ym, sum(amount) FROM tax GROUP BY ALL");
        exec(st, "INSERT INTO ev SELECT 'new_enterprises', region, " + ym("chg") + ", count(*) FROM reg_file "
            + "WHERE status = '新增' GROUP BY ALL");
        exec(st, "CREATE TABLE contracts AS SELECT code, region, " + ym("signed") + " AS ym, " + num("amount")
            + " AS amount, source FROM " + csv(f.contracts(), "['code', 'pname', 'region', 'ind', 'chain', 'signed', "
            + "'amount', 'source', 'f500', 'listed', 'unit']"));
        exec(st, "INSERT INTO ev SELECT 'attraction_signed', region, ym, sum(amount) FROM contracts GROUP BY ALL");
        exec(st, "INSERT INTO ev SELECT 'attraction_contracts', region, ym, count(*) FROM contracts GROUP BY ALL");
        exec(st, "CREATE TABLE funds AS SELECT " + ym("period") + " AS ym, code, " + num("amount") + " AS amount FROM "
            + csv(f.funds(), "['period', 'code', 'amount']"));
        exec(st, "INSERT INTO ev SELECT 'attraction_funds', c.region, f.ym, sum(f.amount) FROM funds f "
            + "JOIN contracts c USING (code) GROUP BY ALL");
        exec(st, "INSERT INTO ev SELECT 'attraction_funds_outside', c.region, f.ym, sum(f.amount) FROM funds f "
            + "JOIN contracts c USING (code) WHERE c.source = '省外' GROUP BY ALL");
        // a flow's units are the regions it ever has; its months run from January of its first year to its last
        // event or the last month of its source's data, whichever is later (tax files; 到位资金 for 招商引资;
        // 一套表 for new enterprises)
        exec(st, """
            CREATE TABLE units AS
            SELECT e.indicator, e.region, s.lo,
                   greatest(s.last, CASE WHEN e.indicator LIKE 'tax%' THEN (SELECT max(ym) FROM tax)
                                         WHEN e.indicator = 'new_enterprises' THEN (SELECT max(ym) FROM io)
                                         ELSE (SELECT max(ym) FROM funds) END) AS hi
            FROM (SELECT DISTINCT indicator, region FROM ev) e
            JOIN (SELECT indicator, (min(ym) // 12) * 12 AS lo, max(ym) AS last FROM ev GROUP BY indicator) s
                 USING (indicator)""");
        return scalar(st, "SELECT (SELECT count(*) FROM io_raw) + (SELECT count(*) FROM ppi) + (SELECT count(*) FROM bud) "
            + "+ (SELECT count(*) FROM prj) + (SELECT count(*) FROM tax) + (SELECT count(*) FROM reg_file) "
            + "+ (SELECT count(*) FROM contracts) + (SELECT count(*) FROM funds)");
    }

    private static void derive(Statement st, List<Period> periods) throws SQLException {
        exec(st, "CREATE TABLE tp (cadence VARCHAR, n INTEGER, pend INTEGER, period VARCHAR)");
        for (Period p : periods) {
            exec(st, "INSERT INTO tp VALUES (" + lit(p.cadence()) + ", " + p.months() + ", "
                + (p.end().getYear() * 12 + p.end().getMonthValue() - 1) + ", " + lit(p.end().toString()) + ")");
        }
        // the period itself (lag 0), a year earlier, two years earlier
        exec(st, "CREATE TABLE tl AS SELECT tp.*, lg, pend - lg AS e FROM tp CROSS JOIN (VALUES (0), (12), (24)) v(lg)");
        // unit values of each period: c = 1—N月 at the end month, p = the cadence's own months
        exec(st, """
            CREATE TABLE pv AS
            SELECT t.cadence, t.pend, t.lg, r.indicator, r.region,
                   sum(r.cum) FILTER (WHERE r.ym = t.e) AS c, sum(r.single) AS p,
                   sum(r.bcum) FILTER (WHERE r.ym = t.e) AS bc, sum(r.bsingle) AS bp
            FROM tl t JOIN cr r ON r.ym > t.e - t.n AND r.ym <= t.e
            GROUP BY t.cadence, t.pend, t.lg, r.indicator, r.region""");
        // a stock: the enterprises reporting at the end month, whatever the cadence
        exec(st, """
            INSERT INTO pv
            SELECT t.cadence, t.pend, t.lg, 'enterprises', s.region, s.n, s.n, NULL, NULL
            FROM tl t JOIN (SELECT region, ym, count(*) AS n FROM io GROUP BY region, ym) s ON s.ym = t.e""");
        // flows: a month without events still carries the year's cumulative, up to the data's last month
        exec(st, """
            INSERT INTO pv
            SELECT t.cadence, t.pend, t.lg, u.indicator, u.region,
                   CASE WHEN t.e >= u.lo AND t.e <= u.hi THEN coalesce(sum(e.amt) FILTER (WHERE e.ym // 12 = t.e // 12), 0)
                        END,
                   CASE WHEN t.e >= u.lo AND t.e - t.n + 1 <= u.hi THEN coalesce(sum(e.amt) FILTER (WHERE e.ym > t.e - t.n), 0)
                        END, NULL, NULL
            FROM tl t CROSS JOIN units u LEFT JOIN ev e ON e.indicator = u.indicator AND e.region = u.region
                 AND e.ym <= t.e AND e.ym > t.e - 24
            GROUP BY t.cadence, t.pend, t.lg, t.e, t.n, u.indicator, u.region, u.lo, u.hi""");

        // regions: counties under their city (GB/T 2260 code pattern), 市本级 under its own city
        exec(st, """
            CREATE TABLE reg AS
            SELECT region,
                   CASE WHEN ends_with(region, '_SBJ') THEN 'city_own' ELSE 'county' END AS level,
                   CASE WHEN ends_with(region, '_SBJ') THEN substr(region, 1, 6) ELSE substr(region, 1, 4) || '00' END
                       AS parent
            FROM (SELECT DISTINCT region FROM pv)""");
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
            CREATE TABLE f2 AS
            SELECT *,
              CASE WHEN base_c > 0 THEN (c0 / base_c - 1) * 100 END AS yoy,
              CASE WHEN base_p > 0 AND p0 IS NOT NULL THEN (p0 / base_p - 1) * 100 END AS yoy_p,
              CASE WHEN indicator = 'iva_real' THEN
                     CASE WHEN bc0 > 0 AND bc1 > 0 AND c1 IS NOT NULL THEN (sqrt((c0 / bc0) * (c1 / bc1)) - 1) * 100 END
                   ELSE CASE WHEN c2 > 0 AND c0 >= 0 THEN (sqrt(c0 / c2) - 1) * 100 END END AS two_year,
              CASE WHEN indicator = 'iva_real' THEN
                     CASE WHEN base_c > 0 THEN CAST(round(CAST((c0 / base_c - 1) * 100 AS DECIMAL(38, 10)), 1) AS DOUBLE) END
                   WHEN indicator IN ('enterprises', 'new_enterprises', 'attraction_contracts')
                     THEN CAST(round(CAST(c0 AS DECIMAL(38, 10)), 0) AS DOUBLE)
                   ELSE CAST(round(CAST(c0 AS DECIMAL(38, 10)), 2) AS DOUBLE) END AS rank_by
            FROM (SELECT *, CASE WHEN indicator = 'iva_real' THEN bc0 ELSE c1 END AS base_c,
                            CASE WHEN indicator = 'iva_real' THEN bp0 ELSE p1 END AS base_p
                  FROM w WHERE c0 IS NOT NULL)""");
        // ranks among the counties of a city on the printed figures (growth one decimal, counts whole, 万元 two
        // decimals, half-up on the decimal value; each branch back to DOUBLE, or the CASE unifies the DECIMAL scales
        // to whole numbers): 1 + the number strictly ahead (ties 1, 2, 2, 4)
        exec(st, """
            CREATE TABLE ranked AS
            SELECT *, CASE WHEN level = 'county' AND rank_by IS NOT NULL THEN
                        rank() OVER (PARTITION BY cadence, pend, indicator, parent, level = 'county' AND rank_by IS NOT NULL
                                     ORDER BY rank_by DESC) END AS rnk
            FROM f2""");
        exec(st, """
            CREATE TABLE orc AS
            SELECT t.cadence, t.period, f.region, f.indicator,
              f.c0 AS value_cum, f.p0 AS value_period, p.c0 AS parent_total,
              CASE WHEN p.c0 <> 0 THEN f.c0 / p.c0 * 100 END AS share_pct,
              f.rnk AS rank,
              f.yoy AS yoy_pct, f.yoy_p AS yoy_period_pct, f.yoy - p.yoy AS vs_parent_pp,
              CASE WHEN f.base_c IS NOT NULL AND p.c0 - p.base_c <> 0
                   THEN (f.c0 - f.base_c) / (p.c0 - p.base_c) * 100 END AS contribution_pct,
              CASE WHEN f.base_c IS NOT NULL AND p.base_c > 0 THEN (f.c0 - f.base_c) / p.base_c * 100 END AS pull_pp,
              f.two_year AS two_year_avg_pct,
              CASE WHEN f.indicator NOT IN ('enterprises', 'new_enterprises', 'attraction_contracts')
                    AND pop.population > 0 THEN f.c0 * 10000 / pop.population END AS per_capita
            FROM ranked f JOIN tp t ON t.cadence = f.cadence AND t.pend = f.pend
            LEFT JOIN ranked p ON p.cadence = f.cadence AND p.pend = f.pend AND p.indicator = f.indicator
                 AND p.region = f.parent
            LEFT JOIN pop ON pop.region = f.region""");
    }

    private static Map<String, Double[]> results(Statement st) throws SQLException {
        Map<String, Double[]> out = new TreeMap<>();
        try (ResultSet rs = st.executeQuery("SELECT cadence, period, region, indicator, " + String.join(", ", FIGURES)
            + " FROM orc")) {
            while (rs.next()) {
                Double[] figures = new Double[FIGURES.size()];
                for (int i = 0; i < figures.length; i++) {
                    Object v = rs.getObject(5 + i);
                    figures[i] = v == null ? null : ((Number) v).doubleValue();
                }
                String k = key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                if (out.put(k, figures) != null) {
                    throw new IllegalStateException("DuckDB side: two rows for " + k);
                }
            }
        }
        return out;
    }
}
