package org.countyscope.generate;

/** The run's months, from January of the start year on, indexed 0…months−1. */
final class Timeline {

    private final int startYear;
    private final int months;

    Timeline(int startYear, int months) {
        this.startYear = startYear;
        this.months = months;
    }

    int startYear() {
        return startYear;
    }

    int months() {
        return months;
    }

    int lastYear() {
        return year(months - 1);
    }

    int years() {
        return lastYear() - startYear + 1;
    }

    int year(int index) {
        return startYear + index / 12;
    }

    /** Calendar month 1…12 of an index. */
    int month(int index) {
        return index % 12 + 1;
    }

    /** Index of a year and month, which may lie outside the run (negative or ≥ months). */
    int index(int year, int month) {
        return (year - startYear) * 12 + month - 1;
    }

    /** How many months of the year the run covers (12 except perhaps in the last year). */
    int monthsIn(int year) {
        int first = index(year, 1);
        return Math.max(0, Math.min(12, months - first));
    }

    boolean fullYear(int year) {
        return monthsIn(year) == 12;
    }

    /** Last year the run covers completely, or startYear − 1 when there is none. */
    int lastFullYear() {
        return fullYear(lastYear()) ? lastYear() : lastYear() - 1;
    }

    String period(int index) {
        return period(year(index), month(index));
    }

    static String period(int year, int month) {
        return year + (month < 10 ? "-0" : "-") + month;
    }
}
