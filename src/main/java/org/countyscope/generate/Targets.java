package org.countyscope.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 目标任务: yearly targets per county, department and city, set a little below what the data reaches so most units
 * finish ahead — except two deliberately behind and one department with nothing at all in the first year (未破零).
 */
final class Targets {

    static final String FILE = "targets/targets.xlsx";
    static final String SHEET = "目标任务";

    static final String VA_GROWTH = "规上工业增加值增速";
    static final String NEW_ENTERPRISES = "新增规上企业数";
    static final String INDUSTRIAL_INVESTMENT_GROWTH = "工业投资增速";
    static final String INVESTMENT_GROWTH = "固定资产投资增速";
    static final String FUNDS = "招商引资到位资金";
    static final String OUTSIDE_FUNDS = "省外到位资金";
    static final String BUDGET = "一般公共预算收入";
    static final String CONTRACTS = "签约项目数";

    /** One target row. */
    record Target(int year, String unitType, String unitCode, String unitName, String indicator, String unit, double value) {
    }

    /** What the data reach, per county or department and year; NaN when the data cannot say (growth in the first year). */
    record Actuals(double[][] vaGrowth, int[][] entrants, double[][] industrialInvestmentGrowth, double[][] investmentGrowth,
                   Map<String, double[]> funds, Map<String, double[]> outsideFunds, double[][] budget,
                   Map<String, double[]> contractCounts, Map<String, double[]> departmentFunds,
                   Map<String, double[]> departmentOutsideFunds, Map<String, double[]> departmentContracts,
                   double[][] cityVaGrowth, double[][] cityIndustrialInvestmentGrowth, double[][] cityInvestmentGrowth) {
    }

    private Targets() {
    }

    static List<Target> plan(List<Region> regions, List<String> cities, Map<String, String> cityNames, Actuals a, Timeline timeline,
                             boolean singleCity, long seed) {
        List<Target> out = new ArrayList<>();
        SplittableRandom pickBehind = Seeds.random(seed, "targets-behind");
        int lastYear = timeline.lastYear() - timeline.startYear();
        int behindGrowth = pickBehind.nextInt(regions.size());
        int behindFunds = regions.size() > 1 ? (behindGrowth + 1 + pickBehind.nextInt(regions.size() - 1)) % regions.size() : behindGrowth;
        for (int y = 0; y < timeline.years(); y++) {
            int year = timeline.startYear() + y;
            double annualise = 12.0 / timeline.monthsIn(year);
            for (int c = 0; c < cities.size(); c++) {
                String code = cities.get(c);
                SplittableRandom random = Seeds.random(seed, "targets", Long.parseLong(code), year);
                String name = cityNames.get(code);
                out.add(new Target(year, "全市", code, name, VA_GROWTH, "%", growth(random, a.cityVaGrowth()[c][y], false)));
                out.add(new Target(year, "全市", code, name, INDUSTRIAL_INVESTMENT_GROWTH, "%",
                        growth(random, a.cityIndustrialInvestmentGrowth()[c][y], false)));
                out.add(new Target(year, "全市", code, name, INVESTMENT_GROWTH, "%", growth(random, a.cityInvestmentGrowth()[c][y], false)));
            }
            for (Region r : regions) {
                int i = r.index();
                SplittableRandom random = Seeds.random(seed, "targets", Long.parseLong(r.code()), year);
                boolean growthBehind = y == lastYear && i == behindGrowth;
                boolean fundsBehind = y == lastYear && i == behindFunds;
                String code = r.code();
                out.add(new Target(year, "县区", code, r.name(), VA_GROWTH, "%", growth(random, a.vaGrowth()[i][y], growthBehind)));
                out.add(new Target(year, "县区", code, r.name(), NEW_ENTERPRISES, "个", count(random, a.entrants()[i][y] * annualise, false)));
                out.add(new Target(year, "县区", code, r.name(), INDUSTRIAL_INVESTMENT_GROWTH, "%",
                        growth(random, a.industrialInvestmentGrowth()[i][y], false)));
                out.add(new Target(year, "县区", code, r.name(), INVESTMENT_GROWTH, "%", growth(random, a.investmentGrowth()[i][y], false)));
                double funds = money(random, value(a.funds(), code, y) * annualise, fundsBehind);
                out.add(new Target(year, "县区", code, r.name(), FUNDS, "万元", funds));
                out.add(new Target(year, "县区", code, r.name(), OUTSIDE_FUNDS, "万元",
                        outside(random, value(a.outsideFunds(), code, y) * annualise, fundsBehind, funds)));
                out.add(new Target(year, "县区", code, r.name(), BUDGET, "万元", money(random, a.budget()[i][y] * annualise, false)));
                out.add(new Target(year, "县区", code, r.name(), CONTRACTS, "个", count(random, value(a.contractCounts(), code, y) * annualise, false)));
            }
            for (String city : cities) {
                for (int d = 0; d < Units.DEPARTMENT_CODES.size(); d++) {
                    String code = Units.departmentCode(d, city, singleCity);
                    String name = Units.departmentName(d, cityNames.get(city), singleCity);
                    SplittableRandom random = Seeds.random(seed, "targets-department", Long.parseLong(city), d * 10_000L + year);
                    double funds = money(random, value(a.departmentFunds(), code, y) * annualise, false);
                    out.add(new Target(year, "部门", code, name, FUNDS, "万元", funds));
                    out.add(new Target(year, "部门", code, name, CONTRACTS, "个", count(random, value(a.departmentContracts(), code, y) * annualise, false)));
                    out.add(new Target(year, "部门", code, name, OUTSIDE_FUNDS, "万元",
                            outside(random, value(a.departmentOutsideFunds(), code, y) * annualise, false, funds)));
                }
            }
        }
        return out;
    }

    private static double value(Map<String, double[]> map, String code, int y) {
        double[] values = map.get(code);
        return values == null ? 0 : values[y];
    }

    /**
     * A growth target in half points: a little under what was reached; 10–15% when far more was reached (nobody plans a
     * boom); at least 3%, so a unit that shrank is behind; above what was reached when the unit is to fall behind.
     */
    private static double growth(SplittableRandom random, double actual, boolean behind) {
        double draw = random.nextDouble();
        double target;
        if (Double.isNaN(actual)) {
            target = 8 + 7 * draw;
        } else if (behind) {
            target = actual + 1.5 + 1.5 * draw;
        } else if (actual > 15) {
            target = 10 + 5 * draw;
        } else {
            target = actual - 1.2 * draw;
        }
        // Rounded down to the half point, so rounding never lifts a target above what was reached.
        return Math.max(3.0, Math.floor(target * 2) / 2.0);
    }

    private static double count(SplittableRandom random, double actual, boolean behind) {
        double draw = random.nextDouble();
        if (behind) {
            return Math.round(actual) + 2 + Math.round(2 * draw);
        }
        return Math.max(1, Math.round(actual * (0.8 + 0.2 * draw)));
    }

    /**
     * A money target rounded to 100 (1,000 above 10万): 85–100% of what arrived, 112–130% when behind, a token sum
     * when nothing did.
     */
    private static double money(SplittableRandom random, double actual, boolean behind) {
        double draw = random.nextDouble();
        double target;
        if (actual <= 0) {
            target = 5000 + 15000 * draw;
        } else if (behind) {
            target = actual * (1.12 + 0.18 * draw);
        } else {
            target = actual * (0.85 + 0.15 * draw);
        }
        double step = target >= 100_000 ? 1000 : 100;
        return Math.max(step, Math.round(target / step) * step);
    }

    /** 省外到位资金 target: like {@link #money}, never above the unit's total funds target. */
    private static double outside(SplittableRandom random, double actual, boolean behind, double fundsTarget) {
        double target = actual <= 0 ? Math.round(fundsTarget * 0.5 / 100) * 100.0 : money(random, actual, behind);
        return Math.min(target, fundsTarget);
    }

    static void write(OutputDir out, List<Target> targets, String place, LocalDateTime stamp) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(SHEET);
            CellStyle titleStyle = wb.createCellStyle();
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            titleStyle.setFont(titleFont);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            titleStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle headerStyle = wb.createCellStyle();
            Font headerFont = wb.createFont();
            headerFont.setBold(true);
            headerStyle.setFont(headerFont);
            headerStyle.setAlignment(HorizontalAlignment.CENTER);
            headerStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle decimalStyle = wb.createCellStyle();
            decimalStyle.setDataFormat(wb.createDataFormat().getFormat("0.0"));
            CellStyle moneyStyle = wb.createCellStyle();
            moneyStyle.setDataFormat(wb.createDataFormat().getFormat("#,##0"));

            Row title = sheet.createRow(0);
            title.setHeightInPoints(24);
            Cell titleCell = title.createCell(0);
            titleCell.setCellValue(place + "强科技强工业行动和招商引资目标任务");
            titleCell.setCellStyle(titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
            Row headerA = sheet.createRow(1);
            Row headerB = sheet.createRow(2);
            String[] first = {"年度", "考核对象类型", "单位代码", "单位名称", "指标", "目标"};
            for (int c = 0; c < first.length; c++) {
                Cell cell = headerA.createCell(c);
                cell.setCellValue(first[c]);
                cell.setCellStyle(headerStyle);
            }
            headerA.createCell(6).setCellStyle(headerStyle);
            for (int c = 0; c < 5; c++) {
                headerB.createCell(c).setCellStyle(headerStyle);
                sheet.addMergedRegion(new CellRangeAddress(1, 2, c, c));
            }
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 5, 6));
            Cell unitHeader = headerB.createCell(5);
            unitHeader.setCellValue("计量单位");
            unitHeader.setCellStyle(headerStyle);
            Cell valueHeader = headerB.createCell(6);
            valueHeader.setCellValue("目标值");
            valueHeader.setCellStyle(headerStyle);
            int[] widths = {8, 14, 12, 16, 22, 10, 14};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            sheet.createFreezePane(0, 3);

            int rowIndex = 3;
            for (Target t : targets) {
                Row row = sheet.createRow(rowIndex++);
                row.createCell(0).setCellValue(t.year());
                row.createCell(1).setCellValue(t.unitType());
                row.createCell(2).setCellValue(t.unitCode());
                row.createCell(3).setCellValue(t.unitName());
                row.createCell(4).setCellValue(t.indicator());
                row.createCell(5).setCellValue(t.unit());
                Cell value = row.createCell(6);
                value.setCellValue(t.value());
                if (t.unit().equals("%")) {
                    value.setCellStyle(decimalStyle);
                } else if (t.unit().equals("万元")) {
                    value.setCellStyle(moneyStyle);
                }
            }
            Xlsx.save(out, FILE, wb, stamp, targets.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
