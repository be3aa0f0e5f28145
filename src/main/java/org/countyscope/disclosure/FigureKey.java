package org.countyscope.disclosure;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Names one published figure of a year's releases: a region (county or the city) × 大类 ({@link #ALL} for all
 * industry) × measure, summed over the months {@code from} to {@code to} of one year. 1—N月 is January to N, a month, a
 * quarter or a half year are their own months, and 1—2月 is January and February: a figure is the same whichever cadence
 * publishes it (上半年 is 1—6月), which is what links the releases of a year.
 */
public record FigureKey(String region, String division, String measure, YearMonth from, YearMonth to) {

    /** The division of all-industry figures. */
    public static final String ALL = "*";

    public FigureKey {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(division, "division");
        Objects.requireNonNull(measure, "measure");
        if (from.getYear() != to.getYear() || from.isAfter(to)) {
            throw new IllegalArgumentException("a figure spans months of one year, got " + from + "–" + to);
        }
    }

    /** The 1—N月 figure ending in {@code end} (1—2月 when {@code end} is February). */
    public static FigureKey cumulative(String region, String division, String measure, YearMonth end) {
        return new FigureKey(region, division, measure, end.withMonth(1), end);
    }

    /** Whether the figure starts in January (a 1—N月 figure). */
    public boolean cumulative() {
        return from.getMonthValue() == 1;
    }

    /** The same months for another region or 大类. */
    public FigureKey at(String otherRegion, String otherDivision) {
        return new FigureKey(otherRegion, otherDivision, measure, from, to);
    }

    /** The same region, 大类 and measure over other months. */
    public FigureKey over(YearMonth otherFrom, YearMonth otherTo) {
        return new FigureKey(region, division, measure, otherFrom, otherTo);
    }

    /** The figure's id in the linked system and the disclosure log: {@code region|division|measure|from..to}. */
    public String id() {
        return region + Cell.ID_SEPARATOR + division + Cell.ID_SEPARATOR + measure + Cell.ID_SEPARATOR + from + ".." + to;
    }

    /** Reads an id written by {@link #id()}. */
    public static FigureKey parse(String id) {
        String[] p = id.split("\\|");
        if (p.length != 4 || !p[3].contains("..")) {
            throw new IllegalArgumentException("not a figure id: " + id);
        }
        String[] months = p[3].split("\\.\\.");
        return new FigureKey(p[0], p[1], p[2], YearMonth.parse(months[0]), YearMonth.parse(months[1]));
    }
}
