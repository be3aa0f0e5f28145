package org.countyscope.report.html;

import org.countyscope.report.CjkFont;
import org.countyscope.report.FiscalFigure;
import org.countyscope.report.ForecastFigure;
import org.countyscope.report.GrowthFigure;
import org.countyscope.report.Quantity;
import org.countyscope.report.Sentences;
import org.countyscope.report.ShareFigure;
import org.countyscope.report.TargetFigure;
import org.countyscope.report.model.Cell;
import org.countyscope.report.model.ChartRef;
import org.countyscope.report.model.Headline;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.ReportTable.Column;
import org.countyscope.report.model.Section;
import org.countyscope.report.model.Vintage;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fixed reports for the HTML tests, and chart images drawn for them (the chart package is not used here). */
final class ReportFixtures {
    static final String DISCLOSURE = "…表示数据涉及单个或少数调查对象，依据《统计法》不予公布。";
    static final String[] COUNTIES = {"崆峒区", "泾川县", "灵台县", "崇信县", "庄浪县", "静宁县", "华亭市"};
    static final double[] IVA = {41.26, 18.73, 9.85, 7.12, 8.64, 15.37, 24.90};
    static final double[] GROWTH = {4.6, 5.2, -3.4, 6.8, 2.1, 3.9, 7.4};
    static final double CITY_GROWTH = 4.1;

    private ReportFixtures() {
    }

    /** A small report for the golden file: one headline, two sections, one chart, one table with every cell kind. */
    static Report small() {
        ReportTable t = new ReportTable("comparison_iva", "各县（市、区）规上工业增加值",
            List.of(Column.text("地区"), Column.number("增加值（亿元）", 2), Column.number("增速（%）", 1),
                Column.number("位次", 0)),
            List.of(List.of(Cell.text("全市"), Cell.number(125.87), Cell.number(4.1), Cell.empty()),
                List.of(Cell.text("泾川县"), Cell.number(18.734), Cell.number(5.25), Cell.number(3.0)),
                List.of(Cell.text("灵台县"), Cell.number(9.85), Cell.number(-0.04), Cell.number(7.0)),
                List.of(Cell.text("华亭市"), Cell.withheldCell(), Cell.withheldCell(), Cell.withheldCell())),
            List.of(DISCLOSURE));
        Section industry = new Section("industry", "工业经济",
            List.of(Sentences.growth(GrowthFigure.county("1—6月", "泾川县", "规上工业增加值", 5.2, 4.1, 3, 7))),
            List.of(new ChartRef("growth_iva", "各县（市、区）规上工业增加值增速")), List.of(t));
        Section forecast = new Section("forecast", "预测", List.of(Sentences.forecast(
            new ForecastFigure("全市", "规上工业增加值", 6.1, 4.9, 7.3, 6.0, 0.55))), List.of(), List.of());
        return new Report("平凉市2025年1—6月县域经济运行监测", "2025-06", "half", "1—6月",
            List.of(new Headline("规上工业增加值增速", "4.1", "%", "低于年度目标1.9个百分点")),
            List.of(industry, forecast),
            new Vintage("2025-07-15 09:30", List.of(new Vintage.TableVersion("gold/comparison", 12, "2025-06 初步"))),
            List.of(DISCLOSURE, Sentences.ROUNDING_NOTE));
    }

    /** A report shaped like the real one (five topics, eight counties' rows, charts, withheld cells). */
    static Report sample() {
        List<String> industry = new ArrayList<>();
        industry.add(Sentences.growth(GrowthFigure.city("1—6月", "规上工业增加值", CITY_GROWTH)
            .withAmount(new Quantity(sum(IVA), 2, "亿元"))));
        int[] rank = ranks(GROWTH);
        for (int i = 0; i < COUNTIES.length; i++) {
            industry.add(Sentences.growth(GrowthFigure.county("1—6月", COUNTIES[i], "规上工业增加值", GROWTH[i],
                CITY_GROWTH, rank[i], 7)));
        }
        industry.add(Sentences.share(ShareFigure.county("1—6月", "崆峒区", "规上工业增加值",
            new Quantity(IVA[0], 2, "亿元"), IVA[0] / sum(IVA) * 100, 1, 7)));
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.text("全市"), Cell.number(sum(IVA)), Cell.number(100.0), Cell.number(CITY_GROWTH),
            Cell.empty(), Cell.empty()));
        int[] sizeRank = ranks(IVA);
        for (int i = 0; i < COUNTIES.length; i++) {
            boolean hide = COUNTIES[i].equals("崇信县");
            rows.add(List.of(Cell.text(COUNTIES[i]), hide ? Cell.withheldCell() : Cell.number(IVA[i]),
                hide ? Cell.withheldCell() : Cell.number(IVA[i] / sum(IVA) * 100),
                hide ? Cell.withheldCell() : Cell.number(GROWTH[i]), Cell.number(GROWTH[i] - CITY_GROWTH),
                hide ? Cell.withheldCell() : Cell.number((double) sizeRank[i])));
        }
        ReportTable iva = new ReportTable("comparison_iva", "2025年1—6月各县（市、区）规上工业增加值",
            List.of(Column.text("地区"), Column.number("增加值（亿元）", 2), Column.number("占全市比重（%）", 1),
                Column.number("同比增长（%）", 1), Column.number("比全市（百分点）", 1), Column.number("位次", 0)),
            rows, List.of(DISCLOSURE, "增速按可比价格计算，同口径企业。"));
        Section ind = new Section("industry", "工业经济运行", industry,
            List.of(new ChartRef("share_iva", "各县（市、区）规上工业增加值占全市比重"),
                new ChartRef("growth_iva", "各县（市、区）规上工业增加值增速与全市对比")), List.of(iva));

        Section fiscal = new Section("fiscal", "税收与财政", List.of(
            Sentences.fiscal(new FiscalFigure("1—6月", "全市", 48.2, 27.5, 7.9, null)),
            Sentences.fiscal(new FiscalFigure("1—6月", "华亭市", 71.3, 44.0, 12.6, null))),
            List.of(new ChartRef("tax_structure", "各县（市、区）税收结构")),
            List.of(new ReportTable("fiscal_contribution", "工业对财政的贡献",
                List.of(Column.text("地区"), Column.number("工业税收占比（%）", 1), Column.number("每百元增加值税收（元）", 1)),
                List.of(List.of(Cell.text("全市"), Cell.number(48.2), Cell.number(7.9)),
                    List.of(Cell.text("华亭市"), Cell.number(71.3), Cell.number(12.6)),
                    List.of(Cell.text("泾川县"), Cell.number(39.8), Cell.number(6.1))),
                List.of("工业税收为门类B、C、D的全口径税收。"))));

        Section targets = new Section("targets", "目标任务完成情况", List.of(
            Sentences.target(new TargetFigure("1—6月", "泾川县", "固定资产投资", 52.3, TargetFigure.elapsedPct(6), null)),
            Sentences.target(new TargetFigure("1—6月", "灵台县", "招商引资到位资金", 41.6, TargetFigure.elapsedPct(6), null)),
            Sentences.target(new TargetFigure("1—6月", "崇信县", "新增规上企业数", 0.0, TargetFigure.elapsedPct(6), null))),
            List.of(new ChartRef("target_progress", "重点指标完成年度目标进度（序时进度50.0%）")), List.of());

        Section forecast = new Section("forecast", "全年预测", List.of(Sentences.forecast(
            new ForecastFigure("全市", "规上工业增加值", 6.1, 4.9, 7.3, 6.0, 0.55))),
            List.of(new ChartRef("forecast_iva", "全市规上工业增加值累计增速及全年预测（80%、95%区间）")), List.of());

        return new Report("平凉市2025年1—6月县域经济运行监测", "2025-06", "half", "1—6月",
            List.of(new Headline("规上工业增加值", Sentences.fixed(sum(IVA), 2), "亿元", "同比增长4.1%"),
                new Headline("规上工业增加值增速", "4.1", "%", "低于年度目标1.9个百分点"),
                new Headline("全口径税收", "38.62", "亿元", "同比下降2.3%"),
                new Headline("固定资产投资增速", "…", "%", "数据不予公布")),
            List.of(ind, fiscal, targets, forecast),
            new Vintage("2025-07-15 09:30", List.of(new Vintage.TableVersion("gold/comparison", 12, "2025-06 初步"),
                new Vintage.TableVersion("gold/fiscal_contribution", 7, "2025-06 初步"),
                new Vintage.TableVersion("gold/target_progress", 5, ""))),
            List.of(DISCLOSURE, Sentences.ROUNDING_NOTE, "全口径税收含海关代征以外的全部税收收入。"));
    }

    /** Draws a PNG bar chart and a small SVG for every chart of the report into {@code dir/charts}. */
    static void writeCharts(Report report, Path dir) {
        for (Section s : report.sections()) {
            for (ChartRef c : s.charts()) {
                writeChart(dir.resolve("charts"), c.name(), c.caption());
            }
        }
    }

    static void writeChart(Path charts, String name, String title) {
        int w = 960;
        int h = 440;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0x1d2733));
        g.setFont(CjkFont.awt(Font.BOLD, 18f));
        g.drawString(title, (w - g.getFontMetrics().stringWidth(title)) / 2, 34);
        int base = h - 150;
        double perUnit = 26;
        int slot = (w - 120) / COUNTIES.length;
        g.setFont(CjkFont.awt(Font.PLAIN, 14f));
        g.setColor(new Color(0xc9d2dc));
        g.drawLine(70, base, w - 40, base);
        for (int i = 0; i < COUNTIES.length; i++) {
            int x = 80 + i * slot;
            int bh = (int) Math.round(Math.abs(GROWTH[i]) * perUnit);
            g.setColor(GROWTH[i] >= 0 ? new Color(0x1f3a5f) : new Color(0xb3261e));
            g.fillRect(x + slot / 4, GROWTH[i] >= 0 ? base - bh : base, slot / 2, bh);
            g.setColor(new Color(0x1d2733));
            g.drawString(COUNTIES[i], x + slot / 2 - g.getFontMetrics().stringWidth(COUNTIES[i]) / 2, h - 16);
            String v = Sentences.oneDecimal(GROWTH[i]);
            g.drawString(v, x + slot / 2 - g.getFontMetrics().stringWidth(v) / 2,
                GROWTH[i] >= 0 ? base - bh - 6 : base + bh + 16);
        }
        int cityY = base - (int) Math.round(CITY_GROWTH * perUnit);
        g.setColor(new Color(0xb3261e));
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        g.drawLine(70, cityY, w - 40, cityY);
        g.drawString("全市 " + Sentences.oneDecimal(CITY_GROWTH) + "%", 72, cityY - 6);
        g.dispose();
        try {
            Files.createDirectories(charts);
            ImageIO.write(img, "png", charts.resolve(name + ".png").toFile());
            Files.writeString(charts.resolve(name + ".svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w
                + "\" height=\"" + h + "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/></svg>\n",
                StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** 1 = largest, ties share a rank. */
    private static int[] ranks(double[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = 1;
            for (double x : v) {
                if (x > v[i]) {
                    r[i]++;
                }
            }
        }
        return r;
    }
}
