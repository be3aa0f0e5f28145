package org.countyscope.bench;

import org.countyscope.generate.GeneratorConfig;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;

/**
 * What one benchmark run measures.
 *
 * @param scale          the label of the data's size ("sample", "province", or "custom" when sizes were overridden)
 * @param generator      the generated data's seed and size
 * @param work           folder for the raw files (kept and re-used for the same generator config), the warehouse
 *                       (fresh each run) and the compare exports
 * @param report         the Markdown report; the stage timings go beside it as CSV
 * @param forecastSeries generated series for the forecast speed measurement (0 skips it)
 * @param duckdb         whether to compute the comparison with DuckDB too
 */
public record BenchConfig(String scale, GeneratorConfig generator, Path work, Path report, int forecastSeries,
                          boolean duckdb) {

    /** The sizes the command knows by name. */
    public enum Scale {
        /** The sample city of data/sample: 7 counties, 260 enterprises, 36 months. */
        SAMPLE(GeneratorConfig.DEFAULT_COUNTIES, GeneratorConfig.DEFAULT_ENTERPRISES, GeneratorConfig.DEFAULT_MONTHS),
        /** Province-sized: 100 counties, 300,000 enterprises, 36 months (≈ 10.6 million enterprise-months). */
        PROVINCE(100, 300_000, 36);

        private final int counties;
        private final int enterprises;
        private final int months;

        Scale(int counties, int enterprises, int months) {
            this.counties = counties;
            this.enterprises = enterprises;
            this.months = months;
        }

        public int counties() {
            return counties;
        }

        public int enterprises() {
            return enterprises;
        }

        public int months() {
            return months;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The generator config of this scale with the default seed and start year. */
        public GeneratorConfig generator() {
            return new GeneratorConfig(GeneratorConfig.DEFAULT_SEED, counties, enterprises, months,
                GeneratorConfig.DEFAULT_START_YEAR);
        }
    }

    public BenchConfig {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(report, "report");
        if (forecastSeries < 0) {
            throw new IllegalArgumentException("forecastSeries must be >= 0, got " + forecastSeries);
        }
    }

    /** The month compared: the last month of the generated data. */
    public YearMonth period() {
        return YearMonth.of(generator.startYear(), 1).plusMonths(generator.months() - 1L);
    }

    /** The CSV of stage timings, beside the report. */
    public Path csv() {
        String name = report.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return report.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".csv");
    }

    public Path raw() {
        return work.resolve("raw");
    }

    public Path warehouse() {
        return work.resolve("warehouse");
    }

    public Path out() {
        return work.resolve("out");
    }

    /** The generator config as one line: two runs with the same line generate the same files. */
    public String generatorLine() {
        GeneratorConfig g = generator;
        return "seed=" + g.seed() + " counties=" + g.counties() + " enterprises=" + g.enterprises() + " months="
            + g.months() + " start-year=" + g.startYear();
    }
}
