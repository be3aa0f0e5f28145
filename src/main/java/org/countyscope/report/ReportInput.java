package org.countyscope.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one report is made from, read out of the gold tables by the report job: plain values, withheld figures
 * already flagged (or, in mart rows, already replaced by "…"). The builder and the charts never see Spark.
 *
 * @param cityCode    the city's GB/T 2260 code
 * @param cityName    e.g. "平凉市"
 * @param end         last month of the period
 * @param cadence     month, quarter, half or year
 * @param figures     gold/comparison rows of this cadence and period, counties, the city and 市本级
 * @param marts       rows of the marts at the period end, by table name (fiscal_contribution, tax_structure,
 *                    target_progress, project_progress, attraction_breakdown, industry_structure), withheld values
 *                    as "…"
 * @param growthPath  cumulative comparable-price growth of 规上工业增加值 by region and month of the year so far
 * @param outlook     the forecast of the full year per region (empty when no forecast was made)
 * @param forecastPath the 1—N月 path per region, published months then forecast ones (empty without a forecast)
 * @param vintage     the table versions and releases read
 * @param cityPath    the city's 1—N月 totals per indicator and month, this year and the last two (what 较上期, 当季
 *                    and the previous quarter are computed from); empty when not read
 * @param assessment  the 考核 rules of the year report (indicators, weights, scoring rule); empty: no 考核 table
 * @param openFlags   the 数据审核 questions still open (待核实) in the review of the period end, as the warehouse
 *                    snapshot the report reads holds them; empty: none (or no review was run)
 */
public record ReportInput(String cityCode, String cityName, YearMonth end, String cadence, List<Figure> figures,
                          Map<String, List<Map<String, Object>>> marts, List<GrowthPoint> growthPath,
                          List<Outlook> outlook, List<ForecastPoint> forecastPath,
                          org.countyscope.report.model.Vintage vintage, List<CityPoint> cityPath,
                          List<AssessmentRule> assessment, List<OpenFlag> openFlags) {
    public ReportInput {
        Objects.requireNonNull(cityName, "cityName");
        Objects.requireNonNull(end, "end");
        figures = List.copyOf(figures);
        marts = Map.copyOf(marts);
        growthPath = List.copyOf(growthPath);
        outlook = List.copyOf(outlook);
        forecastPath = List.copyOf(forecastPath);
        cityPath = List.copyOf(cityPath);
        assessment = List.copyOf(assessment);
        openFlags = List.copyOf(openFlags);
    }

    /** An input without open review flags. */
    public ReportInput(String cityCode, String cityName, YearMonth end, String cadence, List<Figure> figures,
                       Map<String, List<Map<String, Object>>> marts, List<GrowthPoint> growthPath,
                       List<Outlook> outlook, List<ForecastPoint> forecastPath,
                       org.countyscope.report.model.Vintage vintage, List<CityPoint> cityPath,
                       List<AssessmentRule> assessment) {
        this(cityCode, cityName, end, cadence, figures, marts, growthPath, outlook, forecastPath, vintage, cityPath,
            assessment, List.of());
    }

    /** An input without the city's path and without 考核 rules. */
    public ReportInput(String cityCode, String cityName, YearMonth end, String cadence, List<Figure> figures,
                       Map<String, List<Map<String, Object>>> marts, List<GrowthPoint> growthPath,
                       List<Outlook> outlook, List<ForecastPoint> forecastPath,
                       org.countyscope.report.model.Vintage vintage) {
        this(cityCode, cityName, end, cadence, figures, marts, growthPath, outlook, forecastPath, vintage, List.of(),
            List.of());
    }

    /** The same input with the city's path and the 考核 rules. */
    public ReportInput with(List<CityPoint> path, List<AssessmentRule> rules) {
        return new ReportInput(cityCode, cityName, end, cadence, figures, marts, growthPath, outlook, forecastPath,
            vintage, path, rules, openFlags);
    }

    /** The same input with these open review flags. */
    public ReportInput withOpenFlags(List<OpenFlag> flags) {
        return new ReportInput(cityCode, cityName, end, cadence, figures, marts, growthPath, outlook, forecastPath,
            vintage, cityPath, assessment, flags);
    }

    /** The rows of one mart (empty when the mart was not built). */
    public List<Map<String, Object>> mart(String name) {
        return marts.getOrDefault(name, List.of());
    }

    /**
     * One row of gold/comparison: a region's figure of one indicator, 1—N月, and what is derived from it.
     *
     * @param level    county, city or city_own (市本级)
     * @param withheld disclosure control withheld the value and everything derived from it
     */
    public record Figure(String region, String regionName, String level, String indicator, String indicatorName,
                         String unit, Double value, Double valuePeriod, Double parentTotal, Double sharePct,
                         Integer rank, Double yoyPct, Double yoyPeriodPct, Double vsParentPp, Double contributionPct,
                         Double pullPp, Double twoYearAvgPct, Double perCapita, String note, boolean withheld) {
    }

    /** Cumulative (1—N月) YoY growth of a region in one month, %; null when there is no base. */
    public record GrowthPoint(String region, String regionName, String level, YearMonth month, Double cumYoyPct) {
    }

    /**
     * The full-year outlook of a region: forecast growth with its 80% and 95% intervals, the target and the
     * probability of reaching it (null when no target was set), and the model used.
     */
    public record Outlook(String region, String regionName, String level, int year, double forecastPct, double lo80,
                          double hi80, double lo95, double hi95, Double targetPct, Double probability, String model,
                          String caveat) {
        public Outlook {
            caveat = caveat == null ? "" : caveat;
        }

        /** Whether a model made it: only then may the report make it a headline. */
        public boolean fromModel() {
            return caveat.isEmpty();
        }
    }

    /** A month of a region's 1—N月 growth path: published ({@code actual}, no interval) or forecast with intervals. */
    public record ForecastPoint(String region, YearMonth month, boolean actual, double forecastPct, double lo80,
                                double hi80, double lo95, double hi95) {
    }

    /**
     * The city's 1—N月 total of one indicator at one month: the sum over its units (counties, and 市本级 where the data
     * has it) of the cumulative value, and for 规上工业增加值 (可比价) of the same enterprises' base a year earlier.
     *
     * @param valueCum 1—N月 value (万元, or the indicator's unit)
     * @param baseCum  the comparable base of the same months last year; null where growth is on last year's own total
     */
    public record CityPoint(String indicator, YearMonth month, double valueCum, Double baseCum) {
    }

    /**
     * One open 数据审核 question (a row of gold/review_flags with status 待核实): the report never changes a figure
     * because of it, but its 附注 says how many are open and where.
     *
     * @param key        the flag's key (rule|entity|subject)
     * @param regionCode the county's code; null or the city's code for a question about a whole dataset
     * @param regionName the county's name (may be null with the code)
     */
    public record OpenFlag(String key, String regionCode, String regionName) {
        public OpenFlag {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * One indicator of the year's 考核 (data/assessment.csv).
     *
     * @param indicator gold/comparison indicator code ({@code rule} rank) or the 目标任务 indicator name ({@code rule} target)
     * @param name      the heading printed in the 考核 table
     * @param weight    points of the indicator (the weights add up to 100)
     * @param rule      {@code rank}: weight × (n − 位次 + 1) ÷ n by growth as printed; {@code target}: weight × completion
     *                  (growth ÷ target for a growth target) capped at 100%, nothing below zero
     */
    public record AssessmentRule(String indicator, String name, double weight, String rule) {
        public AssessmentRule {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(name, "name");
            if (!"rank".equals(rule) && !"target".equals(rule)) {
                throw new IllegalArgumentException(indicator + ": rule must be rank or target, got " + rule);
            }
            if (!(weight > 0)) {
                throw new IllegalArgumentException(indicator + ": weight must be positive, got " + weight);
            }
        }
    }
}
