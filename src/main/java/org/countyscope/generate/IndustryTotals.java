package org.countyscope.generate;

/** What the enterprise reports add up to, kept while they stream out: the basis of the tax, targets and yearbook files. */
final class IndustryTotals {

    /** Monthly (not cumulative) value added, revenue and profit, 万元, by county × 大类 row × month. */
    final double[][][] valueAdded;
    final double[][][] revenue;
    final double[][][] profit;
    /** Enterprises reporting a month, by county × 大类 row × month: the 规上 taxpayers of the tax file's industrial cells. */
    final int[][][] reporters;
    /** Whether a county has any enterprise of a 大类 row during the run. */
    final boolean[][] present;
    /** 1—12月 value added of the enterprises reporting December, 万元, by county × year. */
    final double[][] annualValueAdded;
    /** Same-enterprise real growth: this year's value added deflated by the PPI, and last year's, by county × year. */
    final double[][] comparableNow;
    final double[][] comparableBase;
    /** 新增 enterprises by county × year. */
    final int[][] entrants;

    IndustryTotals(int regions, int rows, int months, int years) {
        valueAdded = new double[regions][rows][months];
        revenue = new double[regions][rows][months];
        profit = new double[regions][rows][months];
        reporters = new int[regions][rows][months];
        present = new boolean[regions][rows];
        annualValueAdded = new double[regions][years];
        comparableNow = new double[regions][years];
        comparableBase = new double[regions][years];
        entrants = new int[regions][years];
    }
}
