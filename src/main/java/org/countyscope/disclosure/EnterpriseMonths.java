package org.countyscope.disclosure;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of a release computed straight from the respondents' months (one row per enterprise or project × month
 * × measure, the 当月 value; 1—2月 stands at February): any span of months of a county or county × 大类, with its
 * contributors (respondents with a non-zero value over the span), the largest absolute contribution and the sum of
 * absolute contributions. So a month, a quarter or a half year is judged by its own contributors, not by those of
 * 1—N月, and a loss driven by one enterprise is seen by the dominance rule.
 */
public final class EnterpriseMonths implements ReleasePattern.Source {

    /** One respondent's months of one measure, by month of the year (index 0 = January). */
    private record Series(String county, String division, double[] months) {
    }

    private final int year;
    private final String city;
    /** measure → respondent → its series. */
    private final Map<String, Map<String, Series>> byMeasure = new LinkedHashMap<>();
    private final Map<String, ReleasePattern.Stats> cache = new HashMap<>();

    /** Figures of one calendar year of a city's counties: months of other years are refused by {@link #add}. */
    public EnterpriseMonths(int year, String city) {
        this.year = year;
        this.city = Objects.requireNonNull(city, "city");
    }

    /**
     * Adds one respondent's 当月 value of a measure (a second value of the same month adds up).
     *
     * @param respondent the enterprise's credit code or the project's code
     * @param division   its 大类 (two digits)
     */
    public EnterpriseMonths add(String respondent, String county, String division, String measure, YearMonth month,
                                double value) {
        Objects.requireNonNull(respondent, "respondent");
        Objects.requireNonNull(county, "county");
        Objects.requireNonNull(division, "division");
        if (month.getYear() != year) {
            throw new IllegalArgumentException("a month of " + year + " expected, got " + month);
        }
        Series s = byMeasure.computeIfAbsent(measure, k -> new LinkedHashMap<>())
            .computeIfAbsent(respondent + Cell.ID_SEPARATOR + county + Cell.ID_SEPARATOR + division,
                k -> new Series(county, division, new double[12]));
        s.months()[month.getMonthValue() - 1] += value;
        cache.clear();
        return this;
    }

    /** The 大类 that have any respondent, sorted. */
    public List<String> divisions() {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        byMeasure.values().forEach(m -> m.values().forEach(s -> out.add(s.division())));
        return new ArrayList<>(out);
    }

    /** The measures that have any respondent. */
    public List<String> measures() {
        return new ArrayList<>(byMeasure.keySet());
    }

    /**
     * A county's figure (or a county × 大类 figure); {@code city} as region sums every county (the linked system forms
     * the city's figures itself; this serves tests and logs).
     */
    @Override
    public ReleasePattern.Stats stats(FigureKey k) {
        return cache.computeIfAbsent(k.id(), id -> compute(k));
    }

    /** Whether the rules call the figure sensitive (n &lt; 3 or the largest above k% of the absolute sum). */
    public boolean sensitive(FigureKey k, SuppressionRules rules) {
        ReleasePattern.Stats s = stats(k);
        return s.contributors() > 0 && (s.contributors() < rules.minContributors()
            || s.largest() * 100 > rules.dominanceK() * s.magnitude());
    }

    private ReleasePattern.Stats compute(FigureKey k) {
        if (k.from().getYear() != year) {
            return ReleasePattern.Stats.EMPTY;
        }
        Map<String, Series> all = byMeasure.getOrDefault(k.measure(), Map.of());
        boolean anyCounty = k.region().equals(city);
        double sum = 0;
        double largest = 0;
        double magnitude = 0;
        int n = 0;
        for (Series s : all.values()) {
            if (!anyCounty && !s.county().equals(k.region())
                || !FigureKey.ALL.equals(k.division()) && !s.division().equals(k.division())) {
                continue;
            }
            double v = 0;
            for (int m = k.from().getMonthValue(); m <= k.to().getMonthValue(); m++) {
                v += s.months()[m - 1];
            }
            if (v != 0) {
                n++;
                sum += v;
                largest = Math.max(largest, Math.abs(v));
                magnitude += Math.abs(v);
            }
        }
        return n == 0 ? ReleasePattern.Stats.EMPTY : new ReleasePattern.Stats(sum, n, largest, magnitude);
    }
}
