package org.countyscope.review;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks of the data themselves across runs (plain Java on {@link DataMetric}s): a month that arrives with far fewer
 * rows than usual, and a release that drops rows or a county, or revises a county's total of an earlier month,
 * against the metrics of the previous table version.
 */
public final class MetricChecks {
    public static final String ROWS_DROP = "dq_rows_drop";
    public static final String REVISION = "dq_release_change";

    private final ReviewRules rules;
    private final Map<String, String> regionNames;

    public MetricChecks(ReviewRules rules, Map<String, String> regionNames) {
        this.rules = rules;
        this.regionNames = regionNames;
    }

    /** The month's row count below threshold × the median count of the 12 months before it. */
    public List<Flag> rowsDrop(List<DataMetric> current, String period) {
        ReviewRule rule = rules.get(ROWS_DROP);
        String from = YearMonth.parse(period).minusMonths(12).toString();
        Map<String, Map<String, Double>> counts = new TreeMap<>();
        for (DataMetric m : current) {
            if (m.metric().equals(DataMetric.ROW_COUNT)) {
                counts.computeIfAbsent(m.dataset(), k -> new TreeMap<>()).put(m.period(), m.value());
            }
        }
        List<Flag> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> e : counts.entrySet()) {
            Double now = e.getValue().get(period);
            double[] hist = e.getValue().entrySet().stream()
                .filter(x -> x.getKey().compareTo(from) >= 0 && x.getKey().compareTo(period) < 0)
                .mapToDouble(Map.Entry::getValue).toArray();
            if (now == null || hist.length < 3) {
                continue;
            }
            double usual = Band.median(hist);
            if (now < rule.threshold() * usual) {
                Flags.Subject s = new Flags.Subject(e.getKey(), "", "", e.getKey(), CountyChecks.label(e.getKey()),
                    period, period);
                out.add(Flags.of(rule, s, now, rule.threshold() * usual, Double.NaN, "条"));
            }
        }
        return out;
    }

    /**
     * Against the previous version's metrics of each dataset: a month's rows fewer than before, a region's sum of a
     * month gone, or changed by more than the threshold (%) — a re-delivered file that lost or changed data.
     */
    public List<Flag> releaseChanges(List<DataMetric> current, List<DataMetric> previous) {
        ReviewRule rule = rules.get(REVISION);
        Map<String, Double> now = index(current);
        Map<String, DataMetric> before = new TreeMap<>();
        for (DataMetric m : previous) {
            before.put(key(m), m);
        }
        List<Flag> out = new ArrayList<>();
        for (DataMetric m : before.values()) {
            boolean rows = m.metric().equals(DataMetric.ROW_COUNT);
            boolean sum = m.metric().equals(DataMetric.SUM_BY_REGION);
            if (!rows && !sum) {
                continue;
            }
            Double v = now.get(key(m));
            String region = sum ? m.region() : "";
            Flags.Subject s = new Flags.Subject(m.dataset(), region, regionNames.getOrDefault(region, ""),
                m.dataset() + (sum ? "|" + region : ""), CountyChecks.label(m.dataset()) + (rows ? " 行数" : " 合计"),
                m.period(), m.period() + "@v" + m.version());
            if (v == null) {
                out.add(Flags.of(rule, s, 0, m.value(), m.value(), rows ? "条" : "万元"));
            } else if (rows && v < m.value()) {
                out.add(Flags.of(rule, s, v, m.value(), Double.NaN, "条"));
            } else if (sum && Math.abs(v - m.value()) > rule.threshold() / 100 * Math.abs(m.value())) {
                double tol = rule.threshold() / 100 * Math.abs(m.value());
                out.add(Flags.of(rule, s, v, m.value() - tol, m.value() + tol, "万元"));
            }
        }
        return out;
    }

    /** dataset → period → regions with a sum in the metrics: which counties reported which months. */
    public static Map<String, Map<String, Set<String>>> regionsByPeriod(List<DataMetric> metrics) {
        Map<String, Map<String, Set<String>>> out = new HashMap<>();
        for (DataMetric m : metrics) {
            if (m.metric().equals(DataMetric.SUM_BY_REGION)) {
                out.computeIfAbsent(m.dataset(), k -> new HashMap<>())
                    .computeIfAbsent(m.period(), k -> new TreeSet<>()).add(m.region());
            }
        }
        return out;
    }

    private static Map<String, Double> index(List<DataMetric> metrics) {
        Map<String, Double> out = new HashMap<>();
        for (DataMetric m : metrics) {
            out.put(key(m), m.value());
        }
        return out;
    }

    private static String key(DataMetric m) {
        return m.dataset() + "|" + m.period() + "|" + m.metric() + "|" + m.column() + "|" + m.region();
    }
}
