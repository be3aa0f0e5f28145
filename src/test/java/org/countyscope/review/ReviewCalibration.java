package org.countyscope.review;

import org.countyscope.TestSpark;
import org.countyscope.gold.FiscalContribution;
import org.countyscope.io.TableStore;
import org.countyscope.reference.ReferenceData;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Not a test: how the rule thresholds were set. Reads a warehouse's silver once, then runs the rules for every month
 * of a range and prints the flag count per rule and month (plain Java after the read, so a threshold can be tried in
 * seconds). {@code java … org.countyscope.review.ReviewCalibration WAREHOUSE FROM TO [RULES.csv]}.
 */
public final class ReviewCalibration {
    private ReviewCalibration() {
    }

    public static void main(String[] args) {
        TableStore store = new TableStore(TestSpark.session(), args[0]);
        YearMonth from = YearMonth.parse(args[1]);
        YearMonth to = YearMonth.parse(args[2]);
        ReviewRules rules = args.length > 3 ? ReviewRules.load(java.nio.file.Path.of(args[3])) : ReviewRules.load();
        ReviewTables t = new ReviewTables(store);
        String last = to.toString();
        List<EnterpriseMonth> ent = t.enterpriseMonths(last);
        Map<Integer, List<RegisterEntry>> register = new HashMap<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            register.put(y, t.register(y + "-12"));
        }
        List<TaxCell> tax = t.taxCells(last);
        List<BudgetMonth> budget = t.budget(last);
        List<CountyMonth> county = t.countyMonths(last);
        List<DataMetric> metrics = t.computeMetrics();
        Map<String, String> names = new HashMap<>();
        ReferenceData ref = ReferenceData.get();
        ref.regions().forEach((code, r) -> names.put(code, r.name()));
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        int total = 0;
        for (YearMonth p = from; !p.isAfter(to); p = p.plusMonths(1)) {
            String period = p.toString();
            Reviewer.Inputs in = new Reviewer.Inputs(period, ent,
                EnterpriseChecks.missingFromRegister(register.get(p.getYear()), ent, period), tax, budget, county,
                t.contractFunds(period), t.projectMonths(period), metrics, List.of(), names, ref.industryCodes(2, true),
                FiscalContribution.DEFAULT_LOCAL_SHARE);
            List<Flag> flags = new Reviewer(rules).flags(in);
            total += flags.size();
            for (Flag f : flags) {
                counts.computeIfAbsent(f.rule(), k -> new TreeMap<>()).merge(period, 1, Integer::sum);
                if (period.equals(last) || Boolean.getBoolean("calibration.all")) {
                    System.out.println("FLAG " + period + " " + f.rule() + " " + f.regionName() + " " + f.entityId() + " "
                        + f.entityName() + " value=" + Flags.number(f.value()) + " expected=" + f.expected());
                }
            }
        }
        for (ReviewRule r : rules.all()) {
            Map<String, Integer> c = counts.getOrDefault(r.id(), Map.of());
            System.out.printf("RULE %-24s total %4d  per month: %s%n", r.id(),
                c.values().stream().mapToInt(Integer::intValue).sum(), c);
        }
        System.out.println("TOTAL " + total);
    }
}
