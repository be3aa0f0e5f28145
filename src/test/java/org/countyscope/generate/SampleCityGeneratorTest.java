package org.countyscope.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.countyscope.reference.CreditCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on the default sample (seed 20260101, 平凉's seven counties, 260 enterprises, 2023–2025). */
class SampleCityGeneratorTest {

    @TempDir
    static Path dir;
    static Summary summary;

    @BeforeAll
    static void generate() {
        summary = SampleCityGenerator.generate(GeneratorConfig.defaults(), dir);
    }

    @Test
    void writesEveryFileAndCountsItsRows() throws IOException {
        List<String> expected = List.of("tax/tax_2023.csv", "tax/tax_2024.csv", "tax/tax_2025.csv", "budget/budget_revenue.csv",
                "industry/industrial_output_2023.csv", "industry/industrial_output_2024.csv", "industry/industrial_output_2025.csv",
                "industry/enterprise_register.csv", "industry/ppi_by_industry.csv", "investment/projects.xlsx",
                "investment/attraction_contracts.csv", "investment/attraction_funds.csv", "targets/targets.xlsx",
                "indicators/yearbook.csv", "national/nbs_iva_growth_monthly_nbs-export_gbk.csv");
        assertEquals(new HashSet<>(expected), summary.rowsByFile().keySet());
        for (String file : expected) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
            if (file.endsWith(".csv") && !file.startsWith("national/")) {
                boolean gbk = file.startsWith("tax/");
                assertEquals(summary.rows(file), SampleFiles.rows(dir.resolve(file), gbk ? TaxFile.GBK : StandardCharsets.UTF_8).size(), file);
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp") || p.toString().endsWith(".raw")), "no temporary files left");
        }
    }

    @Test
    void headersAreExactlyAsSpecified() {
        assertEquals("所属期,区划代码,县区,行业代码,行业名称,税种,入库税额（万元）,纳税户数", SampleFiles.header(dir.resolve("tax/tax_2024.csv"), TaxFile.GBK));
        assertEquals("时期,区划代码,地区,税收收入（万元）,非税收入（万元）,一般公共预算收入（万元）",
                SampleFiles.header(dir.resolve("budget/budget_revenue.csv"), StandardCharsets.UTF_8));
        assertEquals("报告期,统一社会信用代码,单位详细名称,区划代码,行业代码,工业总产值（万元）,工业增加值（万元）,营业收入（万元）,利润总额（万元）,从业人员平均人数（人）,"
                + "工业总产值上年同期（万元）,工业增加值上年同期（万元）,营业收入上年同期（万元）,利润总额上年同期（万元）",
                SampleFiles.header(dir.resolve("industry/industrial_output_2023.csv"), StandardCharsets.UTF_8));
        assertEquals("年份,统一社会信用代码,单位详细名称,区划代码,行业代码,变动情况,变动时期,新增原因",
                SampleFiles.header(dir.resolve("industry/enterprise_register.csv"), StandardCharsets.UTF_8));
        assertEquals("时期,行业代码,行业名称,出厂价格指数（上年同月=100）",
                SampleFiles.header(dir.resolve("industry/ppi_by_industry.csv"), StandardCharsets.UTF_8));
        assertEquals("项目编号,项目名称,区划代码,行业代码,产业链,签约日期,签约金额（万元）,资金来源,是否500强,是否上市公司,责任单位",
                SampleFiles.header(dir.resolve("investment/attraction_contracts.csv"), StandardCharsets.UTF_8));
        assertEquals("时期,项目编号,当月到位资金（万元）", SampleFiles.header(dir.resolve("investment/attraction_funds.csv"), StandardCharsets.UTF_8));
        assertEquals("region_code,region_name,parent_code,period,indicator,unit,value",
                SampleFiles.header(dir.resolve("indicators/yearbook.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void creditCodesAreValidAndUnique() {
        Map<String, String> nameByCode = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (String[] r : SampleFiles.rows(dir.resolve("industry/enterprise_register.csv"))) {
            assertTrue(CreditCode.isValid(r[1]), r[1] + " " + CreditCode.problem(r[1]));
            assertEquals(r[3], r[1].substring(2, 8), "region code inside the credit code");
            assertEquals("91", r[1].substring(0, 2));
            String previous = nameByCode.putIfAbsent(r[1], r[2]);
            if (previous == null) {
                assertTrue(names.add(r[2]), "name used by two enterprises: " + r[2]);
            } else {
                assertEquals(previous, r[2], "one code, one name");
            }
        }
        assertTrue(nameByCode.size() > 260);
    }

    @Test
    void cumulativeValuesNeverDecreaseAndJanuaryIsNeverReported() {
        for (int year = 2023; year <= 2025; year++) {
            Map<String, double[]> last = new HashMap<>();
            for (String[] r : SampleFiles.rows(dir.resolve("industry/industrial_output_" + year + ".csv"))) {
                assertFalse(r[0].endsWith("-01"), "January reported: " + String.join(",", r));
                assertTrue(r[0].startsWith(year + "-"));
                double gross = Double.parseDouble(r[5]);
                double va = Double.parseDouble(r[6]);
                double revenue = Double.parseDouble(r[7]);
                assertTrue(va <= gross, "value added above gross output: " + String.join(",", r));
                assertTrue(va > 0 && revenue > 0);
                assertTrue(r[9].matches("\\d+"), "employees an integer: " + r[9]);
                double[] before = last.put(r[1], new double[] {gross, va, revenue});
                if (before != null) {
                    assertTrue(gross >= before[0] && va >= before[1] && revenue >= before[2], "cumulative fell: " + String.join(",", r));
                }
            }
        }
    }

    @Test
    void lastYearColumnsAreLastYearsOwnReportsOrTheEntrantsBase() {
        Map<String, String> reasons = new HashMap<>();
        for (String[] r : SampleFiles.rows(dir.resolve("industry/enterprise_register.csv"))) {
            assertEquals(r[5].equals("新增"), !r[7].isEmpty(), "新增原因 exactly for 新增: " + String.join(",", r));
            if (r[5].equals("新增")) {
                assertTrue(Set.of("新建投产", "升规").contains(r[7]), r[7]);
                reasons.put(r[0] + "|" + r[1], r[7]);
            }
        }
        Map<String, String[]> previous = new HashMap<>();
        int checked = 0;
        int newPlants = 0;
        int crossed = 0;
        for (int year = 2023; year <= 2025; year++) {
            Map<String, String[]> thisYear = new HashMap<>();
            for (String[] r : SampleFiles.rows(dir.resolve("industry/industrial_output_" + year + ".csv"))) {
                thisYear.put(r[1] + "|" + r[0].substring(5), r);
                String[] ly = previous.get(r[1] + "|" + r[0].substring(5));
                String reason = reasons.get(year + "|" + r[1]);
                if ("新建投产".equals(reason)) {
                    assertEquals(List.of("0.00", "0.00", "0.00", "0.00"), List.of(r).subList(10, 14), "a new plant's base is zero");
                    newPlants++;
                } else if (year == 2023) {
                    assertTrue(r[11].isEmpty(), "no year before the run: " + String.join(",", r));
                } else if (ly != null) {
                    assertEquals(List.of(ly).subList(5, 9), List.of(r).subList(10, 14), "上年同期 = last year's report");
                    checked++;
                } else if ("升规".equals(reason)) {
                    double va = Double.parseDouble(r[6]);
                    double base = Double.parseDouble(r[11]);
                    assertTrue(base > 0 && base < va, "below the threshold last year, smaller: " + String.join(",", r));
                    assertTrue(base <= Double.parseDouble(r[10]), "value added within output");
                    crossed++;
                } else {
                    assertFalse(r[11].isEmpty(), "an enterprise of last year's register has its 上年同期 even before its "
                        + "first report of last year: " + String.join(",", r));
                }
            }
            previous = thisYear;
        }
        assertTrue(checked > 5000 && newPlants > 0 && crossed > 0, checked + " " + newPlants + " " + crossed);
    }

    @Test
    void registerIsConsistentWithReports() {
        Map<String, String[]> register = new HashMap<>();
        Map<String, Integer> perYear = new TreeMap<>();
        for (String[] r : SampleFiles.rows(dir.resolve("industry/enterprise_register.csv"))) {
            assertTrue(Set.of("年初在库", "新增", "退库").contains(r[5]), r[5]);
            assertEquals(r[5].equals("年初在库"), r[6].isEmpty(), "change period only for 新增 and 退库");
            assertTrue(register.put(r[0] + "|" + r[1], r) == null, "enterprise twice in one year's register");
            perYear.merge(r[0] + r[5], 1, Integer::sum);
        }
        for (int year = 2023; year <= 2025; year++) {
            Map<String, Integer> firstMonth = new HashMap<>();
            Map<String, Integer> lastMonth = new HashMap<>();
            for (String[] r : SampleFiles.rows(dir.resolve("industry/industrial_output_" + year + ".csv"))) {
                String[] entry = register.get(year + "|" + r[1]);
                assertTrue(entry != null, "reports without being in the register: " + r[1] + " " + r[0]);
                assertEquals(entry[2], r[2]);
                assertEquals(entry[3], r[3]);
                assertEquals(entry[4], r[4]);
                int month = Integer.parseInt(r[0].substring(5));
                firstMonth.merge(r[1], month, Math::min);
                lastMonth.merge(r[1], month, Math::max);
            }
            for (Map.Entry<String, String[]> e : register.entrySet()) {
                String[] r = e.getValue();
                if (!r[0].equals(String.valueOf(year))) {
                    continue;
                }
                Integer first = firstMonth.get(r[1]);
                Integer last = lastMonth.get(r[1]);
                int changeMonth = r[6].isEmpty() ? 0 : Integer.parseInt(r[6].substring(5));
                switch (r[5]) {
                    case "年初在库" -> assertEquals(List.of(2, 12), List.of(first, last), "年初在库 reports the whole year: " + r[1]);
                    case "新增" -> assertEquals(List.of(Math.max(2, changeMonth), 12), List.of(first, last), "新增 from its month: " + r[1]);
                    default -> assertEquals(List.of(2, changeMonth), List.of(first, last), "退库 until its month: " + r[1]);
                }
            }
        }
        // About 5–10% enter and 3–5% leave each year.
        for (int year = 2023; year <= 2025; year++) {
            int base = perYear.getOrDefault(year + "年初在库", 0) + perYear.getOrDefault(year + "退库", 0);
            double entered = perYear.getOrDefault(year + "新增", 0) / (double) base;
            double left = perYear.getOrDefault(year + "退库", 0) / (double) base;
            assertTrue(entered >= 0.03 && entered <= 0.12, year + " entered " + entered);
            assertTrue(left >= 0.01 && left <= 0.07, year + " left " + left);
        }
    }

    @Test
    void cityValueAddedHasThePublishedMagnitudeAndCoalPowerShare() {
        for (int year = 2023; year <= 2025; year++) {
            double total = 0;
            double coalPower = 0;
            for (String[] r : SampleFiles.rows(dir.resolve("industry/industrial_output_" + year + ".csv"))) {
                if (r[0].endsWith("-12")) {
                    double va = Double.parseDouble(r[6]);
                    total += va;
                    if (r[4].startsWith("06") || r[4].startsWith("44")) {
                        coalPower += va;
                    }
                }
            }
            double yi = total / 1e4;
            assertTrue(yi >= 80 && yi <= 150, year + " 规上工业增加值 " + yi + " 亿元");
            double share = coalPower / total;
            assertTrue(share >= 0.70 && share <= 0.85, year + " coal+power share " + share);
        }
    }

    @Test
    void budgetTotalIsTaxPlusNonTaxAndCumulative() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("budget/budget_revenue.csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3), "UTF-8 BOM");
        Map<String, BigDecimal> previous = new HashMap<>();
        Set<String> regions = new HashSet<>();
        BigDecimal december2024 = BigDecimal.ZERO;
        for (String[] r : SampleFiles.rows(dir.resolve("budget/budget_revenue.csv"))) {
            BigDecimal tax = new BigDecimal(r[3]);
            BigDecimal nonTax = new BigDecimal(r[4]);
            assertEquals(0, tax.add(nonTax).compareTo(new BigDecimal(r[5])), String.join(",", r));
            regions.add(r[1] + r[2]);
            BigDecimal before = previous.put(r[1], new BigDecimal(r[5]));
            if (before != null && !r[0].endsWith("-01")) {
                assertTrue(new BigDecimal(r[5]).compareTo(before) >= 0, "cumulative fell: " + String.join(",", r));
            }
            if (r[0].equals("2024-12")) {
                december2024 = december2024.add(new BigDecimal(r[5]));
            }
        }
        assertTrue(regions.contains("620800市本级"));
        assertEquals(8, regions.size());
        double yi = december2024.doubleValue() / 1e4;
        assertTrue(yi >= 25 && yi <= 36, "一般公共预算收入 " + yi + " 亿元");
    }

    @Test
    void taxFileIsGbkWithCrlfAndPlausibleRows() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("tax/tax_2024.csv"));
        assertThrows(CharacterCodingException.class, () -> StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)), "not valid UTF-8");
        String text = TaxFile.GBK.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        assertTrue(text.startsWith("所属期,"), "GBK decodes, no BOM");
        assertEquals(text.split("\n", -1).length - 1, text.split("\r\n", -1).length - 1, "every line ends with CRLF");
        int negative = 0;
        for (int year = 2023; year <= 2025; year++) {
            for (String[] r : SampleFiles.rows(dir.resolve("tax/tax_" + year + ".csv"), TaxFile.GBK)) {
                int dl = Integer.parseInt(r[3]);
                double amount = Double.parseDouble(r[6]);
                if (amount < 0) {
                    negative++;
                    assertEquals("增值税", r[5], "only 增值税 goes negative");
                }
                if (r[5].equals("资源税")) {
                    assertTrue(dl >= 6 && dl <= 10, "资源税 only in mining: " + dl);
                }
                if (r[5].equals("土地增值税") || r[5].equals("契税")) {
                    assertEquals(70, dl);
                }
                if (r[5].equals("环境保护税")) {
                    assertTrue(Set.of(6, 44, 30).contains(dl));
                }
            }
        }
        assertTrue(negative >= 1 && negative <= 12, "a few 留抵退税 rows, got " + negative);
    }

    @Test
    void ppiCoversEveryIndustrialDivisionMonthly() {
        Set<String> industries = new HashSet<>();
        for (int year = 2023; year <= 2025; year++) {
            for (String[] r : SampleFiles.rows(dir.resolve("industry/industrial_output_" + year + ".csv"))) {
                industries.add(r[4].substring(0, 2));
            }
        }
        Map<String, Integer> months = new TreeMap<>();
        for (String[] r : SampleFiles.rows(dir.resolve("industry/ppi_by_industry.csv"))) {
            assertTrue(r[3].matches("\\d{2,3}\\.\\d"), "one decimal: " + r[3]);
            double index = Double.parseDouble(r[3]);
            assertTrue(index > 80 && index < 120, r[3]);
            months.merge(r[1], 1, Integer::sum);
        }
        assertTrue(months.keySet().containsAll(industries), "PPI for every 大类 reported");
        months.values().forEach(n -> assertEquals(36, n));
    }

    @Test
    void projectsWorkbookHasMergedTitleDatesAndAFewTextNumbers() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("investment/projects.xlsx"));
             Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("项目月报");
            assertEquals("平凉市固定资产投资项目月报（2023年1月—2025年12月）", sheet.getRow(0).getCell(0).getStringCellValue());
            assertTrue(sheet.getMergedRegions().contains(new CellRangeAddress(0, 0, 0, 20)), "title merged over all 21 columns");
            assertEquals("报告期", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("本年税收（万元）", sheet.getRow(1).getCell(18).getStringCellValue());
            assertEquals("计划达产日期", sheet.getRow(1).getCell(19).getStringCellValue());
            assertEquals("实际达产日期", sheet.getRow(1).getCell(20).getStringCellValue());
            int textNumbers = 0;
            Set<String> reached = new HashSet<>();
            Set<String> projects = new HashSet<>();
            for (int i = 2; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                projects.add(row.getCell(1).getStringCellValue());
                assertTrue(row.getCell(1).getStringCellValue().matches("\\d{4}-\\d{6}-\\d{2}-0[123]-\\d{6}"));
                Cell planned = row.getCell(6);
                if (planned.getCellType() == CellType.STRING) {
                    textNumbers++;
                    assertTrue(planned.getStringCellValue().contains(","), planned.getStringCellValue());
                } else {
                    assertTrue(planned.getNumericCellValue() >= 500);
                }
                Cell sign = row.getCell(10);
                assertEquals(CellType.NUMERIC, sign.getCellType());
                assertTrue(DateUtil.isCellDateFormatted(sign), "签约日期 is a date cell");
                Cell started = row.getCell(12);
                String status = row.getCell(15).getStringCellValue();
                assertEquals(status.equals("签约"), started == null || started.getCellType() == CellType.BLANK, "实际开工日期 only once started");
                assertTrue(row.getCell(7).getNumericCellValue() <= row.getCell(8).getNumericCellValue() + 1e-6, "本年 ≤ 自开工累计");
                boolean industrial = row.getCell(5).getStringCellValue().equals("工业");
                assertEquals(industrial, blank(row.getCell(19)) == false, "计划达产日期 for industrial projects only");
                boolean atCapacity = row.getCell(16).getStringCellValue().equals("是");
                assertEquals(atCapacity, !blank(row.getCell(20)), "实际达产日期 once 达产达效 = 是");
                if (atCapacity) {
                    reached.add(row.getCell(1).getStringCellValue());
                }
            }
            assertTrue(reached.size() >= 20, "industrial projects reach capacity while still on the report: " + reached.size());
            assertEquals(5, textNumbers);
            assertTrue(projects.size() >= 150 && projects.size() <= 260, "projects: " + projects.size());
        }
    }

    private static boolean blank(Cell c) {
        return c == null || c.getCellType() == CellType.BLANK;
    }

    @Test
    void targetsWorkbookHasTheTwoRowHeaderAndAnIdleDepartment() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("targets/targets.xlsx"));
             Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet("目标任务");
            assertEquals("平凉市强科技强工业行动和招商引资目标任务", sheet.getRow(0).getCell(0).getStringCellValue());
            List<CellRangeAddress> merged = sheet.getMergedRegions();
            assertTrue(merged.contains(new CellRangeAddress(0, 0, 0, 6)));
            for (int c = 0; c < 5; c++) {
                assertTrue(merged.contains(new CellRangeAddress(1, 2, c, c)), "column " + c + " merged over both header rows");
            }
            assertTrue(merged.contains(new CellRangeAddress(1, 1, 5, 6)), "目标 over two columns");
            assertEquals("目标", sheet.getRow(1).getCell(5).getStringCellValue());
            assertEquals("计量单位", sheet.getRow(2).getCell(5).getStringCellValue());
            assertEquals("目标值", sheet.getRow(2).getCell(6).getStringCellValue());
            Map<String, Double> targets = new HashMap<>();
            for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                String key = (int) row.getCell(0).getNumericCellValue() + "|" + row.getCell(2).getStringCellValue() + "|"
                        + row.getCell(4).getStringCellValue();
                targets.put(key, row.getCell(6).getNumericCellValue());
            }
            assertTrue(targets.containsKey("2025|620800|规上工业增加值增速"));
            assertTrue(targets.get("2023|D04|招商引资到位资金") > 0, "市科技局 has a positive target in 2023");
            assertEquals(7 * 8 * 3 + 6 * 3 * 3 + 3 * 3, targets.size());
        }
        for (String[] r : SampleFiles.rows(dir.resolve("investment/attraction_contracts.csv"))) {
            if (r[10].equals("市科技局")) {
                assertNotEquals("2023", r[5].substring(0, 4), "市科技局 signs nothing in 2023 (未破零)");
                assertTrue(r[5].compareTo("2023") > 0);
            }
        }
    }

    @Test
    void contractsAndFundsHavePlausibleSizes() {
        Map<String, Double> signed = new HashMap<>();
        List<String[]> contracts = SampleFiles.rows(dir.resolve("investment/attraction_contracts.csv"));
        assertTrue(contracts.size() >= 100 && contracts.size() <= 160, "contracts: " + contracts.size());
        for (String[] r : contracts) {
            double amount = Double.parseDouble(r[6]);
            assertTrue(amount >= 1000 && amount <= 500_000, r[6]);
            assertTrue(Theme.CHAINS.contains(r[4]), r[4]);
            assertTrue(r[3].matches("\\d{2}"), "行业代码 is a 2-digit 大类: " + r[3]);
            signed.put(r[0], amount);
        }
        Map<String, Double> arrived = new HashMap<>();
        for (String[] r : SampleFiles.rows(dir.resolve("investment/attraction_funds.csv"))) {
            assertTrue(signed.containsKey(r[1]), r[1]);
            arrived.merge(r[1], Double.parseDouble(r[2]), Double::sum);
        }
        arrived.forEach((code, sum) -> assertTrue(sum <= 0.9 * signed.get(code) + 0.01, code + " got more than 90%"));
    }

    @Test
    void yearbookAgreesWithTheOtherFiles() {
        Map<String, Double> values = new HashMap<>();
        for (String[] r : SampleFiles.rows(dir.resolve("indicators/yearbook.csv"))) {
            values.put(r[0] + "|" + r[3] + "|" + r[4], Double.parseDouble(r[6]));
            if (r[0].equals("620000")) {
                assertEquals("", r[2]);
            } else if (r[0].equals("620800")) {
                assertEquals("620000", r[2]);
            } else {
                assertEquals("620800", r[2]);
            }
        }
        assertEquals(50.43, values.get("620802|2020|常住人口"), 1e-9, "census population of 崆峒区");
        double va = 0;
        for (String[] r : SampleFiles.rows(dir.resolve("industry/industrial_output_2024.csv"))) {
            if (r[0].equals("2024-12")) {
                va += Double.parseDouble(r[6]);
            }
        }
        assertEquals(va / 1e4, values.get("620800|2024|规模以上工业增加值"), 0.05);
        double budget = 0;
        for (String[] r : SampleFiles.rows(dir.resolve("budget/budget_revenue.csv"))) {
            if (r[0].equals("2025-12")) {
                budget += Double.parseDouble(r[5]);
            }
        }
        assertEquals(budget / 1e4, values.get("620800|2025|一般公共预算收入"), 0.05);
        assertTrue(values.containsKey("620881|2020|地区生产总值"));
    }

    @Test
    void nationalExportIsAByteCopy() throws IOException {
        Path reference = Path.of(System.getProperty(SampleCityGenerator.REFERENCE_DIR_PROPERTY, "data/reference"));
        assertArrayEquals(Files.readAllBytes(reference.resolve(ReferenceData.NBS_EXPORT)),
                Files.readAllBytes(dir.resolve("national/nbs_iva_growth_monthly_nbs-export_gbk.csv")));
    }

    @Test
    void taxIntensityOfCoalIsPlausible() {
        double coalTax = 0;
        for (String[] r : SampleFiles.rows(dir.resolve("tax/tax_2024.csv"), TaxFile.GBK)) {
            if (r[3].equals("06")) {
                coalTax += Double.parseDouble(r[6]);
            }
        }
        double coalVa = 0;
        for (String[] r : SampleFiles.rows(dir.resolve("industry/industrial_output_2024.csv"))) {
            if (r[0].equals("2024-12") && r[4].startsWith("06")) {
                coalVa += Double.parseDouble(r[6]);
            }
        }
        double perHundred = coalTax / coalVa * 100;
        assertTrue(perHundred >= 10 && perHundred <= 22, "coal tax per 百元 value added: " + perHundred);
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> out = new ArrayList<>();
            walk.filter(Files::isRegularFile).sorted().forEach(p -> out.add(root.relativize(p)));
            return out;
        }
    }
}
