package org.countyscope.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlantedErrorsTest {
    @TempDir
    Path clean;
    @TempDir
    Path planted;

    private static List<String> lines(Path p, Charset cs) throws IOException {
        return Files.readAllLines(p, cs);
    }

    private static String row(List<String> lines, String period, String key) {
        return lines.stream().filter(l -> l.startsWith(period + ",") && l.contains("," + key + ",")).findFirst()
            .orElse(null);
    }

    private static BigDecimal cell(String line, int c) {
        return new BigDecimal(line.split(",", -1)[c]);
    }

    @Test
    void eachErrorIsWhereItSaysAndNothingElseMoves() throws IOException {
        GeneratorConfig cfg = GeneratorConfig.defaults();
        SampleCityGenerator.generate(cfg, clean);
        SampleCityGenerator.generate(cfg, planted);
        Map<String, PlantedErrors.Planted> by = PlantedErrors.plant(planted, cfg.seed()).stream()
            .collect(Collectors.toMap(PlantedErrors.Planted::kind, p -> p));
        assertEquals(6, by.size(), "six kinds planted");
        List<String> before = lines(clean.resolve("industry/industrial_output_2025.csv"), StandardCharsets.UTF_8);
        List<String> after = lines(planted.resolve("industry/industrial_output_2025.csv"), StandardCharsets.UTF_8);
        assertEquals(before.size() - 1, after.size(), "one report removed, no other row added or lost");

        PlantedErrors.Planted ten = by.get(PlantedErrors.TENFOLD);
        BigDecimal prev = cell(row(after, "2025-11", ten.entity()), 6);
        BigDecimal monthClean = cell(row(before, "2025-12", ten.entity()), 6).subtract(prev);
        BigDecimal monthPlanted = cell(row(after, "2025-12", ten.entity()), 6).subtract(prev);
        assertEquals(0, monthClean.multiply(BigDecimal.TEN).setScale(2).compareTo(monthPlanted),
            "value added of the month tenfold");

        assertTrue(row(before, "2025-12", by.get(PlantedErrors.MISSING).entity()) != null);
        assertEquals(null, row(after, "2025-12", by.get(PlantedErrors.MISSING).entity()), "the report is gone");

        String va = by.get(PlantedErrors.VA_RATE).entity();
        BigDecimal gross = cell(row(after, "2025-12", va), 5).subtract(cell(row(after, "2025-11", va), 5));
        BigDecimal value = cell(row(after, "2025-12", va), 6).subtract(cell(row(after, "2025-11", va), 6));
        assertEquals(0.95, value.doubleValue() / gross.doubleValue(), 1e-3, "95% value-added rate in the month");

        Charset gbk = Charset.forName("GBK");
        PlantedErrors.Planted tax = by.get(PlantedErrors.TAX_CELL);
        String[] key = tax.entity().split("\\|");
        String taxKey = "2025-12," + tax.regionCode() + ",";
        String cleanTax = lines(clean.resolve("tax/tax_2025.csv"), gbk).stream()
            .filter(l -> l.startsWith(taxKey) && l.contains("," + key[0] + ",") && l.contains("," + key[1] + ","))
            .findFirst().orElseThrow();
        String plantedTax = lines(planted.resolve("tax/tax_2025.csv"), gbk).stream()
            .filter(l -> l.startsWith(taxKey) && l.contains("," + key[0] + ",") && l.contains("," + key[1] + ","))
            .findFirst().orElseThrow();
        assertEquals(0, cell(cleanTax, 6).multiply(BigDecimal.valueOf(20)).compareTo(cell(plantedTax, 6)), "20×");
        assertTrue(Files.readString(planted.resolve("tax/tax_2025.csv"), gbk).contains("\r\n"), "still CRLF");

        String contract = by.get(PlantedErrors.FUNDS).entity();
        BigDecimal total = lines(planted.resolve("investment/attraction_funds.csv"), StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains("," + contract + ",")).map(l -> cell(l, 2)).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal signed = lines(planted.resolve("investment/attraction_contracts.csv"), StandardCharsets.UTF_8)
            .stream().filter(l -> l.startsWith(contract + ",")).map(l -> cell(l, 6)).findFirst().orElseThrow();
        assertEquals(0, signed.multiply(BigDecimal.valueOf(3)).compareTo(total.setScale(2)), "three times signed");

        assertTrue(Files.readString(planted.resolve("indicators/yearbook.csv")).contains("亿\n"), "a unit typed in");
        for (String f : List.of("budget/budget_revenue.csv", "industry/enterprise_register.csv", "tax/tax_2024.csv",
            "industry/industrial_output_2024.csv", "investment/attraction_contracts.csv")) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(clean.resolve(f)), Files.readAllBytes(planted.resolve(f))),
                f + " untouched");
        }
        assertFalse(Files.exists(planted.resolve("industry/industrial_output_2025.csv.tmp")), "no temporary left");
    }
}
