package org.countyscope.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What a learner trained across many growth series sees of one forecast: the target month {@code t = o + h} from the
 * origin {@code o}, the last month whose growth is known. The label is the change {@code z[t] − z[o]}, so a learner
 * that knows nothing predicts the last value (naive) and trees, which cannot extrapolate, never have to.
 *
 * <p>Features, all from months up to {@code o} except the calendar of {@code t}: the horizon; the target's calendar
 * month; the Spring Festival (the change in the share of 春运 that falls in {@code t}, and whether the festival falls in
 * it); lags as changes ({@code z[o] − z[o−1]}, {@code z[o] − z[o−3]}, {@code z[o]} against the
 * mean of the last twelve months); the base effect (last year's growth in the target month against {@code z[o]}, and
 * how much last year's growth moved from {@code o−12} to {@code t−12}); the change a constant two-year average growth
 * would imply ({@code (1+z[o])(1+z[o−12])/(1+z[t−12]) − 1 − z[o]}); and, when given, the PPI (出厂价格指数, previous
 * year = 100) at {@code o} and its change over three months. January and February are one period
 * ({@link JanuaryFebruary}). Plain arrays, no Spark: the Spark side only trains and evaluates the trees.
 */
public final class GrowthFeatures {

    /** Horizons a learner is trained for: every month to a December a year ahead. */
    public static final int MAX_HORIZON = 12;
    /** Feature names without and with the PPI, in vector order. */
    public static final List<String> NAMES = List.of("horizon", "month", "festival_shift", "festival_month",
        "change_1", "change_3", "vs_year_mean", "base_vs_level", "base_change", "two_year_implied");
    public static final List<String> NAMES_WITH_PPI = concat(NAMES, List.of("ppi", "ppi_change_3"));

    private GrowthFeatures() {
    }

    /** One training example: the change to predict and its features. */
    public record Example(double label, double[] features) {
    }

    /**
     * The features of target {@code origin + h} of the filled series {@code z} (January and February already one
     * period) starting at {@code start}, or null when a month they need is missing.
     *
     * @param ppi the PPI by month (index, previous year = 100), or null to leave it out
     */
    public static double[] of(double[] z, YearMonth start, int origin, int h, Series ppi) {
        if (h < 1 || h > MAX_HORIZON || origin < 24 || origin >= z.length) {
            return null;
        }
        int t = origin + h;
        double level = z[origin];
        double lag1 = z[origin - 1];
        double lag3 = z[origin - 3];
        double base = z[t - 12];
        double baseOrigin = z[origin - 12];
        double yearMean = mean(z, origin - 11, origin);
        double scale = scale(z, origin);
        if (!finite(level, lag1, lag3, base, baseOrigin, yearMean, scale) || base <= -100) {
            return null;
        }
        YearMonth target = start.plusMonths(t);
        double twoYear = 100 * ((1 + level / 100) * (1 + baseOrigin / 100) / (1 + base / 100) - 1) - level;
        double[] f = new double[ppi == null ? NAMES.size() : NAMES_WITH_PPI.size()];
        f[0] = h;
        f[1] = target.getMonthValue();
        f[2] = SpringFestival.growthRegressor(target);
        f[3] = SpringFestival.date(target.getYear()).getMonthValue() == target.getMonthValue() ? 1 : 0;
        f[4] = (level - lag1) / scale;
        f[5] = (level - lag3) / scale;
        f[6] = (level - yearMean) / scale;
        f[7] = (base - level) / scale;
        f[8] = (base - baseOrigin) / scale;
        f[9] = twoYear / scale;
        if (ppi != null) {
            YearMonth o = start.plusMonths(origin);
            double now = ppi.valueOf(o);
            double before = ppi.valueOf(o.minusMonths(3));
            if (!finite(now, before)) {
                return null;
            }
            f[10] = now - 100;
            f[11] = now - before;
        }
        return f;
    }

    /**
     * The series' recent volatility at {@code origin}: the root mean square of its month-to-month changes over the
     * last two years (at least 0.1 point). Changes are measured in it, so a calm county and a volatile one, or a calm
     * decade and a volatile one, look alike to the learner.
     */
    public static double scale(double[] z, int origin) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(1, origin - 23); i <= origin; i++) {
            double d = z[i] - z[i - 1];
            if (Double.isFinite(d)) {
                sum += d * d;
                n++;
            }
        }
        return n >= 12 ? Math.max(0.1, Math.sqrt(sum / n)) : Double.NaN;
    }

    /**
     * Every example the series holds: each origin with a known growth and each horizon up to {@code maxHorizon} whose
     * target is known, all within the series as given (cut it first to train on the past only).
     */
    public static List<Example> examples(Series series, Series ppi, int maxHorizon) {
        double[] z = JanuaryFebruary.filled(series);
        List<Example> out = new ArrayList<>();
        for (int o = 12; o < z.length - 1; o++) {
            if (!Double.isFinite(z[o])) {
                continue;
            }
            for (int h = 1; h <= maxHorizon && o + h < z.length; h++) {
                if (!Double.isFinite(z[o + h])) {
                    continue;
                }
                double[] f = of(z, series.start(), o, h, ppi);
                if (f != null) {
                    out.add(new Example((z[o + h] - z[o]) / scale(z, o), f));
                }
            }
        }
        return out;
    }

    private static double mean(double[] z, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, from); i <= to; i++) {
            if (Double.isFinite(z[i])) {
                sum += z[i];
                n++;
            }
        }
        // Half a year known is enough for a mean; less says too little.
        return n >= 6 ? sum / n : Double.NaN;
    }

    private static boolean finite(double... x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
