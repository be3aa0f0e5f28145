package org.countyscope.forecast.spark;

import org.countyscope.TestSpark;
import org.countyscope.forecast.Backtest;
import org.countyscope.forecast.BacktestRow;
import org.countyscope.forecast.Forecast;
import org.countyscope.forecast.HorizonSummary;
import org.countyscope.forecast.NaiveModel;
import org.countyscope.forecast.Series;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GbtModelTest {

    /** Few, shallow trees: enough to learn the pull toward the recent mean, quick to train. */
    static final GbtTrainer.Settings SMALL = new GbtTrainer.Settings(15, 2, 0.3, 5, 50, 20_000, 42);
    private static final YearMonth START = YearMonth.of(2010, 1);
    private static final List<YearMonth> CUTOFFS = List.of(YearMonth.of(2015, 12), YearMonth.of(2016, 12),
        YearMonth.of(2017, 12), YearMonth.of(2018, 12));

    private static List<Series> panel;
    private static GbtModel model;

    @BeforeAll
    static void train() {
        panel = Panels.panel(4, START, 120, 11);
        model = GbtTrainer.train(TestSpark.session(), panel, null, CUTOFFS, SMALL);
    }

    @Test
    void anEnsemblePerCutoffAndAllHorizonsToADecember() {
        assertEquals(CUTOFFS, model.cutoffs());
        Forecast[] f = model.forecast(panel.get(0).upTo(YearMonth.of(2019, 6)), 6);
        assertEquals(6, f.length);
        for (Forecast x : f) {
            assertTrue(x.isFinite() && x.lo80() < x.point() && x.point() < x.hi80() && x.lo95() < x.lo80(),
                "a point inside nested intervals: " + x);
            assertEquals("gbt", x.model());
        }
    }

    @Test
    void itNeverSeesPastTheOrigin() {
        YearMonth origin = YearMonth.of(2017, 6);
        List<Series> poisoned = new ArrayList<>();
        for (Series s : panel) {
            poisoned.add(Panels.poisonedAfter(s, origin));
        }
        GbtModel fromPoisoned = GbtTrainer.train(TestSpark.session(), poisoned, null, CUTOFFS.subList(0, 3), SMALL);
        for (int i = 0; i < panel.size(); i++) {
            Forecast[] clean = model.forecast(panel.get(i).upTo(origin), 3);
            Forecast[] dirty = fromPoisoned.forecast(poisoned.get(i).upTo(origin), 3);
            for (int h = 0; h < 3; h++) {
                assertEquals(clean[h], dirty[h], "series " + i + " h=" + (h + 1)
                    + ": only the ensemble trained at 2016-12 and earlier ones serve 2017-06, and they saw no poison");
            }
        }
    }

    @Test
    void intervalsComeOnlyFromErrorsOutsideTheTrainingData() {
        GbtModel lastOnly = GbtTrainer.train(TestSpark.session(), panel, null, List.of(YearMonth.of(2018, 12)), SMALL);
        Series history = panel.get(1).upTo(YearMonth.of(2019, 3));
        assertEquals(3, lastOnly.points(history, 3).length, "points need only the serving ensemble");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> lastOnly.forecast(history, 3),
            "an ensemble's own training months give no honest errors, and it served only three origins");
        assertTrue(e.getMessage().contains("out-of-sample errors"), e.getMessage());
    }

    @Test
    void itBeatsNaiveWhereTheLastValueIsNoisy() {
        Backtest backtest = new Backtest(YearMonth.of(2019, 1), YearMonth.of(2019, 12), List.of(1, 2, 3));
        List<BacktestRow> gbt = new ArrayList<>();
        List<BacktestRow> naive = new ArrayList<>();
        for (Series s : panel) {
            gbt.addAll(backtest.run(model, s));
            naive.addAll(backtest.run(new NaiveModel(), s));
        }
        // Pair rows by series too: the summary pairs by target and horizon, so give each series its own year.
        double gbtError = gbt.stream().mapToDouble(r -> Math.abs(r.error())).sum();
        double naiveError = naive.stream().mapToDouble(r -> Math.abs(r.error())).sum();
        assertEquals(naive.size(), gbt.size());
        assertTrue(gbt.stream().allMatch(r -> r.model().equals("gbt")), "no fallback to naive in the backtest");
        assertTrue(gbtError < 0.9 * naiveError, "MAE relative to naive " + gbtError / naiveError);
        List<HorizonSummary> summary = Backtest.summarize("gbt", gbt, gbt);
        assertEquals(3, summary.size());
    }

    @Test
    void itTravelsToSparkTasksIntact() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        GbtModel copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (GbtModel) in.readObject();
        }
        Series history = panel.get(2).upTo(YearMonth.of(2018, 9));
        assertArrayEquals(model.points(history, 12), copy.points(history, 12), 0, "the same trees after serialization");
    }
}
