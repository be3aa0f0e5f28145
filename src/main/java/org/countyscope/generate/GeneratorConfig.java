package org.countyscope.generate;

/** Settings of one sample-city run: the seed and the size of the city, its register and its time span. */
public record GeneratorConfig(long seed, int counties, int enterprises, int months, int startYear) {

    public static final long DEFAULT_SEED = 20260101L;
    public static final int DEFAULT_COUNTIES = 7;
    public static final int DEFAULT_ENTERPRISES = 260;
    public static final int DEFAULT_MONTHS = 36;
    public static final int DEFAULT_START_YEAR = 2023;

    public GeneratorConfig {
        if (counties < 1) {
            throw new IllegalArgumentException("counties must be at least 1, got " + counties);
        }
        if (enterprises < counties) {
            throw new IllegalArgumentException("enterprises must be at least the number of counties (" + counties + "), got " + enterprises);
        }
        if (months < 1 || months > 600) {
            throw new IllegalArgumentException("months must be between 1 and 600, got " + months);
        }
        if (startYear < 2000 || startYear > 2100) {
            throw new IllegalArgumentException("startYear must be between 2000 and 2100, got " + startYear);
        }
    }

    /** The configuration behind data/sample. */
    public static GeneratorConfig defaults() {
        return new GeneratorConfig(DEFAULT_SEED, DEFAULT_COUNTIES, DEFAULT_ENTERPRISES, DEFAULT_MONTHS, DEFAULT_START_YEAR);
    }
}
