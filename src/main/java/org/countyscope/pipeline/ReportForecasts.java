package org.countyscope.pipeline;

import org.countyscope.forecast.ForecastBasis;
import org.countyscope.gold.ForecastTable;
import org.countyscope.io.TableStore;
import org.countyscope.report.ReportInput;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code gold/forecast} for a report: each region's full-year outlook and its 1—N月 path — published months
 * and the forecast months with their intervals (published months carry no interval: their bands are the value).
 */
final class ReportForecasts {
    static final String TABLE = ForecastJob.TABLE;

    private ReportForecasts() {
    }

    /** The forecast made at {@code origin}; empty when the forecast stage has not run for it. */
    static Read read(TableStore store, YearMonth origin) {
        List<ReportInput.Outlook> outlook = new ArrayList<>();
        for (ForecastJob.RegionSummary s : ForecastJob.readSummaries(store, origin)) {
            outlook.add(new ReportInput.Outlook(s.regionCode(), s.regionName(), s.regionLevel(), s.year(), s.fullYear(),
                s.lo80(), s.hi80(), s.lo95(), s.hi95(), s.target(), s.probability(), s.model(),
                ForecastBasis.of(s.model()).label()));
        }
        List<ReportInput.ForecastPoint> path = new ArrayList<>();
        for (ForecastTable.Entry e : ForecastJob.read(store, origin)) {
            if (!ForecastTable.MEASURE_CUMULATIVE.equals(e.measure()) || e.value() == null) {
                continue;
            }
            boolean actual = ForecastTable.KIND_ACTUAL.equals(e.kind());
            double v = e.value();
            path.add(new ReportInput.ForecastPoint(e.regionCode(), YearMonth.parse(e.month()), actual, v,
                actual ? v : e.lo80(), actual ? v : e.hi80(), actual ? v : e.lo95(), actual ? v : e.hi95()));
        }
        return new Read(outlook, path);
    }

    /** The outlook rows and the path points of one origin. */
    record Read(List<ReportInput.Outlook> outlook, List<ReportInput.ForecastPoint> path) {
    }
}
