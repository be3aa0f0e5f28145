package org.countyscope.report.chart;

import org.countyscope.report.CjkFont;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.entity.CategoryLabelEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.countyscope.report.chart.ChartFixtures.COUNTIES;
import static org.countyscope.report.chart.ChartFixtures.LONG_NAME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {
    private static final String FAMILY = CjkFont.awt(Font.PLAIN, 12f).getFamily();

    @Test
    void everyChartHasTheAskedSizeAndIsNotBlank(@TempDir Path dir) throws Exception {
        for (ChartFixtures.Sample s : ChartFixtures.all()) {
            ChartFiles.Written w = ChartFiles.write(s.chart().get(), dir, s.name(), s.width(), s.height());
            BufferedImage png = ImageIO.read(w.png().toFile());
            assertEquals(s.width() * ChartFiles.SCALE, png.getWidth(), () -> s.name() + ": PNG width");
            assertEquals(s.height() * ChartFiles.SCALE, png.getHeight(), () -> s.name() + ": PNG height");
            Ink ink = Ink.of(png);
            assertTrue(ink.share() > 0.03, () -> s.name() + ": only " + ink.share() * 100 + "% of pixels are drawn");
            assertTrue(ink.colours() > 40, () -> s.name() + ": only " + ink.colours() + " colours, looks blank");
            Document svg = parse(Files.readString(w.svg(), StandardCharsets.UTF_8));
            assertEquals(s.width(), Double.parseDouble(svg.getDocumentElement().getAttribute("width")), 1e-9,
                () -> s.name() + ": SVG width");
            assertEquals(s.height(), Double.parseDouble(svg.getDocumentElement().getAttribute("height")), 1e-9,
                () -> s.name() + ": SVG height");
        }
    }

    @Test
    void everyTextOfEveryChartIsInTheBundledFontAndDrawable() {
        for (ChartFixtures.Sample s : ChartFixtures.all()) {
            List<ChartText.Text> texts = ChartText.of(s.chart().get());
            assertTrue(texts.stream().anyMatch(t -> t.where().equals("category") || t.where().equals("symbol tick")
                    || t.where().equals("item label")),
                () -> s.name() + ": the walker found no labels, so it checks nothing");
            for (ChartText.Text t : texts) {
                assertNotNull(t.font(), () -> s.name() + ": " + t.where() + " '" + t.text() + "' has no font");
                assertEquals(FAMILY, t.font().getFamily(),
                    () -> s.name() + ": " + t.where() + " '" + t.text() + "' is drawn in " + t.font().getFamily()
                        + ", a system font that may lack Chinese");
                int bad = CjkFont.firstUndrawable(t.text());
                assertEquals(-1, bad, () -> s.name() + ": " + t.where() + " '" + t.text() + "' has undrawable '"
                    + t.text().charAt(bad) + "'");
                int box = firstBox(t.font(), t.text());
                assertEquals(-1, box, () -> s.name() + ": " + t.where() + " '" + t.text()
                    + "' would show an empty box at " + box);
            }
        }
    }

    @Test
    void titleCharactersAreRealGlyphsNotTheMissingGlyphBox() {
        Font font = CjkFont.awt(Font.BOLD, 16f);
        for (ChartFixtures.Sample s : ChartFixtures.all()) {
            String title = s.chart().get().getTitle().getText();
            assertTrue(title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                () -> s.name() + ": the title should be Chinese: " + title);
            assertEquals(-1, firstBox(font, title), () -> s.name() + ": title '" + title + "' has a box");
        }
        // the check must tell a box from a character that merely looks like one
        assertEquals(-1, firstBox(font, "口回日"), "口, 回 and 日 are real glyphs");
        assertEquals(1, firstBox(font, "县\uE000"), "a private-use character has no glyph: it is the box");
        assertEquals(0, firstBox(font, new String(Character.toChars(0x20000))), "Extension B is not in the subset");
    }

    @Test
    void svgIsWellFormedAndDrawsTextAsOutlines(@TempDir Path dir) throws Exception {
        for (ChartFixtures.Sample s : ChartFixtures.all()) {
            ChartFiles.Written w = ChartFiles.write(s.chart().get(), dir, s.name(), s.width(), s.height());
            String xml = Files.readString(w.svg(), StandardCharsets.UTF_8);
            Document doc = parse(xml);
            assertEquals("svg", doc.getDocumentElement().getLocalName() == null
                ? doc.getDocumentElement().getNodeName() : doc.getDocumentElement().getLocalName(), s.name());
            assertEquals(0, doc.getElementsByTagNameNS("*", "text").getLength(),
                () -> s.name() + ": SVG has <text> elements, which need a CJK font on the viewer's machine");
            assertFalse(xml.contains("<text"), () -> s.name() + ": SVG contains <text");
            int strings = drawnStrings(s.chart().get(), s.width(), s.height()).size();
            int paths = doc.getElementsByTagNameNS("*", "path").getLength();
            int pathsWithTextAsText = parse(standardSvg(s.chart().get(), s.width(), s.height()))
                .getElementsByTagNameNS("*", "path").getLength();
            assertTrue(strings > 5 && paths - pathsWithTextAsText >= strings,
                () -> s.name() + ": each of the " + strings + " strings should become a path; paths " + paths
                    + " vs " + pathsWithTextAsText);
        }
    }

    @Test
    void svgGlyphsOfChineseTextAreRealOutlinesNotMissingGlyphBoxes() {
        // A missing glyph is drawn as the same box whatever the character: two charts that differ only in the Chinese
        // of their labels would then give the same SVG. Without a CJK font installed on the machine (the bundled one
        // only), they must still differ.
        String a = ChartFiles.svg(Charts.shareOfCity("崆峒区泾川县", List.of(new CategoryValue("灵台县", 10.0),
            new CategoryValue("崇信县", 20.0))), 600, 400, "a");
        String b = ChartFiles.svg(Charts.shareOfCity("庄浪县静宁县", List.of(new CategoryValue("华亭市", 10.0),
            new CategoryValue("平凉市", 20.0))), 600, 400, "a");
        assertNotEquals(a, b, "Chinese labels became identical missing-glyph boxes in the SVG");
    }

    @Test
    void theSameChartGivesTheSameBytes(@TempDir Path dir) throws Exception {
        for (ChartFixtures.Sample s : ChartFixtures.all()) {
            assertEquals(ChartFiles.svg(s.chart().get(), s.width(), s.height(), s.name()),
                ChartFiles.svg(s.chart().get(), s.width(), s.height(), s.name()), () -> s.name() + ".svg differs");
            BufferedImage a = ChartFiles.render(s.chart().get(), s.width(), s.height(), 1);
            BufferedImage b = ChartFiles.render(s.chart().get(), s.width(), s.height(), 1);
            assertArrayEquals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()), () -> s.name() + " pixels differ");
        }
        ChartFixtures.Sample path = ChartFixtures.all().get(3);
        ChartFiles.Written a = ChartFiles.write(path.chart().get(), dir.resolve("a"), "path", 900, 480);
        ChartFiles.Written b = ChartFiles.write(path.chart().get(), dir.resolve("b"), "path", 900, 480);
        assertArrayEquals(Files.readAllBytes(a.png()), Files.readAllBytes(b.png()), "path.png differs");
        assertArrayEquals(Files.readAllBytes(a.svg()), Files.readAllBytes(b.svg()), "path.svg differs");
    }

    @Test
    void labelsAreDrawnWholeAndInsideTheImage() throws Exception {
        List<CategoryValue> withLong = new ArrayList<>(ChartFixtures.shares());
        withLong.add(new CategoryValue(LONG_NAME, 3.3));
        List<Supplier<JFreeChart>> charts = new ArrayList<>();
        charts.add(() -> Charts.shareOfCity("规上工业增加值占全市比重", withLong));
        charts.add(() -> Charts.growthAgainstCity("增速", List.of(new CategoryValue(LONG_NAME, -3.0),
            new CategoryValue("崆峒区", 4.0)), 1.0));
        ChartFixtures.all().forEach(s -> charts.add(s.chart()));
        for (Supplier<JFreeChart> supplier : charts) {
            JFreeChart chart = supplier.get();
            int width = 900;
            int height = 520;
            List<String> drawn = drawnStrings(chart, width, height);
            assertTrue(drawn.stream().noneMatch(t -> t.contains("...") || t.contains("…")),
                () -> chart.getTitle().getText() + ": a label was cut short: " + drawn);
            for (ChartText.Text t : ChartText.of(chart)) {
                // axis labels are never shortened (and rotated ones are drawn as shapes even here)
                if (t.where().equals("no-data message") || t.where().equals("number ticks")
                    || t.where().equals("axis label") || t.text().isEmpty()) {
                    continue;
                }
                assertTrue(drawnWhole(drawn, t.text()),
                    () -> chart.getTitle().getText() + ": " + t.where() + " '" + t.text() + "' is not drawn whole in "
                        + drawn);
            }
            for (Rectangle2D label : categoryLabelBounds(chart, width, height)) {
                assertTrue(label.getMinX() >= 0 && label.getMaxX() <= width && label.getMinY() >= 0
                        && label.getMaxY() <= height,
                    () -> chart.getTitle().getText() + ": a category label sticks out of the image: " + label);
            }
        }
    }

    @Test
    void oneHundredTwentyCountiesGetReadableRows() throws Exception {
        List<CategoryValue> many = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(new CategoryValue(COUNTIES.get(i % COUNTIES.size()) + (i + 1) + "号片区", 0.2 + (i * 37 % 101) / 10.0));
        }
        JFreeChart chart = Charts.shareOfCity("120个单位占全市比重", many);
        int height = ChartFiles.heightFor(many.size());
        List<String> drawn = drawnStrings(chart, 900, height);
        for (CategoryValue v : many) {
            assertTrue(drawnWhole(drawn, v.category()), () -> v.category() + " is not drawn whole");
        }
        List<Rectangle2D> labels = categoryLabelBounds(chart, 900, height);
        assertEquals(120, labels.size(), "one label per category");
        labels.sort((a, b) -> Double.compare(a.getMinY(), b.getMinY()));
        for (int i = 1; i < labels.size(); i++) {
            Rectangle2D above = labels.get(i - 1);
            Rectangle2D below = labels.get(i);
            assertTrue(below.getMinY() >= above.getMaxY() - 0.5,
                () -> "category labels overlap: " + above + " and " + below);
        }
        ChartFiles.write(chart, Path.of("target", "chart-samples"), "many_categories", 900, height);
    }

    @Test
    void emptyInputGivesAChartThatSaysNoData() {
        List<Supplier<JFreeChart>> empty = List.of(
            () -> Charts.shareOfCity("空", List.of()),
            () -> Charts.shareOfCity("空", null),
            () -> Charts.growthAgainstCity("空", List.of(new CategoryValue("崆峒区", null)), 5.0),
            () -> Charts.rankChanges("空", List.of()),
            () -> Charts.growthPath("空", List.of(), List.of(), 6.0),
            () -> Charts.growthPath("空", null, null, null),
            () -> Charts.stacked("空", List.of(), "税收收入（万元）"),
            () -> Charts.stackedShares("空", List.of(new SeriesValue("崆峒区", "增值税", -5.0))),
            () -> Charts.fiscalContribution("空", List.of(new FiscalShares("崆峒区", null, null))),
            () -> Charts.targetProgress("空", List.of()),
            () -> Charts.attractionFunds("空", List.of(), "到位资金（亿元）"),
            () -> Charts.projectRates("空", null),
            () -> Charts.growthScatter("空", List.of(new ScatterPoint("崆峒区", 1.0, null)), "x（%）", "y（%）", 1.0, 2.0));
        int i = 0;
        for (Supplier<JFreeChart> s : empty) {
            JFreeChart chart = s.get();
            int n = i++;
            assertEquals("空", chart.getTitle().getText(), () -> "case " + n + " keeps its title");
            assertEquals("无数据", chart.getPlot().getNoDataMessage(), () -> "case " + n + " says 无数据");
            assertTrue(chart.getPlot() instanceof CategoryPlot cp && cp.getDataset().getColumnCount() == 0,
                () -> "case " + n + " has no data to draw");
            BufferedImage png = ChartFiles.render(chart, 400, 300, 1);
            assertTrue(Ink.of(png).share() > 0.002, () -> "case " + n + " draws its title and message");
        }
        ChartFiles.write(Charts.growthAgainstCity("2025年1—6月规上工业增加值增速", List.of(), 5.0),
            Path.of("target", "chart-samples"), "empty", 900, 400);
    }

    @Test
    void nullAndNonFiniteValuesAreLeftOut() {
        List<CategoryValue> values = new ArrayList<>(ChartFixtures.shares());
        values.set(1, new CategoryValue("泾川县", null));
        values.set(2, new CategoryValue("灵台县", Double.NaN));
        CategoryDataset d = ((CategoryPlot) Charts.shareOfCity("比重", values).getPlot()).getDataset();
        assertEquals(5, d.getColumnCount(), "two of seven counties have no usable value");
        assertFalse(d.getColumnKeys().contains("泾川县"), "a null value is not drawn as zero");

        JFreeChart stacked = Charts.stacked("税", ChartFixtures.taxByType(), "税收收入（万元）");
        CategoryDataset sd = ((CategoryPlot) stacked.getPlot()).getDataset();
        assertFalse(sd.getRowKeys().contains("车船税"), "a series with only null values is not drawn");
    }

    @Test
    void sharesAreSortedWithoutTheMeaninglessAverageLine() {
        CategoryPlot plot = (CategoryPlot) Charts.shareOfCity("比重", ChartFixtures.shares()).getPlot();
        CategoryDataset d = plot.getDataset();
        assertEquals(List.of("崆峒区", "华亭市", "泾川县", "静宁县", "崇信县", "灵台县", "庄浪县"), d.getColumnKeys(),
            "largest share first");
        assertTrue(plot.getRangeMarkers(Layer.FOREGROUND) == null || plot.getRangeMarkers(Layer.FOREGROUND).isEmpty(),
            "no 各县平均 line: 100/7 says nothing about the counties");
        CategoryPlot given = (CategoryPlot) Charts.shareOfCity("比重", ChartFixtures.shares(), 12.5, "人口占比")
            .getPlot();
        assertEquals("人口占比 12.5%",
            ((ValueMarker) given.getRangeMarkers(Layer.FOREGROUND).iterator().next()).getLabel());
    }

    @Test
    void negativeGrowthIsDrawnInTheNegativeColour() {
        CategoryPlot plot = (CategoryPlot) Charts.growthAgainstCity("增速", ChartFixtures.growth(), 4.9).getPlot();
        CategoryDataset d = plot.getDataset();
        int lingtai = d.getColumnIndex("灵台县");
        int huating = d.getColumnIndex("华亭市");
        assertEquals(ReportTheme.NEGATIVE, plot.getRenderer().getItemPaint(0, lingtai), "灵台县 -2.4%");
        assertEquals(ReportTheme.PRIMARY, plot.getRenderer().getItemPaint(0, huating), "华亭市 9.5%");
        assertTrue(plot.getRangeAxis().getLowerBound() < -2.4, "the axis reaches below the lowest bar");
        ValueMarker city = (ValueMarker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertEquals(4.9, city.getValue(), 1e-9);
        assertEquals("全市 4.9%", city.getLabel());
    }

    @Test
    void rankOneIsOnTopAndTheRightAxisNamesTheLatestRanks() {
        CategoryPlot plot = (CategoryPlot) Charts.rankChanges("位次", ChartFixtures.ranks()).getPlot();
        assertTrue(plot.getRangeAxis(0).isInverted(), "rank 1 at the top");
        SymbolAxis names = (SymbolAxis) plot.getRangeAxis(1);
        assertTrue(names.isInverted(), "names in rank order from the top");
        // 2025-07: 崆峒区 2, 泾川县 3, 灵台县 7, 崇信县 4, 华亭市 1, 庄浪县 6, 静宁县 5
        assertEquals(List.of("", "华亭市", "崆峒区", "泾川县", "崇信县", "静宁县", "庄浪县", "灵台县"),
            Arrays.asList(names.getSymbols()));
        assertEquals(List.of("2月", "3月", "4月", "5月", "6月", "7月"), plot.getDataset().getColumnKeys(),
            "months of one year as N月, in order");
        List<RankPoint> tied = List.of(new RankPoint("崆峒区", YearMonth.of(2024, 12), 1),
            new RankPoint("崆峒区", YearMonth.of(2025, 1), 2), new RankPoint("泾川县", YearMonth.of(2025, 1), 2));
        CategoryPlot t = (CategoryPlot) Charts.rankChanges("位次", tied).getPlot();
        assertEquals("崆峒区、泾川县", ((SymbolAxis) t.getRangeAxis(1)).getSymbols()[2], "ties share one name line");
        assertEquals(List.of("2024年12月", "2025年1月"), t.getDataset().getColumnKeys(),
            "months across years in Chinese, never 2024-12");
    }

    @Test
    void cumulativeRanksAreLabelledOneToNMonthsInTheReportsColours() {
        CategoryColours colours = new CategoryColours();
        java.awt.Color taken = colours.of("增值税");
        CategoryPlot plot = (CategoryPlot) Charts.rankChanges("位次", ChartFixtures.ranks(), true, colours).getPlot();
        assertEquals(List.of("1—2月", "1—3月", "1—4月", "1—5月", "1—6月", "1—7月"), plot.getDataset().getColumnKeys(),
            "cumulative growth is ranked for 1—N月 (一字线), not for the month");
        assertEquals("累计期", plot.getDomainAxis().getLabel());
        int huating = plot.getDataset().getRowIndex("华亭市");
        assertEquals(colours.of("华亭市"), plot.getRenderer().getSeriesPaint(huating), "the county's colour of the report");
        for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
            assertNotEquals(taken, plot.getRenderer().getSeriesPaint(i), "no county takes 增值税's colour");
        }
    }

    @Test
    void oneColourPerCategoryAcrossTheChartsOfAReport() {
        CategoryColours colours = new CategoryColours();
        CategoryPlot byType = (CategoryPlot) Charts.stacked("税", ChartFixtures.taxByType(), "税收收入（万元）", colours)
            .getPlot();
        List<SeriesValue> sections = ChartFixtures.taxByType().stream()
            .map(v -> new SeriesValue(v.category(), "门类" + v.series(), v.value())).toList();
        CategoryPlot bySection = (CategoryPlot) Charts.stacked("税", sections, "税收收入（万元）", colours).getPlot();
        java.util.Set<java.awt.Color> used = new java.util.HashSet<>();
        for (CategoryPlot p : List.of(byType, bySection)) {
            for (int i = 0; i < p.getDataset().getRowCount(); i++) {
                String key = (String) p.getDataset().getRowKey(i);
                java.awt.Paint paint = p.getRenderer().getSeriesPaint(i);
                assertEquals(colours.of(key), paint, key);
                if (!key.equals("其他")) {
                    assertTrue(used.add((java.awt.Color) paint), key + " has a colour no other category has");
                }
            }
        }
        assertEquals(CategoryColours.OTHER, colours.of("其他"), "其他 is grey everywhere");
    }

    @Test
    void aCumulativePathIsLabelledAsOneToNMonths() {
        XYPlot cum = (XYPlot) Charts.growthPath("累计", ChartFixtures.actualGrowth(), ChartFixtures.fan(), 6.0, true)
            .getPlot();
        List<String> labels = List.of(((org.jfree.chart.axis.SymbolAxis) cum.getDomainAxis()).getSymbols());
        assertTrue(labels.stream().filter(l -> !l.endsWith("1月")).allMatch(l -> l.contains("1—")),
            "1—N月 on a cumulative path: " + labels);
        XYPlot single = (XYPlot) Charts.growthPath("当月", ChartFixtures.actualGrowth(), ChartFixtures.fan(), 6.0)
            .getPlot();
        assertTrue(List.of(((org.jfree.chart.axis.SymbolAxis) single.getDomainAxis()).getSymbols()).stream()
            .noneMatch(l -> l.contains("1—")), "single months stay N月");
    }

    @Test
    void theFanOpensFromTheLastActualMonthAndTheTargetIsALine() {
        List<FanPoint> fan = new ArrayList<>(ChartFixtures.fan());
        fan.add(0, new FanPoint(YearMonth.of(2025, 6), 9, 8, 10, 7, 11)); // already published: not drawn
        XYPlot plot = (XYPlot) Charts.growthPath("路径", ChartFixtures.actualGrowth(), fan, 6.0).getPlot();
        XYDataset lines = plot.getDataset(0);
        XYDataset bands = plot.getDataset(1);
        assertEquals(5, lines.getItemCount(0), "five actual months");
        assertEquals(7, lines.getItemCount(1), "the last actual month plus six forecast months");
        assertEquals(4.0, lines.getXValue(1, 0), 1e-9, "the forecast line starts at 6月, index 4");
        assertEquals(5.4, lines.getYValue(1, 0), 1e-9, "... on the published 5.4");
        org.jfree.data.xy.IntervalXYDataset b = (org.jfree.data.xy.IntervalXYDataset) bands;
        FanPoint dec = ChartFixtures.fan().get(5);
        assertEquals(dec.lo95(), b.getStartYValue(0, 6), 1e-9, "95% band lower bound in 12月");
        assertEquals(dec.hi80(), b.getEndYValue(1, 6), 1e-9, "80% band upper bound in 12月");
        assertTrue(b.getEndYValue(0, 6) - b.getStartYValue(0, 6) > b.getEndYValue(1, 6) - b.getStartYValue(1, 6),
            "the 95% band is wider than the 80% band");
        ValueMarker target = (ValueMarker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertEquals(6.0, target.getValue(), 1e-9);
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
            legend.add(plot.getFixedLegendItems().get(i).getLabel());
        }
        assertEquals(List.of("实际", "预测", "80%预测区间", "95%预测区间", "目标 6.0%"), legend);
        SymbolAxis months = (SymbolAxis) plot.getDomainAxis();
        assertEquals("2月", months.getSymbols()[0]);
        assertEquals("12月", months.getSymbols()[10]);
        assertTrue(plot.getRangeAxis().getUpperBound() > dec.hi95(), "the whole fan is on the chart");
    }

    @Test
    void stacksFoldTheSmallestSeriesIntoOtherAndKeepTotals() {
        CategoryPlot plot = (CategoryPlot) Charts.stacked("税", ChartFixtures.taxByType(), "税收收入（万元）").getPlot();
        CategoryDataset d = plot.getDataset();
        assertEquals(6, Charts.MAX_STACK_SERIES, "at most six stacked categories");
        assertEquals(Charts.MAX_STACK_SERIES, d.getRowCount(), "five tax types and 其他");
        assertEquals("其他", d.getRowKey(d.getRowCount() - 1));
        double drawn = 0;
        for (int r = 0; r < d.getRowCount(); r++) {
            Number v = d.getValue(r, d.getColumnIndex("灵台县"));
            drawn += v == null ? 0 : v.doubleValue();
        }
        double given = ChartFixtures.taxByType().stream()
            .filter(v -> v.category().equals("灵台县") && v.value() != null).mapToDouble(SeriesValue::value).sum();
        assertEquals(given, drawn, 1e-6, "folding into 其他 keeps 灵台县's total, 留抵退税 included");
        assertEquals(-850.0, d.getValue("增值税", "灵台县").doubleValue(), 1e-9, "a negative value stays negative");

        CategoryDataset shares = ((CategoryPlot) Charts.stackedShares("构成", ChartFixtures.taxByIndustry())
            .getPlot()).getDataset();
        for (int c = 0; c < shares.getColumnCount(); c++) {
            double sum = 0;
            for (int r = 0; r < shares.getRowCount(); r++) {
                sum += shares.getValue(r, c).doubleValue();
            }
            int col = c;
            assertEquals(100.0, sum, 1e-9, () -> shares.getColumnKey(col) + "'s shares add up to 100");
        }
    }

    @Test
    void bulletsMarkUnitsBehindScheduleAndSortByCompletion() {
        CategoryPlot plot = (CategoryPlot) Charts.targetProgress("进度", ChartFixtures.progress()).getPlot();
        CategoryDataset done = plot.getDataset(1);
        assertEquals("市工业和信息化局", done.getColumnKey(0), "the highest completion first");
        int zhuanglang = done.getColumnIndex("庄浪县");
        int huating = done.getColumnIndex("华亭市");
        assertEquals(ReportTheme.NEGATIVE, plot.getRenderer(1).getItemPaint(0, zhuanglang), "29.4% < 50% 序时进度");
        assertEquals(ReportTheme.PRIMARY, plot.getRenderer(1).getItemPaint(0, huating), "66.2% ≥ 50%");
        assertEquals(50.0, plot.getDataset(2).getValue(0, zhuanglang).doubleValue(), 1e-9, "序时进度 tick");
        assertEquals(100.0, plot.getDataset(0).getValue(0, zhuanglang).doubleValue(), 1e-9, "the target bar is 100%");
        assertTrue(plot.getRangeAxis().getUpperBound() > 104.5, "over-achievers fit on the axis");
        assertEquals(List.of("完成进度（不慢于序时）", "完成进度（慢于序时）", "序时进度", "全年目标（100%）"),
            legendLabels(plot.getFixedLegendItems()), "both colours are drawn, so both have a swatch");
        List<TargetBullet> allAhead = List.of(new TargetBullet("华亭市", 80.0, 50.0), new TargetBullet("崇信县", 60.0, 50.0));
        CategoryPlot ahead = (CategoryPlot) Charts.targetProgress("进度", allAhead).getPlot();
        assertFalse(legendLabels(ahead.getFixedLegendItems()).contains("完成进度（慢于序时）"),
            "no red swatch when no bar is red");
    }

    @Test
    void countTargetsAreDrawnAsCounts() {
        List<TargetBullet> firms = List.of(new TargetBullet("华亭市", 66.7, 100.0, 2.0, 3.0),
            new TargetBullet("崇信县", 100.0, 100.0, 3.0, 3.0), new TargetBullet("静宁县", 50.0, 100.0, 1.0, 2.0));
        JFreeChart chart = Charts.targetCounts("新增规上工业企业完成情况", firms, "新增规上工业企业（户）");
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        assertEquals("新增规上工业企业（户）", plot.getRangeAxis().getLabel(), "the axis is in firms, not %");
        int huating = plot.getDataset(1).getColumnIndex("华亭市");
        assertEquals(2.0, plot.getDataset(1).getValue(0, huating).doubleValue(), 1e-9, "2 firms, not 66.7");
        assertEquals(3.0, plot.getDataset(0).getValue(0, huating).doubleValue(), 1e-9, "the target bar is 3 firms");
        assertEquals(3.0, plot.getDataset(2).getValue(0, huating).doubleValue(), 1e-9, "序时 at December: all 3");
        List<String> texts = new ArrayList<>();
        plot.getAnnotations().forEach(a -> texts.add(((org.jfree.chart.annotations.CategoryTextAnnotation) a).getText()));
        assertTrue(texts.contains("2/3") && texts.stream().noneMatch(t -> t.contains("%")), texts.toString());
    }

    @Test
    void chineseLabelsTakeFullWidthBrackets() {
        assertEquals("石油（炼焦）加工业", ChartParts.fullWidthBrackets("石油(炼焦)加工业"));
        assertEquals("GDP (real)", ChartParts.fullWidthBrackets("GDP (real)"), "Latin text keeps its brackets");
        JFreeChart chart = Charts.attractionFunds("到位资金(亿元)", List.of(new CategoryValue("省外(含港澳)", 1.0)),
            "到位资金(亿元)");
        assertEquals("到位资金（亿元）", chart.getTitle().getText());
        assertEquals("省外（含港澳）", ((CategoryPlot) chart.getPlot()).getDataset().getColumnKey(0));
        assertEquals("到位资金（亿元）", ((CategoryPlot) chart.getPlot()).getRangeAxis().getLabel());
    }

    @Test
    void theHundredPerCentLineOfProjectRatesHasNoLabelToCollideWith() {
        CategoryPlot plot = (CategoryPlot) Charts.projectRates("项目", List.of(new ProjectRates("华亭市", 100.0, 100.0),
            new ProjectRates("崇信县", 80.0, 40.0))).getPlot();
        ValueMarker m = (ValueMarker) plot.getRangeMarkers(Layer.BACKGROUND).iterator().next();
        assertEquals(100.0, m.getValue(), 1e-9);
        assertNull(m.getLabel(), "a 100% label would sit on the value labels of full bars");
    }

    private static List<String> legendLabels(org.jfree.chart.LegendItemCollection items) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) {
            out.add(items.get(i).getLabel());
        }
        return out;
    }

    @Test
    void groupedBarsKeepTheGivenCountyOrderAndBothSeries() {
        CategoryDataset d = ((CategoryPlot) Charts.fiscalContribution("贡献", ChartFixtures.fiscal()).getPlot())
            .getDataset();
        assertEquals(COUNTIES, d.getColumnKeys(), "counties in the bureau's order");
        assertEquals(List.of("工业税收占全部税收比重", "工业地方级税收占一般公共预算收入比重"), d.getRowKeys());
        assertEquals(55.1, d.getValue(1, d.getColumnIndex("华亭市")).doubleValue(), 1e-9);
        CategoryDataset p = ((CategoryPlot) Charts.projectRates("项目", ChartFixtures.projectRates()).getPlot())
            .getDataset();
        assertEquals(List.of("开复工率", "建成率"), p.getRowKeys());
    }

    @Test
    void scatterNamesEveryPointAndDrawsTheCityLines() {
        XYPlot plot = (XYPlot) Charts.growthScatter("散点", ChartFixtures.scatter(), "投资增速（%）", "增加值增速（%）",
            7.6, 4.9).getPlot();
        XYDataset d = plot.getDataset();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < d.getItemCount(0); i++) {
            labels.add(plot.getRenderer().getItemLabelGenerator(0, i).generateLabel(d, 0, i));
        }
        assertEquals(new HashSet<>(COUNTIES), labels, "every county is named");
        assertEquals(7.6, ((ValueMarker) plot.getDomainMarkers(Layer.BACKGROUND).iterator().next()).getValue(), 1e-9);
        assertEquals(4.9, ((ValueMarker) plot.getRangeMarkers(Layer.BACKGROUND).iterator().next()).getValue(), 1e-9);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        assertTrue(x.getLowerBound() < -6.3 && x.getUpperBound() > 15.1, "every point inside the x range");
    }

    @Test
    void oneCategoryAndBadFileNamesAreHandled(@TempDir Path dir) {
        JFreeChart one = Charts.attractionFunds("到位资金", List.of(new CategoryValue("省外", 3.0)), "到位资金（亿元）");
        assertTrue(Ink.of(ChartFiles.render(one, 600, 400, 1)).share() > 0.01, "a single bar is drawn");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> ChartFiles.write(one, dir, "../escape", 600, 400), "a name with a path is refused");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> ChartFiles.write(one, dir, "funds", 0, 400), "a zero width is refused");
        assertEquals(400, ChartFiles.heightFor(7));
        assertTrue(ChartFiles.heightFor(120) > 120 * 12, "120 rows get at least 12 units each");
    }

    @Test
    void oneAndOneHundredTwentyCategoriesRenderForEveryBuilder() {
        for (int n : new int[] {1, 120}) {
            List<CategoryValue> values = new ArrayList<>();
            List<SeriesValue> cells = new ArrayList<>();
            List<RankPoint> ranks = new ArrayList<>();
            List<TargetBullet> bullets = new ArrayList<>();
            List<FiscalShares> fiscal = new ArrayList<>();
            List<ProjectRates> rates = new ArrayList<>();
            List<ScatterPoint> points = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = COUNTIES.get(i % COUNTIES.size()) + (n > 1 ? String.valueOf(i + 1) : "");
                double v = ((i * 53) % 97) / 4.0 - 6;
                values.add(new CategoryValue(name, v));
                cells.add(new SeriesValue(name, "增值税", Math.abs(v) + 1));
                cells.add(new SeriesValue(name, "企业所得税", v));
                ranks.add(new RankPoint(name, YearMonth.of(2025, 5), i + 1));
                ranks.add(new RankPoint(name, YearMonth.of(2025, 6), n - i));
                bullets.add(new TargetBullet(name, 40 + v, 50.0));
                fiscal.add(new FiscalShares(name, 30 + v, 20 + v));
                rates.add(new ProjectRates(name, 80 + v, 30 + v));
                points.add(new ScatterPoint(name, v, v / 2));
            }
            int height = ChartFiles.heightFor(n);
            List<JFreeChart> charts = List.of(Charts.shareOfCity("比重", values),
                Charts.growthAgainstCity("增速", values, 1.0), Charts.rankChanges("位次", ranks),
                Charts.stacked("税收", cells, "税收收入（万元）"), Charts.stackedShares("构成", cells),
                Charts.fiscalContribution("贡献", fiscal), Charts.targetProgress("进度", bullets),
                Charts.attractionFunds("资金", values, "到位资金（万元）"), Charts.projectRates("项目", rates),
                Charts.growthScatter("散点", points, "x（%）", "y（%）", null, null),
                Charts.growthPath("路径", List.of(new MonthValue(YearMonth.of(2025, 6), 5.0)), List.of(), null),
                Charts.growthPath("路径", List.of(), ChartFixtures.fan(), 6.0));
            for (JFreeChart c : charts) {
                int size = n;
                Ink ink = Ink.of(ChartFiles.render(c, 900, height, 1));
                assertTrue(ink.share() > 0.01, () -> c.getTitle().getText() + " with " + size + " categories is blank");
            }
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /**
     * Index of the first character the font would draw as its missing-glyph box, or -1. A character is a box when
     * the font maps it to the missing glyph or its outline is empty or the same as the missing glyph's.
     */
    static int firstBox(Font font, String text) {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        int missing = font.getMissingGlyphCode();
        Shape notdef = font.createGlyphVector(frc, new int[] {missing}).getGlyphOutline(0);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                GlyphVector gv = font.createGlyphVector(frc, new String(Character.toChars(cp)));
                Shape outline = gv.getGlyphOutline(0);
                if (gv.getNumGlyphs() != 1 || gv.getGlyphCode(0) == missing || outline.getBounds2D().isEmpty()
                    || sameOutline(outline, notdef)) {
                    return i;
                }
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static boolean sameOutline(Shape a, Shape b) {
        PathIterator pa = a.getPathIterator(null);
        PathIterator pb = b.getPathIterator(null);
        double[] ca = new double[6];
        double[] cb = new double[6];
        while (!pa.isDone() && !pb.isDone()) {
            int ta = pa.currentSegment(ca);
            int tb = pb.currentSegment(cb);
            if (ta != tb || !Arrays.equals(ca, cb)) {
                return false;
            }
            Arrays.fill(ca, 0);
            Arrays.fill(cb, 0);
            pa.next();
            pb.next();
        }
        return pa.isDone() && pb.isDone();
    }

    /** True when the text is one drawn string or up to three consecutive ones (a label wrapped onto lines). */
    private static boolean drawnWhole(List<String> drawn, String text) {
        String want = text.replace(" ", "");
        for (int i = 0; i < drawn.size(); i++) {
            StringBuilder joined = new StringBuilder();
            for (int j = i; j < Math.min(drawn.size(), i + 3); j++) {
                joined.append(drawn.get(j).replace(" ", ""));
                if (joined.toString().equals(want)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The strings the chart draws, in drawing order, from an SVG that keeps text as text. */
    private static List<String> drawnStrings(JFreeChart chart, int width, int height) throws Exception {
        Document doc = parse(standardSvg(chart, width, height));
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            out.add(texts.item(i).getTextContent());
        }
        return out;
    }

    private static String standardSvg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    private static List<Rectangle2D> categoryLabelBounds(JFreeChart chart, int width, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.draw(g, new Rectangle(0, 0, width, height), info);
        g.dispose();
        List<Rectangle2D> out = new ArrayList<>();
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof CategoryLabelEntity e) {
                out.add(((ChartEntity) e).getArea().getBounds2D());
            }
        }
        return out;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // the SVG 1.1 DOCTYPE names a DTD on the web: parse without fetching it
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** How much of an image is drawn: the share of non-white pixels and the number of distinct colours. */
    private record Ink(double share, int colours) {
        static Ink of(BufferedImage img) {
            long drawn = 0;
            Set<Integer> colours = new HashSet<>();
            long seen = 0;
            // every other pixel both ways: enough to tell a chart from a blank page, four times faster
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    seen++;
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    if (rgb != 0xFFFFFF) {
                        drawn++;
                        colours.add(rgb);
                    }
                }
            }
            return new Ink((double) drawn / seen, colours.size());
        }
    }
}
