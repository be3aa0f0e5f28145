package org.countyscope.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How well P(full year ≥ target) is calibrated on a real series: at every origin whose 1—N月 growth is published (and
 * every December, for the year after), the year is forecast from the series cut there, and P is stated for targets set
 * at last year's full-year growth plus each offset (−1, 0, +1 points, as targets are set); the outcome is the published
 * 1—12月 growth. Both ways of stating P are recorded on the same forecasts: from the forecaster's realised errors
 * ({@link TargetProbability#fromErrors}) and from the assumed error structure ({@link TargetProbability#of}). Months
 * are weighted equally (a published series carries no value added). Nothing here simulates from a model.
 *
 * @param first   the first origin (a December forecasts the next year)
 * @param last    the last origin
 * @param offsets targets relative to last year's growth, percentage points
 */
public record TargetCalibration(YearMonth first, YearMonth last, List<Double> offsets) {

    public TargetCalibration {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last origin " + last + " is before the first " + first);
        }
        offsets = List.copyOf(offsets);
    }

    /** One stated probability and what happened. */
    public record Row(YearMonth origin, int year, int monthsRemaining, double offset, double target, double expected,
                      double realised, double assumed, boolean reached) {
    }

    /** One bin of a reliability table: the forecasts whose P fell in [from, to). */
    public record Bin(double from, double to, int count, double meanProbability, double observed) {
    }

    /** The Brier score of P, of the climatological rate (the share reached over all rows of the same offset), and its skill. */
    public record Score(int count, double brier, double climatology, double skill) {
    }

    /** Every origin × offset of the window on {@code series} forecast by {@code model}. */
    public List<Row> run(Model model, Series series) {
        Model safe = FallbackModel.orNaive(model);
        List<Row> out = new ArrayList<>();
        for (YearMonth origin = first; !origin.isAfter(last); origin = origin.plusMonths(1)) {
            int i = series.indexOf(origin);
            boolean december = origin.getMonthValue() == 12;
            if (i < 0 || i >= series.length() || !Double.isFinite(series.cumulative(i))) {
                continue; // no 1—N月 published at this origin (a January): the December before serves
            }
            int year = december ? origin.getYear() + 1 : origin.getYear();
            int published = december ? 0 : origin.getMonthValue();
            double lastYear = fullYear(series, year - 1);
            double outcome = fullYear(series, year);
            if (!Double.isFinite(lastYear) || !Double.isFinite(outcome)) {
                continue;
            }
            Outcome o = safe.explain(series.upTo(origin), 12 - published);
            Forecast[] months = o.array();
            if (!CombinedModel.allFinite(months)) {
                continue;
            }
            double cumulative = published > 0 ? series.cumulative(i) : Double.NaN;
            TargetProbability realised = TargetProbability.fromErrors(cumulative, published, months, null, lastYear,
                o.errorPaths());
            TargetProbability assumed = TargetProbability.of(cumulative, published, months, null, lastYear);
            for (double offset : offsets) {
                double target = lastYear + offset;
                out.add(new Row(origin, year, 12 - published, offset, target, realised.expected(),
                    realised.probabilityOf(target), assumed.probabilityOf(target), outcome >= target));
            }
        }
        return out;
    }

    /** The published 1—12月 growth of {@code year}, NaN when not published. */
    static double fullYear(Series s, int year) {
        int i = s.indexOf(YearMonth.of(year, 12));
        return i >= 0 && i < s.length() ? s.cumulative(i) : Double.NaN;
    }

    /** Brier score of the realised ({@code realised = true}) or assumed P over {@code rows}. */
    public static Score score(List<Row> rows, boolean realised) {
        double brier = 0;
        double climatology = 0;
        for (Row r : rows) {
            double p = realised ? r.realised() : r.assumed();
            double y = r.reached() ? 1 : 0;
            brier += (p - y) * (p - y);
            double rate = rows.stream().filter(x -> x.offset() == r.offset()).mapToDouble(x -> x.reached() ? 1 : 0)
                .average().orElse(Double.NaN);
            climatology += (rate - y) * (rate - y);
        }
        int n = rows.size();
        return new Score(n, brier / n, climatology / n, 1 - brier / climatology);
    }

    /**
     * The reliability term of the Brier score's decomposition: Σ n<sub>b</sub> (mean P<sub>b</sub> − observed<sub>b</sub>)²
     * / N over the bins; zero when every bin comes true as often as it says.
     */
    public static double reliabilityGap(List<Bin> bins) {
        double sum = 0;
        int n = 0;
        for (Bin b : bins) {
            if (b.count() > 0) {
                sum += b.count() * (b.meanProbability() - b.observed()) * (b.meanProbability() - b.observed());
                n += b.count();
            }
        }
        return n > 0 ? sum / n : Double.NaN;
    }

    /** The reliability table of the realised or assumed P in {@code bins} equal bins of [0, 1]. */
    public static List<Bin> reliability(List<Row> rows, boolean realised, int bins) {
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            double from = (double) b / bins;
            double to = (double) (b + 1) / bins;
            int count = 0;
            double sumP = 0;
            int reached = 0;
            for (Row r : rows) {
                double p = realised ? r.realised() : r.assumed();
                if (p >= from && (p < to || b == bins - 1 && p <= to)) {
                    count++;
                    sumP += p;
                    reached += r.reached() ? 1 : 0;
                }
            }
            out.add(new Bin(from, to, count, count > 0 ? sumP / count : Double.NaN,
                count > 0 ? (double) reached / count : Double.NaN));
        }
        return out;
    }
}
