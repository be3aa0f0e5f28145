package org.countyscope.forecast;

/**
 * How one model did at one horizon of a backtest: errors, error relative to the naive forecast of the same targets,
 * and the share of published values inside the 80% and 95% intervals.
 */
public record HorizonSummary(String model, int horizon, int count, double mae, double relativeMae, double smape,
                             double coverage80, double coverage95) {
}
