package org.countyscope.io.source;

import org.countyscope.forecast.Series;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one monthly series from a file: an NBS data export (the indicator with 同比 in its name, else the first;
 * the one with 累计 as the cumulative), or a CSV with a {@code month} column (YYYY-MM), a {@code value} column (or
 * else the first column named like {@code *yoy*} or {@code *同比*}, else the second) and optionally a cumulative
 * column ({@code cumulative}, {@code *ytd*} or {@code *累计*}). Rows may come in any order (the export lists the newest
 * month first): the series is built by month.
 */
public final class SeriesFiles {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:-|年)(\\d{1,2})月?");

    private SeriesFiles() {
    }

    public static Series read(Path file) {
        try (SourceTable table = SourceFiles.open(file, null)) {
            return "nbs-export".equals(table.format()) ? nbsExport(table) : csv(table);
        }
    }

    private static Series nbsExport(SourceTable table) {
        Map<String, Map<YearMonth, Double>> byIndicator = new LinkedHashMap<>();
        for (Iterator<RawRecord> it = table.records(); it.hasNext(); ) {
            List<String> cells = it.next().cells();
            YearMonth month = month(cells.get(1));
            if (month != null) {
                byIndicator.computeIfAbsent(cells.get(0), k -> new TreeMap<>()).put(month, number(cells.get(2)));
            }
        }
        if (byIndicator.isEmpty()) {
            throw new IllegalArgumentException(table.fileName() + ": no monthly values in the NBS export");
        }
        String values = byIndicator.keySet().stream().filter(k -> k.contains("同比")).findFirst()
            .orElse(byIndicator.keySet().iterator().next());
        String cumulative = byIndicator.keySet().stream().filter(k -> k.contains("累计") && !k.equals(values))
            .findFirst().orElse(null);
        return series(byIndicator.get(values), cumulative == null ? Map.of() : byIndicator.get(cumulative), table);
    }

    private static Series csv(SourceTable table) {
        List<String> header = table.header().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int month = header.indexOf("month");
        if (month < 0) {
            throw new IllegalArgumentException(table.fileName() + ": no 'month' column in " + table.header());
        }
        int value = header.indexOf("value");
        if (value < 0) {
            value = find(header, month, false);
        }
        if (value < 0) {
            value = month == 0 && header.size() > 1 ? 1 : -1;
        }
        if (value < 0) {
            throw new IllegalArgumentException(table.fileName() + ": no 'value' column in " + table.header());
        }
        int cumulative = header.indexOf("cumulative");
        if (cumulative < 0) {
            cumulative = find(header, month, true);
        }
        Map<YearMonth, Double> values = new TreeMap<>();
        Map<YearMonth, Double> cumulatives = new TreeMap<>();
        for (Iterator<RawRecord> it = table.records(); it.hasNext(); ) {
            RawRecord r = it.next();
            YearMonth m = month(cell(r, month));
            if (m == null) {
                throw new IllegalArgumentException(table.fileName() + " row " + r.row() + ": month '" + cell(r, month)
                    + "' is not YYYY-MM");
            }
            values.put(m, number(cell(r, value)));
            if (cumulative >= 0) {
                cumulatives.put(m, number(cell(r, cumulative)));
            }
        }
        return series(values, cumulatives, table);
    }

    /** The first growth column other than the month, year-to-date or single-month as asked; -1 if none. */
    private static int find(List<String> header, int month, boolean cumulative) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            boolean isCumulative = h.contains("ytd") || h.contains("累计");
            boolean isGrowth = h.contains("yoy") || h.contains("同比") || isCumulative;
            if (i != month && isGrowth && isCumulative == cumulative) {
                return i;
            }
        }
        return -1;
    }

    private static Series series(Map<YearMonth, Double> values, Map<YearMonth, Double> cumulatives, SourceTable table) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(table.fileName() + ": no rows");
        }
        List<YearMonth> months = new ArrayList<>(values.keySet());
        YearMonth start = months.get(0);
        int n = (int) start.until(months.get(months.size() - 1), ChronoUnit.MONTHS) + 1;
        double[] v = Series.nans(n);
        double[] c = Series.nans(n);
        values.forEach((m, x) -> v[(int) start.until(m, ChronoUnit.MONTHS)] = x);
        cumulatives.forEach((m, x) -> {
            int i = (int) start.until(m, ChronoUnit.MONTHS);
            if (i >= 0 && i < n) {
                c[i] = x;
            }
        });
        return new Series(start, v, c);
    }

    private static YearMonth month(String text) {
        Matcher m = MONTH.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int month = Integer.parseInt(m.group(2));
        return month >= 1 && month <= 12 ? YearMonth.of(Integer.parseInt(m.group(1)), month) : null;
    }

    /** A published number, or NaN for a blank or a mark such as "…". */
    private static double number(String text) {
        String t = text.trim().replace(",", "");
        try {
            return t.isEmpty() ? Double.NaN : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String cell(RawRecord r, int i) {
        return i < r.cells().size() ? r.cells().get(i) : "";
    }
}
