package org.countyscope.review;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plausibility of 招商引资 and investment projects (plain Java): 到位资金 above the signed amount, 本年完成投资 above
 * 计划总投资, investment booked months after completion, and a county's investment growth on a small base.
 */
public final class ProjectChecks {
    public static final String FUNDS_ABOVE_SIGNED = "funds_above_signed";
    public static final String ABOVE_PLANNED = "invest_above_planned";
    public static final String AFTER_COMPLETION = "report_after_completion";
    public static final String SMALL_BASE = "small_base_growth";

    private final ReviewRules rules;
    private final Map<String, String> regionNames;

    public ProjectChecks(ReviewRules rules, Map<String, String> regionNames) {
        this.rules = rules;
        this.regionNames = regionNames;
    }

    /**
     * Contracts whose 到位资金 so far exceed the threshold × 签约金额. A standing condition: one question per contract,
     * asked again only when the amount changes; only contracts that received money this month are asked.
     */
    public List<Flag> fundsAboveSigned(List<ContractFunds> contracts, String period) {
        ReviewRule rule = rules.get(FUNDS_ABOVE_SIGNED);
        List<Flag> out = new ArrayList<>();
        for (ContractFunds c : contracts) {
            if (c.signedAmount() > 0 && c.fundsThisMonth() > 0 && c.fundsToDate() > rule.threshold() * c.signedAmount()) {
                Flags.Subject s = new Flags.Subject("attraction_funds", c.regionCode(), regionNames.get(c.regionCode()),
                    c.contractCode(), c.name(), period, "");
                out.add(Flags.of(rule, s, c.fundsToDate(), Double.NaN, rule.threshold() * c.signedAmount(), "万元"));
            }
        }
        return out;
    }

    /** The month's projects: 本年完成投资 above threshold × 计划总投资; investment booked after completion. */
    public List<Flag> projects(List<ProjectMonth> months, String period) {
        ReviewRule above = rules.get(ABOVE_PLANNED);
        ReviewRule after = rules.get(AFTER_COMPLETION);
        YearMonth p = YearMonth.parse(period);
        List<Flag> out = new ArrayList<>();
        for (ProjectMonth m : months) {
            if (!m.period().equals(period)) {
                continue;
            }
            Flags.Subject s = new Flags.Subject("projects", m.regionCode(), regionNames.get(m.regionCode()),
                m.projectCode(), m.name(), period, period);
            if (m.plannedTotal() > 0 && m.completedYtd() > above.threshold() * m.plannedTotal()) {
                out.add(Flags.of(above, new Flags.Subject(s.dataset(), s.regionCode(), s.regionName(), s.entityId(),
                    s.entityName(), period, ""), m.completedYtd(), Double.NaN, above.threshold() * m.plannedTotal(), "万元"));
            }
            if (m.completionDate() != null && m.completedMonth() > 0) {
                YearMonth done = YearMonth.from(LocalDate.parse(m.completionDate().substring(0, 10)));
                long monthsAfter = done.until(p, java.time.temporal.ChronoUnit.MONTHS);
                if (monthsAfter > after.threshold() && m.completedMonth() > after.materiality()) {
                    out.add(Flags.of(after, s, m.completedMonth(), Double.NaN, 0.0, "万元"));
                }
            }
        }
        return out;
    }

    /**
     * A county's 1—N月 completed investment (all projects, and 工业) growing faster than the threshold (%) from a
     * base below the materiality share (%) of the city's: the growth rate is true but says little, so it is
     * listed for the planners' wording (severity 低).
     */
    public List<Flag> smallBase(List<ProjectMonth> months, String period) {
        ReviewRule rule = rules.get(SMALL_BASE);
        String base = YearMonth.parse(period).minusYears(1).toString();
        Map<String, double[]> all = new TreeMap<>();
        Map<String, double[]> industry = new TreeMap<>();
        double[] city = new double[2];
        double[] cityIndustry = new double[2];
        for (ProjectMonth m : months) {
            int i = m.period().equals(period) ? 0 : m.period().equals(base) ? 1 : -1;
            if (i < 0) {
                continue;
            }
            all.computeIfAbsent(m.regionCode(), k -> new double[2])[i] += m.completedYtd();
            city[i] += m.completedYtd();
            if ("工业".equals(m.projectType())) {
                industry.computeIfAbsent(m.regionCode(), k -> new double[2])[i] += m.completedYtd();
                cityIndustry[i] += m.completedYtd();
            }
        }
        List<Flag> out = new ArrayList<>();
        out.addAll(smallBase(rule, all, city, "固定资产投资", "fai", period));
        out.addAll(smallBase(rule, industry, cityIndustry, "工业投资", "fai_industry", period));
        return out;
    }

    private List<Flag> smallBase(ReviewRule rule, Map<String, double[]> byCounty, double[] city, String what,
                                 String id, String period) {
        List<Flag> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byCounty.entrySet()) {
            double[] v = e.getValue();
            if (v[1] <= 0 || city[1] <= 0) {
                continue;
            }
            double growth = (v[0] / v[1] - 1) * 100;
            double baseShare = v[1] / city[1] * 100;
            if (growth > rule.threshold() && baseShare < rule.materiality()) {
                Flags.Subject s = new Flags.Subject("projects", e.getKey(), regionNames.get(e.getKey()),
                    e.getKey() + "|" + id, what + "1—" + Integer.parseInt(period.substring(5)) + "月增速（上年同期基数"
                        + Flags.number(v[1]) + "万元）", period, period);
                out.add(Flags.of(rule, s, growth, Double.NaN, rule.threshold(), "%"));
            }
        }
        return out;
    }
}
