package org.countyscope.bench;

import org.countyscope.pipeline.IngestReport;

import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run measured, for {@link BenchReport}.
 *
 * @param config          what was run
 * @param machine         the machine, with the load average when the run started
 * @param loadAtEnd       load averages when it ended
 * @param stages          every stage in order, skipped ones included
 * @param rawRowsByFile   data rows of each generated file
 * @param rawBytes        size of the generated files
 * @param ingest          the ingest job's report
 * @param comparisonRows  rows of gold/comparison for the compared periods
 * @param warehouseBytes  size on disk of each warehouse layer (bronze, silver, quarantine, gold), in order
 * @param agreement       Spark against DuckDB, or null when DuckDB did not run
 * @param forecastSpeed   the forecast speed measurement, or null when it did not run
 */
public record BenchResult(BenchConfig config, Machine machine, double[] loadAtEnd, List<Stage> stages,
                          Map<String, Long> rawRowsByFile, long rawBytes, IngestReport ingest, long comparisonRows,
                          Map<String, Long> warehouseBytes, Agreement agreement, ForecastSpeed forecastSpeed) {

    public BenchResult {
        loadAtEnd = loadAtEnd.clone();
        stages = List.copyOf(stages);
        rawRowsByFile = Map.copyOf(rawRowsByFile);
        warehouseBytes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(warehouseBytes));
    }

    @Override
    public double[] loadAtEnd() {
        return loadAtEnd.clone();
    }

    /** The stage of that name, if it is there. */
    public java.util.Optional<Stage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public long rawRows() {
        return rawRowsByFile.values().stream().mapToLong(Long::longValue).sum();
    }

    public long warehouseTotalBytes() {
        return warehouseBytes.values().stream().mapToLong(Long::longValue).sum();
    }
}
