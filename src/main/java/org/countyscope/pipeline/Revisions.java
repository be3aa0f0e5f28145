package org.countyscope.pipeline;

import org.countyscope.gold.Cadence;
import org.countyscope.io.CsvExport;
import org.countyscope.io.TableStore;
import org.countyscope.publish.Precision;
import org.countyscope.report.ReportInput;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a revision changed (修订说明): the monthly report's figures of a period as published from one release against
 * those published from a later one, per region and indicator — the 1—N月 cumulative value and the month's value, old,
 * new and the difference, as printed. Both sides are read by Delta time travel at the versions their publications
 * recorded ({@link Publications}). Only published figures are compared: a cell withheld in both releases is not
 * listed (nothing published changed), a cell withheld in one of them is listed with that side blank.
 */
public final class Revisions {

    /** One changed figure; a withheld side has null values. */
    public record Change(String region, String regionName, String level, String indicator, String indicatorName,
                         String unit, BigDecimal oldValue, BigDecimal newValue, BigDecimal oldMonth,
                         BigDecimal newMonth, boolean withheldBefore, boolean withheldAfter) {
        public BigDecimal difference() {
            return oldValue == null || newValue == null ? null : newValue.subtract(oldValue);
        }

        public BigDecimal monthDifference() {
            return oldMonth == null || newMonth == null ? null : newMonth.subtract(oldMonth);
        }
    }

    /** The changes between two releases' publications of a period's monthly report. */
    public record Result(YearMonth period, String from, String to, List<Change> changes) {
    }

    private Revisions() {
    }

    /**
     * @param from release of the older publication, or null for the one before {@code to}
     * @param to   release of the newer publication, or null for the latest
     */
    public static Result between(TableStore store, YearMonth period, String from, String to) {
        String cadence = Cadence.MONTH.code();
        List<String> releases = Publications.releases(Publications.of(store, period.toString(), cadence));
        String newer = to != null ? to : last(releases, releases.size() - 1, period);
        String older = from != null ? from : last(releases, releases.indexOf(newer) - 1, period);
        Map<String, ReportInput.Figure> before = figures(store, period, older);
        Map<String, ReportInput.Figure> after = figures(store, period, newer);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, ReportInput.Figure> e : after.entrySet()) {
            ReportInput.Figure a = e.getValue();
            ReportInput.Figure b = before.get(e.getKey());
            BigDecimal oldValue = published(b, false);
            BigDecimal newValue = published(a, false);
            BigDecimal oldMonth = published(b, true);
            BigDecimal newMonth = published(a, true);
            boolean withheldBefore = b == null || b.withheld();
            if (withheldBefore && a.withheld() || same(oldValue, newValue) && same(oldMonth, newMonth)
                && withheldBefore == a.withheld()) {
                continue;
            }
            changes.add(new Change(a.region(), a.regionName(), a.level(), a.indicator(), a.indicatorName(), a.unit(),
                oldValue, newValue, oldMonth, newMonth, withheldBefore, a.withheld()));
        }
        return new Result(period, older, newer, changes);
    }

    private static String last(List<String> releases, int index, YearMonth period) {
        if (index < 0) {
            throw new IllegalArgumentException("the monthly report of " + period + " was published from "
                + (releases.isEmpty() ? "no release" : "one release only (" + releases.get(0) + ")")
                + ": nothing to compare; give --from and --to");
        }
        return releases.get(index);
    }

    /** The monthly report's figures as published from a release, by region and indicator. */
    private static Map<String, ReportInput.Figure> figures(TableStore store, YearMonth period, String release) {
        Publications.Publication p = Publications.last(store, period.toString(), Cadence.MONTH.code(), release);
        ReportInput in = new ReportJob(store.pinnedTo(p.versions())).input(period, Cadence.MONTH);
        Map<String, ReportInput.Figure> out = new LinkedHashMap<>();
        in.figures().forEach(f -> out.put(f.region() + "|" + f.indicator(), f));
        return out;
    }

    /** A figure as printed (rounded to its unit's decimals), or null when withheld or absent. */
    private static BigDecimal published(ReportInput.Figure f, boolean month) {
        if (f == null || f.withheld()) {
            return null;
        }
        return Precision.ofUnit(f.unit()).round(month ? f.valuePeriod() : f.value());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Writes the changes as CSV (Chinese headings, canonical names below) and returns the file. */
    public static Path write(Result r, Path dir) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("region_code", "region_name", "indicator", "indicator_name", "unit", "old_cum", "new_cum",
            "difference_cum", "old_month", "new_month", "difference_month", "note"));
        for (Change c : r.changes()) {
            rows.add(Arrays.asList(c.region(), c.regionName(), c.indicator(), c.indicatorName(), c.unit(),
                c.oldValue(), c.newValue(), c.difference(), c.oldMonth(), c.newMonth(), c.monthDifference(),
                note(c)));
        }
        Path file = dir.resolve("revisions_" + safeName(r.from()) + "_to_" + safeName(r.to()) + ".csv");
        CsvExport.write(file, List.of("区划代码", "地区", "指标代码", "指标", "单位", "原累计值", "修订后累计值", "累计差额",
            "原当月值", "修订后当月值", "当月差额", "说明"), rows);
        return file;
    }

    static String note(Change c) {
        if (c.withheldBefore() && !c.withheldAfter()) {
            return "原发布时不公布，修订后公布";
        }
        if (!c.withheldBefore() && c.withheldAfter()) {
            return "修订后不公布";
        }
        return "";
    }

    /** A release label as part of a file name: letters, digits, '-', '_' and '.' kept, the rest '_'. */
    public static String safeName(String release) {
        return Objects.requireNonNull(release).replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("^[.-]", "_");
    }
}
