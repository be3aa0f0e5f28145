package org.countyscope.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A random city of enterprises with six months of output, from which every figure (cell or total) is computed with
 * its true contributor count and largest contribution, as the bureau would from 一套表 returns.
 */
final class Microdata {

    static final String[] INDUSTRIES = {"采矿业", "农副食品加工业", "食品制造业", "纺织业", "化学原料和化学制品制造业",
        "医药制造业", "非金属矿物制品业", "黑色金属冶炼和压延加工业", "有色金属冶炼和压延加工业", "通用设备制造业",
        "电气机械和器材制造业", "电力、热力生产和供应业"};

    /** One enterprise: where it is, what it makes, and its output in January … June (万元). */
    record Enterprise(String county, String industry, double[] months) {

        double sum(int fromMonth, int toMonth) {
            double s = 0;
            for (int m = fromMonth; m <= toMonth; m++) {
                s += months[m - 1];
            }
            return s;
        }
    }

    final List<String> counties = new ArrayList<>();
    final List<String> industries = new ArrayList<>();
    final List<Enterprise> enterprises = new ArrayList<>();

    /**
     * A city of {@code countyCount} counties and {@code industryCount} industries. About one county × industry in
     * ten has no enterprise, one in five only one or two; one enterprise in fifteen is a giant that dominates its
     * cell, one in six opened during the half year.
     */
    Microdata(Random random, int countyCount, int industryCount) {
        for (int c = 1; c <= countyCount; c++) {
            counties.add(String.format("第%02d县", c));
        }
        industries.addAll(List.of(INDUSTRIES).subList(0, industryCount));
        for (String county : counties) {
            for (String industry : industries) {
                double u = random.nextDouble();
                int n = u < 0.1 ? 0 : u < 0.3 ? 1 + random.nextInt(2) : 3 + random.nextInt(25);
                for (int e = 0; e < n; e++) {
                    double size = Math.exp(2 + 1.2 * random.nextGaussian()) * (random.nextDouble() < 1.0 / 15 ? 40 : 1);
                    int opened = random.nextDouble() < 1.0 / 6 ? 1 + random.nextInt(6) : 1;
                    double[] months = new double[6];
                    for (int m = opened; m <= 6; m++) {
                        months[m - 1] = Math.round(size * (0.8 + 0.4 * random.nextDouble()) * 100) / 100.0;
                    }
                    enterprises.add(new Enterprise(county, industry, months));
                }
            }
        }
    }

    /** The figure over the enterprises {@code in}: those with a positive value contribute. */
    Cell figure(String row, String column, Predicate<Enterprise> in, ToDoubleFunction<Enterprise> value) {
        double sum = 0;
        double largest = 0;
        int contributors = 0;
        for (Enterprise e : enterprises) {
            double v = in.test(e) ? value.applyAsDouble(e) : 0;
            if (v > 0) {
                sum += v;
                largest = Math.max(largest, v);
                contributors++;
            }
        }
        return contributors == 0 ? Cell.empty(row, column) : Cell.of(row, column, sum, contributors, largest);
    }

    /** County × industry, January–June, every marginal published. */
    Table countyByIndustry() {
        List<Cell> cells = new ArrayList<>();
        List<Cell> rowTotals = new ArrayList<>();
        List<Cell> columnTotals = new ArrayList<>();
        ToDoubleFunction<Enterprise> h1 = e -> e.sum(1, 6);
        for (String county : counties) {
            for (String industry : industries) {
                cells.add(figure(county, industry, e -> e.county().equals(county) && e.industry().equals(industry),
                    h1));
            }
            rowTotals.add(figure(county, Table.TOTAL, e -> e.county().equals(county), h1));
        }
        for (String industry : industries) {
            columnTotals.add(figure("全市", industry, e -> e.industry().equals(industry), h1));
        }
        return new Table("分县分行业 1—6月", cells, rowTotals, columnTotals,
            Optional.of(figure("全市", Table.TOTAL, e -> true, h1)), false);
    }

    /** County × month for April–June; its row totals are the counties' 二季度 figures. */
    Table monthly() {
        String[] labels = {"4月", "5月", "6月"};
        List<Cell> cells = new ArrayList<>();
        List<Cell> columnTotals = new ArrayList<>();
        for (String county : counties) {
            for (int m = 4; m <= 6; m++) {
                int month = m;
                cells.add(figure(county, labels[m - 4], e -> e.county().equals(county), e -> e.months()[month - 1]));
            }
        }
        for (int m = 4; m <= 6; m++) {
            int month = m;
            columnTotals.add(figure("全市", labels[m - 4], e -> true, e -> e.months()[month - 1]));
        }
        return new Table("分县分月 4—6月", cells, quarterColumn(4, 6, "二季度"), columnTotals,
            Optional.of(figure("全市", "二季度", e -> true, e -> e.sum(4, 6))), false);
    }

    /** County × quarter for the half year; its 二季度 cells are the monthly table's row totals. */
    Table quarterly() {
        List<Cell> cells = new ArrayList<>();
        List<Cell> q1 = quarterColumn(1, 3, "一季度");
        List<Cell> q2 = quarterColumn(4, 6, "二季度");
        List<Cell> rowTotals = new ArrayList<>();
        for (int c = 0; c < counties.size(); c++) {
            String county = counties.get(c);
            cells.add(q1.get(c));
            cells.add(q2.get(c));
            rowTotals.add(figure(county, "上半年", e -> e.county().equals(county), e -> e.sum(1, 6)));
        }
        List<Cell> columnTotals = List.of(figure("全市", "一季度", e -> true, e -> e.sum(1, 3)),
            figure("全市", "二季度", e -> true, e -> e.sum(4, 6)));
        return new Table("分县分季 上半年", cells, rowTotals, columnTotals,
            Optional.of(figure("全市", "上半年", e -> true, e -> e.sum(1, 6))), false);
    }

    private List<Cell> quarterColumn(int from, int to, String label) {
        List<Cell> column = new ArrayList<>();
        for (String county : counties) {
            column.add(figure(county, label, e -> e.county().equals(county), e -> e.sum(from, to)));
        }
        return column;
    }
}
