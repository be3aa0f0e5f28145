package org.countyscope.generate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** 招商引资: the signed contracts (签约项目) and the money that arrives for them month by month (到位资金). */
final class Attraction {

    static final String CONTRACTS = "investment/attraction_contracts.csv";
    static final String FUNDS = "investment/attraction_funds.csv";

    /** 小类 codes by chain, in {@link Theme#CHAINS} order. */
    private static final List<List<String>> CHAIN_CODES = List.of(
            List.of("0610", "4411", "4412", "2614", "2522", "2523", "2521"),
            List.of("4415", "4416", "4419", "3825", "3841", "3415"),
            List.of("3511", "3484", "3572", "3823", "3311", "3831"),
            List.of("1373", "1523", "1453", "2231", "0151"),
            List.of("1351", "1353", "0311", "1329"),
            List.of("7861", "6110", "8514", "7869"),
            List.of("3091", "3061", "3024", "3089", "2659", "2653"));
    /** Departments (indices into {@link Units#DEPARTMENT_CODES}) that take each chain. */
    private static final int[][] CHAIN_DEPARTMENTS = {{0, 2}, {2, 0}, {0, 3, 1}, {4, 1}, {4, 1}, {5, 1}, {0, 3}};

    /** One 签约项目; department is −1 when the county's 招商局 is responsible. */
    record Contract(String code, String name, Region region, String code4, int chain, LocalDate signDate, long amountCents,
                    String source, boolean fortune500, boolean listed, int department, long[] fundsCents) {
    }

    private Attraction() {
    }

    static List<Contract> plan(List<Region> regions, Timeline timeline, Names names, long seed) {
        List<Contract> contracts = new ArrayList<>();
        int n = timeline.months();
        for (Region r : regions) {
            for (int year = timeline.startYear() - 1; year <= timeline.lastYear(); year++) {
                SplittableRandom random = Seeds.random(seed, "contracts", Long.parseLong(r.code()), year);
                boolean before = year < timeline.startYear();
                double expected = before ? 0.9 * r.theme().activity()
                        : r.theme().activity() * Seeds.uniform(random, 4.5, 7.0) * timeline.monthsIn(year) / 12.0;
                int count = (int) Math.floor(expected) + (random.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
                List<LocalDate> dates = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    int month = before ? Seeds.between(random, 7, 12) : Seeds.between(random, 1, timeline.monthsIn(year));
                    dates.add(LocalDate.of(year, month, Seeds.between(random, 1, 28)));
                }
                dates.sort(Comparator.naturalOrder());
                for (int k = 0; k < count; k++) {
                    contracts.add(contract(r, year, k + 1, dates.get(k), timeline, names, seed, n));
                }
            }
        }
        contracts.sort(Comparator.comparing(Contract::signDate).thenComparing(Contract::code));
        return contracts;
    }

    private static Contract contract(Region r, int year, int number, LocalDate date, Timeline timeline, Names names, long seed, int n) {
        String code = "ZS" + year + "-" + r.code() + "-" + String.format("%03d", number);
        SplittableRandom random = Seeds.random(seed, "contract", Long.parseLong(r.code()), year * 1000L + number);
        int chain = Seeds.pick(random, r.theme().chainWeights());
        List<String> codes = CHAIN_CODES.get(chain);
        String code4 = codes.get(random.nextInt(codes.size()));
        double amount = Math.max(1000, Math.min(500_000, 15_000 * StrictMath.exp(0.85 * Seeds.gauss(random))));
        amount = amount >= 10_000 ? Math.round(amount / 100) * 100.0 : Math.round(amount / 10) * 10.0;
        double s = random.nextDouble();
        String source = s < 0.6 ? "省外" : s < 0.95 ? "省内" : "境外";
        boolean fortune500 = random.nextDouble() < 0.06;
        boolean listed = fortune500 ? random.nextDouble() < 0.8 : random.nextDouble() < 0.12;
        int department = -1;
        if (random.nextDouble() < 0.35) {
            int[] options = CHAIN_DEPARTMENTS[chain];
            department = options[random.nextInt(options.length)];
            if (department == Units.IDLE_DEPARTMENT && year <= timeline.startYear()) {
                department = options[0] == Units.IDLE_DEPARTMENT ? -1 : options[0];
            }
        }
        String name = names.unique(ProjectNames.industrial(random, r, code4, names));
        long[] funds = new long[n];
        double share = Seeds.uniform(random, 0.3, 0.9);
        int signIndex = timeline.index(date.getYear(), date.getMonthValue());
        int first = signIndex + Seeds.between(random, 1, 3);
        int months = Seeds.between(random, 3, amount > 50_000 ? 24 : 15);
        double[] weights = new double[months];
        double sum = 0;
        for (int k = 0; k < months; k++) {
            weights[k] = Seeds.uniform(random, 0.3, 1.7);
            sum += weights[k];
        }
        long totalCents = Fmt.toCents(amount * share);
        long given = 0;
        for (int k = 0; k < months; k++) {
            long cents = k == months - 1 ? totalCents - given : Math.round(totalCents * weights[k] / sum);
            given += cents;
            int t = first + k;
            if (t >= 0 && t < n) {
                funds[t] = cents;
            }
        }
        return new Contract(code, name, r, code4, chain, date, Fmt.toCents(amount), source, fortune500, listed, department, funds);
    }

    static void write(OutputDir out, List<Contract> contracts, Timeline timeline, boolean singleCity) {
        try (OutputDir.CsvFile csv = out.csv(CONTRACTS, StandardCharsets.UTF_8, false, "\n")) {
            csv.header("项目编号", "项目名称", "区划代码", "行业代码", "产业链", "签约日期", "签约金额（万元）", "资金来源", "是否500强",
                    "是否上市公司", "责任单位");
            for (Contract c : contracts) {
                // Contract lists record the 大类 only; the 小类 stays inside the generator for names and linked projects.
                csv.row(c.code(), c.name(), c.region().code(), c.code4().substring(0, 2), Theme.CHAINS.get(c.chain()),
                        c.signDate().toString(), Fmt.cents(c.amountCents()), c.source(), c.fortune500() ? "是" : "否", c.listed() ? "是" : "否",
                        responsibleUnit(c, singleCity));
            }
            csv.finish();
        }
        try (OutputDir.CsvFile csv = out.csv(FUNDS, StandardCharsets.UTF_8, false, "\n")) {
            csv.header("时期", "项目编号", "当月到位资金（万元）");
            for (int t = 0; t < timeline.months(); t++) {
                String period = timeline.period(t);
                for (Contract c : contracts) {
                    if (c.fundsCents()[t] > 0) {
                        csv.row(period, c.code(), Fmt.cents(c.fundsCents()[t]));
                    }
                }
            }
            csv.finish();
        }
    }

    static String responsibleUnit(Contract c, boolean singleCity) {
        return c.department() < 0 ? Units.countyBureau(c.region())
                : Units.departmentName(c.department(), c.region().cityName(), singleCity);
    }

    /** Funds arrived per county (by where the project lands) or department, per year: all, and from outside the province. */
    static Map<String, double[]> fundsByUnit(List<Contract> contracts, Timeline timeline, boolean outsideOnly, boolean byDepartment,
                                             boolean singleCity) {
        Map<String, double[]> out = new TreeMap<>();
        for (Contract c : contracts) {
            if (outsideOnly && !c.source().equals("省外")) {
                continue;
            }
            String unit = byDepartment
                    ? (c.department() < 0 ? null : Units.departmentCode(c.department(), c.region().cityCode(), singleCity))
                    : c.region().code();
            if (unit == null) {
                continue;
            }
            double[] years = out.computeIfAbsent(unit, k -> new double[timeline.years()]);
            for (int t = 0; t < timeline.months(); t++) {
                years[timeline.year(t) - timeline.startYear()] += c.fundsCents()[t] / 100.0;
            }
        }
        return out;
    }
}
