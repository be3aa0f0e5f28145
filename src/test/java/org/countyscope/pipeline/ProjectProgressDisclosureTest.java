package org.countyscope.pipeline;

import org.countyscope.disclosure.Rendering;
import org.countyscope.disclosure.SuppressionRules;
import org.countyscope.gold.ProjectProgress;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * project_progress as published, attacked: the land users' 12 months' tax and output (and 亩均) of a county with one
 * or two land users, its land, and whatever the city row gives back.
 */
class ProjectProgressDisclosureTest {
    private static final String CITY = "620800";

    /**
     * The sample's December: 灵台县 has two land users, 崇信县 one (23.50亩). Withholding the two alone left the city row
     * less the published counties = their sum, so 灵台县's two users, knowing their own tax, had 崇信县's back, and
     * 崇信县's printed land gave its 亩均. Now an attacker holding every printed figure, together with the own
     * figures of any one withheld county's land users, pins no other withheld county's tax or output, and the land of
     * a county with fewer than three users is not printed.
     */
    @Test
    void noWithheldCountyIsGivenBackByTheCityRowOrASmallCountysOwnUsers() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(CITY, "city", 26, 1518.30, 9813.42, 218720.88));
        rows.add(row("620802", "county", 3, 64.80, 369.60, 8052.68));
        rows.add(row("620821", "county", 7, 461.70, 3485.08, 79673.65));
        rows.add(row("620822", "county", 2, 160.10, 281.00, 5100.00));
        rows.add(row("620823", "county", 1, 23.50, 295.10, 8842.64));
        rows.add(row("620825", "county", 5, 373.80, 2868.72, 66566.84));
        rows.add(row("620826", "county", 3, 114.40, 1142.78, 21760.33));
        rows.add(row("620881", "county", 5, 320.00, 1371.14, 28724.74));
        List<Map<String, Object>> out = disclosure().publishProjects(rows);
        for (String column : List.of(ProjectProgress.TAX_12M, ProjectProgress.OUTPUT_12M)) {
            attack(rows, out, column);
        }
        Map<String, Object> chongxin = byRegion(out, "620823");
        assertEquals(Rendering.SUPPRESSED, chongxin.get(ProjectProgress.LAND_USERS_MU), "one land user's land");
        assertEquals(Rendering.SUPPRESSED, chongxin.get(ProjectProgress.TAX_PER_MU));
        assertEquals(Rendering.SUPPRESSED, byRegion(out, "620822").get(ProjectProgress.LAND_USERS_MU));
        assertEquals(Rendering.SUPPRESSED, byRegion(out, "620822").get(ProjectProgress.OUTPUT_PER_MU));
        assertFalse(Rendering.SUPPRESSED.equals(byRegion(out, CITY).get(ProjectProgress.TAX_12M)),
            "a partner county with three or more land users lets the city row be printed");
        assertFalse(Rendering.SUPPRESSED.equals(byRegion(out, "620821").get(ProjectProgress.LAND_USERS_MU)),
            "a county with seven land users keeps its land");
    }

    /** Without a partner to add, the city row's figures are withheld. */
    @Test
    void withoutPartnersTheCityRowIsWithheld() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(CITY, "city", 3, 100, 30, 300));
        rows.add(row("620822", "county", 2, 60, 20, 200));
        rows.add(row("620823", "county", 1, 40, 10, 100));
        List<Map<String, Object>> out = disclosure().publishProjects(rows);
        assertEquals(Rendering.SUPPRESSED, byRegion(out, CITY).get(ProjectProgress.TAX_12M));
        assertEquals(Rendering.SUPPRESSED, byRegion(out, CITY).get(ProjectProgress.TAX_PER_MU));
        attack(rows, out, ProjectProgress.TAX_12M);
    }

    /**
     * The attacker: city less the published counties is the withheld counties' sum, each at least zero; an insider
     * (the land users of one withheld county with fewer than three) knows their county's own figure. A withheld
     * county is given back when it is the only unknown left.
     */
    private static void attack(List<Map<String, Object>> truth, List<Map<String, Object>> printed, String column) {
        Map<String, Object> city = byRegion(printed, CITY);
        List<String> withheld = new ArrayList<>();
        for (Map<String, Object> r : printed) {
            if (!r.get("region_level").equals("city") && Rendering.SUPPRESSED.equals(r.get(column))) {
                withheld.add((String) r.get("region_code"));
            }
        }
        boolean cityKnown = !Rendering.SUPPRESSED.equals(city.get(column));
        List<String> insiders = new ArrayList<>(List.of(""));
        withheld.stream().filter(c -> users(byRegion(truth, c)) < 3).forEach(insiders::add);
        for (String insider : insiders) {
            List<String> unknown = withheld.stream().filter(c -> !c.equals(insider)).toList();
            if (cityKnown) {
                assertTrue(unknown.size() != 1, column + ": the city row less the published counties"
                    + (insider.isEmpty() ? "" : " and " + insider + "'s own users") + " gives " + unknown + " back");
            }
        }
        for (String c : withheld) {
            Map<String, Object> r = byRegion(printed, c);
            if (users(r) < 3) {
                assertEquals(Rendering.SUPPRESSED, r.get(ProjectProgress.LAND_USERS_MU), c + "'s land divides its 亩均");
            }
        }
    }

    private static ComparisonDisclosure disclosure() {
        return ComparisonDisclosure.protect(List.of(), SuppressionRules.defaults());
    }

    private static Map<String, Object> row(String region, String level, long users, double mu, double tax,
                                           double output) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("period", "2025-12");
        r.put("region_code", region);
        r.put("parent_code", level.equals("city") ? "620000" : CITY);
        r.put("region_level", level);
        r.put(ProjectProgress.LAND_USERS_N, users);
        r.put(ProjectProgress.LAND_USERS_MU, mu);
        r.put(ProjectProgress.TAX_12M, tax);
        r.put(ProjectProgress.OUTPUT_12M, output);
        r.put(ProjectProgress.TAX_PER_MU, tax / mu);
        r.put(ProjectProgress.OUTPUT_PER_MU, output / mu);
        return r;
    }

    private static long users(Map<String, Object> r) {
        return ((Number) r.get(ProjectProgress.LAND_USERS_N)).longValue();
    }

    private static Map<String, Object> byRegion(List<Map<String, Object>> rows, String region) {
        return rows.stream().filter(r -> r.get("region_code").equals(region)).findFirst().orElseThrow();
    }
}
