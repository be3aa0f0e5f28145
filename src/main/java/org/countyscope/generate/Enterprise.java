package org.countyscope.generate;

/**
 * One 规上 industrial enterprise: fixed attributes, its time in the register, and the running totals of the year being
 * written.
 */
final class Enterprise {

    final Region region;
    final int seq;
    final long key;
    final String code4;
    final int dl;
    final Sector sector;
    final String creditCode;
    final String name;
    final boolean large;
    /** Year and month it entered the register as 新增; entryMonth 0 means 年初在库 at the start of the run. */
    final int entryYear;
    final int entryMonth;
    final double vaRatio;
    final double revenueRatio;
    final double marginOffset;
    final double employees;
    /** Annual real value added at the price level of the year before the run, 万元, in its first year. */
    double baseVolume;
    /** Real volume index per year of the run (1 in the first year it is active). */
    double[] levelByYear;
    int exitYear;
    int exitMonth;
    int ppiRow;

    long cumGross;
    long cumValueAdded;
    long cumRevenue;
    long cumProfit;
    double headcountSum;
    double deflatedValueAdded;
    /** 新增原因 of an entrant: 新建投产 (no production the year before) or 升规 (below the threshold the year before). */
    String entryReason = "";
    /** For a 升规 entrant: its real growth over the year before it entered (that year's figures are 上年同期). */
    double preEntryGrowth;
    /** Cumulative gross, value added, revenue, profit (cents) at the end of each month of this year and the last. */
    long[][] cumByMonth = new long[13][4];
    long[][] lastYearCumByMonth = new long[13][4];
    /** A 升规 entrant's 上年同期 cumulatives (cents): the same months of its year below the threshold. */
    long[] preEntryCum = new long[4];


    Enterprise(Region region, int seq, String code4, Sector sector, String creditCode, String name, boolean large,
               int entryYear, int entryMonth, double vaRatio, double revenueRatio, double marginOffset, double employees) {
        this.region = region;
        this.seq = seq;
        this.key = keyOf(region, seq);
        this.code4 = code4;
        this.dl = Integer.parseInt(code4.substring(0, 2));
        this.sector = sector;
        this.creditCode = creditCode;
        this.name = name;
        this.large = large;
        this.entryYear = entryYear;
        this.entryMonth = entryMonth;
        this.vaRatio = vaRatio;
        this.revenueRatio = revenueRatio;
        this.marginOffset = marginOffset;
        this.employees = employees;
    }

    static long keyOf(Region region, int seq) {
        return Long.parseLong(region.code()) * 10_000_000L + seq;
    }

    /** In the register of the year: entered by then and not left before it. */
    boolean inRegister(int year) {
        return entryYear <= year && (exitYear == 0 || exitYear >= year);
    }

    boolean isEntrant(int year) {
        return entryYear == year && entryMonth > 0;
    }

    /** Active (producing and counted) in a month of the year: everything up to its exit month. */
    boolean active(int year, int month) {
        return inRegister(year) && !(exitYear == year && month > exitMonth);
    }

    /** Files a cumulative report for 1—month: from its entry month on, up to its exit month, never for January alone. */
    boolean reports(int year, int month) {
        return month >= 2 && active(year, month) && !(isEntrant(year) && month < entryMonth);
    }

    void resetYear() {
        long[][] swap = lastYearCumByMonth;
        lastYearCumByMonth = cumByMonth;
        cumByMonth = swap;
        for (long[] m : cumByMonth) {
            java.util.Arrays.fill(m, 0);
        }
        java.util.Arrays.fill(preEntryCum, 0);
        cumGross = 0;
        cumValueAdded = 0;
        cumRevenue = 0;
        cumProfit = 0;
        headcountSum = 0;
        deflatedValueAdded = 0;
    }
}
