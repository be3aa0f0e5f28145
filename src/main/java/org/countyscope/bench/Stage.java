package org.countyscope.bench;

/**
 * One measured stage of a benchmark run.
 *
 * @param name          short name ("ingest", "compare", …)
 * @param wallSeconds   elapsed time
 * @param cpuSeconds    CPU time of the whole JVM over the stage (all threads, JIT and GC included)
 * @param rows          rows the stage processed, or -1 when the figure does not apply
 * @param rowsMeaning   what {@code rows} counts
 * @param peakHeapBytes largest heap occupancy seen: just before a collection, or at the end
 * @param liveHeapBytes largest heap occupancy just after a collection (the live data), 0 without collections
 * @param gcCount       garbage collections during the stage
 * @param gcSeconds     time the collectors reported for them
 * @param detail        one line on what was done (or why it was skipped)
 */
public record Stage(String name, double wallSeconds, double cpuSeconds, long rows, String rowsMeaning,
                    long peakHeapBytes, long liveHeapBytes, long gcCount, double gcSeconds, String detail) {

    /** Rows per second of wall time, NaN when rows do not apply. */
    public double rowsPerSecond() {
        return rows < 0 || wallSeconds <= 0 ? Double.NaN : rows / wallSeconds;
    }

    /** CPU seconds per wall second: how many cores the stage kept busy on average. */
    public double coresBusy() {
        return wallSeconds <= 0 ? Double.NaN : cpuSeconds / wallSeconds;
    }
}
