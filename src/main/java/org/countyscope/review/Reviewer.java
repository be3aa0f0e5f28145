package org.countyscope.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every declared rule over one month's inputs and applies the earlier acceptances (plain Java): a flag whose key
 * was accepted at the same value is closed (已核实); any other is open (待核实).
 */
public final class Reviewer {

    /** Everything the rules read, collected from silver (or built by a test). */
    public record Inputs(String period, List<EnterpriseMonth> enterprises, List<MissingReport> missing,
                         List<TaxCell> taxCells, List<BudgetMonth> budget, List<CountyMonth> countyMonths,
                         List<ContractFunds> contracts, List<ProjectMonth> projects, List<DataMetric> metrics,
                         List<DataMetric> previousMetrics, Map<String, String> regionNames,
                         Set<String> industrialDivisions, Map<String, Double> localShare) {
    }

    private final ReviewRules rules;

    public Reviewer(ReviewRules rules) {
        this.rules = rules;
    }

    public List<Flag> flags(Inputs in) {
        String p = in.period();
        List<Flag> out = new ArrayList<>();
        EnterpriseChecks enterprise = new EnterpriseChecks(rules, in.regionNames());
        out.addAll(enterprise.check(in.enterprises(), in.missing(), p));
        CountyChecks county = new CountyChecks(rules, in.regionNames());
        out.addAll(county.seasonal(in.countyMonths(), p));
        out.addAll(county.taxCells(in.taxCells(), p));
        out.addAll(county.missingMonths(MetricChecks.regionsByPeriod(in.metrics()), p));
        out.addAll(county.outputTaxApart(in.enterprises(), in.taxCells(), in.industrialDivisions(), p));
        out.addAll(county.budgetVsTax(in.budget(), in.taxCells(), in.localShare(), p));
        ProjectChecks projects = new ProjectChecks(rules, in.regionNames());
        out.addAll(projects.fundsAboveSigned(in.contracts(), p));
        out.addAll(projects.projects(in.projects(), p));
        out.addAll(projects.smallBase(in.projects(), p));
        MetricChecks metrics = new MetricChecks(rules, in.regionNames());
        out.addAll(metrics.rowsDrop(in.metrics(), p));
        out.addAll(metrics.releaseChanges(in.metrics(), in.previousMetrics()));
        // one question per key: the first rule's wording wins if two checks meet on the same figure
        Map<String, Flag> unique = new LinkedHashMap<>();
        for (Flag f : out) {
            unique.putIfAbsent(f.key(), f);
        }
        List<Flag> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparing((Flag f) -> nullToEmpty(f.regionCode())).thenComparing(Flag::rule)
            .thenComparing(Flag::entityId).thenComparing(Flag::period));
        return sorted;
    }

    /** The month's review: the flags with the acceptances applied. */
    public ReviewResult review(Inputs in, List<Closure> closures) {
        Map<String, Closure> latest = new HashMap<>();
        closures.forEach(c -> latest.put(c.flagKey(), c));
        List<ReviewResult.Reviewed> out = new ArrayList<>();
        for (Flag f : flags(in)) {
            Closure c = latest.get(f.key());
            if (c != null && f.sameValue(c.value())) {
                out.add(new ReviewResult.Reviewed(f, ReviewResult.VERIFIED, c.explanation()));
            } else {
                out.add(new ReviewResult.Reviewed(f, ReviewResult.OPEN, null));
            }
        }
        return new ReviewResult(in.period(), out);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
