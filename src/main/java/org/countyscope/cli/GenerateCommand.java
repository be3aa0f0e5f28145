package org.countyscope.cli;

import org.countyscope.generate.GeneratorConfig;
import org.countyscope.generate.PlantedErrors;
import org.countyscope.generate.SampleCityGenerator;
import org.countyscope.generate.Summary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code countyscope generate}: write a deterministic synthetic city (or province) in the bureau's file layouts. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write seeded synthetic source files: the sample city, or province-sized data for benchmarks.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--seed", defaultValue = "20260101", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--counties", defaultValue = "7",
        description = "County-level units; up to 7 are 平凉市's own, more are real GB/T 2260 counties (default: ${DEFAULT-VALUE}).")
    int counties;

    @Option(names = "--enterprises", defaultValue = "260", description = "规上 enterprises at the start (default: ${DEFAULT-VALUE}).")
    int enterprises;

    @Option(names = "--months", defaultValue = "36", description = "Months of data (default: ${DEFAULT-VALUE}).")
    int months;

    @Option(names = "--start-year", defaultValue = "2023", description = "First year (default: ${DEFAULT-VALUE}).")
    int startYear;

    @Option(names = "--plant-errors",
        description = "Plant a few realistic errors in the last month (see data/README.md) for the review to find.")
    boolean plantErrors;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        Summary s = SampleCityGenerator.generate(new GeneratorConfig(seed, counties, enterprises, months, startYear), out);
        for (Map.Entry<String, Long> e : s.rowsByFile().entrySet()) {
            System.out.printf("%-55s %,12d rows%n", e.getKey(), e.getValue());
        }
        if (plantErrors) {
            for (PlantedErrors.Planted p : PlantedErrors.plant(out, seed)) {
                System.out.printf("planted %-20s %s %s %s: %s%n", p.kind(), p.period(), p.regionCode(), p.entity(),
                    p.detail());
            }
        }
        System.out.printf("%,d rows in %s (%.1f s)%n", s.totalRows(), out, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
