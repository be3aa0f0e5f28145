package org.countyscope.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed and config, same bytes; another seed, other data; partial years and larger regions work. */
class DeterminismTest {

    private static final GeneratorConfig SMALL = new GeneratorConfig(42, 3, 40, 14, 2024);

    @Test
    void twoRunsWriteIdenticalBytes(@TempDir Path first, @TempDir Path second) throws IOException {
        Summary a = SampleCityGenerator.generate(SMALL, first);
        Summary b = SampleCityGenerator.generate(SMALL, second);
        assertEquals(a, b);
        List<Path> files = SampleCityGeneratorTest.files(first);
        assertEquals(files, SampleCityGeneratorTest.files(second));
        assertTrue(files.contains(Path.of("investment/projects.xlsx")));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(second.resolve(f)), f.toString());
        }
    }

    @Test
    void workbooksCarryTheRunsDateNotTheClock(@TempDir Path out) throws IOException {
        SampleCityGenerator.generate(SMALL, out);
        // 14 months from January 2024 end in February 2025: files are dated 1 March 2025.
        LocalDateTime stamp = LocalDateTime.of(2025, 3, 1, 0, 0);
        for (String file : List.of("investment/projects.xlsx", "targets/targets.xlsx")) {
            try (ZipFile zip = new ZipFile(out.resolve(file).toFile())) {
                zip.stream().forEach(e -> assertEquals(stamp, e.getTimeLocal(), file + " " + e.getName()));
                String core = new String(zip.getInputStream(zip.getEntry("docProps/core.xml")).readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(core.contains("2025-03-01T00:00:00Z"), core);
            }
        }
    }

    @Test
    void anotherSeedGivesOtherData(@TempDir Path first, @TempDir Path second) throws IOException {
        SampleCityGenerator.generate(SMALL, first);
        SampleCityGenerator.generate(new GeneratorConfig(43, 3, 40, 14, 2024), second);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(first.resolve("industry/industrial_output_2024.csv")),
                Files.readAllBytes(second.resolve("industry/industrial_output_2024.csv"))));
    }

    @Test
    void partialLastYearHasItsMonthsOnly(@TempDir Path out) {
        Summary s = SampleCityGenerator.generate(SMALL, out);
        List<String[]> rows = SampleFiles.rows(out.resolve("industry/industrial_output_2025.csv"));
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r[0].equals("2025-02")), "14 months end with 1—2月 2025");
        assertTrue(SampleFiles.rows(out.resolve("budget/budget_revenue.csv")).stream().anyMatch(r -> r[0].equals("2025-01")));
        assertTrue(s.rows("tax/tax_2025.csv") > 0);
        // The yearbook stops at the last full year.
        assertTrue(SampleFiles.rows(out.resolve("indicators/yearbook.csv")).stream().noneMatch(r -> r[3].equals("2025")));
    }

    @Test
    void largerRunsTakeRealCountiesFromSeveralProvinces(@TempDir Path out) {
        SampleCityGenerator.generate(new GeneratorConfig(7, 95, 900, 13, 2023), out);
        List<String[]> budget = SampleFiles.rows(out.resolve("budget/budget_revenue.csv"));
        assertTrue(budget.stream().anyMatch(r -> r[1].startsWith("64")), "宁夏 follows 甘肃's 86 county-level units");
        assertTrue(budget.stream().anyMatch(r -> r[1].equals("620100") && r[2].equals("市本级")), "one 市本级 per city");
        assertTrue(budget.stream().anyMatch(r -> r[1].equals("640100") && r[2].equals("市本级")));
        List<String[]> yearbook = SampleFiles.rows(out.resolve("indicators/yearbook.csv"));
        assertTrue(yearbook.stream().anyMatch(r -> r[0].equals("640000") && r[2].isEmpty()));
    }

    @Test
    void readsTheClasspathCopyOfTheReferenceData(@TempDir Path first, @TempDir Path second) throws IOException {
        // The build copies data/reference onto the classpath; both sources must give the same files.
        Path dir = Path.of(System.getProperty(SampleCityGenerator.REFERENCE_DIR_PROPERTY, "data/reference"));
        Summary fromDirectory = SampleCityGenerator.generate(SMALL, first, dir);
        assertEquals(fromDirectory, SampleCityGenerator.generate(SMALL, second, ReferenceData.fromClasspath()));
        assertArrayEquals(Files.readAllBytes(first.resolve("national/nbs_iva_growth_monthly_nbs-export_gbk.csv")),
                Files.readAllBytes(second.resolve("national/nbs_iva_growth_monthly_nbs-export_gbk.csv")));
    }

    @Test
    void rejectsImpossibleConfigs() {
        assertThrows(IllegalArgumentException.class, () -> new GeneratorConfig(1, 0, 10, 12, 2023));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorConfig(1, 7, 6, 12, 2023));
        assertThrows(IllegalArgumentException.class, () -> new GeneratorConfig(1, 7, 260, 0, 2023));
        assertThrows(IllegalArgumentException.class, () -> SampleCityGenerator.generate(new GeneratorConfig(1, 5000, 5000, 12, 2023),
                Path.of("target/never-written")));
    }
}
