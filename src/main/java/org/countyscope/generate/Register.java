package org.countyscope.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.countyscope.reference.CreditCode;

/**
 * The 规上工业 register over the whole run, planned before anything is written: which enterprises each county has,
 * their sizes, who enters (新增) and leaves (退库) in which month, and each one's real growth year by year.
 */
final class Register {

    /** Sizes are set so 平凉's seven counties produce about 115 亿元 of 规上 value added in the first year. */
    private static final double SCALE = 0.92;
    /** Value added of an enterprise that just passes the 2000万元 revenue threshold, 万元. */
    private static final double MIN_VALUE_ADDED = 450;
    private static final double LARGE = 20_000;
    /** 新增原因 in the register. */
    static final String NEW_PLANT = "新建投产";
    static final String CROSSED = "升规";

    private final List<Region> regions;
    private final List<List<Enterprise>> byRegion;
    private final PriceIndex prices;
    private final double[][] countyGrowth;
    private final int[] initialCounts;

    private Register(List<Region> regions, List<List<Enterprise>> byRegion, PriceIndex prices, double[][] countyGrowth, int[] initialCounts) {
        this.regions = regions;
        this.byRegion = byRegion;
        this.prices = prices;
        this.countyGrowth = countyGrowth;
        this.initialCounts = initialCounts;
    }

    List<Region> regions() {
        return regions;
    }

    /** Enterprises of a county in register order (年初在库 first, then 新增 as they came). */
    List<Enterprise> of(Region region) {
        return byRegion.get(region.index());
    }

    PriceIndex prices() {
        return prices;
    }

    /** The model's real growth of a county's 规上 value added in a year of the run (a fraction). */
    double countyGrowth(Region region, int yearIndex) {
        return countyGrowth[region.index()][yearIndex];
    }

    int initialCount(Region region) {
        return initialCounts[region.index()];
    }

    /** One enterprise before its size is known. */
    private record Draft(Region region, int seq, String code4, int lineIndex, double weight, int entryYear, int entryMonth) {
    }

    static Register plan(ReferenceData ref, List<Region> regions, Timeline timeline, GeneratorConfig cfg) {
        long seed = cfg.seed();
        double[] countyWeights = new double[regions.size()];
        boolean calibrated = regions.size() <= 7;
        for (Region r : regions) {
            double w = r.theme().calibrationCount();
            if (!calibrated) {
                SplittableRandom random = Seeds.random(seed, "county-weight", Long.parseLong(r.code()));
                w *= Math.sqrt(r.population() / 300_000.0) * Seeds.uniform(random, 0.7, 1.3);
            }
            countyWeights[r.index()] = w;
        }
        int[] counts = allocate(cfg.enterprises(), countyWeights, 1);

        List<List<Draft>> drafts = new ArrayList<>();
        Set<Integer> present = new TreeSet<>();
        for (Region r : regions) {
            List<Theme.Line> lines = r.theme().lines();
            double[] lineWeights = new double[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                lineWeights[i] = lines.get(i).count();
            }
            int[] lineCounts = allocate(counts[r.index()], lineWeights, 0);
            List<Draft> list = new ArrayList<>();
            int seq = 0;
            for (int i = 0; i < lines.size(); i++) {
                Theme.Line line = lines.get(i);
                double sigma = line.meanValueAdded() > LARGE ? 0.35 : 0.6;
                for (int k = 0; k < lineCounts[i]; k++) {
                    seq++;
                    SplittableRandom random = Seeds.random(seed, "enterprise", Enterprise.keyOf(r, seq));
                    String code4 = line.codes().get(random.nextInt(line.codes().size()));
                    list.add(new Draft(r, seq, code4, i, StrictMath.exp(sigma * Seeds.gauss(random)), timeline.startYear(), 0));
                }
            }
            // 新增 (小升规 and new plants) come from the county's smaller lines.
            double[] entrantWeights = new double[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                entrantWeights[i] = lineCounts[i] > 0 && lines.get(i).meanValueAdded() < LARGE ? lineCounts[i] : 0;
            }
            if (sum(entrantWeights) == 0) {
                for (int i = 0; i < lines.size(); i++) {
                    entrantWeights[i] = lineCounts[i];
                }
            }
            for (int year = timeline.startYear(); year <= timeline.lastYear(); year++) {
                SplittableRandom random = Seeds.random(seed, "entrants", Long.parseLong(r.code()), year);
                double expected = counts[r.index()] * Seeds.uniform(random, 0.05, 0.10) * timeline.monthsIn(year) / 12.0;
                int n = (int) Math.floor(expected) + (random.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
                for (int k = 0; k < n; k++) {
                    seq++;
                    SplittableRandom er = Seeds.random(seed, "enterprise", Enterprise.keyOf(r, seq));
                    int lineIndex = Seeds.pick(er, entrantWeights);
                    Theme.Line line = lines.get(lineIndex);
                    String code4 = line.codes().get(er.nextInt(line.codes().size()));
                    int month = er.nextDouble() < 0.6 ? 1 : Seeds.between(er, 1, timeline.monthsIn(year));
                    list.add(new Draft(r, seq, code4, lineIndex, StrictMath.exp(0.45 * Seeds.gauss(er)), year, month));
                }
            }
            for (Draft d : list) {
                present.add(Integer.parseInt(d.code4().substring(0, 2)));
            }
            drafts.add(list);
        }

        int[] codes = present.stream().mapToInt(Integer::intValue).toArray();
        PriceIndex prices = new PriceIndex(ref, timeline, codes, seed);

        Names names = new Names();
        Set<String> creditCodes = new HashSet<>();
        List<List<Enterprise>> byRegion = new ArrayList<>();
        for (Region r : regions) {
            List<Draft> list = drafts.get(r.index());
            List<Theme.Line> lines = r.theme().lines();
            double[] weightSums = new double[lines.size()];
            int[] lineCounts = new int[lines.size()];
            for (Draft d : list) {
                if (d.entryMonth() == 0) {
                    weightSums[d.lineIndex()] += d.weight();
                    lineCounts[d.lineIndex()]++;
                }
            }
            List<Enterprise> enterprises = new ArrayList<>(list.size());
            for (Draft d : list) {
                Theme.Line line = lines.get(d.lineIndex());
                double size;
                if (d.entryMonth() == 0) {
                    size = lineCounts[d.lineIndex()] * line.meanValueAdded() * SCALE * d.weight() / weightSums[d.lineIndex()];
                } else {
                    size = 900 * d.weight();
                }
                size = Math.max(MIN_VALUE_ADDED, size);
                Sector sector = Sector.of(d.code4());
                SplittableRandom random = Seeds.random(seed, "attributes", Enterprise.keyOf(r, d.seq()));
                String credit = creditCode(random, r, creditCodes);
                String name = names.enterprise(random, r, d.code4());
                double vaRatio = sector.vaRatio() * Seeds.uniform(random, 0.88, 1.12);
                double revenueRatio = Seeds.uniform(random, 0.93, 1.06);
                double marginOffset = 0.025 * Seeds.gauss(random);
                double employees = Math.max(15, size / sector.productivity() * Seeds.uniform(random, 0.75, 1.3));
                Enterprise e = new Enterprise(r, d.seq(), d.code4(), sector, credit, name, size >= LARGE,
                        d.entryYear(), d.entryMonth(), vaRatio, revenueRatio, marginOffset, employees);
                e.ppiRow = prices.row(e.dl);
                if (d.entryMonth() > 0) {
                    // a stream of its own, so the reason does not shift any other draw
                    SplittableRandom why = Seeds.random(seed, "entry-reason", Enterprise.keyOf(r, d.seq()));
                    e.entryReason = why.nextDouble() < 0.3 ? NEW_PLANT : CROSSED;
                    e.preEntryGrowth = Seeds.uniform(why, 0.05, 0.30);
                }
                // Sizes are meant in the entry year's prices; the model runs on volumes at the base-year price level.
                e.baseVolume = size / meanLevel(prices, timeline, e.ppiRow, d.entryYear());
                enterprises.add(e);
            }
            byRegion.add(enterprises);
        }

        double[][] countyGrowth = new double[regions.size()][timeline.years()];
        for (Region r : regions) {
            SplittableRandom offsetRandom = Seeds.random(seed, "county-offset", Long.parseLong(r.code()));
            double offset = 0.008 * Seeds.gauss(offsetRandom);
            for (int y = 0; y < timeline.years(); y++) {
                SplittableRandom random = Seeds.random(seed, "county-growth", Long.parseLong(r.code()), timeline.startYear() + y);
                countyGrowth[r.index()][y] = Math.max(-0.02, Math.min(0.14, r.theme().growth() + offset + 0.012 * Seeds.gauss(random)));
            }
        }
        for (Region r : regions) {
            for (Enterprise e : byRegion.get(r.index())) {
                planLife(e, timeline, seed, countyGrowth[r.index()]);
            }
        }
        return new Register(regions, byRegion, prices, countyGrowth, counts);
    }

    private static void planLife(Enterprise e, Timeline timeline, long seed, double[] growth) {
        e.levelByYear = new double[timeline.years()];
        for (int year = e.entryYear; year <= timeline.lastYear(); year++) {
            int y = year - timeline.startYear();
            if (year == e.entryYear) {
                e.levelByYear[y] = 1.0;
            } else {
                SplittableRandom random = Seeds.random(seed, "growth", e.key, year);
                double dev = (e.large ? 0.03 : 0.07) * Seeds.gauss(random);
                e.levelByYear[y] = e.levelByYear[y - 1] * (1 + Math.max(-0.35, Math.min(0.5, growth[y] + dev)));
            }
            if (!e.isEntrant(year) && timeline.monthsIn(year) >= 2) {
                SplittableRandom random = Seeds.random(seed, "exit", e.key, year);
                double p = e.large ? 0.008 : 0.045;
                if (random.nextDouble() < p) {
                    e.exitYear = year;
                    e.exitMonth = Seeds.between(random, 2, timeline.monthsIn(year));
                    return;
                }
            }
        }
    }

    private static double meanLevel(PriceIndex prices, Timeline timeline, int row, int year) {
        int first = timeline.index(year, 1);
        int n = timeline.monthsIn(year);
        double sum = 0;
        for (int t = first; t < first + n; t++) {
            sum += prices.level(row, t);
        }
        return sum / n;
    }

    private static String creditCode(SplittableRandom random, Region region, Set<String> used) {
        while (true) {
            StringBuilder body = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                body.append(CreditCode.CHARSET.charAt(random.nextInt(CreditCode.CHARSET.length())));
            }
            String code = CreditCode.make('9', '1', region.code(), body.toString());
            if (used.add(code)) {
                return code;
            }
        }
    }

    /** Splits a total over weights by largest remainder, giving each at least minEach; ties go to the earlier index. */
    static int[] allocate(int total, double[] weights, int minEach) {
        int n = weights.length;
        if (total < minEach * n) {
            throw new IllegalArgumentException("cannot give " + minEach + " each to " + n + " from " + total);
        }
        double sum = sum(weights);
        int[] out = new int[n];
        double[] remainders = new double[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            double share = sum > 0 ? total * weights[i] / sum : (double) total / n;
            out[i] = (int) Math.floor(share);
            remainders[i] = share - out[i];
            if (out[i] < minEach) {
                out[i] = minEach;
                remainders[i] = -1;
            }
            given += out[i];
        }
        for (; given < total; given++) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainders[best] = -1;
        }
        for (; given > total; given--) {
            // Minimums pushed the sum over: take back from the largest.
            int largest = 0;
            for (int i = 1; i < n; i++) {
                if (out[i] > out[largest]) {
                    largest = i;
                }
            }
            out[largest]--;
        }
        return out;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
