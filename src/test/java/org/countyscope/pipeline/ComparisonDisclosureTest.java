package org.countyscope.pipeline;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.countyscope.disclosure.Rendering;
import org.countyscope.disclosure.SuppressionRules;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison's disclosure pattern on a hand-made city of four counties. */
class ComparisonDisclosureTest {
    static final StructType SCHEMA = new StructType().add("cadence", "string").add("period", "string")
        .add("region_code", "string").add("parent_code", "string").add("region_level", "string")
        .add("indicator", "string").add("value_cum", "double").add("contributors", "long")
        .add("max_contributor", "double");

    static Row row(String cadence, String region, String level, String indicator, double value, long n, double max) {
        return new GenericRowWithSchema(new Object[] {cadence, "2025-06", region, "620800", level, indicator, value, n, max},
            SCHEMA);
    }

    static List<Row> city(String cadence) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(cadence, "620821", "county", "iva", 500, 2, 300));      // two enterprises: frequency rule
        rows.add(row(cadence, "620822", "county", "iva", 800, 10, 200));
        rows.add(row(cadence, "620823", "county", "iva", 900, 12, 150));
        rows.add(row(cadence, "620825", "county", "iva", 1200, 9, 400));
        rows.add(row(cadence, "620800", "city", "iva", 3400, 33, 400));
        rows.add(row(cadence, "620821", "county", "tax_total", 50, 0, 0));   // not enterprise data: never withheld
        return rows;
    }

    @Test
    void aSensitiveCountyIsWithheldWithAPartnerSoTheCityTotalGivesNothingAway() {
        List<Row> rows = new ArrayList<>(city("month"));
        rows.addAll(city("half"));
        ComparisonDisclosure d = ComparisonDisclosure.protect(rows, SuppressionRules.defaults());
        List<String> withheld = rows.stream().filter(d::suppressed).map(r -> r.<String>getAs("cadence") + ":"
            + r.getAs("region_code")).sorted().toList();
        assertTrue(withheld.contains("month:620821"), "n = 2 is withheld: " + withheld);
        long perCadence = withheld.stream().filter(w -> w.startsWith("month:")).count();
        assertTrue(perCadence >= 2, "a lone withheld county would be the city total minus the others: " + withheld);
        assertEquals(withheld.stream().filter(w -> w.startsWith("month:")).map(w -> w.substring(6)).toList(),
            withheld.stream().filter(w -> w.startsWith("half:")).map(w -> w.substring(5)).toList(),
            "the same figure is withheld in every cadence's rows");
        assertFalse(rows.stream().filter(r -> r.getAs("indicator").equals("tax_total")).anyMatch(d::suppressed));
        double published = rows.stream().filter(r -> r.getAs("cadence").equals("month")
                && r.getAs("region_level").equals("county") && r.getAs("indicator").equals("iva") && !d.suppressed(r))
            .mapToDouble(r -> r.<Double>getAs("value_cum")).sum();
        assertTrue(3400 - published > 0, "what the attacker learns is the sum of two or more withheld values");
    }

    @Test
    void thePatternDoesNotDependOnTheOrderOfTheRows() {
        // two equally cheap partners for the withheld county: which one goes must not depend on how rows arrive,
        // or the report (rows as read) and the export (rows sorted) would withhold different partners
        List<Row> rows = new ArrayList<>();
        for (String cadence : List.of("month", "quarter")) {
            rows.add(row(cadence, "620821", "county", "iva", 500, 2, 300));
            rows.add(row(cadence, "620822", "county", "iva", 800, 10, 200));
            rows.add(row(cadence, "620823", "county", "iva", 800, 12, 150));
            rows.add(row(cadence, "620825", "county", "iva", 1200, 9, 400));
            rows.add(row(cadence, "620800", "city", "iva", 3300, 33, 400));
        }
        java.util.Set<String> first = ComparisonDisclosure.protect(rows, SuppressionRules.defaults()).suppressedIds();
        List<Row> reversed = new ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        assertEquals(first, ComparisonDisclosure.protect(reversed, SuppressionRules.defaults()).suppressedIds());
        for (long seed = 1; seed <= 5; seed++) {
            List<Row> shuffled = new ArrayList<>(rows);
            java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
            assertEquals(first, ComparisonDisclosure.protect(shuffled, SuppressionRules.defaults()).suppressedIds(),
                "rows shuffled with seed " + seed);
        }
    }

    @Test
    void renderingBlanksEverythingThatWouldGiveTheValueBack() {
        List<String> columns = CompareJob.EXPORT_COLUMNS;
        List<Object> row = new ArrayList<>();
        for (String c : columns) {
            row.add(c.equals("region_code") ? "620821" : c.equals("note") ? null : 1.0);
        }
        List<Object> out = ComparisonDisclosure.render(row, columns);
        for (String c : List.of("value", "share_pct", "rank", "yoy_pct", "contribution_pct", "pull_pp", "per_capita",
            "value_period", "two_year_avg_pct", "vs_parent_pp")) {
            assertEquals(Rendering.SUPPRESSED, out.get(columns.indexOf(c)), c);
        }
        assertEquals("620821", out.get(columns.indexOf("region_code")));
        assertEquals(1.0, out.get(columns.indexOf("parent_total")), "the city total is published");
        assertEquals(Rendering.FOOTNOTE, out.get(columns.indexOf("note")));
    }

    @Test
    void aTargetRowOfAWithheldCountyShowsNoActualAndTheOthersRankAmongThemselves() {
        List<Row> rows = new ArrayList<>();
        for (Row r : city("month")) {
            if (r.getAs("indicator").equals("iva")) {
                rows.add(row("month", r.getAs("region_code"), r.getAs("region_level"), "iva_real",
                    r.<Double>getAs("value_cum"), r.<Long>getAs("contributors"), r.<Double>getAs("max_contributor")));
            }
        }
        ComparisonDisclosure d = ComparisonDisclosure.protect(rows, SuppressionRules.defaults());
        assertTrue(d.suppressed("620821", "2025-06", "iva_real"));
        List<java.util.Map<String, Object>> targets = new ArrayList<>();
        String[] counties = {"620821", "620822", "620823", "620825"};
        for (int i = 0; i < counties.length; i++) {
            java.util.Map<String, Object> t = new java.util.LinkedHashMap<>();
            t.put("period", "2025-06");
            t.put("unit_type", "县区");
            t.put("unit_code", counties[i]);
            t.put("indicator", "规上工业增加值增速");
            t.put("actual", 8.0 - i);
            t.put("gap_pp", 1.0 - i);
            t.put("status", "达到目标");
            t.put("rank", i + 1);
            targets.add(t);
        }
        List<java.util.Map<String, Object>> published = d.publish(CompareJob.TARGETS, targets);
        List<String> withheld = d.suppressedIds().stream().map(id -> id.substring(0, 6)).filter(c -> c.startsWith("6208"))
            .toList();
        int expected = 1;
        for (java.util.Map<String, Object> t : published) {
            if (withheld.contains((String) t.get("unit_code"))) {
                for (String c : List.of("actual", "gap_pp", "status", "rank")) {
                    assertEquals(Rendering.SUPPRESSED, t.get(c), t.get("unit_code") + " " + c);
                }
            } else {
                assertEquals(expected++, t.get("rank"), "ranked among the published: " + published);
                assertTrue(t.get("actual") instanceof Double);
            }
        }
        assertTrue(expected - 1 < counties.length, "someone is withheld");
    }
}
