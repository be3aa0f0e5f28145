package org.countyscope.pipeline;

import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.report.ReportInput;

import java.time.YearMonth;
import java.util.List;

/** Reads gold/forecast for a report: the full-year outlook per region and the cumulative path to December. */
final class ReportForecasts {
    static final String TABLE = "forecast";

    private ReportForecasts() {
    }

    static ReportJobForecast read(TableStore store, YearMonth end) {
        if (!store.exists(Layer.GOLD, TABLE)) {
            return new ReportJobForecast(List.of(), List.of());
        }
        throw new UnsupportedOperationException("gold/forecast layout not wired yet");
    }

    /** The outlook rows and path points of one period end. */
    record ReportJobForecast(List<ReportInput.Outlook> outlook, List<ReportInput.ForecastPoint> path) {
    }
}
