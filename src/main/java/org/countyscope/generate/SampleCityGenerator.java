package org.countyscope.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the deterministic sample city (规上 enterprises, taxes, budget, projects, 招商引资, targets) in the layouts the
 * bureau receives, byte-identical for the same seed and config.
 */
public final class SampleCityGenerator {

    /** System property naming the reference data directory; the default is data/reference under the working directory. */
    public static final String REFERENCE_DIR_PROPERTY = "countyscope.referenceDir";

    static final String PPI_FILE = "industry/ppi_by_industry.csv";
    static final String NATIONAL_FILE = "national/nbs_iva_growth_monthly_nbs-export_gbk.csv";

    private SampleCityGenerator() {
    }

    /**
     * Generates into outDir with the reference data from {@value #REFERENCE_DIR_PROPERTY}, else data/reference under the
     * working directory, else the copies the build puts on the classpath.
     */
    public static Summary generate(GeneratorConfig cfg, Path outDir) {
        String property = System.getProperty(REFERENCE_DIR_PROPERTY);
        if (property != null) {
            return generate(cfg, outDir, ReferenceData.load(Path.of(property)));
        }
        Path local = Path.of("data", "reference");
        return generate(cfg, outDir, Files.isDirectory(local) ? ReferenceData.load(local) : ReferenceData.fromClasspath());
    }

    /** Generates into outDir with the reference data in referenceDir. */
    public static Summary generate(GeneratorConfig cfg, Path outDir, Path referenceDir) {
        if (referenceDir == null) {
            throw new IllegalArgumentException("reference directory is required");
        }
        return generate(cfg, outDir, ReferenceData.load(referenceDir));
    }

    static Summary generate(GeneratorConfig cfg, Path outDir, ReferenceData ref) {
        if (cfg == null || outDir == null) {
            throw new IllegalArgumentException("config and output directory are required");
        }
        Timeline timeline = new Timeline(cfg.startYear(), cfg.months());
        List<Region> regions = Regions.choose(ref, cfg.counties(), cfg.seed());
        OutputDir out = new OutputDir(outDir);
        Register register = Register.plan(ref, regions, timeline, cfg);

        IndustryTotals totals = IndustrialOutput.write(out, register, timeline, cfg.seed());
        writePpi(out, ref, register.prices(), timeline);
        TaxFile.Result tax = TaxFile.write(out, ref, regions, register.prices(), totals, timeline, cfg.seed());
        BudgetFile.Result budget = BudgetFile.write(out, regions, tax, timeline, cfg.seed());

        List<String> cities = budget.cities();
        boolean singleCity = cities.size() == 1;
        String place = singleCity ? regions.get(0).cityName() : "样本地区";
        // Files carry the first day after the run as their document date, never the clock.
        LocalDateTime stamp = LocalDateTime.of(timeline.year(timeline.months() - 1), timeline.month(timeline.months() - 1), 1, 0, 0)
                .plusMonths(1);
        Names names = new Names();
        List<Attraction.Contract> contracts = Attraction.plan(regions, timeline, names, cfg.seed());
        Attraction.write(out, contracts, timeline, singleCity);
        List<Projects.Project> projects = Projects.plan(regions, contracts, timeline, names, cfg.seed());
        Projects.write(out, projects, timeline, place, stamp, cfg.seed());

        Map<String, String> cityNames = new TreeMap<>();
        for (Region r : regions) {
            cityNames.put(r.cityCode(), r.cityName());
        }
        Targets.Actuals actuals = actuals(regions, cities, register, totals, budget, contracts, projects, timeline, singleCity);
        Targets.write(out, Targets.plan(regions, cities, cityNames, actuals, timeline, singleCity, cfg.seed()), place, stamp);
        Yearbook.write(out, ref, regions, totals, budget, timeline, cfg.seed());
        copyNational(out, ref);
        return new Summary(out.rows());
    }

    /** What the generated data reach, per unit and year, for setting targets around them. */
    private static Targets.Actuals actuals(List<Region> regions, List<String> cities, Register register, IndustryTotals totals,
                                           BudgetFile.Result budget, List<Attraction.Contract> contracts,
                                           List<Projects.Project> projects, Timeline timeline, boolean singleCity) {
        int years = timeline.years();
        double[][] vaGrowth = new double[regions.size()][years];
        double[][] cityNow = new double[cities.size()][years];
        double[][] cityBase = new double[cities.size()][years];
        double[][] cityModel = new double[cities.size()][years];
        double[][] cityWeight = new double[cities.size()][years];
        for (Region r : regions) {
            int c = cities.indexOf(r.cityCode());
            for (int y = 0; y < years; y++) {
                double now = totals.comparableNow[r.index()][y];
                double base = totals.comparableBase[r.index()][y];
                double model = register.countyGrowth(r, y) * 100;
                vaGrowth[r.index()][y] = base > 0 ? (now / base - 1) * 100 : model;
                cityNow[c][y] += now;
                cityBase[c][y] += base;
                double weight = y > 0 ? totals.annualValueAdded[r.index()][y - 1] : register.initialCount(r);
                cityModel[c][y] += model * weight;
                cityWeight[c][y] += weight;
            }
        }
        double[][] cityVaGrowth = new double[cities.size()][years];
        for (int c = 0; c < cities.size(); c++) {
            for (int y = 0; y < years; y++) {
                cityVaGrowth[c][y] = cityBase[c][y] > 0 ? (cityNow[c][y] / cityBase[c][y] - 1) * 100
                        : cityWeight[c][y] > 0 ? cityModel[c][y] / cityWeight[c][y] : Double.NaN;
            }
        }
        double[][][] investment = Projects.investmentByCounty(projects, regions.size(), timeline);
        double[][][] cityInvestment = new double[2][cities.size()][years];
        for (Region r : regions) {
            for (int k = 0; k < 2; k++) {
                for (int y = 0; y < years; y++) {
                    cityInvestment[k][cities.indexOf(r.cityCode())][y] += investment[k][r.index()][y];
                }
            }
        }
        Map<String, double[]> contractCounts = new TreeMap<>();
        Map<String, double[]> departmentContracts = new TreeMap<>();
        for (Attraction.Contract c : contracts) {
            int y = c.signDate().getYear() - timeline.startYear();
            if (y < 0) {
                continue;
            }
            contractCounts.computeIfAbsent(c.region().code(), k -> new double[years])[y]++;
            if (c.department() >= 0) {
                String code = Units.departmentCode(c.department(), c.region().cityCode(), singleCity);
                departmentContracts.computeIfAbsent(code, k -> new double[years])[y]++;
            }
        }
        return new Targets.Actuals(vaGrowth, totals.entrants, growth(investment[1], timeline), growth(investment[0], timeline),
                Attraction.fundsByUnit(contracts, timeline, false, false, singleCity),
                Attraction.fundsByUnit(contracts, timeline, true, false, singleCity), budget.countyTotal(), contractCounts,
                Attraction.fundsByUnit(contracts, timeline, false, true, singleCity),
                Attraction.fundsByUnit(contracts, timeline, true, true, singleCity), departmentContracts, cityVaGrowth,
                growth(cityInvestment[1], timeline), growth(cityInvestment[0], timeline));
    }

    /** Year-on-year growth in %, NaN for the first year, a partial year, or a base of zero. */
    private static double[][] growth(double[][] values, Timeline timeline) {
        double[][] out = new double[values.length][timeline.years()];
        for (int i = 0; i < values.length; i++) {
            for (int y = 0; y < timeline.years(); y++) {
                boolean comparable = y > 0 && values[i][y - 1] > 0 && timeline.fullYear(timeline.startYear() + y);
                out[i][y] = comparable ? (values[i][y] / values[i][y - 1] - 1) * 100 : Double.NaN;
            }
        }
        return out;
    }

    private static void writePpi(OutputDir out, ReferenceData ref, PriceIndex prices, Timeline timeline) {
        int[] codes = prices.codes();
        try (OutputDir.CsvFile csv = out.csv(PPI_FILE, StandardCharsets.UTF_8, false, "\n")) {
            csv.header("时期", "行业代码", "行业名称", "出厂价格指数（上年同月=100）");
            for (int t = 0; t < timeline.months(); t++) {
                String period = timeline.period(t);
                for (int row = 0; row < codes.length; row++) {
                    String code = String.format("%02d", codes[row]);
                    csv.row(period, code, ref.industryName(code), Fmt.oneDecimal(prices.index(row, t)));
                }
            }
            csv.finish();
        }
    }

    private static void copyNational(OutputDir out, ReferenceData ref) {
        Path tmp = out.temp(NATIONAL_FILE);
        try (InputStream in = ref.open(ReferenceData.NBS_EXPORT)) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            long lines;
            try (var stream = Files.lines(tmp, TaxFile.GBK)) {
                lines = stream.count();
            }
            out.commit(NATIONAL_FILE, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
