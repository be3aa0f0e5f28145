package org.countyscope.io.source;

import org.countyscope.forecast.Series;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesFilesTest {

    @Test
    void theNbsExportAndTheCsvGiveTheSameSeries() {
        Series csv = SeriesFiles.read(reference("nbs_iva_growth_monthly_1998-2019.csv"));
        Series nbs = SeriesFiles.read(reference("nbs_iva_growth_monthly_1998-2019_nbs-export_gbk.csv"));
        assertEquals(YearMonth.of(2019, 12), nbs.end());
        assertEquals(6.9, nbs.valueOf(YearMonth.of(2019, 12)), 0, "当月同比 is the value");
        assertEquals(5.7, nbs.cumulative(nbs.indexOf(YearMonth.of(2019, 12))), 0, "累计增长 the cumulative");
        Series common = csv.upTo(nbs.end());
        int offset = common.indexOf(nbs.start());
        for (int i = 0; i < nbs.length(); i++) {
            assertEquals(common.value(offset + i), nbs.value(i), 0, "value " + nbs.monthAt(i));
            assertEquals(common.cumulative(offset + i), nbs.cumulative(i), 0, "cumulative " + nbs.monthAt(i));
        }
        assertTrue(Double.isNaN(csv.valueOf(YearMonth.of(2019, 2))), "no single February since 2013");
        assertEquals(5.3, csv.cumulative(csv.indexOf(YearMonth.of(2019, 2))), 0, "but 1—2月 cumulative");
    }

    @Test
    void aMonthValueCsvWithGaps(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("county.csv");
        Files.writeString(file, "month,value\n2024-03,5.1\n2024-05,4.8\n2024-04,\n", StandardCharsets.UTF_8);
        Series s = SeriesFiles.read(file);
        assertEquals(YearMonth.of(2024, 3), s.start());
        assertArrayEquals(new double[] {5.1, Double.NaN, 4.8}, s.values(), 0);
        assertTrue(!s.hasCumulative());
    }

    private static Path reference(String file) {
        return Path.of(System.getProperty("countyscope.referenceDir", "data/reference")).resolve(file);
    }
}
