package org.countyscope.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LevelRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.countyscope.report.chart.ChartParts.*;

/**
 * The report's chart builders: each takes plain records and returns a themed {@link JFreeChart} with Chinese
 * titles and axis labels. Empty input gives a chart that says "无数据"; null and non-finite values are left out;
 * counties sit on the vertical axis so long names stay readable.
 */
public final class Charts {
    /**
     * Stacked charts show at most this many categories: beyond it the largest {@code MAX_STACK_SERIES − 1} stay and
     * the rest add up to "其他", so a small county's segments can still be told apart.
     */
    public static final int MAX_STACK_SERIES = 6;
    /** Segments of a share stack below this share (%) get no label: there is no room for one. */
    private static final double MIN_LABELLED_SHARE = 6.0;
    static final String OTHER = "其他";

    private Charts() {
    }

    // ---- 1, 2, 8: ranked bars -------------------------------------------------------------------------

    /**
     * Share of the city by county, sorted, with no reference line: the average county's share is just 100 / N and
     * says nothing (a meaningful reference, such as the population share, goes through the other overload).
     * Axis "占全市比重（%）".
     */
    public static JFreeChart shareOfCity(String title, List<CategoryValue> shares) {
        return shareOfCity(title, shares, null, null);
    }

    /** Share of the city by county, sorted, with a given reference share (%) and its label, e.g. "人口占比". */
    public static JFreeChart shareOfCity(String title, List<CategoryValue> shares, Double reference,
                                         String referenceLabel) {
        String marker = reference == null ? null
            : (referenceLabel == null ? "" : referenceLabel + " ") + one(reference) + "%";
        return rankedBars(title, shares, "占全市比重（%）", reference, marker);
    }

    /**
     * YoY growth by county, sorted, against the city's growth as a line; negative bars in
     * {@link ReportTheme#NEGATIVE}. Axis "同比增长（%）".
     */
    public static JFreeChart growthAgainstCity(String title, List<CategoryValue> growth, Double cityGrowth) {
        String marker = cityGrowth == null ? null : "全市 " + one(cityGrowth) + "%";
        return rankedBars(title, growth, "同比增长（%）", cityGrowth, marker);
    }

    /**
     * 招商引资 到位资金 by source or by industrial chain, sorted; {@code valueAxisLabel} carries the unit, e.g.
     * "到位资金（亿元）".
     */
    public static JFreeChart attractionFunds(String title, List<CategoryValue> funds, String valueAxisLabel) {
        return rankedBars(title, funds, valueAxisLabel, null, null);
    }

    /**
     * Horizontal bars sorted from the largest (top) to the smallest, value labels at the bar ends, negative bars in
     * {@link ReportTheme#NEGATIVE}, and an optional dashed reference line with its label.
     *
     * @param reference      where to draw the reference line, or null for none
     * @param referenceLabel the line's label, printed as given
     */
    public static JFreeChart rankedBars(String title, List<CategoryValue> values, String valueAxisLabel,
                                        Double reference, String referenceLabel) {
        List<CategoryValue> rows = new ArrayList<>(usable(values));
        if (rows.isEmpty()) {
            return noData(title, valueAxisLabel);
        }
        rows.sort(Comparator.comparing((CategoryValue v) -> -v.value()).thenComparing(CategoryValue::category));
        String series = valueAxisLabel;
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        double min = 0;
        double max = 0;
        for (CategoryValue v : rows) {
            ds.addValue(v.value(), series, v.category());
            min = Math.min(min, v.value());
            max = Math.max(max, v.value());
        }
        if (finite(reference)) {
            min = Math.min(min, reference);
            max = Math.max(max, reference);
        }
        BarRenderer r = new SignedBarRenderer();
        CategoryPlot plot = categoryPlot(ds, r, valueAxisLabel);
        JFreeChart chart = finish(title, plot, false, ds.getColumnCount());
        r.setSeriesPaint(0, ReportTheme.PRIMARY);
        valueLabels(r, "#,##0.0");
        r.setMaximumBarWidth(0.09);
        plot.getRangeAxis().setRange(padded(min, max, 0.14, 0.14));
        if (finite(reference)) {
            plot.addRangeMarker(referenceLine(reference, referenceLabel), Layer.FOREGROUND);
            // room under the shortest bar for the line's label: about one row
            plot.getDomainAxis().setUpperMargin(Math.min(0.08, 1.5 / ds.getColumnCount()));
        }
        return chart;
    }

    // ---- 3: rank changes ------------------------------------------------------------------------------

    /**
     * Rank by month, one line per unit, rank 1 at the top; the right axis names the units by their latest rank
     * (ties joined with "、"), so every line ends next to its name.
     */
    public static JFreeChart rankChanges(String title, List<RankPoint> points) {
        return rankChanges(title, points, false, new CategoryColours());
    }

    /**
     * Ranks of cumulative figures (1—2月 … 1—N月 growth): the axis says "1—2月" … "1—12月" and is titled "累计期";
     * each unit drawn in its colour of the report.
     */
    public static JFreeChart rankChanges(String title, List<RankPoint> points, boolean cumulative,
                                         CategoryColours colours) {
        List<RankPoint> rows = points == null ? List.of()
            : points.stream().filter(p -> p.rank() != null && p.rank() >= 1).toList();
        if (rows.isEmpty()) {
            return noData(title, "位次");
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        rows.forEach(p -> months.add(p.month()));
        Map<YearMonth, String> monthLabels = cumulative ? cumulativeLabels(months) : monthLabels(months);
        // Each unit's latest rank decides the line order, colour and the right-hand name.
        Map<String, RankPoint> latest = new TreeMap<>();
        for (RankPoint p : rows) {
            latest.merge(p.unit(), p, (a, b) -> b.month().isAfter(a.month()) ? b : a);
        }
        List<String> units = new ArrayList<>(latest.keySet());
        units.sort(Comparator.comparing((String u) -> latest.get(u).rank()).thenComparing(u -> u));
        int maxRank = rows.stream().mapToInt(RankPoint::rank).max().orElse(1);
        maxRank = Math.max(maxRank, units.size());

        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        Map<String, Map<YearMonth, Integer>> byUnit = new HashMap<>();
        rows.forEach(p -> byUnit.computeIfAbsent(p.unit(), k -> new TreeMap<>()).put(p.month(), p.rank()));
        for (String u : units) {
            for (YearMonth m : months) {
                Integer rank = byUnit.get(u).get(m);
                ds.addValue(rank, u, monthLabels.get(m));
            }
        }
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        CategoryAxis monthAxis = new CategoryAxis(cumulative ? "累计期" : "月份");
        NumberAxis rankAxis = new NumberAxis("位次");
        CategoryPlot plot = new CategoryPlot(ds, monthAxis, rankAxis, r);
        plot.setOrientation(PlotOrientation.VERTICAL);

        String[] names = new String[maxRank + 1];
        Arrays.fill(names, "");
        for (String u : units) {
            int k = latest.get(u).rank();
            names[k] = names[k].isEmpty() ? u : names[k] + "、" + u;
        }
        SymbolAxis nameAxis = new SymbolAxis(null, names);
        plot.setRangeAxis(1, nameAxis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);

        JFreeChart chart = finish(title, plot, units.size() <= 12, ds.getColumnCount());
        for (int i = 0; i < units.size(); i++) {
            r.setSeriesPaint(i, colours.of(units.get(i)));
            r.setSeriesStroke(i, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        r.setDefaultItemLabelsVisible(false);
        for (NumberAxis a : List.of(rankAxis, nameAxis)) {
            a.setInverted(true);
            a.setRange(0.5, maxRank + 0.5);
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            a.setNumberFormatOverride(format("0"));
        }
        nameAxis.setGridBandsVisible(false);
        nameAxis.setNumberFormatOverride(null);
        nameAxis.setTickLabelFont(ReportTheme.font(Font.PLAIN, tickSize(maxRank)));
        rankAxis.setTickLabelFont(ReportTheme.font(Font.PLAIN, tickSize(maxRank)));
        monthAxis.setCategoryMargin(0.0);
        monthAxis.setLowerMargin(0.03);
        monthAxis.setUpperMargin(0.03);
        plot.setDomainGridlinesVisible(true);
        return chart;
    }

    // ---- 4: growth path with forecast fan --------------------------------------------------------------

    /**
     * A growth path: actual monthly or 1—N月 growth (solid, labelled), the forecast (dashed) from the last actual
     * month on, its 80% and 95% intervals as shaded bands and the annual target as a dashed red line (named in the
     * legend, "目标 6.0%"). Months run along the x axis as "6月" (one year) or "2025-06" (several years). Axis
     * "同比增长（%）".
     *
     * @param target the target growth in %, or null for no target line
     */
    public static JFreeChart growthPath(String title, List<MonthValue> actual, List<FanPoint> forecast,
                                        Double target) {
        return growthPath(title, actual, forecast, target, false);
    }

    /**
     * The same path of cumulative growth when {@code cumulative}: the months are labelled as the bureau labels 1—N月
     * figures ("1—2月" … "1—12月", the year in front of each year's first), not as single months.
     */
    public static JFreeChart growthPath(String title, List<MonthValue> actual, List<FanPoint> forecast,
                                        Double target, boolean cumulative) {
        TreeMap<YearMonth, Double> act = new TreeMap<>();
        if (actual != null) {
            actual.stream().filter(v -> finite(v.value())).forEach(v -> act.put(v.month(), v.value()));
        }
        TreeMap<YearMonth, FanPoint> fan = new TreeMap<>();
        if (forecast != null) {
            forecast.stream().filter(FanPoint::isFinite).forEach(f -> fan.put(f.month(), f));
        }
        // forecasts for months already published are not drawn
        if (!act.isEmpty()) {
            fan.headMap(act.lastKey(), true).clear();
        }
        if (act.isEmpty() && fan.isEmpty()) {
            return noData(title, "同比增长（%）");
        }
        YearMonth first = act.isEmpty() || (!fan.isEmpty() && fan.firstKey().isBefore(act.firstKey()))
            ? fan.firstKey() : act.firstKey();
        YearMonth last = fan.isEmpty() ? act.lastKey() : fan.lastKey();
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<YearMonth, String> labels = cumulative ? cumulativeLabels(new TreeSet<>(months))
            : monthLabels(new TreeSet<>(months));
        String[] symbols = months.stream().map(labels::get).toArray(String[]::new);

        XYSeries actualSeries = new XYSeries("实际", false, false);
        act.forEach((m, v) -> actualSeries.add(index(first, m), v));
        XYSeries forecastSeries = new XYSeries("预测", false, false);
        YIntervalSeries band80 = new YIntervalSeries("80%区间", false, false);
        YIntervalSeries band95 = new YIntervalSeries("95%区间", false, false);
        if (!act.isEmpty() && !fan.isEmpty()) {
            // the fan opens from the last published figure
            double x = index(first, act.lastKey());
            double y = act.lastEntry().getValue();
            forecastSeries.add(x, y);
            band80.add(x, y, y, y);
            band95.add(x, y, y, y);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : act.values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (FanPoint f : fan.values()) {
            double x = index(first, f.month());
            forecastSeries.add(x, f.point());
            band80.add(x, f.point(), Math.min(f.lo80(), f.hi80()), Math.max(f.lo80(), f.hi80()));
            band95.add(x, f.point(), Math.min(f.lo95(), f.hi95()), Math.max(f.lo95(), f.hi95()));
            min = Math.min(min, Math.min(f.point(), Math.min(f.lo95(), f.hi95())));
            max = Math.max(max, Math.max(f.point(), Math.max(f.lo95(), f.hi95())));
        }
        if (finite(target)) {
            min = Math.min(min, target);
            max = Math.max(max, target);
        }

        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band95);
        bands.addSeries(band80);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(actualSeries);
        lines.addSeries(forecastSeries);

        SymbolAxis monthAxis = new SymbolAxis("月份", symbols);
        NumberAxis growthAxis = new NumberAxis("同比增长（%）");
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        boolean joined = !act.isEmpty() && !fan.isEmpty();
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true) {
            @Override
            public boolean getItemShapeVisible(int series, int item) {
                // the forecast line starts on the last actual point: draw that point once
                return !(joined && series == 1 && item == 0) && super.getItemShapeVisible(series, item);
            }
        };
        XYPlot plot = new XYPlot(lines, monthAxis, growthAxis, lineRenderer);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);
        // bands under the lines, the 80% band over the 95% band
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);

        JFreeChart chart = finish(title, plot, true, months.size());
        Color c95 = new Color(0xDCE6F2);
        Color c80 = new Color(0xB3C8E3);
        Color forecastColour = new Color(0x5B8BC9);
        bandRenderer.setAlpha(1f);
        bandRenderer.setSeriesFillPaint(0, c95);
        bandRenderer.setSeriesFillPaint(1, c80);
        bandRenderer.setSeriesPaint(0, c95);
        bandRenderer.setSeriesPaint(1, c80);
        lineRenderer.setSeriesPaint(0, ReportTheme.PRIMARY);
        lineRenderer.setSeriesStroke(0, new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        lineRenderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        lineRenderer.setSeriesPaint(1, forecastColour);
        lineRenderer.setSeriesStroke(1, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 5f}, 0f));
        lineRenderer.setSeriesShape(1, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        lineRenderer.setSeriesShapesFilled(1, false);
        lineRenderer.setUseFillPaint(true);
        lineRenderer.setSeriesFillPaint(1, Color.WHITE);
        lineRenderer.setSeriesFillPaint(0, ReportTheme.PRIMARY);
        int lastForecast = forecastSeries.getItemCount() - 1;
        XYItemLabelGenerator pointLabels = (XYDataset d, int s, int i) ->
            s == 0 || (s == 1 && i == lastForecast && i > 0) || (s == 1 && act.isEmpty())
                ? one(d.getYValue(s, i)) : null;
        lineRenderer.setDefaultItemLabelGenerator(pointLabels);
        lineRenderer.setDefaultItemLabelsVisible(true);
        lineRenderer.setDefaultItemLabelFont(ReportTheme.smallFont());
        lineRenderer.setDefaultPositiveItemLabelPosition(
            new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        lineRenderer.setDefaultNegativeItemLabelPosition(
            new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        lineRenderer.setItemLabelAnchorOffset(6);

        monthAxis.setGridBandsVisible(false);
        monthAxis.setRange(-0.5, months.size() - 0.5);
        growthAxis.setRange(padded(min, max, 0.15, 0.2));
        growthAxis.setAutoRangeIncludesZero(false);
        String targetLabel = finite(target) ? "目标 " + one(target) + "%" : null;
        if (targetLabel != null) {
            // named in the legend, not beside the line, where it would collide with the point labels
            ValueMarker t = referenceLine(target, null);
            t.setPaint(ReportTheme.TARGET);
            plot.addRangeMarker(t, Layer.FOREGROUND);
        }
        if (min < 0 && max > 0) {
            ValueMarker zero = new ValueMarker(0, new Color(0x999999), new BasicStroke(1f));
            plot.addRangeMarker(zero, Layer.BACKGROUND);
        }
        LegendItemCollection legend = new LegendItemCollection();
        if (!act.isEmpty()) {
            legend.add(lineItem("实际", ReportTheme.PRIMARY, lineRenderer.getSeriesStroke(0)));
        }
        if (!fan.isEmpty()) {
            legend.add(lineItem("预测", forecastColour, lineRenderer.getSeriesStroke(1)));
            legend.add(boxItem("80%预测区间", c80));
            legend.add(boxItem("95%预测区间", c95));
        }
        if (targetLabel != null) {
            legend.add(lineItem(targetLabel, ReportTheme.TARGET, ReportTheme.dashed(1.4f)));
        }
        plot.setFixedLegendItems(legend);
        return chart;
    }

    // ---- 5: stacked structure --------------------------------------------------------------------------

    /**
     * Stacked horizontal bars of region × category × value (tax by type or by industry per county), regions
     * sorted by total, series by size; beyond {@link #MAX_STACK_SERIES} series the smallest add up to "其他".
     * Negative values (e.g. 留抵退税) stack to the left of zero. {@code valueAxisLabel} carries the unit, e.g.
     * "税收收入（万元）".
     */
    public static JFreeChart stacked(String title, List<SeriesValue> values, String valueAxisLabel) {
        return stackedChart(title, values, valueAxisLabel, false, new CategoryColours());
    }

    /** {@link #stacked} with each category in its colour of the report. */
    public static JFreeChart stacked(String title, List<SeriesValue> values, String valueAxisLabel,
                                     CategoryColours colours) {
        return stackedChart(title, values, valueAxisLabel, false, colours);
    }

    /**
     * The same stack as {@link #stacked} with each region's values as % of its own total (构成), segments of
     * {@value #MIN_LABELLED_SHARE}% or more labelled; a region whose total is not positive is left out.
     */
    public static JFreeChart stackedShares(String title, List<SeriesValue> values) {
        return stackedChart(title, values, "构成（%）", true, new CategoryColours());
    }

    private static JFreeChart stackedChart(String title, List<SeriesValue> values, String axisLabel,
                                           boolean shares, CategoryColours colours) {
        List<SeriesValue> rows = values == null ? List.of()
            : values.stream().filter(v -> finite(v.value())).toList();
        // series by total size, the smallest folded into 其他
        Map<String, Double> seriesSize = new LinkedHashMap<>();
        rows.forEach(v -> seriesSize.merge(v.series(), Math.abs(v.value()), Double::sum));
        List<String> order = new ArrayList<>(seriesSize.keySet());
        order.sort(Comparator.comparing((String s) -> -seriesSize.get(s)).thenComparing(s -> s));
        Set<String> kept = new LinkedHashSet<>(order.size() > MAX_STACK_SERIES
            ? order.subList(0, MAX_STACK_SERIES - 1) : order);
        Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
        for (SeriesValue v : rows) {
            String s = kept.contains(v.series()) ? v.series() : OTHER;
            cells.computeIfAbsent(v.category(), k -> new LinkedHashMap<>()).merge(s, v.value(), Double::sum);
        }
        Map<String, Double> totals = new LinkedHashMap<>();
        cells.forEach((c, m) -> totals.put(c, m.values().stream().mapToDouble(Double::doubleValue).sum()));
        if (shares) {
            totals.values().removeIf(t -> !(t > 0));
        }
        List<String> categories = new ArrayList<>(totals.keySet());
        categories.sort(Comparator.comparing((String c) -> -totals.get(c)).thenComparing(c -> c));
        if (categories.isEmpty()) {
            return noData(title, axisLabel);
        }
        List<String> seriesOrder = new ArrayList<>(kept);
        if (kept.size() < order.size()) {
            seriesOrder.add(OTHER);
        }
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        double min = 0;
        double max = 0;
        for (String s : seriesOrder) {
            for (String c : categories) {
                Double v = cells.get(c).get(s);
                if (v != null && shares) {
                    v = v / totals.get(c) * 100.0;
                }
                ds.addValue(v, s, c);
            }
        }
        for (String c : categories) {
            double pos = 0;
            double neg = 0;
            for (String s : seriesOrder) {
                Number v = ds.getValue(s, c);
                if (v != null) {
                    pos += Math.max(0, v.doubleValue());
                    neg += Math.min(0, v.doubleValue());
                }
            }
            min = Math.min(min, neg);
            max = Math.max(max, pos);
        }
        StackedBarRenderer r = new ContrastStackRenderer();
        CategoryPlot plot = categoryPlot(ds, r, axisLabel);
        JFreeChart chart = finish(title, plot, true, categories.size());
        for (int i = 0; i < seriesOrder.size(); i++) {
            r.setSeriesPaint(i, colours.of(seriesOrder.get(i)));
        }
        r.setMaximumBarWidth(0.09);
        r.setDrawBarOutline(true);
        r.setDefaultOutlinePaint(Color.WHITE);
        r.setDefaultOutlineStroke(new BasicStroke(0.8f));
        if (shares) {
            NumberFormat f = format("0");
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", f) {
                @Override
                public String generateLabel(CategoryDataset d, int row, int column) {
                    Number v = d.getValue(row, column);
                    return v == null || Math.abs(v.doubleValue()) < MIN_LABELLED_SHARE ? null
                        : f.format(v.doubleValue());
                }
            });
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(ReportTheme.smallFont());
            ItemLabelPosition centre = new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER);
            r.setDefaultPositiveItemLabelPosition(centre);
            r.setDefaultNegativeItemLabelPosition(centre);
            plot.getRangeAxis().setRange(Math.min(0, min * 1.05), Math.max(100, max));
        } else {
            plot.getRangeAxis().setRange(padded(min, max, 0.04, 0.04));
        }
        return chart;
    }

    // ---- 6, 9: grouped bars ----------------------------------------------------------------------------

    /**
     * Fiscal contribution of industry by county: industrial tax as % of total tax, and industrial local-level tax
     * as % of 一般公共预算收入, side by side, counties in the given order. Axis "比重（%）".
     */
    public static JFreeChart fiscalContribution(String title, List<FiscalShares> rows) {
        return fiscalContribution(title, rows, new CategoryColours());
    }

    /** {@link #fiscalContribution} with each series in its colour of the report. */
    public static JFreeChart fiscalContribution(String title, List<FiscalShares> rows, CategoryColours colours) {
        List<SeriesValue> cells = new ArrayList<>();
        if (rows != null) {
            for (FiscalShares f : rows) {
                cells.add(new SeriesValue(f.region(), "工业税收占全部税收比重", f.industrialTaxShare()));
                cells.add(new SeriesValue(f.region(), "工业地方级税收占一般公共预算收入比重", f.budgetShare()));
            }
        }
        return groupedBars(title, cells, "比重（%）", null, null, colours);
    }

    /**
     * Project progress by county: 开复工率 and 建成率 side by side, counties in the given order, with an unlabelled
     * line at 100% (a label there would sit on the value labels of full bars). Axis "比率（%）".
     */
    public static JFreeChart projectRates(String title, List<ProjectRates> rows) {
        return projectRates(title, rows, new CategoryColours());
    }

    /** {@link #projectRates} with each series in its colour of the report. */
    public static JFreeChart projectRates(String title, List<ProjectRates> rows, CategoryColours colours) {
        List<SeriesValue> cells = new ArrayList<>();
        if (rows != null) {
            for (ProjectRates p : rows) {
                cells.add(new SeriesValue(p.region(), "开复工率", p.startRate()));
                cells.add(new SeriesValue(p.region(), "建成率", p.completionRate()));
            }
        }
        return groupedBars(title, cells, "比率（%）", 100.0, null, colours);
    }

    /**
     * Grouped horizontal bars of region × series × value, categories and series in first-appearance order, value
     * labels at the bar ends and an optional reference line.
     */
    public static JFreeChart groupedBars(String title, List<SeriesValue> values, String valueAxisLabel,
                                         Double reference, String referenceLabel) {
        return groupedBars(title, values, valueAxisLabel, reference, referenceLabel, new CategoryColours());
    }

    /** {@link #groupedBars} with each series in its colour of the report. */
    public static JFreeChart groupedBars(String title, List<SeriesValue> values, String valueAxisLabel,
                                         Double reference, String referenceLabel, CategoryColours colours) {
        List<SeriesValue> rows = values == null ? List.of()
            : values.stream().filter(v -> finite(v.value())).toList();
        if (rows.isEmpty()) {
            return noData(title, valueAxisLabel);
        }
        List<String> categories = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(SeriesValue::category).toList()));
        List<String> series = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(SeriesValue::series).toList()));
        Map<String, Double> cell = new HashMap<>();
        rows.forEach(v -> cell.put(v.series() + "\u0000" + v.category(), v.value()));
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        double min = 0;
        double max = 0;
        for (String s : series) {
            for (String c : categories) {
                Double v = cell.get(s + "\u0000" + c);
                ds.addValue(v, s, c);
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (finite(reference)) {
            min = Math.min(min, reference);
            max = Math.max(max, reference);
        }
        BarRenderer r = new BarRenderer();
        CategoryPlot plot = categoryPlot(ds, r, valueAxisLabel);
        JFreeChart chart = finish(title, plot, true, categories.size());
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, colours.of(series.get(i)));
        }
        r.setItemMargin(0.04);
        r.setMaximumBarWidth(0.06);
        valueLabels(r, "#,##0.0");
        plot.getRangeAxis().setRange(padded(min, max, 0.14, 0.14));
        if (finite(reference)) {
            ValueMarker m = referenceLine(reference, referenceLabel);
            m.setStroke(new BasicStroke(1f));
            m.setPaint(new Color(0x999999));
            plot.addRangeMarker(m, Layer.BACKGROUND);
        }
        return chart;
    }

    // ---- 7: bullet chart -------------------------------------------------------------------------------

    /**
     * Target progress as a bullet chart: per unit a grey bar to 100% (the annual target), the completion bar in
     * {@link ReportTheme#PRIMARY} (on or ahead of 序时进度) or {@link ReportTheme#NEGATIVE} (behind), and a black
     * tick at 序时进度; units sorted by completion. Axis "完成进度（%）".
     */
    public static JFreeChart targetProgress(String title, List<TargetBullet> bullets) {
        return bulletChart(title, bullets, null);
    }

    /**
     * Progress of a count target (新增规上企业数, 签约项目数) in counts, not per cent: per unit a grey bar to its annual
     * target, the actual count in {@link ReportTheme#PRIMARY} or {@link ReportTheme#NEGATIVE} (behind 序时进度), a black
     * tick at the count 序时进度 asks for (target × 序时进度), and "actual/target" printed beside it; units sorted by
     * completion. Axis "{indicator}（{unit}）"; units without an actual and a target are left out.
     *
     * @param valueAxisLabel e.g. "新增规上工业企业（户）"
     */
    public static JFreeChart targetCounts(String title, List<TargetBullet> bullets, String valueAxisLabel) {
        List<TargetBullet> counted = bullets == null ? List.of() : bullets.stream()
            .filter(b -> finite(b.actual()) && finite(b.target()) && b.target() > 0).toList();
        return bulletChart(title, counted, valueAxisLabel == null ? "" : valueAxisLabel);
    }

    /** A bullet chart in per cent of the target ({@code countAxis} null) or in the indicator's counts. */
    private static JFreeChart bulletChart(String title, List<TargetBullet> bullets, String countAxis) {
        boolean counts = countAxis != null;
        String axisLabel = counts ? countAxis : "完成进度（%）";
        List<TargetBullet> rows = bullets == null ? new ArrayList<>()
            : new ArrayList<>(bullets.stream().filter(b -> finite(b.completion())).toList());
        if (rows.isEmpty()) {
            return noData(title, axisLabel);
        }
        rows.sort(Comparator.comparing((TargetBullet b) -> -b.completion()).thenComparing(TargetBullet::unit));
        DefaultCategoryDataset targets = new DefaultCategoryDataset();
        DefaultCategoryDataset done = new DefaultCategoryDataset();
        DefaultCategoryDataset ticks = new DefaultCategoryDataset();
        boolean[] behind = new boolean[rows.size()];
        double min = 0;
        double max = counts ? 0 : 100;
        for (int i = 0; i < rows.size(); i++) {
            TargetBullet b = rows.get(i);
            double full = counts ? b.target() : 100.0;
            double value = counts ? b.actual() : b.completion();
            Double elapsed = finite(b.elapsed()) ? b.elapsed() : null;
            Double tickAt = elapsed == null ? null : counts ? b.target() * elapsed / 100.0 : elapsed;
            targets.addValue(full, "全年目标", b.unit());
            done.addValue(value, "完成进度", b.unit());
            ticks.addValue(tickAt, "序时进度", b.unit());
            behind[i] = elapsed != null && b.completion() < elapsed;
            min = Math.min(min, value);
            max = Math.max(max, Math.max(full, value));
            if (tickAt != null) {
                max = Math.max(max, tickAt);
            }
        }
        BarRenderer target = new BarRenderer();
        CategoryPlot plot = categoryPlot(targets, target, axisLabel);
        NarrowBarRenderer bar = new NarrowBarRenderer(behind, 0.42);
        LevelRenderer tick = new LevelRenderer();
        plot.setDataset(1, done);
        plot.setRenderer(1, bar);
        plot.setDataset(2, ticks);
        plot.setRenderer(2, tick);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        JFreeChart chart = finish(title, plot, true, rows.size());
        Color grey = new Color(0xE8E8E8);
        Color black = new Color(0x1A1A1A);
        target.setSeriesPaint(0, grey);
        target.setMaximumBarWidth(0.1);
        bar.setSeriesPaint(0, ReportTheme.PRIMARY);
        bar.setMaximumBarWidth(0.1);
        tick.setSeriesPaint(0, black);
        tick.setSeriesStroke(0, new BasicStroke(3f));
        tick.setMaximumItemWidth(0.1);
        org.jfree.data.Range range = padded(min, max, 0.1, counts ? 0.22 : 0.14);
        plot.getRangeAxis().setRange(range);
        if (counts) {
            ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        // the figures line up just right of the target bars, clear of the bars and ticks
        double gap = range.getLength() * 0.008;
        NumberFormat f = format("0.0");
        NumberFormat whole = format("#,##0.##");
        for (TargetBullet b : rows) {
            String text = counts ? whole.format(b.actual()) + "/" + whole.format(b.target())
                : f.format(b.completion()) + "%";
            double at = counts ? Math.max(b.target(), b.actual()) : Math.max(100.0, b.completion());
            CategoryTextAnnotation a = new CategoryTextAnnotation(text, b.unit(), at + gap);
            a.setFont(ReportTheme.smallFont());
            a.setPaint(ReportTheme.TEXT);
            a.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(a);
        }
        // a swatch only for a colour the chart draws
        LegendItemCollection legend = new LegendItemCollection();
        boolean anyAhead = false;
        boolean anyBehind = false;
        for (boolean b : behind) {
            anyAhead |= !b;
            anyBehind |= b;
        }
        String doneLabel = counts ? "完成" : "完成进度";
        if (anyAhead) {
            legend.add(boxItem(doneLabel + "（不慢于序时）", ReportTheme.PRIMARY));
        }
        if (anyBehind) {
            legend.add(boxItem(doneLabel + "（慢于序时）", ReportTheme.NEGATIVE));
        }
        if (ticks.getColumnCount() > 0 && rows.stream().anyMatch(b -> finite(b.elapsed()))) {
            legend.add(lineItem(counts ? "按序时进度应完成" : "序时进度", black, new BasicStroke(3f)));
        }
        legend.add(boxItem(counts ? "全年目标" : "全年目标（100%）", grey));
        plot.setFixedLegendItems(legend);
        return chart;
    }

    // ---- 10: scatter -----------------------------------------------------------------------------------

    /**
     * Investment growth (x) against value-added growth (y) per county, each point named, with the city's growth
     * as dashed lines on both axes so the quadrants read "faster / slower than the city".
     *
     * @param xLabel e.g. "固定资产投资增速（%）"
     * @param yLabel e.g. "规上工业增加值增速（%）"
     * @param cityX  the city's x value, or null for no vertical line
     * @param cityY  the city's y value, or null for no horizontal line
     */
    public static JFreeChart growthScatter(String title, List<ScatterPoint> points, String xLabel, String yLabel,
                                           Double cityX, Double cityY) {
        List<ScatterPoint> rows = points == null ? List.of()
            : points.stream().filter(p -> finite(p.x()) && finite(p.y())).toList();
        if (rows.isEmpty()) {
            return noData(title, yLabel);
        }
        XYSeries s = new XYSeries("区县", false, true);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (ScatterPoint p : rows) {
            s.add(p.x(), p.y());
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        if (finite(cityX)) {
            minX = Math.min(minX, cityX);
            maxX = Math.max(maxX, cityX);
        }
        if (finite(cityY)) {
            minY = Math.min(minY, cityY);
            maxY = Math.max(maxY, cityY);
        }
        XYSeriesCollection ds = new XYSeriesCollection(s);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        XYPlot plot = new XYPlot(ds, x, y, r);
        JFreeChart chart = finish(title, plot, false, rows.size());
        r.setSeriesPaint(0, ReportTheme.PRIMARY);
        r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        List<String> names = rows.stream().map(ScatterPoint::label).toList();
        r.setDefaultItemLabelGenerator((XYDataset d, int series, int item) -> names.get(item));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ReportTheme.font(Font.PLAIN, ReportTheme.SMALL_SIZE + 0.5f));
        ItemLabelPosition right = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT);
        r.setDefaultPositiveItemLabelPosition(right);
        r.setDefaultNegativeItemLabelPosition(right);
        r.setItemLabelAnchorOffset(4);
        x.setRange(padded(minX, maxX, 0.08, 0.18));
        y.setRange(padded(minY, maxY, 0.1, 0.1));
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        if (finite(cityX)) {
            ValueMarker m = referenceLine(cityX, "全市 " + one(cityX) + "%");
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        if (finite(cityY)) {
            ValueMarker m = referenceLine(cityY, "全市 " + one(cityY) + "%");
            m.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(m, Layer.BACKGROUND);
        }
        return chart;
    }
}
