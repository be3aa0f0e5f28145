package org.countyscope.review;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandTest {
    @Test
    void medianMadAndQuantilesOfPlainArrays() {
        double[] v = {1, 2, 3, 4, 100};
        assertEquals(3.0, Band.median(v), "middle of five");
        assertEquals(1.0, Band.mad(v), "|1-3|,|2-3|,0,1,97 → median 1");
        assertEquals(2.0, Band.quantile(v, 0.25), "type-7 Q1 of 1..4,100");
        assertEquals(5.0, Band.median(new double[] {Double.NaN, 5}), "NaN ignored");
        assertTrue(Double.isNaN(Band.median(new double[0])), "nothing → NaN");
    }

    @Test
    void robustBandIgnoresTheOutlierAndKeepsItsFloor() {
        double[] history = {10, 10.2, 9.9, 10.1, 10, 55};
        Band.Range r = Band.robust(history, 5, 0.1);
        assertEquals(10.05, r.centre(), 1e-9);
        assertFalse(r.contains(55), "one wild month does not widen the band to itself");
        assertTrue(r.contains(10.4), "the floor keeps a steady history from flagging small moves");
        Band.Range flat = Band.robust(new double[] {3, 3, 3, 3}, 2, 0.5);
        assertEquals(2.0, flat.low(), "zero MAD: floor 0.5 × 2");
    }

    @Test
    void fencesAreTukeys() {
        Band.Range f = Band.fences(new double[] {1, 2, 3, 4, 5}, 1.5);
        assertEquals(-1.0, f.low(), "Q1 2 − 1.5 × 2");
        assertEquals(7.0, f.high(), "Q3 4 + 1.5 × 2");
    }
}
