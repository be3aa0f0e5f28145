package org.countyscope.disclosure;

import org.countyscope.disclosure.SecondarySuppression.Protection;
import org.countyscope.disclosure.SuppressionResult.Decision;
import org.countyscope.disclosure.SuppressionResult.Reason;
import org.countyscope.disclosure.SuppressionResult.Status;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One pattern for one release (发布), consistent with the year's earlier releases: every figure the release publishes
 * (counties and the city, county × 大类, 1—N月 and each cadence's own months) and every figure an earlier release of
 * the same year published or withheld form one linked system. Besides the cross-section totals (city = Σ counties,
 * county = Σ 大类), the months link figures over time: 1—b月 = 1—(a−1)月 + months a to b, so 1—6月 withheld in June and
 * 1—9月 with the third quarter published in September would give 1—6月 back; the system holds that equation and the
 * pattern withholds one more of them. What an earlier release published is known and stays published; what it
 * withheld stays withheld; figures no release publishes but the attacker can form (the difference of two published
 * 1—N月 figures) are in the system too and, when sensitive, protected like the others.
 */
public final class ReleasePattern {

    private ReleasePattern() {
    }

    /**
     * What a release publishes of one measure over some months: every county and the city, and with
     * {@code byDivision} every county × 大类 and the city's 大类 as well.
     */
    public record Publication(String measure, boolean byDivision, YearMonth from, YearMonth to) {
    }

    /**
     * A county figure as computed from enterprise reports: value, contributing enterprises, the largest absolute
     * contribution and the sum of the absolute contributions.
     */
    public record Stats(double value, int contributors, double largest, double magnitude) {
        public static final Stats EMPTY = new Stats(0, 0, 0, 0);
    }

    /** The figures of the counties (the city's are their sums), for any months and 大类 the system needs. */
    @FunctionalInterface
    public interface Source {
        Stats stats(FigureKey countyFigure);
    }

    /** What a release did with one figure it published: its status and, when published, its value. */
    public record LogEntry(String release, FigureKey key, Status status, Double value) {
        public LogEntry {
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(status, "status");
        }

        public boolean withheld() {
            return status != Status.PUBLISHED;
        }
    }

    /** The geography of the releases: the city, its counties, and the 大类 of the county × 大类 tables. */
    public record Geography(String city, List<String> counties, List<String> divisions) {
        public Geography {
            counties = List.copyOf(counties);
            divisions = List.copyOf(divisions);
        }

        List<String> regions() {
            List<String> out = new ArrayList<>(counties);
            out.add(city);
            return out;
        }
    }

    /**
     * A protected release.
     *
     * @param release     the release's name (its period, e.g. 2026-06)
     * @param protection  the pattern of the whole linked system, with its escalations and anything left exposed
     * @param log         one entry per figure this release publishes or withholds: what goes into the disclosure log
     * @param primaryOnly how many of this release's figures the primary rules alone withhold: a lower bound of what
     *                    any pattern must withhold
     * @param givenAway   figures sensitive now that an earlier release already published (they cannot be withdrawn)
     */
    public record Outcome(String release, Protection protection, List<LogEntry> log, int primaryOnly,
                          List<String> givenAway) {

        public Outcome {
            log = List.copyOf(log);
            givenAway = List.copyOf(givenAway);
        }

        /** How many of this release's figures are withheld. */
        public int withheldCount() {
            return (int) log.stream().filter(LogEntry::withheld).count();
        }

        /** Whether this release withholds the figure (false for a figure it does not publish at all). */
        public boolean withheld(FigureKey key) {
            Decision d = decisionOrNull(key.id());
            return d != null && d.suppressed();
        }

        /** Whether the figure is in this release's system at all. */
        public boolean known(FigureKey key) {
            return decisionOrNull(key.id()) != null;
        }

        private Decision decisionOrNull(String id) {
            try {
                return protection.result().decision(id);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * Protects a release.
     *
     * @param release   the release's name
     * @param publishes what the release publishes
     * @param earlier   the disclosure log of the year's earlier releases (entries of other years are ignored)
     * @param signed    measures whose figures may be negative (利润总额)
     */
    public static Outcome protect(String release, Geography geo, List<Publication> publishes, Source source,
                                  List<LogEntry> earlier, Set<String> signed, SuppressionRules rules) {
        Set<Integer> years = new TreeSet<>();
        publishes.forEach(p -> years.add(p.to().getYear()));
        Map<String, Status> before = new LinkedHashMap<>();
        Map<String, Set<Span>> countyRanges = new LinkedHashMap<>();
        Map<String, Set<Span>> divisionRanges = new LinkedHashMap<>();
        Set<String> now = new LinkedHashSet<>();
        for (Publication p : publishes) {
            Span s = new Span(p.from(), p.to());
            countyRanges.computeIfAbsent(p.measure(), k -> new TreeSet<>()).add(s);
            if (p.byDivision()) {
                divisionRanges.computeIfAbsent(p.measure(), k -> new TreeSet<>()).add(s);
            }
            for (String region : geo.regions()) {
                now.add(new FigureKey(region, FigureKey.ALL, p.measure(), p.from(), p.to()).id());
                if (p.byDivision()) {
                    for (String d : geo.divisions()) {
                        now.add(new FigureKey(region, d, p.measure(), p.from(), p.to()).id());
                    }
                }
            }
        }
        for (LogEntry e : earlier) {
            if (!years.contains(e.key().to().getYear()) || e.release().equals(release)) {
                continue;
            }
            Span s = new Span(e.key().from(), e.key().to());
            countyRanges.computeIfAbsent(e.key().measure(), k -> new TreeSet<>()).add(s);
            if (!FigureKey.ALL.equals(e.key().division())) {
                divisionRanges.computeIfAbsent(e.key().measure(), k -> new TreeSet<>()).add(s);
            }
            // withheld once, withheld for the year; published once, known for the year
            before.merge(e.key().id(), e.status(), (a, b) -> a != Status.PUBLISHED ? a : b);
        }
        divisionRanges.values().forEach(ReleasePattern::close);
        divisionRanges.forEach((m, spans) -> countyRanges.computeIfAbsent(m, k -> new TreeSet<>()).addAll(spans));
        countyRanges.values().forEach(ReleasePattern::close);

        List<Table> tables = new ArrayList<>();
        Map<String, Cell> figures = new HashMap<>();
        Map<String, Boolean> signedMeasure = new HashMap<>();
        for (Map.Entry<String, Set<Span>> m : countyRanges.entrySet()) {
            String measure = m.getKey();
            Set<Span> byDivision = divisionRanges.getOrDefault(measure, Set.of());
            for (Span s : m.getValue()) {
                Table t = byDivision.contains(s) ? divisionTable(geo, measure, s, source, signed)
                    : countyTable(geo, measure, s, source, signed);
                tables.add(t);
                t.figures().forEach(c -> figures.put(c.id(), c));
                signedMeasure.merge(measure, t.signed(), Boolean::logicalOr);
            }
        }
        for (Map.Entry<String, Set<Span>> m : countyRanges.entrySet()) {
            String measure = m.getKey();
            Set<Span> byDivision = divisionRanges.getOrDefault(measure, Set.of());
            for (Span s : m.getValue()) {
                if (s.from().getMonthValue() == 1) {
                    continue;
                }
                List<String> divisions = new ArrayList<>(List.of(FigureKey.ALL));
                if (byDivision.contains(s)) {
                    divisions.addAll(geo.divisions());
                }
                for (String region : geo.regions()) {
                    for (String d : divisions) {
                        FigureKey k = new FigureKey(region, d, measure, s.from(), s.to());
                        Cell part = figures.get(k.id());
                        Cell previous = figures.get(FigureKey.cumulative(region, d, measure, s.from().minusMonths(1))
                            .id());
                        Cell through = figures.get(FigureKey.cumulative(region, d, measure, s.to()).id());
                        if (part == null || previous == null || through == null
                            || part.isEmpty() && previous.isEmpty() && through.isEmpty()) {
                            continue;
                        }
                        tables.add(new Table("chain" + Cell.ID_SEPARATOR + k.id(), List.of(previous, part),
                            List.of(through), List.of(), java.util.Optional.empty(),
                            signedMeasure.getOrDefault(measure, false)));
                    }
                }
            }
        }

        SuppressionResult primary = sharedContributors(PrimarySuppression.apply(tables, rules));
        Set<String> fixed = new LinkedHashSet<>();
        List<String> givenAway = new ArrayList<>();
        Map<String, Decision> start = new LinkedHashMap<>();
        Set<String> unpublished = new LinkedHashSet<>();
        for (Decision d : primary.decisions()) {
            String id = d.cell().id();
            Status earlierStatus = before.get(id);
            Decision out = d;
            if (earlierStatus == Status.PUBLISHED) {
                if (d.suppressed()) {
                    givenAway.add(id);
                }
                out = new Decision(d.cell(), Status.PUBLISHED, Reason.NONE, d.total());
                fixed.add(id);
            } else if (earlierStatus != null) {
                if (!d.suppressed() && !d.cell().isEmpty()) {
                    out = new Decision(d.cell(), Status.SECONDARY, Reason.SECONDARY, d.total());
                }
            } else if (!now.contains(id) && !d.suppressed() && !d.cell().isEmpty()) {
                unpublished.add(id);
            }
            start.put(id, out);
        }
        Set<String> exempt = hiddenUnlessKnown(tables, start, unpublished);
        Set<String> settled = new LinkedHashSet<>();
        for (String id : before.keySet()) {
            if (figures.containsKey(id) && !now.contains(id)) {
                settled.add(id);
            }
        }
        Protection protection = SecondarySuppression.protect(tables, new SuppressionResult(List.copyOf(start.values())),
            rules, fixed, exempt, settled);
        List<LogEntry> log = new ArrayList<>();
        int primaryOnly = 0;
        for (String id : now) {
            Decision d = protection.result().decision(id);
            log.add(new LogEntry(release, FigureKey.parse(id), d.status(),
                d.suppressed() ? null : d.cell().value()));
            if (d.status() == Status.PRIMARY) {
                primaryOnly++;
            }
        }
        return new Outcome(release, protection, log, primaryOnly, givenAway);
    }

    /**
     * The frequency rule per cell, not per measure: a region × 大类 × months cell's measures are the same enterprises'
     * reports, so when one measure of the cell has fewer than three contributors (one enterprise's zero value added
     * beside its output, say) the cell is one or two enterprises' figures and every measure of it is withheld. The
     * dominance rule stays per measure: each measure is judged on its own largest contribution.
     */
    static SuppressionResult sharedContributors(SuppressionResult primary) {
        Set<String> fewCells = new LinkedHashSet<>();
        for (Decision d : primary.decisions()) {
            if (d.reason() == Reason.FREQUENCY) {
                fewCells.add(cellOf(d.cell().id()));
            }
        }
        if (fewCells.isEmpty()) {
            return primary;
        }
        List<Decision> out = new ArrayList<>(primary.decisions().size());
        for (Decision d : primary.decisions()) {
            boolean sameCell = !d.cell().isEmpty() && d.reason() != Reason.FREQUENCY
                && fewCells.contains(cellOf(d.cell().id()));
            out.add(sameCell ? new Decision(d.cell(), Status.PRIMARY, Reason.FREQUENCY, d.total()) : d);
        }
        return new SuppressionResult(out);
    }

    /** A figure's cell: its region, 大类 and months, without the measure. */
    private static String cellOf(String figureId) {
        FigureKey k = FigureKey.parse(figureId);
        return k.region() + Cell.ID_SEPARATOR + k.division() + Cell.ID_SEPARATOR + k.from() + ".." + k.to();
    }

    /**
     * Never-published figures that are not sensitive: each starts hidden and owed nothing, unless an equation whose
     * other figures are all published gives it away, in which case the attacker knows it and it starts published (in
     * the attacker's model only; no export prints it). Returns the ids left hidden.
     */
    private static Set<String> hiddenUnlessKnown(List<Table> tables, Map<String, Decision> start,
                                                 Set<String> unpublished) {
        Set<String> hidden = new LinkedHashSet<>(unpublished);
        List<List<String>> equations = new ArrayList<>();
        for (Table t : tables) {
            Map<String, List<String>> rows = new LinkedHashMap<>();
            Map<String, List<String>> columns = new LinkedHashMap<>();
            List<String> all = new ArrayList<>();
            for (Cell c : t.cells()) {
                rows.computeIfAbsent(c.row(), k -> new ArrayList<>()).add(c.id());
                columns.computeIfAbsent(c.column(), k -> new ArrayList<>()).add(c.id());
                all.add(c.id());
            }
            for (Cell r : t.rowTotals()) {
                List<String> e = new ArrayList<>(rows.get(r.row()));
                e.add(r.id());
                equations.add(e);
            }
            for (Cell c : t.columnTotals()) {
                List<String> e = new ArrayList<>(columns.get(c.column()));
                e.add(c.id());
                equations.add(e);
            }
            t.grandTotal().ifPresent(g -> {
                List<String> e = new ArrayList<>(all);
                e.add(g.id());
                equations.add(e);
            });
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<String> e : equations) {
                String only = null;
                int unknown = 0;
                for (String id : e) {
                    if (hidden.contains(id) || start.get(id).suppressed()) {
                        unknown++;
                        only = id;
                    }
                }
                if (unknown == 1 && hidden.remove(only)) {
                    changed = true;
                }
            }
        }
        for (String id : hidden) {
            Decision d = start.get(id);
            start.put(id, new Decision(d.cell(), Status.SECONDARY, Reason.SECONDARY, d.total()));
        }
        return hidden;
    }

    /**
     * Adds what the attacker can form from the spans: the 1—N月 figures at both ends of every span that does not
     * start in January, and the months between consecutive 1—N月 figures.
     */
    private static void close(Set<Span> spans) {
        for (Span s : List.copyOf(spans)) {
            if (s.from().getMonthValue() != 1) {
                spans.add(new Span(s.from().withMonth(1), s.from().minusMonths(1)));
                spans.add(new Span(s.from().withMonth(1), s.to()));
            }
        }
        Span previous = null;
        for (Span s : List.copyOf(spans)) {
            if (s.from().getMonthValue() != 1) {
                continue;
            }
            if (previous != null && previous.to().getYear() == s.to().getYear()) {
                spans.add(new Span(previous.to().plusMonths(1), s.to()));
            }
            previous = s;
        }
    }

    private static Table countyTable(Geography geo, String measure, Span s, Source source, Set<String> signed) {
        List<Cell> cells = new ArrayList<>();
        String column = FigureKey.ALL + Cell.ID_SEPARATOR + measure + Cell.ID_SEPARATOR + s.from() + ".." + s.to();
        boolean negative = signed.contains(measure);
        for (String county : geo.counties()) {
            Cell c = cell(county, column, source.stats(new FigureKey(county, FigureKey.ALL, measure, s.from(), s.to())));
            negative |= c.value() < 0;
            cells.add(c);
        }
        return Table.summed("county" + Cell.ID_SEPARATOR + column, cells, "unused", geo.city(),
            EnumSet.of(Table.Marginal.COLUMN_TOTALS), negative);
    }

    private static Table divisionTable(Geography geo, String measure, Span s, Source source, Set<String> signed) {
        List<Cell> cells = new ArrayList<>();
        String tail = measure + Cell.ID_SEPARATOR + s.from() + ".." + s.to();
        boolean negative = signed.contains(measure);
        for (String county : geo.counties()) {
            for (String d : geo.divisions()) {
                Cell c = cell(county, d + Cell.ID_SEPARATOR + tail,
                    source.stats(new FigureKey(county, d, measure, s.from(), s.to())));
                negative |= c.value() < 0;
                cells.add(c);
            }
        }
        return Table.summed("division" + Cell.ID_SEPARATOR + tail, cells, FigureKey.ALL + Cell.ID_SEPARATOR + tail,
            geo.city(), EnumSet.allOf(Table.Marginal.class), negative);
    }

    private static Cell cell(String row, String column, Stats s) {
        if (s.contributors() == 0) {
            return Cell.empty(row, column);
        }
        return Cell.signed(row, column, s.value(), s.contributors(), Math.abs(s.largest()),
            Math.max(s.magnitude(), Math.max(Math.abs(s.value()), Math.abs(s.largest()))));
    }

    /** Months of one year, ordered by end then start, so 1—N月 spans come in order of N. */
    private record Span(YearMonth from, YearMonth to) implements Comparable<Span> {
        @Override
        public int compareTo(Span o) {
            int c = to.compareTo(o.to);
            return c != 0 ? c : from.compareTo(o.from);
        }
    }
}
