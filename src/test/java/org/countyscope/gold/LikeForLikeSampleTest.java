package org.countyscope.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance check: every county's single-month (当月) comparable growth of the sample's last year, as
 * the forecasts read it ({@link ForecastInput}), agrees within 0.3 pp with a like-for-like recomputation in plain Java
 * from the raw 一套表 files: an enterprise's month counts where last year's value of exactly the same months is known
 * (its 上年同期 column, else its own reports of last year, else zero for a 新建投产 entrant), deflated by its 大类's
 * PPI; a 缺报 month counts with its estimate, as the product's rule states it (docs/methods.md). No countyscope code
 * on this side: the CSVs are split by hand.
 */
class LikeForLikeSampleTest {
    static final double TOLERANCE_PP = 0.3;
    static final int YEAR = 2025;

    /** One enterprise's reports of one year by month: {va cum, va 上年同期 (NaN when blank)}. */
    record Enterprise(String region, String division, Map<Integer, TreeMap<Integer, double[]>> years) {
    }

    @Test
    void everyCountysSingleMonthGrowthOfTheLastYearAgreesWithALikeForLikeRecomputation() throws IOException {
        Path sample = TestSpark.sampleDir();
        Map<String, Enterprise> firms = new HashMap<>();
        for (int y = YEAR - 1; y <= YEAR; y++) {
            List<String> lines = Files.readAllLines(sample.resolve("industry/industrial_output_" + y + ".csv"),
                StandardCharsets.UTF_8);
            assertTrue(lines.get(0).contains("工业增加值上年同期"), "the sample carries 上年同期");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                int month = Integer.parseInt(f[0].substring(5, 7));
                Enterprise e = firms.computeIfAbsent(f[1], k -> new Enterprise(f[3], f[4].substring(0, 2), new HashMap<>()));
                e.years().computeIfAbsent(y, k -> new TreeMap<>()).put(month, new double[] {Double.parseDouble(f[6]),
                    f[11].isEmpty() ? Double.NaN : Double.parseDouble(f[11])});
            }
        }
        Map<String, Double> ppi = new HashMap<>();
        List<String> ppiLines = Files.readAllLines(sample.resolve("industry/ppi_by_industry.csv"), StandardCharsets.UTF_8);
        for (String line : ppiLines.subList(1, ppiLines.size())) {
            String[] f = line.split(",", -1);
            ppi.put(f[1] + " " + f[0], Double.parseDouble(f[3]));
        }
        Set<String> newPlants = new HashSet<>();
        List<String> reg = Files.readAllLines(sample.resolve("industry/enterprise_register.csv"), StandardCharsets.UTF_8);
        for (String line : reg.subList(1, reg.size())) {
            String[] f = line.split(",", -1);
            if (f[5].equals("新增") && f.length > 7 && f[7].equals("新建投产")) {
                newPlants.add(f[1] + " " + f[0]);
            }
        }

        // 缺报: a register enterprise (not 退库 this year) that skipped a month after its first report of the year is
        // carried forward as 1—M月 × N/M from its last real report M, its 上年同期 scaled alike (rounded to 分)
        for (String line : reg.subList(1, reg.size())) {
            String[] f = line.split(",", -1);
            Enterprise e = firms.get(f[1]);
            if (!f[0].equals(String.valueOf(YEAR)) || f[5].equals("退库") || e == null || e.years().get(YEAR) == null) {
                continue;
            }
            TreeMap<Integer, double[]> now = e.years().get(YEAR);
            TreeMap<Integer, double[]> real = new TreeMap<>(now);
            for (int m = real.firstKey() + 1; m <= 12; m++) {
                if (!real.containsKey(m)) {
                    int last = real.lowerKey(m);
                    double scale = (double) m / last;
                    double[] r = real.get(last);
                    now.put(m, new double[] {Math.round(r[0] * scale * 100) / 100.0,
                        Double.isNaN(r[1]) ? Double.NaN : Math.round(r[1] * scale * 100) / 100.0});
                }
            }
        }

        // region × month: Σ deflated single periods, Σ bases of the same months
        Map<String, double[]> sums = new TreeMap<>();
        for (Map.Entry<String, Enterprise> en : firms.entrySet()) {
            Enterprise e = en.getValue();
            TreeMap<Integer, double[]> now = e.years().get(YEAR);
            if (now == null) {
                continue;
            }
            TreeMap<Integer, double[]> before = e.years().getOrDefault(YEAR - 1, new TreeMap<>());
            boolean newPlant = newPlants.contains(en.getKey() + " " + YEAR);
            for (Map.Entry<Integer, double[]> r : now.entrySet()) {
                int m = r.getKey();
                Integer previous = now.lowerKey(m);
                int from = previous == null ? 1 : previous + 1;
                double single = r.getValue()[0] - (previous == null ? 0 : now.get(previous)[0]);
                double deflator = 0;
                for (int k = from; k <= m; k++) {
                    Double idx = ppi.get(e.division() + " " + String.format("%d-%02d", YEAR, k));
                    assertTrue(idx != null, "the sample has every 大类's PPI");
                    deflator += idx;
                }
                deflator /= (m - from + 1);
                Double lyNow = lastYear(now.get(m), before.get(m), newPlant);
                Double base = previous == null ? lyNow
                    : lyNow == null ? null : minus(lyNow, lastYear(now.get(previous), before.get(previous), newPlant));
                if (base == null) {
                    continue;
                }
                double[] s = sums.computeIfAbsent(e.region() + " " + String.format("%d-%02d", YEAR, m), k -> new double[2]);
                s[0] += single / (deflator / 100);
                s[1] += base;
            }
        }

        TableStore store = SampleWarehouse.store();
        Dataset<Row> values = store.read(Layer.GOLD, "indicator_values");
        Dataset<Row> regions = RegionDimension.of(store.spark(),
            values.select("region_code").distinct().as(Encoders.STRING()).collectAsList());
        Map<String, Double> product = new HashMap<>();
        for (Row r : ForecastInput.apply(values, regions).where("region_level = 'county' AND period LIKE '" + YEAR + "-%'")
            .collectAsList()) {
            product.put(r.getAs("region_code") + " " + r.getAs("period"), r.getAs("yoy_period_pct"));
        }
        List<String> off = new ArrayList<>();
        double worst = 0;
        for (Map.Entry<String, double[]> s : sums.entrySet()) {
            double mine = (s.getValue()[0] / s.getValue()[1] - 1) * 100;
            Double theirs = product.get(s.getKey());
            if (theirs == null) {
                off.add(s.getKey() + ": missing in the product (recomputed " + mine + ")");
                continue;
            }
            worst = Math.max(worst, Math.abs(theirs - mine));
            if (Math.abs(theirs - mine) > TOLERANCE_PP) {
                off.add(s.getKey() + ": product " + theirs + ", like-for-like " + mine);
            }
        }
        assertEquals(List.of(), off, "county-months off by more than " + TOLERANCE_PP + " pp");
        assertEquals(7 * 11, sums.size(), "seven counties, 1—2月 and March to December");
        System.out.printf("like-for-like 当月 growth %d: %d county-months, largest difference %.2e pp%n", YEAR,
            sums.size(), worst);
    }

    private static Double lastYear(double[] report, double[] ownLastYear, boolean newPlant) {
        if (!Double.isNaN(report[1])) {
            return report[1];
        }
        if (ownLastYear != null) {
            return ownLastYear[0];
        }
        return newPlant ? 0.0 : null;
    }

    private static Double minus(double a, Double b) {
        return b == null ? null : a - b;
    }
}
