package org.countyscope.forecast;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One region's forecast of a year from one origin: the months published so far and the rest forecast, single month
 * and 1—N月, with the full-year figure and the chance of reaching the target. Forecast rows name the model that made
 * them; {@code note} says why a model was passed over. February stands for 1—2月 in both paths; January is never
 * published alone and has no row.
 *
 * @param origin            the month asked for
 * @param dataEnd           the last month with data at or before it: the forecast origin proper
 * @param year              the year forecast: {@code dataEnd}'s, or the next when {@code dataEnd} is a December
 * @param monthsPublished   months of {@code year} published by {@code dataEnd} (0 when it is a December)
 * @param actualMonthly     published growth of each period from January of the year before to {@code dataEnd}
 * @param actualCumulative  published 1—N月 growth over the same months
 * @param monthly           forecasts of the single periods still to come
 * @param cumulative        forecasts of 1—N月 for every N still to come; the last is the full year
 * @param target            the year's growth target, NaN when none is set
 * @param probability       the chance of reaching it, null without a target or a forecast
 * @param weights           "base" when last year's value added weights the months, "equal" when it was not known
 */
public record RegionForecast(String regionCode, String regionName, String regionLevel, YearMonth origin,
                             YearMonth dataEnd, int year, int monthsPublished, String model, String note,
                             List<Actual> actualMonthly, List<Actual> actualCumulative, List<Forecast> monthly,
                             List<Forecast> cumulative, double target, TargetProbability probability, String weights)
    implements Serializable {

    public RegionForecast {
        Objects.requireNonNull(regionCode, "regionCode");
        actualMonthly = List.copyOf(actualMonthly);
        actualCumulative = List.copyOf(actualCumulative);
        monthly = List.copyOf(monthly);
        cumulative = List.copyOf(cumulative);
    }

    /** One published figure. */
    public record Actual(YearMonth month, double value) implements Serializable {
    }

    /** What the forecast rests on: a model, or a fallback whose caveat every output prints. */
    public ForecastBasis basis() {
        return ForecastBasis.of(model);
    }

    /** The full-year growth forecast (1—12月), or null when nothing could be forecast. */
    public Forecast fullYear() {
        return cumulative.isEmpty() ? null : cumulative.get(cumulative.size() - 1);
    }
}
