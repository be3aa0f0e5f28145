package org.countyscope.forecast;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class YearWeightsTest {

    /** 2023–2024: last year's value added 10 a month (1—2月 20 at February); this year's bases 1—3月 known. */
    private static RegionHistory region(double marchBase) {
        YearMonth start = YearMonth.of(2023, 1);
        int n = 24;
        double[] bases = Series.nans(n);
        double[] levels = Series.nans(n);
        for (int i = 0; i < 12; i++) {
            levels[i] = i == 0 ? Double.NaN : i == 1 ? 20 : 10;
        }
        bases[13] = 18;
        bases[14] = marchBase;
        Series growth = new Series(start, Series.nans(n));
        return new RegionHistory("620802", "崆峒区", "county", growth, bases, levels);
    }

    @Test
    void publishedMonthsTakeTheirBasesAndTheRestLastYearsValueAddedScaled() {
        double[] w = YearWeights.of(region(12), 2024, 3);
        // Bases 9, 9, 12 = 30 against last year's 10 + 10 + 10 = 30: scale 1.
        assertArrayEquals(new double[] {9, 9, 12, 10, 10, 10, 10, 10, 10, 10, 10, 10}, w, 1e-12);
        double[] grown = YearWeights.of(region(27), 2024, 3);
        // Bases 9 + 9 + 27 = 45 against 30: months to come weigh 15 each.
        assertArrayEquals(new double[] {9, 9, 27, 15, 15, 15, 15, 15, 15, 15, 15, 15}, grown, 1e-12);
    }

    @Test
    void unknownLastYearMeansNoWeights() {
        assertNull(YearWeights.of(region(12), 2025, 0), "2024's value added at current prices is not known");
    }
}
