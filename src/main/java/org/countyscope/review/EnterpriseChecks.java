package org.countyscope.review;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plausibility of the 一套表 enterprise reports of one month (plain Java on collected series): each enterprise's month
 * against its own last 12 months and the same month a year earlier, 工业增加值率 against its 大类's band, 营业收入
 * against 工业总产值, zero or negative months, 缺报, and entrants or exits that move their county's growth.
 */
public final class EnterpriseChecks {
    public static final String MONTH_BAND = "ent_month_band";
    public static final String VA_RATE = "ent_va_rate";
    public static final String REVENUE_OUTPUT = "ent_revenue_output";
    public static final String ZERO_NEGATIVE = "ent_zero_negative";
    public static final String MISSING = "ent_missing";
    public static final String ENTRY_EXIT = "ent_entry_exit";
    static final String DATASET = "industrial_output";
    /** Months of an enterprise's own history a band needs. */
    static final int MIN_HISTORY = 4;
    /** Enterprise-months of a 大类 its rate band needs; fewer and the band is all industry's. */
    static final int MIN_DIVISION = 12;

    private final ReviewRules rules;
    private final Map<String, String> regionNames;

    public EnterpriseChecks(ReviewRules rules, Map<String, String> regionNames) {
        this.rules = rules;
        this.regionNames = regionNames;
    }

    /** Every enterprise flag for {@code period}; {@code months} holds at least the 24 months up to it. */
    public List<Flag> check(List<EnterpriseMonth> months, List<MissingReport> missing, String period) {
        List<Flag> out = new ArrayList<>();
        if (period.endsWith("-01")) {
            return out; // 一套表 has no January: the month is reviewed with 1—2月
        }
        Map<String, TreeMap<String, EnterpriseMonth>> byEnterprise = new HashMap<>();
        for (EnterpriseMonth m : months) {
            byEnterprise.computeIfAbsent(m.creditCode(), k -> new TreeMap<>()).put(m.period(), m);
        }
        YearMonth p = YearMonth.parse(period);
        String yearAgo = p.minusMonths(12).toString();
        Map<String, Band.Range> rateBands = rateBands(months, p);
        List<String> codes = new ArrayList<>(byEnterprise.keySet());
        codes.sort(Comparator.naturalOrder());
        for (String code : codes) {
            TreeMap<String, EnterpriseMonth> series = byEnterprise.get(code);
            EnterpriseMonth now = series.get(period);
            if (now == null) {
                continue;
            }
            List<EnterpriseMonth> history = new ArrayList<>(series.subMap(yearAgo, true, period, false).values());
            if (now.grossOutput() <= 0 || now.valueAdded() <= 0 || now.revenue() <= 0) {
                double v = Math.min(now.grossOutput(), Math.min(now.valueAdded(), now.revenue()));
                out.add(Flags.of(rules.get(ZERO_NEGATIVE), subject(now), v, 0.0 + 0.01, Double.NaN, "万元"));
                continue;
            }
            monthBand(now, series).ifPresent(out::add);
            vaRate(now, history, rateBands).ifPresent(out::add);
            revenueOutput(now, history).ifPresent(out::add);
        }
        for (MissingReport m : missing) {
            if (!m.period().equals(period)) {
                continue;
            }
            Flags.Subject s = new Flags.Subject(DATASET, m.regionCode(), regionNames.get(m.regionCode()),
                m.creditCode(), m.name(), period, period);
            double shown = Double.isFinite(m.estimate()) ? m.estimate() : m.lastValueAddedCum();
            out.add(Flags.of(rules.get(MISSING), s, Double.isFinite(shown) ? shown : 0.0, Double.NaN, Double.NaN,
                "万元"));
        }
        out.addAll(entryExit(byEnterprise, missing, period, yearAgo));
        return out;
    }

    private Flags.Subject subject(EnterpriseMonth m) {
        return new Flags.Subject(DATASET, m.regionCode(), regionNames.get(m.regionCode()), m.creditCode(), m.name(),
            m.period(), m.period());
    }

    /**
     * Value added per month against the enterprise's own history, on a log scale (a tenfold month and a tenth are
     * equally odd). Seasonally when it can be: the month's ratio to the same month a year earlier against the same
     * ratios of its last 12 months (median ± k robust SDs, floored) — a heating plant's winter is not an outlier, a
     * tenfold winter is. Without a year of ratios: the level against its last 12 months, and as far from the same month a year
     * earlier when there is one.
     */
    java.util.Optional<Flag> monthBand(EnterpriseMonth now, java.util.NavigableMap<String, EnterpriseMonth> series) {
        ReviewRule rule = rules.get(MONTH_BAND);
        YearMonth p = YearMonth.parse(now.period());
        EnterpriseMonth lastYear = series.get(p.minusYears(1).toString());
        List<Double> yoy = new ArrayList<>();
        for (int back = 1; back <= 12; back++) {
            EnterpriseMonth a = series.get(p.minusMonths(back).toString());
            EnterpriseMonth b = series.get(p.minusMonths(back + 12).toString());
            if (a != null && b != null && a.valueAdded() > 0 && b.valueAdded() > 0) {
                yoy.add(Math.log(a.valueAddedPerMonth() / b.valueAddedPerMonth()));
            }
        }
        int mc = Math.max(1, now.monthsCovered());
        double x = Math.log(now.valueAddedPerMonth());
        if (lastYear != null && lastYear.valueAdded() > 0 && yoy.size() >= MIN_HISTORY) {
            Band.Range band = Band.robust(yoy.stream().mapToDouble(Double::doubleValue).toArray(), rule.threshold(),
                rule.materiality());
            double base = lastYear.valueAddedPerMonth();
            if (band.contains(x - Math.log(base))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Flags.of(rule, subject(now), now.valueAdded(), base * Math.exp(band.low()) * mc,
                base * Math.exp(band.high()) * mc, "万元"));
        }
        double[] logs = series.subMap(p.minusMonths(12).toString(), true, now.period(), false).values().stream()
            .filter(h -> h.valueAdded() > 0).mapToDouble(h -> Math.log(h.valueAddedPerMonth())).toArray();
        if (logs.length < MIN_HISTORY) {
            return java.util.Optional.empty();
        }
        Band.Range band = Band.robust(logs, rule.threshold(), rule.materiality());
        if (band.contains(x)) {
            return java.util.Optional.empty();
        }
        if (lastYear != null && lastYear.valueAdded() > 0
            && Math.abs(x - Math.log(lastYear.valueAddedPerMonth())) <= rule.threshold() * band.scale()) {
            return java.util.Optional.empty(); // as far from its level as a year ago: the season, not an error
        }
        return java.util.Optional.of(Flags.of(rule, subject(now), now.valueAdded(), Math.exp(band.low()) * mc,
            Math.exp(band.high()) * mc, "万元"));
    }

    /** Bands of 工业增加值率 (%) per 大类 from the 12 months up to the period, and one for all industry ("*"). */
    Map<String, Band.Range> rateBands(List<EnterpriseMonth> months, YearMonth p) {
        double k = rules.get(VA_RATE).threshold();
        String from = p.minusMonths(11).toString();
        Map<String, List<Double>> rates = new HashMap<>();
        for (EnterpriseMonth m : months) {
            if (m.period().compareTo(from) >= 0 && m.period().compareTo(p.toString()) <= 0 && m.grossOutput() > 0
                && m.valueAdded() > 0) {
                double r = m.valueAdded() / m.grossOutput() * 100;
                rates.computeIfAbsent(m.division(), d -> new ArrayList<>()).add(r);
                rates.computeIfAbsent("*", d -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Band.Range> out = new HashMap<>();
        for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
            if (e.getValue().size() >= MIN_DIVISION || e.getKey().equals("*")) {
                out.put(e.getKey(), Band.fences(e.getValue().stream().mapToDouble(Double::doubleValue).toArray(), k));
            }
        }
        return out;
    }

    /**
     * 工业增加值率 outside its 大类's fences, and off the enterprise's own usual rate by more than the materiality
     * (percentage points): an enterprise that always sits at the edge of its 大类 is asked once, not every month.
     */
    java.util.Optional<Flag> vaRate(EnterpriseMonth now, List<EnterpriseMonth> history, Map<String, Band.Range> bands) {
        ReviewRule rule = rules.get(VA_RATE);
        Band.Range band = bands.getOrDefault(now.division(), bands.get("*"));
        if (band == null) {
            return java.util.Optional.empty();
        }
        double rate = now.valueAdded() / now.grossOutput() * 100;
        if (band.contains(rate)) {
            return java.util.Optional.empty();
        }
        double[] own = history.stream().filter(h -> h.grossOutput() > 0)
            .mapToDouble(h -> h.valueAdded() / h.grossOutput() * 100).toArray();
        if (own.length >= MIN_HISTORY && Math.abs(rate - Band.median(own)) <= rule.materiality()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Flags.of(rule, subject(now), rate, Math.max(0, band.low()),
            Math.min(100, band.high()), "%"));
    }

    /** 营业收入 ÷ 工业总产值 outside the enterprise's own band (median ± k robust SDs, floor in points). */
    java.util.Optional<Flag> revenueOutput(EnterpriseMonth now, List<EnterpriseMonth> history) {
        ReviewRule rule = rules.get(REVENUE_OUTPUT);
        double[] own = history.stream().filter(h -> h.grossOutput() > 0)
            .mapToDouble(h -> h.revenue() / h.grossOutput() * 100).toArray();
        if (own.length < MIN_HISTORY) {
            return java.util.Optional.empty();
        }
        Band.Range band = Band.robust(own, rule.threshold(), rule.materiality());
        double ratio = now.revenue() / now.grossOutput() * 100;
        if (band.contains(ratio)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Flags.of(rule, subject(now), ratio, Math.max(0, band.low()), band.high(), "%"));
    }

    /**
     * An entrant (reports now, none a year ago) or an exit (reported a year ago, gone now and not 缺报) whose 1—N月
     * 工业增加值 is more than the threshold in percentage points of its county's value a year earlier: the county's
     * growth on all reporters then differs from 同口径 growth by that much.
     */
    List<Flag> entryExit(Map<String, TreeMap<String, EnterpriseMonth>> byEnterprise, List<MissingReport> missing,
                         String period, String yearAgo) {
        ReviewRule rule = rules.get(ENTRY_EXIT);
        Map<String, Double> countyBase = new HashMap<>();
        for (TreeMap<String, EnterpriseMonth> s : byEnterprise.values()) {
            EnterpriseMonth base = s.get(yearAgo);
            if (base != null) {
                countyBase.merge(base.regionCode(), base.valueAddedCum(), Double::sum);
            }
        }
        Set<String> missingNow = new HashSet<>();
        missing.stream().filter(m -> m.period().equals(period)).forEach(m -> missingNow.add(m.creditCode()));
        List<Flag> out = new ArrayList<>();
        List<String> codes = new ArrayList<>(byEnterprise.keySet());
        codes.sort(Comparator.naturalOrder());
        for (String code : codes) {
            TreeMap<String, EnterpriseMonth> s = byEnterprise.get(code);
            EnterpriseMonth now = s.get(period);
            EnterpriseMonth base = s.get(yearAgo);
            EnterpriseMonth which;
            double moved;
            if (now != null && base == null) {
                which = now;
                moved = now.valueAddedCum();
            } else if (now == null && base != null && !missingNow.contains(code)) {
                which = base;
                moved = -base.valueAddedCum();
            } else {
                continue;
            }
            Double b = countyBase.get(which.regionCode());
            if (b == null || b <= 0) {
                continue;
            }
            double pp = moved / b * 100;
            if (Math.abs(pp) > rule.threshold()) {
                Flags.Subject subj = new Flags.Subject(DATASET, which.regionCode(),
                    regionNames.get(which.regionCode()), code, which.name(), period, period);
                out.add(Flags.of(rule, subj, pp, -rule.threshold(), rule.threshold(), "个百分点"));
            }
        }
        return out;
    }

    /** 缺报 from the register: in scope for the period, no report, with the last report of the year if any. */
    public static List<MissingReport> missingFromRegister(List<RegisterEntry> register, List<EnterpriseMonth> months,
                                                          String period) {
        if (period.endsWith("-01")) {
            return List.of();
        }
        Map<String, TreeMap<String, EnterpriseMonth>> byEnterprise = new HashMap<>();
        for (EnterpriseMonth m : months) {
            byEnterprise.computeIfAbsent(m.creditCode(), k -> new TreeMap<>()).put(m.period(), m);
        }
        String yearStart = period.substring(0, 4) + "-01";
        List<MissingReport> out = new ArrayList<>();
        for (RegisterEntry r : register) {
            if (!r.inScope(period)) {
                continue;
            }
            TreeMap<String, EnterpriseMonth> s = byEnterprise.getOrDefault(r.creditCode(), new TreeMap<>());
            if (s.containsKey(period)) {
                continue;
            }
            var last = s.subMap(yearStart, true, period, false).lastEntry();
            out.add(new MissingReport(r.creditCode(), r.name(), r.regionCode(), r.industryCode(), period,
                last == null ? null : last.getKey(), last == null ? Double.NaN : last.getValue().valueAddedCum(),
                Double.NaN));
        }
        out.sort(Comparator.comparing(MissingReport::creditCode));
        return out;
    }
}
