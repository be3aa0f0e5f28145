package org.countyscope.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The national code lists countyscope checks against (GB/T 2260 regions, GB/T 4754-2017 industries) and the 2020
 * census population, read from {@code data/reference} which the build puts on the classpath under {@code reference/}.
 */
public final class ReferenceData {

    /** A GB/T 2260 region: province, prefecture or county level. */
    public record Region(String code, String name, String level, String parentCode) {
    }

    /** A GB/T 4754-2017 industry at any level, with its 门类 (section letter). */
    public record Industry(String code, String name, int level, String parentCode, String section) {
        /** 工业 = 门类 B 采矿业, C 制造业, D 电力、热力、燃气及水生产和供应业. */
        public boolean isIndustrial() {
            return "B".equals(section) || "C".equals(section) || "D".equals(section);
        }
    }

    private static volatile ReferenceData instance;

    private final Map<String, Region> regions;
    private final Map<String, Industry> industries;
    private final Map<String, Long> population2020;
    private final Map<Integer, Set<String>> industryCodeSets = new ConcurrentHashMap<>();

    private ReferenceData(Map<String, Region> regions, Map<String, Industry> industries, Map<String, Long> population) {
        this.regions = Collections.unmodifiableMap(regions);
        this.industries = Collections.unmodifiableMap(industries);
        this.population2020 = Collections.unmodifiableMap(population);
    }

    /** The reference lists shipped with the product (loaded once per JVM). */
    public static ReferenceData get() {
        ReferenceData r = instance;
        if (r == null) {
            synchronized (ReferenceData.class) {
                if (instance == null) {
                    instance = load();
                }
                r = instance;
            }
        }
        return r;
    }

    private static ReferenceData load() {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (String[] row : csv("gbt2260_provinces.csv")) {
            regions.put(row[0], new Region(row[0], row[1], "province", null));
        }
        for (String[] row : csv("gbt2260_cities.csv")) {
            regions.put(row[0], new Region(row[0], row[1], "city", row[0].substring(0, 2) + "0000"));
        }
        for (String[] row : csv("gbt2260_counties.csv")) {
            String city = row[0].substring(0, 4) + "00";
            String parent = regions.containsKey(city) ? city : row[0].substring(0, 2) + "0000";
            regions.put(row[0], new Region(row[0], row[1], "county", parent));
        }
        Map<String, Industry> industries = new LinkedHashMap<>();
        for (String[] row : csv("gbt4754_2017_industries.csv")) {
            industries.put(row[0], new Industry(row[0], row[1], Integer.parseInt(row[2]),
                row[4].isEmpty() ? null : row[4], row[5]));
        }
        Map<String, Long> population = new LinkedHashMap<>();
        for (String[] row : csv("pingliang_census_2020_population.csv")) {
            population.put(row[0], Long.parseLong(row[4]));
        }
        return new ReferenceData(regions, industries, population);
    }

    public Map<String, Region> regions() {
        return regions;
    }

    public Map<String, Industry> industries() {
        return industries;
    }

    /** 2020 census resident population by region code (平凉市 and its counties). */
    public Map<String, Long> population2020() {
        return population2020;
    }

    /** Codes of industries at one level (1 门类, 2 大类, 3 中类, 4 小类), optionally only 工业. */
    public Set<String> industryCodes(int digits, boolean industrialOnly) {
        int level = digitsToLevel(digits);
        // validation asks this once per record: computed once per level and kept (the reference data never changes)
        return industryCodeSets.computeIfAbsent(level * 2 + (industrialOnly ? 1 : 0), k -> {
            Set<String> out = new TreeSet<>();
            for (Industry i : industries.values()) {
                if (i.level() == level && (!industrialOnly || i.isIndustrial())) {
                    out.add(i.code());
                }
            }
            return Collections.unmodifiableSet(out);
        });
    }

    /** The county-level units under a prefecture, in code order. */
    public List<Region> countiesOf(String cityCode) {
        List<Region> out = new ArrayList<>();
        for (Region r : regions.values()) {
            if ("county".equals(r.level()) && cityCode.equals(r.parentCode())) {
                out.add(r);
            }
        }
        out.sort((a, b) -> a.code().compareTo(b.code()));
        return out;
    }

    private static int digitsToLevel(int digits) {
        return switch (digits) {
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            default -> throw new IllegalArgumentException("industry codes have 1 to 4 characters, not " + digits);
        };
    }

    /** Reads a small reference CSV without quotes (these files have none) skipping the header. */
    private static List<String[]> csv(String name) {
        String path = "/reference/" + name;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("reference file missing from the classpath: " + path
                    + " (the build copies data/reference there)");
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
