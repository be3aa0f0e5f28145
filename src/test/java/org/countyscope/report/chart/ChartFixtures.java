package org.countyscope.report.chart;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Fixed records of 平凉市 and its seven counties for the chart tests. */
final class ChartFixtures {
    static final List<String> COUNTIES = List.of("崆峒区", "泾川县", "灵台县", "崇信县", "华亭市", "庄浪县", "静宁县");
    static final String LONG_NAME = "平凉工业园区管理委员会（崆峒区代管）";

    private ChartFixtures() {
    }

    static List<CategoryValue> shares() {
        return values(31.2, 12.4, 8.1, 9.6, 21.7, 7.3, 9.7);
    }

    static List<CategoryValue> growth() {
        return values(6.8, 5.2, -2.4, 3.1, 9.5, -0.6, 4.4);
    }

    static List<RankPoint> ranks() {
        int[][] byMonth = {
            {1, 2, 6, 5, 3, 7, 4}, {1, 3, 7, 5, 2, 6, 4}, {2, 3, 7, 4, 1, 6, 5}, {2, 4, 6, 3, 1, 7, 5},
            {2, 3, 6, 4, 1, 7, 5}, {2, 3, 7, 4, 1, 6, 5},
        };
        List<RankPoint> out = new ArrayList<>();
        for (int m = 0; m < byMonth.length; m++) {
            for (int c = 0; c < COUNTIES.size(); c++) {
                out.add(new RankPoint(COUNTIES.get(c), YearMonth.of(2025, m + 2), byMonth[m][c]));
            }
        }
        return out;
    }

    static List<MonthValue> actualGrowth() {
        double[] v = {7.9, 6.5, 5.8, 6.2, 5.4};
        List<MonthValue> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            out.add(new MonthValue(YearMonth.of(2025, i + 2), v[i]));
        }
        return out;
    }

    static List<FanPoint> fan() {
        List<FanPoint> out = new ArrayList<>();
        double point = 5.5;
        for (int m = 7; m <= 12; m++) {
            double sd = 0.55 * Math.sqrt(m - 6);
            out.add(new FanPoint(YearMonth.of(2025, m), point, point - 1.28 * sd, point + 1.28 * sd,
                point - 1.96 * sd, point + 1.96 * sd));
            point += 0.08;
        }
        return out;
    }

    static List<SeriesValue> taxByType() {
        String[] types = {"增值税", "企业所得税", "个人所得税", "资源税", "城市维护建设税", "房产税", "城镇土地使用税",
            "土地增值税", "印花税", "契税", "耕地占用税", "环境保护税"};
        List<SeriesValue> out = new ArrayList<>();
        for (int c = 0; c < COUNTIES.size(); c++) {
            for (int t = 0; t < types.length; t++) {
                double v = (12 - t) * (c == 4 ? 2900 : 900 + 170 * c) / 10.0;
                if (c == 2 && t == 0) {
                    v = -850; // 留抵退税 larger than the month's VAT
                }
                out.add(new SeriesValue(COUNTIES.get(c), types[t], v));
            }
        }
        out.add(new SeriesValue("崇信县", "车船税", null));
        return out;
    }

    static List<SeriesValue> taxByIndustry() {
        Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put("煤炭开采和洗选业", new double[] {900, 200, 300, 2100, 6100, 150, 120});
        rows.put("电力、热力生产和供应业", new double[] {1200, 500, 800, 900, 1500, 400, 300});
        rows.put("农副食品加工业", new double[] {700, 900, 400, 200, 300, 800, 1300});
        rows.put("非金属矿物制品业", new double[] {600, 300, 250, 300, 400, 200, 350});
        rows.put("批发和零售业", new double[] {2600, 700, 500, 400, 900, 600, 900});
        rows.put("房地产业", new double[] {3100, 600, 300, 300, 700, 500, 800});
        List<SeriesValue> out = new ArrayList<>();
        rows.forEach((industry, v) -> {
            for (int c = 0; c < COUNTIES.size(); c++) {
                out.add(new SeriesValue(COUNTIES.get(c), industry, v[c]));
            }
        });
        return out;
    }

    static List<FiscalShares> fiscal() {
        double[][] v = {{28.4, 18.9}, {22.1, 12.5}, {35.6, 21.4}, {61.3, 44.0}, {72.8, 55.1}, {15.2, 8.7},
            {18.9, 10.2}};
        List<FiscalShares> out = new ArrayList<>();
        for (int c = 0; c < COUNTIES.size(); c++) {
            out.add(new FiscalShares(COUNTIES.get(c), v[c][0], v[c][1]));
        }
        return out;
    }

    static List<TargetBullet> progress() {
        double[] completion = {52.3, 61.0, 38.7, 47.5, 66.2, 29.4, 50.1};
        List<TargetBullet> out = new ArrayList<>();
        for (int c = 0; c < COUNTIES.size(); c++) {
            out.add(new TargetBullet(COUNTIES.get(c), completion[c], 50.0));
        }
        out.add(new TargetBullet("市工业和信息化局", 104.5, 50.0));
        return out;
    }

    static List<CategoryValue> fundsBySource() {
        return List.of(new CategoryValue("省外", 38.6), new CategoryValue("省内市外", 14.2),
            new CategoryValue("市内", 6.1), new CategoryValue("境外", 0.8));
    }

    static List<CategoryValue> fundsByChain() {
        return List.of(new CategoryValue("煤电化冶材产业链", 21.4), new CategoryValue("新能源产业链", 17.9),
            new CategoryValue("肉牛产业链", 9.3), new CategoryValue("苹果产业链", 6.2),
            new CategoryValue("文化旅游产业链", 4.1), new CategoryValue("现代物流产业链", 0.8));
    }

    static List<ProjectRates> projectRates() {
        double[][] v = {{92.3, 35.0}, {85.7, 28.6}, {100.0, 40.0}, {76.9, 22.2}, {88.9, 33.3}, {70.0, 10.0},
            {81.8, 25.0}};
        List<ProjectRates> out = new ArrayList<>();
        for (int c = 0; c < COUNTIES.size(); c++) {
            out.add(new ProjectRates(COUNTIES.get(c), v[c][0], v[c][1]));
        }
        return out;
    }

    static List<ScatterPoint> scatter() {
        double[][] v = {{8.2, 6.8}, {12.5, 5.2}, {-6.3, -2.4}, {3.4, 3.1}, {15.1, 9.5}, {-1.2, -0.6}, {7.7, 4.4}};
        List<ScatterPoint> out = new ArrayList<>();
        for (int c = 0; c < COUNTIES.size(); c++) {
            out.add(new ScatterPoint(COUNTIES.get(c), v[c][0], v[c][1]));
        }
        return out;
    }

    private static List<CategoryValue> values(double... v) {
        List<CategoryValue> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            out.add(new CategoryValue(COUNTIES.get(i), v[i]));
        }
        return out;
    }

    /** A named chart of the fixtures and the size it is written at. */
    record Sample(String name, Supplier<org.jfree.chart.JFreeChart> chart, int width, int height) {
    }

    /** Every builder on the fixtures. */
    static List<Sample> all() {
        int h = ChartFiles.heightFor(COUNTIES.size());
        return List.of(
            new Sample("share", () -> Charts.shareOfCity("2025年1—6月规上工业增加值占全市比重", shares()), 900, h),
            new Sample("growth", () -> Charts.growthAgainstCity("2025年1—6月规上工业增加值增速", growth(), 4.9), 900, h),
            new Sample("ranks", () -> Charts.rankChanges("2025年规上工业增加值增速位次变化", ranks()), 900, 460),
            new Sample("path", () -> Charts.growthPath("平凉市规上工业增加值累计增速及预测", actualGrowth(), fan(), 6.0),
                900, 480),
            new Sample("tax_type", () -> Charts.stacked("2025年1—6月各县（市、区）税收收入构成（按税种）", taxByType(),
                "税收收入（万元）"), 900, 460),
            new Sample("tax_industry", () -> Charts.stackedShares("2025年1—6月各县（市、区）税收收入构成（按行业）",
                taxByIndustry()), 900, 460),
            new Sample("fiscal", () -> Charts.fiscalContribution("2025年1—6月工业对财政的贡献", fiscal()), 900, 520),
            new Sample("progress", () -> Charts.targetProgress("2025年招商引资到位资金目标完成进度", progress()), 900, 460),
            new Sample("funds_source", () -> Charts.attractionFunds("2025年1—6月招商引资到位资金（按来源）",
                fundsBySource(), "到位资金（亿元）"), 900, 400),
            new Sample("funds_chain", () -> Charts.attractionFunds("2025年1—6月招商引资到位资金（按产业链）",
                fundsByChain(), "到位资金（亿元）"), 900, 400),
            new Sample("projects", () -> Charts.projectRates("2025年1—6月重点项目开复工率和建成率", projectRates()), 900,
                520),
            new Sample("scatter", () -> Charts.growthScatter("2025年1—6月固定资产投资增速与规上工业增加值增速",
                scatter(), "固定资产投资增速（%）", "规上工业增加值增速（%）", 7.6, 4.9), 900, 520));
    }
}
