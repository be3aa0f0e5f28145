package org.countyscope.forecast;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * P(full year ≥ target) measured against what happened on the national series, origins 2005–2019, targets at last
 * year's growth −1, 0, +1 points: no simulation from the model's own assumptions, so an error structure it gets wrong
 * shows.
 */
class TargetCalibrationTest {

    private static List<TargetCalibration.Row> rows;

    @BeforeAll
    static void run() {
        TargetCalibration c = new TargetCalibration(YearMonth.of(2004, 12), YearMonth.of(2019, 11), List.of(-1.0, 0.0, 1.0));
        rows = c.run(Models.standard(), SeriesFixtures.national());
        System.out.println("calibration rows " + rows.size());
        List<TargetCalibration.Row> dev = rows.stream().filter(r -> r.year() <= 2014).toList();
        List<TargetCalibration.Row> blind = rows.stream().filter(r -> r.year() > 2014).toList();
        System.out.println("2005-14 realised " + TargetCalibration.score(dev, true) + " assumed " + TargetCalibration.score(dev, false));
        System.out.println("2015-19 realised " + TargetCalibration.score(blind, true) + " assumed " + TargetCalibration.score(blind, false));
        for (boolean realised : new boolean[] {true, false}) {
            System.out.println((realised ? "realised" : "assumed") + " " + TargetCalibration.score(rows, realised));
            TargetCalibration.reliability(rows, realised, 10).forEach(System.out::println);
        }
    }

    @Test
    void everyOriginWithAPublishedCumulativeAndEveryOffset() {
        // 2005–2019: 15 years × (the December before + February … November) × 3 offsets.
        assertEquals(15 * 11 * 3, rows.size());
    }

    @Test
    void realisedErrorsBeatTheClimatologicalRate() {
        TargetCalibration.Score s = TargetCalibration.score(rows, true);
        assertTrue(s.skill() > 0.3, "Brier " + s.brier() + " against the climatological " + s.climatology());
    }

    @Test
    void theRealisedErrorsStateTheChanceBetterThanTheAssumedStructure() {
        TargetCalibration.Score realised = TargetCalibration.score(rows, true);
        TargetCalibration.Score assumed = TargetCalibration.score(rows, false);
        assertTrue(realised.brier() < assumed.brier(), "Brier " + realised.brier() + " against " + assumed.brier());
        double gapRealised = TargetCalibration.reliabilityGap(TargetCalibration.reliability(rows, true, 10));
        double gapAssumed = TargetCalibration.reliabilityGap(TargetCalibration.reliability(rows, false, 10));
        assertTrue(gapRealised < gapAssumed, "reliability term " + gapRealised + " against " + gapAssumed);
    }

    @Test
    void confidentStatementsComeTrueAsOftenAsTheySay() {
        // The middle bins are not calibrated (docs/forecast.md: 2005–14 growth fell year after year, and P of reaching
        // last year's growth stayed too high); the confident ends are.
        List<TargetCalibration.Bin> bins = TargetCalibration.reliability(rows, true, 5);
        for (TargetCalibration.Bin b : List.of(bins.get(0), bins.get(4))) {
            assertTrue(b.count() >= 100, "most statements are confident: " + b);
            assertEquals(b.meanProbability(), b.observed(), 0.1, "reliability bin " + b);
        }
    }
}
