package org.countyscope.pipeline;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.countyscope.TestSpark;
import org.countyscope.cli.CountyscopeCommand;
import org.countyscope.generate.GeneratorConfig;
import org.countyscope.generate.SampleCityGenerator;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publication gate end to end: a small sparse city (seven counties, 24 规上 enterprises: one county with two, one
 * dominated by a coal mine, and one whose third enterprise starts producing in July, so June withholds it and
 * September need not) is ingested once and compared release after release of 2025 into one warehouse. Then an
 * attacker that holds every CSV of every release, and knows that value added, output and revenue are never negative,
 * bounds every sensitive figure of the year by linear programming over the finest cells (county × 大类 × month): none
 * is narrowed to within ±10%. The derived tables (fiscal contribution, targets) print nothing of a withheld figure.
 *
 * <p>Opt-in, because each release is a full {@code compare} (the class took 24 min on a shared machine, far over the
 * suite's budget): {@code -Dcountyscope.yearAttack=two} runs the releases of June and September (each with its month,
 * quarter and half year), {@code =quarterly} the four quarterly releases and {@code =true} the eleven monthly ones.
 */
@EnabledIfSystemProperty(named = "countyscope.yearAttack", matches = "two|quarterly|true")
class ReleaseYearCompareTest {
    static final int YEAR = 2025;
    static final String CITY = "620800";
    /** The county whose third enterprise (大类 13) reports zero until June. */
    static final String LATE_COUNTY = "620823";
    static final List<String> MEASURES = List.of("iva", "gross_output", "revenue", "profit");
    static final Map<String, String> SOURCE_COLUMNS = Map.of("iva", "工业增加值（万元）", "gross_output", "工业总产值（万元）",
        "revenue", "营业收入（万元）", "profit", "利润总额（万元）");
    static final Map<String, String> INDUSTRY_COLUMNS = Map.of("iva", "iva_cum", "gross_output", "gross_output_cum",
        "revenue", "revenue_cum");

    @TempDir
    static Path tmp;
    static Path out;
    static String warehouse;
    static List<YearMonth> releases;
    /** enterprise → county, 大类 and its 当月 values per measure (index 0 = January; 1—2月 at February). */
    static final Map<String, Enterprise> ENTERPRISES = new TreeMap<>();
    static final Map<YearMonth, String> STDOUT = new LinkedHashMap<>();

    record Enterprise(String county, String division, Map<String, double[]> months) {
    }

    @BeforeAll
    static void runTheYear() throws IOException {
        TestSpark.session();
        Path city = tmp.resolve("city");
        SampleCityGenerator.generate(new GeneratorConfig(20260101L, 7, 24, 24, 2024), city);
        // the yearbook tables and the national series play no part in the releases' tables: not ingested
        for (String unused : List.of("indicators", "national")) {
            try (var files = Files.walk(city.resolve(unused))) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        stayInTheRegister(city.resolve("industry/enterprise_register.csv"),
            city.resolve("industry/industrial_output_" + YEAR + ".csv"));
        startInJuly(city.resolve("industry/industrial_output_" + YEAR + ".csv"));
        readTruth(city.resolve("industry/industrial_output_" + YEAR + ".csv"));
        warehouse = tmp.resolve("wh").toString();
        out = tmp.resolve("out");
        String[] ingest = run("ingest", "--input", city.toString(), "--warehouse", warehouse, "--out", out.toString());
        assertEquals("0", ingest[0], "ingest: " + ingest[1] + ingest[2]);
        releases = new ArrayList<>();
        String year = System.getProperty("countyscope.yearAttack", "");
        if (year.equals("true")) {
            for (int m = 2; m <= 12; m++) {
                releases.add(YearMonth.of(YEAR, m));
            }
        } else if (year.equals("quarterly")) {
            for (int m = 3; m <= 12; m += 3) {
                releases.add(YearMonth.of(YEAR, m));
            }
        } else {
            releases.addAll(List.of(YearMonth.of(YEAR, 6), YearMonth.of(YEAR, 9)));
        }
        for (YearMonth m : releases) {
            long t0 = System.nanoTime();
            String[] compare = run("compare", "--period", m.toString(), "--cadence", "month,quarter,half",
                "--warehouse", warehouse, "--out", out.toString());
            assertEquals("0", compare[0], "compare " + m + ": " + compare[1] + compare[2]);
            STDOUT.put(m, compare[1]);
            System.err.printf("compare %s: %.1f s; %s", m, (System.nanoTime() - t0) / 1e9,
                compare[1].lines().filter(l -> l.startsWith("disclosure")).findFirst().orElse("(no disclosure line)\n"));
        }
    }

    @Test
    void anAttackerWithEveryExportOfTheYearNarrowsNoSensitiveFigure() throws IOException {
        List<Published> published = new ArrayList<>();
        Set<Fig> asked = new LinkedHashSet<>();
        for (YearMonth m : releases) {
            published.addAll(exports(m, asked));
        }
        // and every single month between two 1–N月 figures, which the attacker can form by difference
        for (Fig f : List.copyOf(asked)) {
            if (f.from().getMonthValue() == 1 && f.to().getMonthValue() > 2) {
                asked.add(new Fig(f.region(), f.division(), f.measure(), f.to(), f.to()));
            }
        }
        int checked = 0;
        for (String measure : MEASURES) {
            Attacker attacker = new Attacker(measure, published);
            for (Fig f : asked) {
                if (!f.measure().equals(measure) || !sensitive(f)) {
                    continue;
                }
                double v = value(f);
                double[] i = attacker.interval(f);
                double need = 0.1 * Math.abs(v);
                double slack = 1e-6 * Math.max(1, Math.abs(v));
                assertTrue(i[0] <= v - need + slack && i[1] >= v + need - slack,
                    f + " = " + v + " narrowed to [" + i[0] + ", " + i[1] + "] by the year's exports");
                checked++;
            }
        }
        System.err.println("sensitive figures checked against the year's exports: " + checked);
        assertTrue(checked >= 20, "the sparse city has many sensitive figures, checked " + checked);
    }

    /**
     * 620823 has two producing enterprises until June and three from July: 1—6月 is sensitive, 1—9月 is not. June
     * withholds 1—6月; September may publish 1—9月 but then not the third quarter (their difference is 1—6月), and
     * 1—6月 stays withheld in September's half-year rows. (Whether September publishes 1—9月 depends on the rest of
     * the pattern: on this city an escalation for the county's 大类 30 withholds it too; see docs/disclosure.md.)
     */
    @Test
    void aCountyWithheldInJuneStaysProtectedWhenItsYearToDateIsNoLongerSensitive() throws IOException {
        assertTrue(releases.contains(YearMonth.of(YEAR, 6)) && releases.contains(YearMonth.of(YEAR, 9)));
        Fig june = new Fig(LATE_COUNTY, "*", "iva", YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 6));
        Fig nine = new Fig(LATE_COUNTY, "*", "iva", YearMonth.of(YEAR, 1), YearMonth.of(YEAR, 9));
        assertTrue(sensitive(june), "two producing enterprises until June");
        assertTrue(!sensitive(nine), "three from July: 1—9月 is not sensitive");
        Map<String, String> juneRow = comparisonRow(YearMonth.of(YEAR, 6), "month", LATE_COUNTY, "iva");
        assertEquals("…", juneRow.get("value"), "June withholds 1—6月 of " + LATE_COUNTY);
        Map<String, String> sept = comparisonRow(YearMonth.of(YEAR, 9), "month", LATE_COUNTY, "iva");
        Map<String, String> q3 = comparisonRow(YearMonth.of(YEAR, 9), "quarter", LATE_COUNTY, "iva");
        assertTrue("…".equals(sept.get("value")) || "…".equals(q3.get("value_period")),
            "September does not print both 1—9月 and the third quarter: " + sept.get("value") + ", "
                + q3.get("value_period"));
        Map<String, String> half = comparisonRow(YearMonth.of(YEAR, 9), "half", LATE_COUNTY, "iva");
        assertEquals("…", half.get("value"), "what June withheld stays withheld in September's rows");
        System.err.println("September prints 1—9月 of " + LATE_COUNTY + ": " + sept.get("value") + "; Q3: "
            + q3.get("value_period"));
    }

    @Test
    void derivedTablesPrintNothingOfAWithheldFigure() throws IOException {
        int checked = 0;
        for (YearMonth m : releases) {
            Path dir = out.resolve(m.toString()).resolve("tables");
            Set<String> withheld = new TreeSet<>();
            for (Map<String, String> r : csv(dir.resolve("indicator_comparison.csv"))) {
                if ("iva".equals(r.get("indicator")) && "…".equals(r.get("value"))
                    && r.get("period").equals(m.toString())) {
                    withheld.add(r.get("region_code"));
                    for (String c : List.of("share_pct", "rank", "yoy_pct", "vs_parent_pp", "contribution_pct",
                        "pull_pp", "two_year_avg_pct", "per_capita")) {
                        assertTrue(r.get(c).isEmpty() || "…".equals(r.get(c)), m + " " + c + " of a withheld figure: " + r);
                    }
                }
                if ("iva_real".equals(r.get("indicator")) && withheld.contains(r.get("region_code"))
                    && r.get("period").equals(m.toString())) {
                    assertEquals("…", r.get("value"), "comparable prices follow current prices: " + r);
                }
            }
            assertTrue(withheld.contains("620822"), m + ": a county of two enterprises is withheld");
            Path fiscal = dir.resolve("fiscal_contribution.csv");
            if (Files.exists(fiscal)) {
                for (Map<String, String> r : csv(fiscal)) {
                    if (withheld.contains(r.get("region_code")) && r.get("period").equals(m.toString())) {
                        assertEquals("…", r.get("iva_cum"), "fiscal value added of a withheld county: " + r);
                        assertTrue(r.get("tax_per_100_yuan_va").isEmpty() || "…".equals(r.get("tax_per_100_yuan_va")),
                            "tax per 百元 of a withheld value added: " + r);
                        checked++;
                    }
                }
            }
            Path targets = dir.resolve("target_progress.csv");
            if (Files.exists(targets)) {
                for (Map<String, String> r : csv(targets)) {
                    if (withheld.contains(r.get("unit_code")) && "规上工业增加值增速".equals(r.get("indicator"))
                        && r.get("period").equals(m.toString())) {
                        assertTrue(r.get("actual").isEmpty() || "…".equals(r.get("actual")),
                            "growth of a withheld value added: " + r);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 0, "the fiscal and target tables were checked");
    }

    @Test
    void eachReleaseLogsItsFiguresOnceAndReportsItsCounts() {
        TableStore store = new TableStore(TestSpark.session(), warehouse);
        for (YearMonth m : releases) {
            long rows = store.read(Layer.GOLD, ReleaseGate.LOG_TABLE).where("release = '" + m + "'").count();
            long distinct = store.read(Layer.GOLD, ReleaseGate.LOG_TABLE).where("release = '" + m + "'")
                .select(ReleaseGate.FIGURE_ID).distinct().count();
            assertTrue(rows > 0, m + " is logged");
            assertEquals(distinct, rows, m + ": one row per figure");
            assertTrue(STDOUT.get(m).contains("figures withheld"), "compare says how many: " + STDOUT.get(m));
        }
        // re-running the last release replaces its own rows: the log does not grow
        YearMonth last = releases.get(releases.size() - 1);
        long before = store.read(Layer.GOLD, ReleaseGate.LOG_TABLE).count();
        String[] again = run("compare", "--period", last.toString(), "--cadence", "month,quarter,half",
            "--warehouse", warehouse, "--out", out.toString());
        assertEquals("0", again[0], again[2]);
        assertEquals(before, store.read(Layer.GOLD, ReleaseGate.LOG_TABLE).count(), "a re-run is idempotent");
    }

    // ---- the exports as the attacker reads them

    /** A figure: region (county or city) × 大类 ("*" = all) × measure over months from–to. */
    record Fig(String region, String division, String measure, YearMonth from, YearMonth to) {
    }

    /** A printed figure, known to within the rounding of its print. */
    record Published(Fig fig, double value, double half) {
    }

    /** Every figure of the 一套表 measures a release's CSVs print; each figure printed or withheld goes to {@code asked}. */
    private static List<Published> exports(YearMonth release, Set<Fig> asked) throws IOException {
        List<Published> out = new ArrayList<>();
        Path dir = ReleaseYearCompareTest.out.resolve(release.toString()).resolve("tables");
        for (Map<String, String> r : csv(dir.resolve("indicator_comparison.csv"))) {
            String measure = r.get("indicator");
            if (!MEASURES.contains(measure) || r.get("region_code").endsWith("_SBJ")) {
                continue;
            }
            YearMonth end = YearMonth.parse(r.get("period"));
            Fig cum = new Fig(r.get("region_code"), "*", measure, end.withMonth(1), end);
            Fig own = new Fig(r.get("region_code"), "*", measure, ownFrom(r.get("cadence"), end), end);
            add(out, asked, cum, r.get("value"));
            add(out, asked, own, r.get("value_period"));
            // the city total printed on every county row
            add(out, asked, new Fig(CITY, "*", measure, end.withMonth(1), end), r.get("parent_total"));
        }
        Path industry = dir.resolve("industry_structure.csv");
        if (Files.exists(industry)) {
            for (Map<String, String> r : csv(industry)) {
                YearMonth end = YearMonth.parse(r.get("period"));
                for (Map.Entry<String, String> c : INDUSTRY_COLUMNS.entrySet()) {
                    add(out, asked, new Fig(r.get("region_code"), r.get("division"), c.getKey(), end.withMonth(1), end),
                        r.get(c.getValue()));
                }
            }
        }
        Path fiscal = dir.resolve("fiscal_contribution.csv");
        if (Files.exists(fiscal)) {
            for (Map<String, String> r : csv(fiscal)) {
                if (r.get("region_code").matches("\\d{6}")) {
                    YearMonth end = YearMonth.parse(r.get("period"));
                    add(out, asked, new Fig(r.get("region_code"), "*", "iva", end.withMonth(1), end), r.get("iva_cum"));
                }
            }
        }
        return out;
    }

    private static void add(List<Published> out, Set<Fig> asked, Fig f, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        asked.add(f);
        if ("…".equals(text)) {
            return;
        }
        String t = text.startsWith("'") ? text.substring(1) : text;
        int dot = t.indexOf('.');
        int decimals = dot < 0 || t.contains("E") ? 0 : t.length() - dot - 1;
        out.add(new Published(f, Double.parseDouble(t), t.contains("E") ? 1e-6 : 0.5 * Math.pow(10, -decimals)));
    }

    private static YearMonth ownFrom(String cadence, YearMonth end) {
        int months = switch (cadence) {
            case "month" -> 1;
            case "quarter" -> 3;
            case "half" -> 6;
            default -> 12;
        };
        YearMonth from = end.minusMonths(months - 1);
        return from.getYear() != end.getYear() || from.getMonthValue() <= 2 ? end.withMonth(1) : from;
    }

    private static Map<String, String> comparisonRow(YearMonth release, String cadence, String region, String indicator)
        throws IOException {
        Path file = out.resolve(release.toString()).resolve("tables").resolve("indicator_comparison.csv");
        return csv(file).stream().filter(r -> cadence.equals(r.get("cadence")) && region.equals(r.get("region_code"))
            && indicator.equals(r.get("indicator"))).findFirst().orElseThrow();
    }

    static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = split(lines.get(0).replace("\uFEFF", ""));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), i < cells.size() ? cells.get(i) : "");
            }
            rows.add(m);
        }
        return rows;
    }

    /** The cells of one CSV line, read as the local-cluster test reads the exports. */
    private static List<String> split(String line) {
        return LocalClusterRunTest.cells(line);
    }

    // ---- the truth, from the generated 一套表 file itself

    /**
     * An enterprise that leaves the register (退库) during the year takes its 1–N月 out of the later 1–N月 totals, so
     * 1–N月 is then not the sum of the months printed before: the gate's linked system does not model that yet (see
     * docs/disclosure.md). The generated city's 退库 of the year stays in the register and reports no further output.
     */
    private static void stayInTheRegister(Path register, Path output) throws IOException {
        List<String> reg = new ArrayList<>();
        Set<String> leaving = new TreeSet<>();
        for (String line : Files.readAllLines(register, StandardCharsets.UTF_8)) {
            List<String> c = split(line.replace("\uFEFF", ""));
            if (c.get(0).equals(Integer.toString(YEAR)) && line.contains(",退库,")) {
                leaving.add(c.get(1));
                line = line.replaceFirst(",退库,[^,]*,", ",年初在库,,");
            }
            reg.add(line);
        }
        Files.write(register, reg, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Files.readAllLines(output, StandardCharsets.UTF_8));
        List<String> header = split(lines.get(0).replace("\uFEFF", ""));
        int code = header.indexOf("统一社会信用代码");
        int period = header.indexOf("报告期");
        for (String id : leaving) {
            String lastLine = null;
            YearMonth last = null;
            for (String line : lines.subList(1, lines.size())) {
                List<String> c = split(line);
                if (c.get(code).equals(id) && (last == null || YearMonth.parse(c.get(period)).isAfter(last))) {
                    last = YearMonth.parse(c.get(period));
                    lastLine = line;
                }
            }
            for (YearMonth m = last.plusMonths(1); m.getYear() == YEAR; m = m.plusMonths(1)) {
                List<String> c = new ArrayList<>(split(lastLine));
                c.set(period, m.toString());
                lines.add(String.join(",", c.stream().map(x -> x.contains(",") ? "\"" + x + "\"" : x).toList()));
            }
        }
        Files.write(output, lines, StandardCharsets.UTF_8);
    }

    /** The late county's 大类 13 enterprise reports zero until June and its own production from July. */
    private static void startInJuly(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = split(lines.get(0).replace("\uFEFF", ""));
        int code = header.indexOf("统一社会信用代码");
        int region = header.indexOf("区划代码");
        int industry = header.indexOf("行业代码");
        int period = header.indexOf("报告期");
        String late = null;
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = split(line);
            if (c.get(region).equals(LATE_COUNTY) && c.get(industry).startsWith("13")) {
                late = c.get(code);
            }
        }
        assertTrue(late != null, "the generated city has a 大类 13 enterprise in " + LATE_COUNTY);
        Map<String, Double> june = new LinkedHashMap<>();
        List<String> outLines = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            List<String> c = new ArrayList<>(split(line));
            if (c.get(code).equals(late)) {
                int month = YearMonth.parse(c.get(period)).getMonthValue();
                for (String col : SOURCE_COLUMNS.values()) {
                    int i = header.indexOf(col);
                    double v = Double.parseDouble(c.get(i));
                    if (month == 6) {
                        june.put(col, v);
                    }
                    c.set(i, String.format(java.util.Locale.ROOT, "%.2f", month <= 6 ? 0.0 : v - june.get(col)));
                }
            }
            outLines.add(String.join(",", c.stream().map(s -> s.contains(",") ? "\"" + s + "\"" : s).toList()));
        }
        Files.write(file, outLines, StandardCharsets.UTF_8);
    }

    private static void readTruth(Path file) throws IOException {
        Map<String, Map<String, double[]>> cumulative = new TreeMap<>();
        for (Map<String, String> r : csv(file)) {
            String id = r.get("统一社会信用代码");
            ENTERPRISES.computeIfAbsent(id, k -> new Enterprise(r.get("区划代码"), r.get("行业代码").substring(0, 2),
                new LinkedHashMap<>()));
            int month = YearMonth.parse(r.get("报告期")).getMonthValue();
            for (String m : MEASURES) {
                cumulative.computeIfAbsent(id, k -> new LinkedHashMap<>()).computeIfAbsent(m, k -> new double[12])
                    [month - 1] = Double.parseDouble(r.get(SOURCE_COLUMNS.get(m)));
            }
        }
        for (Map.Entry<String, Enterprise> e : ENTERPRISES.entrySet()) {
            for (String m : MEASURES) {
                double[] cum = cumulative.get(e.getKey()).get(m);
                double[] months = new double[12];
                double before = 0;
                for (int i = 1; i < 12; i++) {
                    // 1—2月 stands at February; a month without a report keeps last month's cumulative
                    double c = cum[i] == 0 && i > 1 && cum[i - 1] != 0 ? cum[i - 1] : cum[i];
                    months[i] = c - before;
                    before = c;
                }
                e.getValue().months().put(m, months);
            }
        }
    }

    private static boolean inFig(Enterprise e, Fig f) {
        return (f.region().equals(CITY) || e.county().equals(f.region()))
            && (f.division().equals("*") || e.division().equals(f.division()));
    }

    private static double contribution(Enterprise e, Fig f) {
        double v = 0;
        for (int m = Math.max(2, f.from().getMonthValue()); m <= f.to().getMonthValue(); m++) {
            v += e.months().get(f.measure())[m - 1];
        }
        return v;
    }

    static double value(Fig f) {
        return ENTERPRISES.values().stream().filter(e -> inFig(e, f)).mapToDouble(e -> contribution(e, f)).sum();
    }

    /** n &lt; 3 or the largest absolute contribution above 85% of the absolute sum. */
    static boolean sensitive(Fig f) {
        int n = 0;
        double largest = 0;
        double sum = 0;
        for (Enterprise e : ENTERPRISES.values()) {
            double v = inFig(e, f) ? contribution(e, f) : 0;
            if (v != 0) {
                n++;
                largest = Math.max(largest, Math.abs(v));
                sum += Math.abs(v);
            }
        }
        return n > 0 && (n < 3 || largest > 0.85 * sum);
    }

    /**
     * The attacker: unknowns are the finest cells county × 大类 × month (1—2月 one month) of the pairs that have an
     * enterprise (the others print zero), non-negative except profit; every printed figure holds to within its
     * rounding. Non-negativity as explicit rows (commons-math 3.6.1's NonNegativeConstraint can stop short).
     */
    static final class Attacker {
        private final String measure;
        private final boolean signed;
        private final Map<String, Integer> column = new LinkedHashMap<>();
        private final List<LinearConstraint> constraints = new ArrayList<>();
        private final int columns;

        Attacker(String measure, List<Published> published) {
            this.measure = measure;
            this.signed = measure.equals("profit");
            Set<String> pairs = new TreeSet<>();
            ENTERPRISES.values().forEach(e -> pairs.add(e.county() + "/" + e.division()));
            int n = 0;
            for (String p : pairs) {
                for (int m = 2; m <= 12; m++) {
                    column.put(p + "/" + m, n);
                    n += signed ? 2 : 1;
                }
            }
            columns = n;
            for (Published p : published) {
                if (p.fig().measure().equals(measure)) {
                    double[] a = row(p.fig());
                    constraints.add(new LinearConstraint(a, Relationship.GEQ, p.value() - p.half()));
                    constraints.add(new LinearConstraint(a, Relationship.LEQ, p.value() + p.half()));
                }
            }
            for (int j = 0; j < columns; j++) {
                double[] unit = new double[columns];
                unit[j] = 1;
                constraints.add(new LinearConstraint(unit, Relationship.GEQ, 0));
            }
        }

        private double[] row(Fig f) {
            double[] a = new double[columns];
            for (Map.Entry<String, Integer> c : column.entrySet()) {
                String[] p = c.getKey().split("/");
                int m = Integer.parseInt(p[2]);
                boolean in = (f.region().equals(CITY) || p[0].equals(f.region()))
                    && (f.division().equals("*") || p[1].equals(f.division()))
                    && m >= Math.max(2, f.from().getMonthValue()) && m <= f.to().getMonthValue();
                if (in) {
                    a[c.getValue()] += 1;
                    if (signed) {
                        a[c.getValue() + 1] -= 1;
                    }
                }
            }
            return a;
        }

        double[] interval(Fig f) {
            double[] objective = row(f);
            return new double[] {solve(objective, GoalType.MINIMIZE), solve(objective, GoalType.MAXIMIZE)};
        }

        private double solve(double[] objective, GoalType goal) {
            try {
                return new SimplexSolver().optimize(new MaxIter(1_000_000), new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(false)).getValue();
            } catch (org.apache.commons.math3.optim.linear.UnboundedSolutionException e) {
                return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
        }

        @Override
        public String toString() {
            return "attacker of " + measure;
        }
    }

    private static String[] run(String... args) {
        CommandLine cl = CountyscopeCommand.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), o.toString(), e.toString()};
    }

}
