package org.countyscope.generate;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Writes 税收 全口径 (all tax collected) per month, county, 大类 and tax type, from the enterprises' results and the
 * counties' services, one GBK file a year.
 */
final class TaxFile {

    static final Charset GBK = Charset.forName("GBK");

    static final List<String> TAX_TYPES = List.of("增值税", "企业所得税", "个人所得税", "资源税", "城市维护建设税", "房产税",
            "城镇土地使用税", "土地增值税", "印花税", "契税", "耕地占用税", "环境保护税", "车船税");
    private static final int VAT = 0;
    private static final int CIT = 1;
    private static final int PIT = 2;
    private static final int RESOURCE = 3;
    private static final int CITY_MAINTENANCE = 4;
    private static final int PROPERTY = 5;
    private static final int LAND_USE = 6;
    private static final int LAND_VALUE = 7;
    private static final int STAMP = 8;
    private static final int DEED = 9;
    private static final int FARMLAND = 10;
    private static final int ENVIRONMENT = 11;
    private static final int VEHICLE = 12;

    /** Local-level share of each tax type (DOMAIN convention: 增值税 50%, 企业所得税 40%, 个人所得税 40%, the rest 100%). */
    private static final double[] LOCAL_SHARE = {0.5, 0.4, 0.4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    /** Non-industrial 大类 in every county, with their share of non-industrial tax and yearly trend. */
    private static final int[] SERVICES = {47, 51, 52, 54, 66, 70, 72};
    private static final double[] SERVICE_SHARE = {0.15, 0.15, 0.12, 0.08, 0.15, 0.26, 0.09};
    private static final double[] SERVICE_TREND = {0.95, 1.02, 1.03, 1.00, 1.02, 0.90, 1.04};
    /** Tax-type shares per service 大类, in TAX_TYPES order. */
    private static final double[][] SERVICE_TYPES = {
        {0.45, 0.15, 0.06, 0, 0.035, 0.02, 0.02, 0, 0.03, 0, 0.10, 0, 0.01},
        {0.55, 0.20, 0.05, 0, 0.04, 0.04, 0.04, 0, 0.04, 0, 0, 0, 0.01},
        {0.50, 0.18, 0.06, 0, 0.035, 0.08, 0.06, 0, 0.02, 0, 0, 0, 0.005},
        {0.45, 0.15, 0.06, 0, 0.03, 0.04, 0.05, 0, 0.02, 0, 0, 0, 0.12},
        {0.45, 0.35, 0.08, 0, 0.03, 0.04, 0.02, 0, 0.03, 0, 0, 0, 0},
        {0.30, 0.15, 0.03, 0, 0.02, 0.03, 0.03, 0.18, 0.02, 0.18, 0.06, 0, 0},
        {0.50, 0.20, 0.12, 0, 0.035, 0.05, 0.02, 0, 0.03, 0, 0, 0, 0},
    };
    private static final double[] SERVICE_SEASON = {1.25, 0.75, 0.9, 1.0, 1.05, 1.0, 0.95, 0.9, 0.95, 0.95, 1.0, 1.3};
    /** Non-industrial tax as a share of 第三产业增加值. */
    private static final double SERVICE_TAX_RATE = 0.06;
    /** Tax from enterprises below the 规上 threshold in the same 大类. */
    private static final double BELOW_THRESHOLD = 1.10;

    private TaxFile() {
    }

    static String file(int year) {
        return "tax/tax_" + year + ".csv";
    }

    /** Local-level tax (collected × local share), 万元, by county × month — what the budget file builds on. */
    record Result(double[][] localTax) {
    }

    static Result write(OutputDir out, ReferenceData ref, List<Region> regions, PriceIndex prices, IndustryTotals totals,
                        Timeline timeline, long seed) {
        int n = timeline.months();
        double[][] local = new double[regions.size()][n];
        int[] dls = prices.codes();
        Set<String> refunds = chooseRefunds(regions, totals, dls, timeline, seed);
        long[] amounts = new long[TAX_TYPES.size()];
        for (int year = timeline.startYear(); year <= timeline.lastYear(); year++) {
            try (OutputDir.CsvFile csv = out.csv(file(year), GBK, false, "\r\n")) {
                csv.header("所属期", "区划代码", "县区", "行业代码", "行业名称", "税种", "入库税额（万元）", "纳税户数");
                for (int month = 1; month <= timeline.monthsIn(year); month++) {
                    int t = timeline.index(year, month);
                    String period = Timeline.period(year, month);
                    for (Region r : regions) {
                        for (String code : industries(r, totals, dls)) {
                            int dl = Integer.parseInt(code);
                            SplittableRandom random = Seeds.random(seed, "tax", Long.parseLong(r.code()), dl, t);
                            int row = prices.row(dl);
                            boolean industry = row >= 0 && isIndustrial(dl);
                            if (industry) {
                                industrialCell(amounts, r, dl, totals.valueAdded[r.index()][row][t] * BELOW_THRESHOLD,
                                        totals.revenue[r.index()][row][t] * BELOW_THRESHOLD,
                                        totals.profit[r.index()][row][t] * BELOW_THRESHOLD, month, random);
                            } else {
                                serviceCell(amounts, r, dl, year - timeline.startYear(), month, random);
                            }
                            if (refunds.contains(r.code() + "|" + code + "|" + t) && amounts[VAT] > 0) {
                                // 留抵退税: the refund of accumulated input VAT exceeds the month's payments.
                                amounts[VAT] = -Math.round(amounts[VAT] * Seeds.uniform(random, 0.3, 1.2));
                            }
                            String name = ref.industryName(code);
                            int enterprises = industry ? totals.reporters[r.index()][row][t] : 0;
                            // its own stream: the taxpayer counts move no other figure of the sample
                            SplittableRandom payers = Seeds.random(seed, "tax-payers", Long.parseLong(r.code()), dl, t);
                            for (int k = 0; k < amounts.length; k++) {
                                if (amounts[k] == 0) {
                                    continue;
                                }
                                int taxpayers = industry ? industrialPayers(k, dl, enterprises, r, year, seed, payers)
                                    : servicePayers(k, dl, r, payers);
                                csv.row(period, r.code(), r.name(), code, name, TAX_TYPES.get(k), Fmt.cents(amounts[k]),
                                    String.valueOf(taxpayers));
                                local[r.index()][t] += amounts[k] / 100.0 * LOCAL_SHARE[k];
                            }
                        }
                    }
                }
                csv.finish();
            }
        }
        return new Result(local);
    }

    /**
     * 纳税户数 of an industrial cell: its 规上 enterprises that month, and for the broad taxes the smaller firms of the
     * 大类 below the threshold (a county's own few per 大类, none in coal mining, whose small pits are closed); 资源税,
     * 环境保护税 and 车船税 are paid by the 规上 mines and plants only, 耕地占用税 by the one enterprise taking land.
     */
    private static int industrialPayers(int k, int dl, int enterprises, Region r, int year, long seed,
                                        SplittableRandom random) {
        int regular = Math.max(1, enterprises);
        // the small firms of a county × 大类 change slowly: drawn per year, not per month
        SplittableRandom small = Seeds.random(seed, "tax-payers-small", Long.parseLong(r.code()), dl, year);
        int below = dl == 6 ? 0 : (int) StrictMath.floor(regular * Seeds.uniform(small, 0.2, 1.6));
        switch (k) {
            case RESOURCE:
            case ENVIRONMENT:
            case VEHICLE:
                return regular;
            case FARMLAND:
                return 1;
            case PROPERTY:
            case LAND_USE:
                return regular + below / 2;
            case CIT:
                // loss makers pay none
                return Math.max(1, regular + below - (int) StrictMath.floor((regular + below) * random.nextDouble() * 0.2));
            default:
                return regular + below;
        }
    }

    /**
     * 纳税户数 of a service cell: many taxpayers for the broad taxes (scaled by the county's population), a handful for
     * 土地增值税 and 契税 (the month's property deals), one or two for 耕地占用税 (paid once when a project takes farmland).
     */
    private static int servicePayers(int k, int dl, Region r, SplittableRandom random) {
        int s = indexOf(SERVICES, dl);
        double broad = r.populationWan() * SERVICE_SHARE[s] * 6 * StrictMath.exp(0.1 * Seeds.gauss(random));
        switch (k) {
            case FARMLAND:
                return Seeds.between(random, 1, 2);
            case LAND_VALUE:
            case DEED:
                return Seeds.between(random, 1, 9);
            case PROPERTY:
            case LAND_USE:
            case VEHICLE:
                return Math.max(3, (int) StrictMath.round(broad * 0.3));
            default:
                return Math.max(3, (int) StrictMath.round(broad));
        }
    }

    static boolean isIndustrial(int dl) {
        return dl >= 6 && dl <= 46;
    }

    /** The 大类 a county pays tax in: its industrial 大类 during the run plus the service sectors, in code order. */
    private static List<String> industries(Region r, IndustryTotals totals, int[] dls) {
        TreeSet<String> codes = new TreeSet<>();
        for (int row = 0; row < dls.length; row++) {
            if (totals.present[r.index()][row]) {
                codes.add(String.format("%02d", dls[row]));
            }
        }
        for (int dl : SERVICES) {
            codes.add(String.valueOf(dl));
        }
        return new ArrayList<>(codes);
    }

    private static void industrialCell(long[] amounts, Region r, int dl, double valueAdded, double revenue, double profit,
                                       int month, SplittableRandom random) {
        Arrays.fill(amounts, 0);
        if (valueAdded <= 0) {
            return;
        }
        boolean quarter = month == 1 || month == 4 || month == 7 || month == 10;
        double vat = valueAdded * vatRate(dl) * (1 + 0.08 * Seeds.gauss(random));
        amounts[VAT] = Fmt.toCents(vat);
        // 15%: the 西部大开发 rate most enterprises here pay.
        amounts[CIT] = Fmt.toCents(0.15 * Math.max(0, profit) * citWeight(month) * (1 + 0.1 * Seeds.gauss(random)));
        amounts[PIT] = Fmt.toCents(valueAdded * 0.006 * (1 + 0.1 * Seeds.gauss(random)));
        if (dl >= 6 && dl <= 10) {
            amounts[RESOURCE] = Fmt.toCents(revenue * (dl == 6 ? 0.02 : 0.03) * (1 + 0.03 * Seeds.gauss(random)));
        }
        amounts[CITY_MAINTENANCE] = Fmt.toCents(Math.max(0, vat) * (r.urbanDistrict() ? 0.07 : 0.05));
        if (quarter) {
            amounts[PROPERTY] = Fmt.toCents(valueAdded * 0.012 * (1 + 0.1 * Seeds.gauss(random)));
            amounts[LAND_USE] = Fmt.toCents(valueAdded * 0.012 * (1 + 0.1 * Seeds.gauss(random)));
            if (dl == 6 || dl == 44 || dl == 30) {
                amounts[ENVIRONMENT] = Fmt.toCents(valueAdded * 0.009 * (1 + 0.2 * Seeds.gauss(random)));
            }
        }
        amounts[STAMP] = Fmt.toCents(revenue * 0.0004);
        if (dl == 6) {
            amounts[VEHICLE] = Fmt.toCents(valueAdded * 0.0004);
            if (random.nextDouble() < 0.06) {
                amounts[FARMLAND] = Fmt.toCents(valueAdded * Seeds.uniform(random, 0.05, 0.3));
            }
        }
        for (int k = 0; k < amounts.length; k++) {
            if (k != VAT && amounts[k] < 0) {
                amounts[k] = 0;
            }
        }
    }

    private static void serviceCell(long[] amounts, Region r, int dl, int yearOffset, int month, SplittableRandom random) {
        Arrays.fill(amounts, 0);
        int s = indexOf(SERVICES, dl);
        double annual = r.populationWan() * r.theme().tertiaryPerCapita() * 1e4 * SERVICE_TAX_RATE * StrictMath.pow(1.03, yearOffset);
        double seasonSum = 0;
        for (double v : SERVICE_SEASON) {
            seasonSum += v;
        }
        double monthly = annual * SERVICE_SHARE[s] * StrictMath.pow(SERVICE_TREND[s], yearOffset) * SERVICE_SEASON[month - 1] / seasonSum
                * StrictMath.exp(0.12 * Seeds.gauss(random));
        boolean quarter = month == 1 || month == 4 || month == 7 || month == 10;
        for (int k = 0; k < amounts.length; k++) {
            double share = SERVICE_TYPES[s][k];
            if (share == 0) {
                continue;
            }
            double amount = monthly * share * StrictMath.exp(0.1 * Seeds.gauss(random));
            if (k == PROPERTY || k == LAND_USE) {
                amount = quarter ? 3 * amount : 0;
            } else if (k == FARMLAND) {
                // Paid once when farmland is taken for a project, so it comes in lumps.
                amount = random.nextDouble() < 0.2 ? amount * 5 * Seeds.uniform(random, 0.3, 1.7) : 0;
            }
            amounts[k] = Fmt.toCents(amount);
        }
    }

    /** 企业所得税 is prepaid after each quarter (January, April, July, October) and settled in May. */
    private static double citWeight(int month) {
        switch (month) {
            case 1:
            case 4:
            case 7:
            case 10:
                return 1.4;
            case 5:
                return 1.6;
            default:
                return 4.8 / 7;
        }
    }

    private static double vatRate(int dl) {
        if (dl == 6) {
            return 0.06;
        }
        if (dl >= 7 && dl <= 12) {
            return 0.07;
        }
        if (dl == 44 || dl == 45) {
            return 0.055;
        }
        if (dl == 46) {
            return 0.03;
        }
        if (dl == 13) {
            return 0.025;
        }
        if (dl == 14) {
            return 0.045;
        }
        if (dl == 15) {
            return 0.06;
        }
        if (dl == 25 || dl == 26 || dl == 28 || dl == 30) {
            return 0.065;
        }
        return 0.05;
    }

    /** A few county × 大类 × month cells per year where 增值税 is net negative (留抵退税). */
    private static Set<String> chooseRefunds(List<Region> regions, IndustryTotals totals, int[] dls, Timeline timeline, long seed) {
        Set<String> out = new HashSet<>();
        for (int year = timeline.startYear(); year <= timeline.lastYear(); year++) {
            SplittableRandom random = Seeds.random(seed, "tax-refunds", year);
            int count = Seeds.between(random, 1, 3);
            for (int k = 0; k < count; k++) {
                Region r = regions.get(random.nextInt(regions.size()));
                List<String> codes = industries(r, totals, dls);
                String code = codes.get(random.nextInt(codes.size()));
                int month = Seeds.between(random, 1, timeline.monthsIn(year));
                out.add(r.code() + "|" + code + "|" + timeline.index(year, month));
            }
        }
        return out;
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a service 大类: " + v);
    }
}
