package org.countyscope.report.pdf;

import org.countyscope.report.model.Cell;
import org.countyscope.report.model.ChartRef;
import org.countyscope.report.model.Headline;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.Section;
import org.countyscope.report.model.Vintage;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A fixed report: Chinese text, withheld and hostile cells, a 120-row table, two charts and awkward titles. */
public final class FixedReport {
    public static final String SENTENCE = "1—6月，泾川县规上工业增加值同比增长5.2%，高于全市1.1个百分点，居全市第3位。";
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
    public static final List<String> HOSTILE = List.of(FORMULA, "+1+2", "-3", "@SUM(A1)", SCRIPT);
    public static final int LONG_ROWS = 120;
    public static final String GENERATED_AT = "2025-07-15 09:30";
    public static final String LONG_TITLE =
        "规上工业企业分行业增加值/营业收入及利润总额[按县区]:2025年1—6月累计与同比增速（含占全市比重）";
    public static final String FOOTNOTE = "…表示数据涉及单个或少数调查对象，依据《统计法》不予公布。";

    private FixedReport() {
    }

    public static Report report() {
        List<List<Cell>> counties = new ArrayList<>();
        counties.add(row("崆峒区", 123.456, 5.234, 30.1));
        counties.add(List.of(Cell.text("泾川县"), Cell.withheldCell(), Cell.number(5.2), Cell.withheldCell()));
        counties.add(row("灵台县", 45.0, -1.25, 11.0));
        for (String h : HOSTILE) {
            counties.add(List.of(Cell.text(h), Cell.number(1.0), Cell.empty(), Cell.text("—")));
        }
        ReportTable comparison = new ReportTable("comparison_iva", "各县区规上工业增加值",
            List.of(ReportTable.Column.text("县区"), ReportTable.Column.number("增加值（亿元）", 2),
                ReportTable.Column.number("同比增长（%）", 1), ReportTable.Column.number("占全市比重（%）", 1)),
            counties, List.of(FOOTNOTE, "增速按可比价格计算。"));

        List<List<Cell>> projects = new ArrayList<>();
        for (int i = 1; i <= LONG_ROWS; i++) {
            projects.add(List.of(Cell.text(projectCode(i)), Cell.text("平凉市第" + i + "号产业园区建设项目"),
                Cell.number(1000.0 + i * 12.345), Cell.number((double) (i % 7) / 7.0 * 100.0)));
        }
        ReportTable projectTable = new ReportTable("project_progress", "重点项目投资完成情况",
            List.of(ReportTable.Column.text("项目编号"), ReportTable.Column.text("项目名称"),
                ReportTable.Column.number("本年完成投资（万元）", 1), ReportTable.Column.number("完成率（%）", 1)),
            projects, List.of("项目按入库顺序排列。"));

        ReportTable longTitle = new ReportTable("industry_detail", LONG_TITLE,
            List.of(ReportTable.Column.text("行业"), ReportTable.Column.number("增加值（亿元）", 0)),
            List.of(List.of(Cell.text("煤炭开采和洗选业"), Cell.number(12345.6))), List.of());
        ReportTable sameTitle = new ReportTable("industry_detail_2", LONG_TITLE,
            List.of(ReportTable.Column.text("行业"), ReportTable.Column.number("增加值（亿元）", 0)),
            List.of(List.of(Cell.text("电力、热力生产和供应业"), Cell.number(789.0))), List.of());

        Section industry = new Section("industry", "工业运行",
            List.of(SENTENCE, "全市规上工业增加值同比增长4.1%。企业名称中的" + SCRIPT + "原样显示。"),
            List.of(new ChartRef("share_iva", "各县区规上工业增加值占全市比重"),
                new ChartRef("growth_iva", "各县区规上工业增加值增速")),
            List.of(comparison, longTitle, sameTitle));
        Section investment = new Section("investment", "投资和招商引资",
            List.of("1—6月，全市固定资产投资同比增长6.8%，重点项目完成投资" + String.format("%.1f", 1000.0) + "万元以上。"),
            List.of(), List.of(projectTable));

        return new Report("平凉市2025年1—6月县域经济运行监测", "2025-06", "half", "1—6月",
            List.of(new Headline("规上工业增加值增速", "4.1", "%", "高于全省1.1个百分点"),
                new Headline("全口径税收", "123.4", "亿元", ""),
                new Headline("固定资产投资增速", Cell.WITHHELD_MARK, "%", "不予公布"),
                new Headline("招商引资到位资金", "45.6", "亿元", "完成年度目标52.3%")),
            List.of(industry, investment),
            // internal sources a planners' page must not print, though the record holds them
            new Vintage(GENERATED_AT, "2025年6月", "2025-06 初步", List.of(new Vintage.TableVersion("gold/comparison", 12, "2025-06 初步"),
                new Vintage.TableVersion("silver/tax", 7, "2025-06"),
                new Vintage.TableVersion("gold/project_progress", 3, null))),
            List.of(FOOTNOTE, "规上工业指年主营业务收入2000万元及以上的工业法人单位。"));
    }

    public static String projectCode(int i) {
        return String.format("XM-%04d", i);
    }

    /** Draws the report's two charts as PNG into {@code dir/charts/}. */
    public static void drawCharts(Path dir) throws IOException {
        Path charts = Files.createDirectories(dir.resolve("charts"));
        chart(charts.resolve("share_iva.png"), new double[] {30.1, 22.4, 11.0, 18.5, 9.7, 8.3}, new Color(0x1F3A5F));
        chart(charts.resolve("growth_iva.png"), new double[] {5.2, 4.1, -1.3, 6.8, 2.2, 3.9}, new Color(0x8C2D19));
    }

    private static void chart(Path file, double[] values, Color bar) throws IOException {
        BufferedImage img = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 600);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(80, 300, 1160, 300);
        g.drawLine(80, 40, 80, 560);
        g.setColor(bar);
        for (int i = 0; i < values.length; i++) {
            int h = (int) Math.round(values[i] * 8);
            int x = 120 + i * 170;
            g.fillRect(x, h >= 0 ? 300 - h : 300, 110, Math.abs(h));
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static List<Cell> row(String county, double value, double growth, double share) {
        return List.of(Cell.text(county), Cell.number(value), Cell.number(growth), Cell.number(share));
    }
}
