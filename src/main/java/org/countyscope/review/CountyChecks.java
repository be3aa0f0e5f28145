package org.countyscope.review;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plausibility of county totals for one month (plain Java): a county × dataset total against its seasonal history,
 * a tax cell against its own months, a county missing a month, industrial tax and output moving apart, and the
 * budget's 税收收入 against the local-level share of 全口径 tax.
 */
public final class CountyChecks {
    public static final String SEASONAL = "county_seasonal";
    public static final String TAX_CELL = "tax_cell_band";
    public static final String MISSING_MONTH = "county_missing_month";
    public static final String OUTPUT_TAX = "output_tax_apart";
    public static final String BUDGET_TAX = "budget_vs_tax";
    static final String[] DATASET_LABEL = {"tax", "税收收入（全口径）", "budget_revenue", "一般公共预算收入",
        "projects", "固定资产投资（本年完成）", "industrial_output", "规上工业一套表"};

    private final ReviewRules rules;
    private final Map<String, String> regionNames;

    public CountyChecks(ReviewRules rules, Map<String, String> regionNames) {
        this.rules = rules;
        this.regionNames = regionNames;
    }

    static String label(String dataset) {
        for (int i = 0; i < DATASET_LABEL.length; i += 2) {
            if (DATASET_LABEL[i].equals(dataset)) {
                return DATASET_LABEL[i + 1];
            }
        }
        return dataset;
    }

    private Flags.Subject subject(String dataset, String region, String entityId, String entityName, String period) {
        return new Flags.Subject(dataset, region, regionNames.get(region), entityId, entityName, period, period);
    }

    /**
     * A county's total of the month against its history, seasonally: the year-on-year log ratio of the month
     * against the year-on-year log ratios of the 24 months before it (median ± k robust SDs, floored).
     */
    public List<Flag> seasonal(List<CountyMonth> totals, String period) {
        ReviewRule rule = rules.get(SEASONAL);
        Map<String, TreeMap<String, CountyMonth>> series = new TreeMap<>();
        for (CountyMonth m : totals) {
            series.computeIfAbsent(m.dataset() + "|" + m.regionCode(), k -> new TreeMap<>()).put(m.period(), m);
        }
        YearMonth p = YearMonth.parse(period);
        List<Flag> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<String, CountyMonth>> e : series.entrySet()) {
            TreeMap<String, CountyMonth> s = e.getValue();
            CountyMonth now = s.get(period);
            CountyMonth before = s.get(p.minusYears(1).toString());
            if (now == null || before == null || now.value() <= 0 || before.value() <= 0
                || now.monthsCovered() != before.monthsCovered()) {
                continue;
            }
            List<Double> ratios = new ArrayList<>();
            for (int back = 1; back <= 24; back++) {
                CountyMonth a = s.get(p.minusMonths(back).toString());
                CountyMonth b = s.get(p.minusMonths(back + 12).toString());
                if (a != null && b != null && a.value() > 0 && b.value() > 0 && a.monthsCovered() == b.monthsCovered()) {
                    ratios.add(Math.log(a.value() / b.value()));
                }
            }
            if (ratios.size() < 6) {
                continue;
            }
            Band.Range band = Band.robust(ratios.stream().mapToDouble(Double::doubleValue).toArray(), rule.threshold(),
                rule.materiality());
            double x = Math.log(now.value() / before.value());
            if (!band.contains(x)) {
                out.add(Flags.of(rule, subject(now.dataset(), now.regionCode(), now.regionCode(),
                        label(now.dataset()), period), now.value(), before.value() * Math.exp(band.low()),
                    before.value() * Math.exp(band.high()), "万元"));
            }
        }
        return out;
    }

    /**
     * A tax cell against its own paid months of the last year (log median ± k robust SDs, floored) and the same
     * month a year earlier, when it is large enough to matter: the excess over the cell's median is more than the
     * materiality share of the county's median monthly tax.
     */
    public List<Flag> taxCells(List<TaxCell> cells, String period) {
        ReviewRule rule = rules.get(TAX_CELL);
        YearMonth p = YearMonth.parse(period);
        String from = p.minusMonths(12).toString();
        Map<String, TreeMap<String, TaxCell>> series = new HashMap<>();
        Map<String, Map<String, Double>> countyMonth = new HashMap<>();
        for (TaxCell c : cells) {
            if (c.period().compareTo(from) < 0 || c.period().compareTo(period) > 0) {
                continue;
            }
            series.computeIfAbsent(c.regionCode() + "|" + c.industryCode() + "|" + c.taxType(), k -> new TreeMap<>())
                .put(c.period(), c);
            countyMonth.computeIfAbsent(c.regionCode(), k -> new HashMap<>()).merge(c.period(), c.amount(), Double::sum);
        }
        Map<String, Double> countyTypical = new HashMap<>();
        countyMonth.forEach((region, months) -> countyTypical.put(region,
            Band.median(months.entrySet().stream().filter(m -> !m.getKey().equals(period))
                .mapToDouble(Map.Entry::getValue).toArray())));
        List<Flag> out = new ArrayList<>();
        for (String key : new TreeSet<>(series.keySet())) {
            TreeMap<String, TaxCell> s = series.get(key);
            TaxCell now = s.get(period);
            if (now == null || now.amount() <= 0) {
                continue;
            }
            double[] logs = s.headMap(period, false).values().stream().filter(c -> c.amount() > 0)
                .mapToDouble(c -> Math.log(c.amount())).toArray();
            if (logs.length < 3) {
                continue;
            }
            Band.Range band = Band.robust(logs, rule.threshold(), 0.5);
            double x = Math.log(now.amount());
            if (band.contains(x)) {
                continue;
            }
            TaxCell lastYear = s.get(p.minusYears(1).toString());
            if (lastYear != null && lastYear.amount() > 0
                && Math.abs(x - Math.log(lastYear.amount())) <= rule.threshold() * band.scale()) {
                continue;
            }
            double typical = countyTypical.getOrDefault(now.regionCode(), Double.NaN);
            double excess = Math.abs(now.amount() - Math.exp(band.centre()));
            if (!(typical > 0) || excess < rule.materiality() * typical) {
                continue;
            }
            out.add(Flags.of(rule, subject("tax", now.regionCode(), now.industryCode() + "|" + now.taxType(),
                    now.industryName() + " " + now.taxType(), period), now.amount(), Math.exp(band.low()),
                Math.exp(band.high()), "万元"));
        }
        return out;
    }

    /**
     * A county (or 市本级) with rows of a dataset in the month before, or the same month a year earlier, and none
     * this month. {@code regionsByPeriod}: dataset → period → regions with rows.
     */
    public List<Flag> missingMonths(Map<String, Map<String, Set<String>>> regionsByPeriod, String period) {
        ReviewRule rule = rules.get(MISSING_MONTH);
        YearMonth p = YearMonth.parse(period);
        List<Flag> out = new ArrayList<>();
        for (String dataset : new TreeSet<>(regionsByPeriod.keySet())) {
            Map<String, Set<String>> byPeriod = regionsByPeriod.get(dataset);
            if (dataset.equals("industrial_output") && period.endsWith("-01")) {
                continue;
            }
            Set<String> before = new TreeSet<>();
            String prev = p.minusMonths(1).toString();
            if (!(dataset.equals("industrial_output") && prev.endsWith("-01"))) {
                before.addAll(byPeriod.getOrDefault(prev, Set.of()));
            }
            before.addAll(byPeriod.getOrDefault(p.minusYears(1).toString(), Set.of()));
            Set<String> now = byPeriod.getOrDefault(period, Set.of());
            if (now.isEmpty() && !byPeriod.keySet().stream().anyMatch(x -> x.compareTo(period) > 0)) {
                continue; // the dataset has not arrived for the month at all: nothing to compare yet
            }
            for (String region : before) {
                if (!now.contains(region)) {
                    out.add(Flags.of(rule, subject(dataset, region, region, label(dataset), period), 0, Double.NaN,
                        Double.NaN, "条"));
                }
            }
        }
        return out;
    }

    /**
     * Industrial tax and 规上工业总产值 of a county, 1—N月, growing apart by more than the threshold in percentage
     * points: one of the two is probably mis-coded or mis-timed.
     */
    public List<Flag> outputTaxApart(List<EnterpriseMonth> months, List<TaxCell> cells, Set<String> industrialDivisions,
                                     String period) {
        ReviewRule rule = rules.get(OUTPUT_TAX);
        YearMonth p = YearMonth.parse(period);
        String base = p.minusYears(1).toString();
        String yearStart = period.substring(0, 4) + "-01";
        String baseStart = base.substring(0, 4) + "-01";
        Map<String, double[]> output = new TreeMap<>();
        for (EnterpriseMonth m : months) {
            if (m.period().equals(period)) {
                output.computeIfAbsent(m.regionCode(), k -> new double[2])[0] += m.grossOutputCum();
            } else if (m.period().equals(base)) {
                output.computeIfAbsent(m.regionCode(), k -> new double[2])[1] += m.grossOutputCum();
            }
        }
        Map<String, double[]> tax = new TreeMap<>();
        for (TaxCell c : cells) {
            if (!industrialDivisions.contains(c.industryCode())) {
                continue;
            }
            if (c.period().compareTo(yearStart) >= 0 && c.period().compareTo(period) <= 0) {
                tax.computeIfAbsent(c.regionCode(), k -> new double[2])[0] += c.amount();
            } else if (c.period().compareTo(baseStart) >= 0 && c.period().compareTo(base) <= 0) {
                tax.computeIfAbsent(c.regionCode(), k -> new double[2])[1] += c.amount();
            }
        }
        List<Flag> out = new ArrayList<>();
        for (String region : output.keySet()) {
            double[] o = output.get(region);
            double[] t = tax.get(region);
            if (t == null || o[1] <= 0 || t[1] <= 0 || o[0] <= 0) {
                continue;
            }
            double go = (o[0] / o[1] - 1) * 100;
            double gt = (t[0] / t[1] - 1) * 100;
            double gap = gt - go;
            if (Math.abs(gap) > rule.threshold()) {
                out.add(Flags.of(rule, subject("tax", region, region, String.format(java.util.Locale.ROOT,
                        "工业税收增长%.1f%%，规上工业总产值增长%.1f%%", gt, go), period), gap, -rule.threshold(),
                    rule.threshold(), "个百分点"));
            }
        }
        return out;
    }

    /**
     * The budget's 税收收入 (1—N月) against the local-level share of the county's 全口径 tax in the same months:
     * the ratio outside the county's own ratios of the 24 months before (median ± k robust SDs, floored).
     */
    public List<Flag> budgetVsTax(List<BudgetMonth> budget, List<TaxCell> cells, Map<String, Double> localShare,
                                  String period) {
        ReviewRule rule = rules.get(BUDGET_TAX);
        Map<String, TreeMap<String, Double>> localMonthly = new HashMap<>();
        for (TaxCell c : cells) {
            double share = localShare.getOrDefault(c.taxType(), 1.0);
            localMonthly.computeIfAbsent(c.regionCode(), k -> new TreeMap<>()).merge(c.period(), c.amount() * share,
                Double::sum);
        }
        Map<String, TreeMap<String, Double>> ratios = new TreeMap<>();
        for (BudgetMonth b : budget) {
            TreeMap<String, Double> local = localMonthly.get(b.regionCode());
            if (local == null) {
                continue;
            }
            double cum = local.subMap(b.period().substring(0, 4) + "-01", true, b.period(), true).values().stream()
                .mapToDouble(Double::doubleValue).sum();
            if (cum > 0) {
                ratios.computeIfAbsent(b.regionCode(), k -> new TreeMap<>()).put(b.period(),
                    b.taxRevenueCum() / cum * 100);
            }
        }
        YearMonth p = YearMonth.parse(period);
        String from = p.minusMonths(24).toString();
        List<Flag> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<String, Double>> e : ratios.entrySet()) {
            Double now = e.getValue().get(period);
            double[] hist = e.getValue().subMap(from, true, period, false).values().stream()
                .mapToDouble(Double::doubleValue).toArray();
            if (now == null || hist.length < 6) {
                continue;
            }
            Band.Range band = Band.robust(hist, rule.threshold(), rule.materiality());
            if (!band.contains(now)) {
                out.add(Flags.of(rule, subject("budget_revenue", e.getKey(), e.getKey(), "税收收入占地方级税收",
                    period), now, band.low(), band.high(), "%"));
            }
        }
        out.sort(Comparator.comparing(Flag::regionCode));
        return out;
    }
}
