package org.countyscope.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real reference files the generator reads: GB/T 2260 regions, GB/T 4754 industries, the 2020 census and the
 * national PPI.
 */
final class ReferenceData {

    static final String NBS_EXPORT = "nbs_iva_growth_monthly_1998-2019_nbs-export_gbk.csv";

    /** One county-level unit of GB/T 2260. */
    record County(String code, String name, String province) {
    }

    /** The directory read from, or null when the files come from the classpath under reference/. */
    private final Path dir;
    private final List<County> counties;
    private final Map<String, String> cities;
    private final Map<String, String> provinces;
    private final Map<String, String> industryNames;
    private final Map<String, Long> census;
    private final double[] nationalPpi;
    private final int nationalPpiFirstYear;

    private ReferenceData(Path dir) {
        this.dir = dir;
        List<County> countyList = new ArrayList<>();
        for (String[] r : rows("gbt2260_counties.csv")) {
            countyList.add(new County(r[0], r[1].trim(), r[2]));
        }
        this.counties = Collections.unmodifiableList(countyList);
        this.cities = new TreeMap<>();
        for (String[] r : rows("gbt2260_cities.csv")) {
            cities.put(r[0], r[1].trim());
        }
        this.provinces = new TreeMap<>();
        for (String[] r : rows("gbt2260_provinces.csv")) {
            provinces.put(r[0], r[1].trim());
        }
        this.industryNames = new TreeMap<>();
        for (String[] r : rows("gbt4754_2017_industries.csv")) {
            // A few names in the source carry stray spaces.
            industryNames.put(r[0], r[1].trim());
        }
        this.census = new TreeMap<>();
        for (String[] r : rows("pingliang_census_2020_population.csv")) {
            census.put(r[0], Long.parseLong(r[4]));
        }
        List<String[]> ppiRows = rows("nbs_ppi_yoy_index_monthly_1998-2019.csv");
        this.nationalPpi = new double[ppiRows.size()];
        this.nationalPpiFirstYear = Integer.parseInt(ppiRows.get(0)[0].substring(0, 4));
        for (int i = 0; i < ppiRows.size(); i++) {
            nationalPpi[i] = Double.parseDouble(ppiRows.get(i)[1]);
        }
    }

    static ReferenceData load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("reference directory not found: " + dir.toAbsolutePath());
        }
        return new ReferenceData(dir);
    }

    /** The copies the build puts on the classpath under reference/, for runs outside the project directory. */
    static ReferenceData fromClasspath() {
        if (ReferenceData.class.getClassLoader().getResource("reference/gbt2260_counties.csv") == null) {
            throw new IllegalArgumentException("reference data found neither in data/reference nor on the classpath");
        }
        return new ReferenceData(null);
    }

    /** Opens one reference file as it is stored, byte for byte. */
    InputStream open(String file) throws IOException {
        if (dir != null) {
            return Files.newInputStream(dir.resolve(file));
        }
        InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream("reference/" + file);
        if (in == null) {
            throw new IOException("reference/" + file + " not on the classpath");
        }
        return in;
    }

    List<County> counties() {
        return counties;
    }

    /** Name of a prefecture-level unit, or null when GB/T 2260 lists none under that code. */
    String cityName(String code) {
        return cities.get(code);
    }

    String provinceName(String code) {
        return provinces.get(code);
    }

    /** Name of a GB/T 4754 code at any level; fails for codes the standard does not have. */
    String industryName(String code) {
        String name = industryNames.get(code);
        if (name == null) {
            throw new IllegalStateException("industry code not in GB/T 4754-2017: " + code);
        }
        return name;
    }

    /** 2020 census population, or null outside the census file. */
    Long censusPopulation(String regionCode) {
        return census.get(regionCode);
    }

    /** National PPI by position in the series, wrapping around at both ends. */
    double nationalPpiAt(int position) {
        int n = nationalPpi.length;
        return nationalPpi[((position % n) + n) % n];
    }

    int nationalPpiPosition(int year, int month) {
        return (year - nationalPpiFirstYear) * 12 + month - 1;
    }

    private List<String[]> rows(String file) {
        try (InputStream in = open(file)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String[]> out = new ArrayList<>(lines.length);
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                if (!line.isBlank()) {
                    out.add(line.split(",", -1));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + file, e);
        }
    }
}
