package org.countyscope.forecast;

import org.countyscope.io.source.SeriesFiles;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Random;

/** Series for the forecast tests: the shipped national series, and simulated ones with known structure. */
final class SeriesFixtures {

    private SeriesFixtures() {
    }

    static Path reference(String file) {
        return Path.of(System.getProperty("countyscope.referenceDir", "data/reference")).resolve(file);
    }

    /** National 规上工业增加值 growth 1998–2019, with the cumulative 1—N月 column. */
    static Series national() {
        return SeriesFiles.read(reference("nbs_iva_growth_monthly_1998-2019.csv"));
    }

    /**
     * Year-on-year growth as the NBS publishes it since 2013: a slowly moving level, noise, a Spring Festival effect of
     * {@code festival} points per unit of {@link SpringFestival#growthRegressor}; January and February only as the
     * cumulative 1—2月 figure.
     */
    static Series growth(YearMonth start, int months, double festival, long seed) {
        Random random = new Random(seed);
        double[] values = new double[months];
        double[] cumulative = Series.nans(months);
        double level = 6 + random.nextGaussian();
        for (int i = 0; i < months; i++) {
            level += 0.15 * random.nextGaussian();
            values[i] = level + 0.5 * random.nextGaussian() + festival * SpringFestival.growthRegressor(start.plusMonths(i));
        }
        for (int i = 0; i < months; i++) {
            if (start.plusMonths(i).getMonthValue() == 2) {
                cumulative[i] = i > 0 ? (values[i - 1] + values[i]) / 2 : values[i];
            }
        }
        // Only then are the single months withheld: the cumulative above needs January's value.
        for (int i = 0; i < months; i++) {
            if (start.plusMonths(i).getMonthValue() <= 2) {
                values[i] = Double.NaN;
            }
        }
        return new Series(start, values, cumulative);
    }
}
