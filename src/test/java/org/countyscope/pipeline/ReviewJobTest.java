package org.countyscope.pipeline;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.generate.GeneratorConfig;
import org.countyscope.generate.PlantedErrors;
import org.countyscope.generate.SampleCityGenerator;
import org.countyscope.io.TableStore;
import org.countyscope.review.Flag;
import org.countyscope.review.ReviewResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 数据审核 on the sample city (with its planted errors), as {@code run} leaves it: each planted error is in
 * flags.csv naming its enterprise, contract or county and month; the list stays short; the quality page shows it;
 * a returned workbook closes its verified flags for the next review.
 */
class ReviewJobTest {
    static final Map<String, String> RULE_OF = Map.of(PlantedErrors.TENFOLD, "ent_month_band",
        PlantedErrors.MISSING, "ent_missing", PlantedErrors.VA_RATE, "ent_va_rate", PlantedErrors.TAX_CELL,
        "tax_cell_band", PlantedErrors.FUNDS, "funds_above_signed");

    @TempDir
    Path tmp;

    /** The documented command's errors, replayed on a fresh copy: data/sample must be exactly that. */
    private List<PlantedErrors.Planted> planted() throws IOException {
        Path fresh = tmp.resolve("fresh");
        SampleCityGenerator.generate(GeneratorConfig.defaults(), fresh);
        List<PlantedErrors.Planted> planted = PlantedErrors.plant(fresh, GeneratorConfig.defaults().seed());
        for (PlantedErrors.Planted p : planted) {
            assertTrue(Arrays.equals(Files.readAllBytes(fresh.resolve(p.file())),
                    Files.readAllBytes(TestSpark.sampleDir().resolve(p.file()))),
                p.file() + " in data/sample is the generator's with the planted errors (regenerate it as data/README.md says)");
        }
        return planted;
    }

    @Test
    void everyPlantedErrorIsFlaggedByNameAndMonthAndFewOthersAre() throws IOException {
        ReviewJob.Result r = SampleWarehouse.result().review();
        List<Flag> open = r.review().open();
        String csv = Files.readString(r.flagsCsv(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF数据集,区划代码,地区,对象代码,对象名称,时期,规则"), "BOM and Chinese headings");
        int attributed = 0;
        for (PlantedErrors.Planted p : planted()) {
            if (p.kind().equals(PlantedErrors.YEARBOOK_UNIT)) {
                String rejected = Files.readString(r.page().getParent().resolve("rejected_rows.csv"));
                assertTrue(rejected.contains("yearbook.csv") && rejected.contains("亿"),
                    "the yearbook cell typed with its unit is quarantined: " + rejected);
                continue;
            }
            String rule = RULE_OF.get(p.kind());
            List<Flag> hits = open.stream().filter(f -> f.rule().equals(rule) && f.entityId().equals(p.entity())
                && f.regionCode().equals(p.regionCode()) && f.period().equals(p.period())).toList();
            assertEquals(1, hits.size(), p + " flagged by " + rule + " among " + open);
            assertTrue(csv.contains(p.entity()) && csv.contains(hits.get(0).sentence()), "in flags.csv: " + p);
            attributed++;
        }
        long others = open.stream().filter(f -> RULE_OF.values().stream().noneMatch(f.rule()::equals)).count();
        assertTrue(open.size() <= 80, "a clerk's list, not hundreds: " + open.size());
        assertTrue(open.size() - attributed <= 15, "the planted errors add few other flags: " + open);
        assertTrue(others <= 12, "flags of rules no error was planted for: " + others);
        String page = Files.readString(r.page(), StandardCharsets.UTF_8);
        assertTrue(page.contains("待核实 " + open.size() + " 条"), "the quality page counts the open flags");
        assertTrue(page.contains("funds_above_signed"), "and lists them by rule");
    }

    @Test
    void aReturnedWorkbookClosesItsVerifiedFlagsForTheNextReview() throws IOException {
        Path warehouse = SampleWarehouse.copy(tmp.resolve("wh"));
        TableStore store = new TableStore(TestSpark.session(), warehouse.toString());
        Path out = tmp.resolve("out");
        ReviewJob job = new ReviewJob(store);
        ReviewJob.Result first = job.run("2025-12", out);
        Flag funds = first.review().open().stream().filter(f -> f.rule().equals("funds_above_signed")).findFirst()
            .orElseThrow();
        Path returned = tmp.resolve("returned.xlsx");
        try (InputStream in = Files.newInputStream(first.workbook()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheet(funds.regionName());
            Row head = sheet.getRow(0);
            int key = -1;
            int status = -1;
            int note = -1;
            for (int c = 0; c < head.getLastCellNum(); c++) {
                switch (head.getCell(c).getStringCellValue()) {
                    case "审核编号" -> key = c;
                    case "核实情况" -> status = c;
                    case "核实说明" -> note = c;
                    default -> { }
                }
            }
            boolean marked = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                if (sheet.getRow(i).getCell(key).getStringCellValue().equals(funds.key())) {
                    sheet.getRow(i).createCell(status).setCellValue("已核实");
                    sheet.getRow(i).createCell(note).setCellValue("企业追加投资，已签补充协议");
                    marked = true;
                }
            }
            assertTrue(marked, "the flag is on its county's sheet");
            try (OutputStream o = Files.newOutputStream(returned)) {
                wb.write(o);
            }
        }
        assertEquals(1, job.accept(returned).size(), "one row marked 已核实");
        ReviewJob.Result next = job.run("2025-12", out);
        ReviewResult.Reviewed closed = next.review().flags().stream().filter(x -> x.flag().key().equals(funds.key()))
            .findFirst().orElseThrow();
        assertEquals(ReviewResult.VERIFIED, closed.status());
        assertEquals("企业追加投资，已签补充协议", closed.explanation());
        assertEquals(first.open() - 1, next.open(), "only that flag closed");
        assertFalse(Files.readString(next.flagsCsv()).contains(funds.key()), "not in the clerk's list again");
        assertTrue(Files.readString(next.page()).contains("企业追加投资"), "the quality page shows what was verified");
        assertEquals(1L, store.read(org.countyscope.io.Layer.GOLD, "review_closures").count(), "kept with its history");
    }
}
