package org.countyscope.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the 规上 register and the 一套表 enterprise reports (cumulative 1—N月, no January), streaming one period
 * at a time, and keeps the monthly totals the other files are built from.
 */
final class IndustrialOutput {

    static final String REGISTER = "industry/enterprise_register.csv";

    private IndustrialOutput() {
    }

    static String outputFile(int year) {
        return "industry/industrial_output_" + year + ".csv";
    }

    static IndustryTotals write(OutputDir out, Register register, Timeline timeline, long seed) {
        List<Region> regions = register.regions();
        PriceIndex prices = register.prices();
        IndustryTotals totals = new IndustryTotals(regions.size(), prices.codes().length, timeline.months(), timeline.years());
        try (OutputDir.CsvFile reg = out.csv(REGISTER, StandardCharsets.UTF_8, false, "\n")) {
            reg.header("年份", "统一社会信用代码", "单位详细名称", "区划代码", "行业代码", "变动情况", "变动时期", "新增原因");
            for (int year = timeline.startYear(); year <= timeline.lastYear(); year++) {
                writeRegister(reg, register, year, totals, timeline);
                writeYear(out, register, timeline, year, totals, seed);
            }
            reg.finish();
        }
        return totals;
    }

    private static void writeRegister(OutputDir.CsvFile reg, Register register, int year, IndustryTotals totals, Timeline timeline) {
        String y = String.valueOf(year);
        for (Region r : register.regions()) {
            for (Enterprise e : register.of(r)) {
                if (!e.inRegister(year)) {
                    continue;
                }
                totals.present[r.index()][e.ppiRow] = true;
                String status;
                String period;
                String reason = "";
                if (e.isEntrant(year)) {
                    status = "新增";
                    period = Timeline.period(year, e.entryMonth);
                    reason = e.entryReason;
                    totals.entrants[r.index()][year - timeline.startYear()]++;
                } else if (e.exitYear == year) {
                    status = "退库";
                    period = Timeline.period(year, e.exitMonth);
                } else {
                    status = "年初在库";
                    period = "";
                }
                reg.row(y, e.creditCode, e.name, r.code(), e.code4, status, period, reason);
            }
        }
    }

    private static void writeYear(OutputDir out, Register register, Timeline timeline, int year, IndustryTotals totals, long seed) {
        PriceIndex prices = register.prices();
        int y = year - timeline.startYear();
        int months = timeline.monthsIn(year);
        StringBuilder line = new StringBuilder(256);
        long monthBase = Seeds.base(seed, "month");
        try (OutputDir.CsvFile csv = out.csv(outputFile(year), StandardCharsets.UTF_8, false, "\n")) {
            csv.header("报告期", "统一社会信用代码", "单位详细名称", "区划代码", "行业代码", "工业总产值（万元）", "工业增加值（万元）",
                    "营业收入（万元）", "利润总额（万元）", "从业人员平均人数（人）", "工业总产值上年同期（万元）",
                    "工业增加值上年同期（万元）", "营业收入上年同期（万元）", "利润总额上年同期（万元）");
            for (Region r : register.regions()) {
                for (Enterprise e : register.of(r)) {
                    e.resetYear();
                }
            }
            for (int month = 1; month <= months; month++) {
                int t = timeline.index(year, month);
                String period = Timeline.period(year, month);
                double coalLevel = prices.coalLevel(t);
                for (Region r : register.regions()) {
                    int ri = r.index();
                    for (Enterprise e : register.of(r)) {
                        if (!e.active(year, month)) {
                            continue;
                        }
                        simulateMonth(e, year, month, t, y, prices, coalLevel, totals, ri, monthBase);
                        if (e.reports(year, month)) {
                            line.setLength(0);
                            line.append(period).append(',').append(e.creditCode).append(',').append(e.name).append(',')
                                    .append(r.code()).append(',').append(e.code4).append(',');
                            Fmt.appendCents(line, e.cumGross);
                            line.append(',');
                            Fmt.appendCents(line, e.cumValueAdded);
                            line.append(',');
                            Fmt.appendCents(line, e.cumRevenue);
                            line.append(',');
                            Fmt.appendCents(line, e.cumProfit);
                            line.append(',').append(Math.round(e.headcountSum / month));
                            appendLastYear(line, e, year, month, timeline);
                            csv.rawRow(line);
                        }
                    }
                }
            }
            if (months == 12) {
                closeYear(register, year, y, totals, timeline);
            }
            csv.finish();
        }
    }

    /**
     * The report's 上年同期 (B204-1): the same enterprise's 1—N月 a year earlier — its own figures when it was in the
     * register then, zero for a new plant (新建投产), its figures below the threshold for one that crossed it (升规).
     * Blank in the first year of the run, which the model has no year before.
     */
    private static void appendLastYear(StringBuilder line, Enterprise e, int year, int month, Timeline timeline) {
        long[] cum = lastYearCum(e, year, month, timeline);
        for (int i = 0; i < 4; i++) {
            line.append(',');
            if (cum != null) {
                Fmt.appendCents(line, cum[i]);
            }
        }
    }

    /** 上年同期 cumulatives (gross, value added, revenue, profit in cents) of 1—month, or null when unknown. */
    private static long[] lastYearCum(Enterprise e, int year, int month, Timeline timeline) {
        if (e.isEntrant(year) && Register.NEW_PLANT.equals(e.entryReason)) {
            return new long[4];
        } else if (year > timeline.startYear() && e.inRegister(year - 1)) {
            return e.lastYearCumByMonth[month];
        } else if (e.isEntrant(year) && year > timeline.startYear()) {
            return e.preEntryCum;
        }
        return null;
    }

    /** One month of one enterprise: real volume × its 大类's price level, with output, revenue and profit around it. */
    private static void simulateMonth(Enterprise e, int year, int month, int t, int y, PriceIndex prices, double coalLevel,
                                      IndustryTotals totals, int ri, long monthBase) {
        SplittableRandom random = Seeds.random(monthBase, e.key, t);
        double price = prices.level(e.ppiRow, t);
        double volume = e.baseVolume * e.levelByYear[y] * e.sector.season(month) * StrictMath.exp(0.06 * Seeds.gauss(random) - 0.0018);
        double valueAdded = volume * price;
        double gross = valueAdded / (e.vaRatio * (1 + 0.02 * Seeds.gauss(random)));
        double revenue = gross * e.revenueRatio * (1 + 0.025 * Seeds.gauss(random));
        double margin = e.sector.margin() + e.marginOffset + e.sector.priceSensitivity() * (price - 1) + 0.02 * Seeds.gauss(random);
        if (e.sector == Sector.THERMAL_POWER) {
            // Coal is the power plants' main cost: cheaper coal, fatter margins.
            margin -= 0.35 * (coalLevel - 1);
        }
        double profit = revenue * margin;
        double heads = e.employees * (1 + 0.015 * Seeds.gauss(random)) * (1 + 0.01 * y);
        long vaCents = Math.max(1, Fmt.toCents(valueAdded));
        long grossCents = Math.max(vaCents, Fmt.toCents(gross));
        long revenueCents = Math.max(1, Fmt.toCents(revenue));
        long profitCents = Fmt.toCents(profit);
        e.cumValueAdded += vaCents;
        e.cumGross += grossCents;
        e.cumRevenue += revenueCents;
        e.cumProfit += profitCents;
        e.headcountSum += heads;
        long[] now = e.cumByMonth[month];
        now[0] = e.cumGross;
        now[1] = e.cumValueAdded;
        now[2] = e.cumRevenue;
        now[3] = e.cumProfit;
        if (e.isEntrant(year) && Register.CROSSED.equals(e.entryReason)) {
            // the same month a year earlier, below the threshold: smaller in volume, at last year's prices
            double f = 1 / ((1 + e.preEntryGrowth) * (prices.index(e.ppiRow, t) / 100.0));
            e.preEntryCum[0] += Math.max(1, Math.round(grossCents * f));
            e.preEntryCum[1] += Math.max(1, Math.round(vaCents * f));
            e.preEntryCum[2] += Math.max(1, Math.round(revenueCents * f));
            e.preEntryCum[3] += Math.round(profitCents * f);
        }
        e.deflatedValueAdded += vaCents / 100.0 / (prices.index(e.ppiRow, t) / 100.0);
        totals.valueAdded[ri][e.ppiRow][t] += vaCents / 100.0;
        totals.revenue[ri][e.ppiRow][t] += revenueCents / 100.0;
        totals.profit[ri][e.ppiRow][t] += profitCents / 100.0;
        totals.reporters[ri][e.ppiRow][t]++;
    }

    /**
     * After December: annual totals of the December reporters, and their comparable growth as the product computes it
     * (this year's deflated 1—12月 against the 上年同期 of the same reports).
     */
    private static void closeYear(Register register, int year, int y, IndustryTotals totals, Timeline timeline) {
        for (Region r : register.regions()) {
            int ri = r.index();
            for (Enterprise e : register.of(r)) {
                if (!e.reports(year, 12)) {
                    continue;
                }
                double annual = e.cumValueAdded / 100.0;
                totals.annualValueAdded[ri][y] += annual;
                long[] base = lastYearCum(e, year, 12, timeline);
                if (base != null) {
                    totals.comparableNow[ri][y] += e.deflatedValueAdded;
                    totals.comparableBase[ri][y] += base[1] / 100.0;
                }
            }
        }
    }
}
