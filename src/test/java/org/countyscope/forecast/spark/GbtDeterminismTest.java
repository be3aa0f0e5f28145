package org.countyscope.forecast.spark;

import org.countyscope.TestSpark;
import org.countyscope.forecast.Series;
import org.countyscope.io.source.SeriesFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every forecast is a function of the series' values alone: the national series read from the NBS export (newest month
 * first), from a {@code month,value,cumulative} CSV in shuffled order, and a panel handed over in another order give
 * the very same trees and forecasts.
 */
class GbtDeterminismTest {

    private static final List<YearMonth> CUTOFFS = List.of(YearMonth.of(2012, 12), YearMonth.of(2013, 12));

    @Test
    void theExportAndAShuffledCsvGiveIdenticalForecasts(@TempDir Path dir) throws IOException {
        Path reference = Path.of(System.getProperty("countyscope.referenceDir", "data/reference"));
        Series export = SeriesFiles.read(reference.resolve("nbs_iva_growth_monthly_1998-2019_nbs-export_gbk.csv"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < export.length(); i++) {
            lines.add(export.monthAt(i) + "," + text(export.value(i)) + "," + text(export.cumulative(i)));
        }
        Collections.shuffle(lines, new Random(7));
        Path csv = dir.resolve("national.csv");
        Files.writeString(csv, "month,value,cumulative\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Series shuffled = SeriesFiles.read(csv);
        assertEquals(export, shuffled, "the same values by month, whatever the layout and order");

        GbtModel fromExport = GbtTrainer.train(TestSpark.session(), List.of(export), null, CUTOFFS,
            GbtModelTest.SMALL);
        GbtModel fromCsv = GbtTrainer.train(TestSpark.session(), List.of(shuffled), null, CUTOFFS, GbtModelTest.SMALL);
        for (YearMonth origin = YearMonth.of(2013, 3); origin.isBefore(YearMonth.of(2014, 12));
             origin = origin.plusMonths(1)) {
            assertArrayEquals(fromExport.points(export.upTo(origin), 3), fromCsv.points(shuffled.upTo(origin), 3), 0,
                "origin " + origin + ": not one bit apart");
        }
    }

    @Test
    void thePanelsOrderDoesNotMatter() {
        List<Series> panel = Panels.panel(3, YearMonth.of(2010, 1), 108, 5);
        List<Series> reversed = new ArrayList<>(panel);
        Collections.reverse(reversed);
        List<YearMonth> cutoffs = List.of(YearMonth.of(2016, 12));
        GbtModel a = GbtTrainer.train(TestSpark.session(), panel, null, cutoffs, GbtModelTest.SMALL);
        GbtModel b = GbtTrainer.train(TestSpark.session(), reversed, null, cutoffs, GbtModelTest.SMALL);
        for (Series s : panel) {
            Series history = s.upTo(YearMonth.of(2017, 5));
            assertArrayEquals(a.points(history, 7), b.points(history, 7), 0, "the same trees from either order");
        }
    }

    private static String text(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
