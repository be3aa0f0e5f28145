package org.countyscope.disclosure;

import org.countyscope.disclosure.SuppressionResult.Decision;
import org.countyscope.disclosure.SuppressionResult.Reason;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The tax cells a release prints (税收 全口径 collected, by county and the city): each county's tax by tax type (税种) and
 * by industry section (门类), its total, its industrial tax (工业税收, the industrial sections) and the city's sums of
 * them, for every span of months the release prints. Together they are one linked system per span — county total =
 * Σ tax types = Σ sections, industrial tax = Σ industrial sections, the city's figures Σ counties — protected as the
 * 一套表 figures are: the primary rules, then secondary suppression with the exact LP attacker.
 *
 * <p>Who pays (the frequency rule): the tax file's 纳税户数 when every row of the release has it ({@link Basis#TAXPAYERS}:
 * a cell of several months counts its largest month, a cell of several tax types its largest type, 大类 are summed —
 * lower bounds of the distinct taxpayers); otherwise the 规上 enterprises of each county × 大类 as a lower bound
 * ({@link Basis#REGISTER}; a 大类 outside 规上工业 is then not judged). Dominance, where the data allow it: within an
 * industrial 大类 the largest 规上 enterprise's share of the 大类's revenue stands for its share of the 大类's tax (an
 * upper bound when smaller firms pay too), so a 资源税 cell of one big coal mine is sensitive.
 */
public final class TaxCells {
    /** The dimensions of the printed tax figures. */
    public static final String BY_TYPE = "税种";
    public static final String BY_SECTION = "行业门类";
    public static final String TOTAL = "合计";
    /** One 大类's tax in a region (printed as the largest industry's share). */
    public static final String BY_DIVISION = "行业大类";
    /** The item of the industrial sections' sum (工业税收). */
    public static final String INDUSTRY = "工业";
    /** The item of a total. */
    public static final String ALL = "*";
    /** The measure prefix of tax figures in the disclosure log ({@link FigureKey#measure()}). */
    public static final String MEASURE_PREFIX = "tax:";

    private TaxCells() {
    }

    /** What says how many taxpayers a cell has. */
    public enum Basis {
        TAXPAYERS("纳税户数少于3户（纳税户数取自税收数据）"),
        REGISTER("规上企业少于3户或一户占比过大（按规上工业企业名录及其营业收入判断，规上工业以外行业未判断）");

        private final String rule;

        Basis(String rule) {
            this.rule = rule;
        }

        /** The footnote's words for the rule this basis applies. */
        public String rule() {
            return rule;
        }
    }

    /**
     * One row of the tax file: a county × 大类 × tax type × month amount (当月, 万元, may be negative after 留抵退税).
     *
     * @param taxpayers 纳税户数, or null when the file has no such column
     */
    public record Entry(String county, String division, String type, YearMonth month, double amount,
                        Integer taxpayers) {
        public Entry {
            Objects.requireNonNull(county, "county");
            Objects.requireNonNull(division, "division");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(month, "month");
        }
    }

    /**
     * The 规上 enterprises of a county × 大类 in a year to date: how many, and the largest one's revenue beside all
     * their revenue.
     */
    public record Enterprises(int count, double largestRevenue, double revenue) {
        double largestShare() {
            return revenue > 0 ? Math.min(1, largestRevenue / revenue) : 0;
        }
    }

    /** Months of one year a release prints tax for. */
    public record Span(YearMonth from, YearMonth to) {
        public Span {
            if (from.getYear() != to.getYear() || from.isAfter(to)) {
                throw new IllegalArgumentException("a span is months of one year, got " + from + "–" + to);
            }
        }
    }

    /** The id of a tax figure, in the disclosure log's form. */
    public static FigureKey key(String region, String dimension, String item, Span s) {
        return new FigureKey(region, item, MEASURE_PREFIX + dimension, s.from(), s.to());
    }

    /**
     * A protected release of tax figures.
     *
     * @param basis      what the frequency rule counted
     * @param protection the pattern of every span's linked system
     * @param divisions  each region × 大类 × span figure's decision by the primary rules alone (it is printed only
     *                   as the largest industry's share: withheld when sensitive, and when its section is withheld)
     * @param tables     the linked tables the pattern holds for (what an attacker of the printed figures solves)
     */
    public record Pattern(Basis basis, SecondarySuppression.Protection protection, Map<String, Decision> divisions,
                          List<Table> tables) {
        public Pattern {
            tables = List.copyOf(tables);
        }

        /** Whether the release withholds a figure; null when the pattern does not know it. */
        public Boolean withheld(FigureKey k) {
            if (k.measure().equals(MEASURE_PREFIX + BY_DIVISION)) {
                Decision d = divisions.get(k.id());
                return d == null ? null : d.suppressed();
            }
            try {
                return protection.result().decision(k.id()).suppressed();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** Every figure's decision: the linked figures, then the 大类 figures. */
        public List<Decision> decisions() {
            List<Decision> out = new ArrayList<>(protection.result().decisions());
            out.addAll(divisions.values());
            return out;
        }
    }

    /**
     * Protects the tax figures of a release.
     *
     * @param city       the city's code
     * @param counties   the counties whose rows the tables print
     * @param entries    the tax file's rows of the release's months
     * @param sectionOf  大类 → its 门类 as the tables print it
     * @param industrial the industrial 大类 (工业税收)
     * @param enterprises county|大类 → its 规上 enterprises (empty when there is no 一套表)
     * @param spans      the spans the release prints
     */
    public static Pattern protect(String city, List<String> counties, List<Entry> entries,
                                  Function<String, String> sectionOf, Set<String> industrial,
                                  Map<String, Enterprises> enterprises, List<Span> spans, SuppressionRules rules) {
        Set<String> inCounties = Set.copyOf(counties);
        boolean everyRowCounts = entries.stream().filter(e -> inCounties.contains(e.county()) && inSpans(e, spans))
            .allMatch(e -> e.taxpayers() != null);
        Basis basis = everyRowCounts ? Basis.TAXPAYERS : Basis.REGISTER;
        List<Table> tables = new ArrayList<>();
        Map<String, Decision> divisions = new LinkedHashMap<>();
        for (Span s : spans) {
            tables.addAll(tables(city, counties, entries, sectionOf, industrial, enterprises, s, basis, rules,
                divisions));
        }
        if (tables.isEmpty()) {
            return new Pattern(basis, new SecondarySuppression.Protection(new SuppressionResult(List.of()), List.of(),
                List.of()), divisions, tables);
        }
        SuppressionResult primary = PrimarySuppression.apply(tables, rules);
        SecondarySuppression.Protection p = SecondarySuppression.protect(tables, primary, rules, Set.of(), Set.of());
        // a 大类 is printed as the largest industry's share: withheld with its section too
        Map<String, Decision> out = new LinkedHashMap<>();
        for (Map.Entry<String, Decision> d : divisions.entrySet()) {
            FigureKey k = FigureKey.parse(d.getKey());
            String section = sectionOf.apply(k.division());
            boolean sectionWithheld = p.result().decision(key(k.region(), BY_SECTION, section,
                new Span(k.from(), k.to())).id()).suppressed();
            Decision v = d.getValue();
            out.put(d.getKey(), !v.suppressed() && sectionWithheld && !v.cell().isEmpty()
                ? new Decision(v.cell(), SuppressionResult.Status.SECONDARY, Reason.SECONDARY, false) : v);
        }
        return new Pattern(basis, p, out, tables);
    }

    private static boolean inSpans(Entry e, List<Span> spans) {
        return spans.stream().anyMatch(s -> !e.month().isBefore(s.from()) && !e.month().isAfter(s.to()));
    }

    /** A figure under construction: value, taxpayers (lower bound), largest taxpayer (estimate), magnitude. */
    private static final class Acc {
        double value;
        int payers;
        double largest;
        double magnitude;
        boolean any;

        void add(double v, int n, double big, double mag) {
            value += v;
            payers += n;
            largest = Math.max(largest, big);
            magnitude += mag;
            any |= v != 0 || n > 0;
        }

        Cell cell(String row, String column) {
            if (!any || payers == 0 && value == 0) {
                return Cell.empty(row, column);
            }
            double mag = Math.max(magnitude, Math.max(Math.abs(value), largest));
            return new Cell(row + Cell.ID_SEPARATOR + column, row, column, value, Math.max(1, payers),
                Math.min(largest, mag), mag);
        }
    }

    private static List<Table> tables(String city, List<String> counties, List<Entry> entries,
                                      Function<String, String> sectionOf, Set<String> industrial,
                                      Map<String, Enterprises> enterprises, Span s, Basis basis,
                                      SuppressionRules rules, Map<String, Decision> divisions) {
        // county → 大类 → type → [amount, taxpayers (largest month)]
        Map<String, Map<String, Map<String, double[]>>> parts = new TreeMap<>();
        Set<String> inCounties = Set.copyOf(counties);
        for (Entry e : entries) {
            if (!inCounties.contains(e.county()) || e.month().isBefore(s.from()) || e.month().isAfter(s.to())) {
                continue;
            }
            double[] p = parts.computeIfAbsent(e.county(), k -> new TreeMap<>())
                .computeIfAbsent(e.division(), k -> new TreeMap<>()).computeIfAbsent(e.type(), k -> new double[2]);
            p[0] += e.amount();
            p[1] = Math.max(p[1], e.taxpayers() == null ? 0 : e.taxpayers());
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        Set<String> types = new java.util.TreeSet<>();
        Set<String> sections = new java.util.TreeSet<>();
        parts.values().forEach(m -> m.forEach((d, t) -> {
            types.addAll(t.keySet());
            sections.add(sectionOf.apply(d));
        }));
        Set<String> industrialSections = new LinkedHashSet<>();
        parts.values().forEach(m -> m.keySet().stream().filter(industrial::contains)
            .forEach(d -> industrialSections.add(sectionOf.apply(d))));
        Map<String, Acc> byType = new LinkedHashMap<>();
        Map<String, Acc> bySection = new LinkedHashMap<>();
        Map<String, Acc> totals = new LinkedHashMap<>();
        Map<String, Acc> industry = new LinkedHashMap<>();
        Map<String, Acc> byDivision = new LinkedHashMap<>();
        for (String county : counties) {
            Map<String, Map<String, double[]>> m = parts.getOrDefault(county, Map.of());
            for (Map.Entry<String, Map<String, double[]>> d : m.entrySet()) {
                String division = d.getKey();
                Enterprises ent = enterprises.get(county + Cell.ID_SEPARATOR + division);
                boolean judged = industrial.contains(division) && ent != null;
                double share = judged ? ent.largestShare() : 0;
                double amount = 0;
                double magnitude = 0;
                int divisionPayers = 0;
                for (Map.Entry<String, double[]> t : d.getValue().entrySet()) {
                    double v = t.getValue()[0];
                    int n = payers(basis, (int) t.getValue()[1], division, ent, industrial, rules, v);
                    amount += v;
                    magnitude += Math.abs(v);
                    divisionPayers = Math.max(divisionPayers, n);
                    for (String region : List.of(county, city)) {
                        byType.computeIfAbsent(region + Cell.ID_SEPARATOR + t.getKey(), k -> new Acc())
                            .add(v, n, share * Math.abs(v), Math.abs(v));
                    }
                }
                String section = sectionOf.apply(division);
                for (String region : List.of(county, city)) {
                    bySection.computeIfAbsent(region + Cell.ID_SEPARATOR + section, k -> new Acc())
                        .add(amount, divisionPayers, share * Math.abs(amount), magnitude);
                    totals.computeIfAbsent(region, k -> new Acc()).add(amount, divisionPayers,
                        share * Math.abs(amount), magnitude);
                    if (industrial.contains(division)) {
                        industry.computeIfAbsent(region, k -> new Acc()).add(amount, divisionPayers,
                            share * Math.abs(amount), magnitude);
                    }
                    byDivision.computeIfAbsent(region + Cell.ID_SEPARATOR + division, k -> new Acc())
                        .add(amount, divisionPayers, share * Math.abs(amount), magnitude);
                }
            }
        }
        List<Cell> typeCells = new ArrayList<>();
        List<Cell> sectionCells = new ArrayList<>();
        List<Cell> industryCells = new ArrayList<>();
        List<Cell> rowTotals = new ArrayList<>();
        List<Cell> industryTotals = new ArrayList<>();
        boolean signed = false;
        for (String county : counties) {
            for (String t : types) {
                typeCells.add(figure(byType, county, BY_TYPE, t, s));
            }
            for (String sec : sections) {
                Cell c = figure(bySection, county, BY_SECTION, sec, s);
                sectionCells.add(c);
                if (industrialSections.contains(sec)) {
                    industryCells.add(c);
                }
            }
            rowTotals.add(total(totals, county, TOTAL, s));
            industryTotals.add(total(industry, county, INDUSTRY, s));
        }
        List<Cell> cityTypes = types.stream().map(t -> figure(byType, city, BY_TYPE, t, s)).toList();
        List<Cell> citySections = sections.stream().map(sec -> figure(bySection, city, BY_SECTION, sec, s)).toList();
        List<Cell> cityIndustrySections = citySections.stream()
            .filter(c -> industrialSections.contains(FigureKey.parse(c.id()).division())).toList();
        Cell cityTotal = total(totals, city, TOTAL, s);
        Cell cityIndustry = total(industry, city, INDUSTRY, s);
        for (List<Cell> l : List.of(typeCells, sectionCells, rowTotals, cityTypes, citySections)) {
            for (Cell c : l) {
                signed |= c.value() < 0;
            }
        }
        signed |= cityTotal.value() < 0 || cityIndustry.value() < 0
            || industryTotals.stream().anyMatch(c -> c.value() < 0);
        String tail = s.from() + ".." + s.to();
        List<Table> out = new ArrayList<>();
        out.add(new Table("tax" + Cell.ID_SEPARATOR + BY_TYPE + Cell.ID_SEPARATOR + tail, typeCells, rowTotals,
            cityTypes, Optional.of(cityTotal), signed));
        out.add(new Table("tax" + Cell.ID_SEPARATOR + BY_SECTION + Cell.ID_SEPARATOR + tail, sectionCells, rowTotals,
            citySections, Optional.of(cityTotal), signed));
        if (!industryCells.isEmpty()) {
            out.add(new Table("tax" + Cell.ID_SEPARATOR + INDUSTRY + Cell.ID_SEPARATOR + tail, industryCells,
                industryTotals, cityIndustrySections, Optional.of(cityIndustry), signed));
        }
        for (Map.Entry<String, Acc> d : byDivision.entrySet()) {
            String[] rd = d.getKey().split("\\|");
            FigureKey k = key(rd[0], BY_DIVISION, rd[1], s);
            Cell c = d.getValue().cell(k.region(), k.division() + Cell.ID_SEPARATOR + k.measure()
                + Cell.ID_SEPARATOR + tail).withId(k.id());
            Reason r = PrimarySuppression.reason(c, rules);
            divisions.put(k.id(), new Decision(c, r == Reason.NONE ? SuppressionResult.Status.PUBLISHED
                : SuppressionResult.Status.PRIMARY, r, false));
        }
        return out;
    }

    /** The taxpayers of a county × 大类 × tax type cell as the basis counts them. */
    private static int payers(Basis basis, int counted, String division, Enterprises ent, Set<String> industrial,
                              SuppressionRules rules, double amount) {
        if (basis == Basis.TAXPAYERS) {
            return Math.max(counted, amount != 0 ? 1 : 0);
        }
        if (!industrial.contains(division)) {
            // outside 规上工业 the register says nothing: not judged
            return rules.minContributors();
        }
        return Math.max(ent == null ? 0 : ent.count(), amount != 0 ? 1 : 0);
    }

    private static Cell figure(Map<String, Acc> acc, String region, String dimension, String item, Span s) {
        FigureKey k = key(region, dimension, item, s);
        return acc.getOrDefault(region + Cell.ID_SEPARATOR + item, new Acc()).cell(region,
            k.division() + Cell.ID_SEPARATOR + k.measure() + Cell.ID_SEPARATOR + s.from() + ".." + s.to());
    }

    private static Cell total(Map<String, Acc> acc, String region, String item, Span s) {
        FigureKey k = key(region, item.equals(TOTAL) ? TOTAL : BY_SECTION, item.equals(TOTAL) ? ALL : INDUSTRY, s);
        return acc.getOrDefault(region, new Acc()).cell(region, k.division() + Cell.ID_SEPARATOR + k.measure()
            + Cell.ID_SEPARATOR + s.from() + ".." + s.to());
    }
}
