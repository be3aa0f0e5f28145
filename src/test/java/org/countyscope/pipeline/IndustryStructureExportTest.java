package org.countyscope.pipeline;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.countyscope.SampleWarehouse;
import org.countyscope.disclosure.Rendering;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The county × 大类 table of the sample city as exported: small cells are withheld, and an attacker holding both
 * exports (every county's and the city's 1—N月 figure from the comparison, every published cell and 大类 total) can pin
 * down no withheld figure exactly.
 */
class IndustryStructureExportTest {
    private static List<Map<String, String>> industry;
    private static List<Map<String, String>> comparison;

    @BeforeAll
    static void exports() throws IOException {
        Path tables = SampleWarehouse.result().outDir().resolve("tables");
        industry = read(tables.resolve("industry_structure.csv"));
        comparison = read(tables.resolve("indicator_comparison.csv"));
    }

    @Test
    void smallCellsAreWithheldAndNoEnterpriseFigureLeaves() throws IOException {
        long withheld = industry.stream().filter(r -> r.get("iva_cum").equals(Rendering.SUPPRESSED)).count();
        assertTrue(withheld > 0, "the sample has 大类 with one or two enterprises in a county: some must be withheld");
        for (Map<String, String> r : industry) {
            if (!r.get("iva_cum").equals(Rendering.SUPPRESSED) && r.get("region_level").equals("county")) {
                assertTrue(Long.parseLong(r.get("enterprises")) >= 3,
                    () -> "a published cell has at least three enterprises: " + r);
            }
        }
        assertFalse(industry.get(0).containsKey("iva_max_contributor"), "the largest contribution is enterprise data");
        assertFalse(industry.get(0).containsKey("iva_contributors"), "contributor counts stay in the warehouse");
        String text = Files.readString(SampleWarehouse.result().outDir().resolve("tables/industry_structure.csv"));
        assertFalse(text.contains("有限公司") || text.contains("有限责任公司"), "no enterprise name in the export");
    }

    /**
     * A cell's measures are the same enterprises' reports: a county × 大类 with fewer than three enterprises shows "…"
     * for value added, output and revenue alike, and a cell whose value added the frequency rule withholds withholds
     * its output and revenue (dominance stays per measure).
     */
    @Test
    void aSmallCellIsWithheldInEveryMeasure() {
        for (Map<String, String> r : industry) {
            if (!r.get("region_level").equals("county")) {
                continue;
            }
            long n = Long.parseLong(r.get("enterprises"));
            if (n > 0 && n < 3) {
                for (String c : List.of("iva_cum", "gross_output_cum", "revenue_cum")) {
                    assertEquals(Rendering.SUPPRESSED, r.get(c), c + " of a cell of " + n + " enterprises: " + r);
                }
            }
        }
        org.countyscope.io.TableStore store = SampleWarehouse.store();
        java.util.Set<String> frequency = new java.util.HashSet<>();
        java.util.Set<String> withheld = new java.util.HashSet<>();
        java.util.Set<String> logged = new java.util.HashSet<>();
        for (org.apache.spark.sql.Row r : store.read(org.countyscope.io.Layer.GOLD, ReleaseGate.LOG_TABLE)
            .collectAsList()) {
            org.countyscope.disclosure.FigureKey k = org.countyscope.disclosure.FigureKey.parse(r.getAs("figure_id"));
            String cell = r.getAs("release") + "|" + k.region() + "|" + k.division() + "|" + k.from() + ".." + k.to();
            if ("FREQUENCY".equals(r.getAs("reason"))) {
                frequency.add(cell);
            }
            if (!"PUBLISHED".equals(r.getAs("status"))) {
                withheld.add(cell + "|" + k.measure());
            }
            logged.add(cell + "|" + k.measure());
        }
        assertFalse(frequency.isEmpty(), "the sample has cells of one or two enterprises");
        for (String cell : frequency) {
            for (String m : List.of("iva", "gross_output", "revenue", "profit")) {
                assertTrue(withheld.contains(cell + "|" + m) || !logged.contains(cell + "|" + m),
                    m + " of the frequency-withheld cell " + cell + " is printed");
            }
        }
    }

    @Test
    void noWithheldFigureCanBeRecoveredFromTheTwoExports() {
        for (String measure : List.of("iva", "gross_output", "revenue")) {
            for (String end : industry.stream().map(r -> r.get("period")).distinct().toList()) {
                attack(measure, end);
            }
        }
    }

    /** One LP per withheld figure and direction over every equation the exports publish for one measure and end. */
    private static void attack(String measure, String end) {
        String column = measure + "_cum";
        Map<String, Integer> var = new LinkedHashMap<>();
        Map<String, Double> known = new HashMap<>();
        Map<String, List<String>> countyCells = new LinkedHashMap<>();
        Map<String, List<String>> divisionCells = new LinkedHashMap<>();
        List<String> cityDivisions = new ArrayList<>();
        String city = null;
        for (Map<String, String> r : industry) {
            if (!r.get("period").equals(end)) {
                continue;
            }
            String id;
            if (r.get("region_level").equals("city")) {
                city = r.get("region_code");
                id = "T|" + r.get("division");
                cityDivisions.add(id);
            } else {
                id = r.get("region_code") + "|" + r.get("division");
                countyCells.computeIfAbsent(r.get("region_code"), k -> new ArrayList<>()).add(id);
                divisionCells.computeIfAbsent(r.get("division"), k -> new ArrayList<>()).add(id);
            }
            figure(id, r.get(column), var, known);
        }
        double cityTotal = Double.NaN;
        for (Map<String, String> r : comparison) {
            if (r.get("period").equals(end) && r.get("indicator").equals(measure)
                && countyCells.containsKey(r.get("region_code"))) {
                figure("C|" + r.get("region_code"), r.get("value"), var, known);
                cityTotal = Double.parseDouble(r.get("parent_total"));
            }
        }
        assertTrue(city != null && !Double.isNaN(cityTotal), "both exports hold " + measure + " at " + end);
        List<LinearConstraint> eq = new ArrayList<>();
        for (Map.Entry<String, List<String>> c : countyCells.entrySet()) {
            eq.add(equation(c.getValue(), "C|" + c.getKey(), 0, var, known));
        }
        for (Map.Entry<String, List<String>> d : divisionCells.entrySet()) {
            eq.add(equation(d.getValue(), "T|" + d.getKey(), 0, var, known));
        }
        eq.add(equation(countyCells.keySet().stream().map(c -> "C|" + c).toList(), null, cityTotal, var, known));
        eq.add(equation(cityDivisions, null, cityTotal, var, known));
        for (Map.Entry<String, Integer> v : var.entrySet()) {
            double lo = optimise(var.size(), v.getValue(), eq, GoalType.MINIMIZE);
            double hi = optimise(var.size(), v.getValue(), eq, GoalType.MAXIMIZE);
            assertTrue(hi - lo > 1e-3, measure + " " + end + ": the withheld figure " + v.getKey()
                + " is pinned to [" + lo + ", " + hi + "] by the published figures");
        }
    }

    private static void figure(String id, String text, Map<String, Integer> var, Map<String, Double> known) {
        if (text.equals(Rendering.SUPPRESSED)) {
            var.putIfAbsent(id, var.size());
        } else {
            known.put(id, text.isEmpty() ? 0 : Double.parseDouble(text));
        }
    }

    /** Σ parts − total = 0 (or Σ parts = constant when {@code total} is null), published figures moved right. */
    private static LinearConstraint equation(List<String> parts, String total, double constant,
                                             Map<String, Integer> var, Map<String, Double> known) {
        double[] a = new double[var.size()];
        double right = total == null ? constant : 0;
        for (String p : parts) {
            if (var.containsKey(p)) {
                a[var.get(p)] += 1;
            } else {
                right -= known.get(p);
            }
        }
        if (total != null) {
            if (var.containsKey(total)) {
                a[var.get(total)] -= 1;
            } else {
                right += known.get(total);
            }
        }
        return new LinearConstraint(a, Relationship.EQ, right);
    }

    private static double optimise(int n, int target, List<LinearConstraint> eq, GoalType goal) {
        double[] c = new double[n];
        c[target] = 1;
        // equations with only published figures carry rounding noise of the CSV: relax each by a cent
        List<LinearConstraint> relaxed = new ArrayList<>();
        for (LinearConstraint e : eq) {
            double[] a = e.getCoefficients().toArray();
            relaxed.add(new LinearConstraint(a, Relationship.LEQ, e.getValue() + 0.01));
            relaxed.add(new LinearConstraint(a, Relationship.GEQ, e.getValue() - 0.01));
        }
        return new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(c, 0),
            new LinearConstraintSet(relaxed), goal, new NonNegativeConstraint(true)).getValue();
    }

    /** A BOM CSV as written by CsvExport, with quoted fields. */
    private static List<Map<String, String>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = split(lines.get(0).replace("\uFEFF", ""));
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            assertEquals(header.size(), cells.size(), "one cell per column: " + line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            out.add(row);
        }
        return out;
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }
}
