package org.countyscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.countyscope.config.CompareConfig;
import org.countyscope.dataset.Datasets;
import org.countyscope.gold.Cadence;
import org.countyscope.gold.ComparableGrowth;
import org.countyscope.gold.CountyComparison;
import org.countyscope.gold.IndicatorValues;
import org.countyscope.gold.RegionDimension;
import org.countyscope.gold.YearbookComparison;
import org.countyscope.io.CsvExport;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.io.XlsxExport;
import org.countyscope.silver.SinglePeriods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.apache.spark.sql.functions.col;
import static org.countyscope.dataset.Columns.*;

/**
 * Compare: silver → {@code gold/indicator_values} (rebuilt from silver each run), {@code gold/comparison} (the
 * requested cadences' periods replaced), {@code gold/yearbook_comparison}; then the exports planners open, under
 * {@code <out>/<period>/tables/}: {@code indicator_comparison.csv} (UTF-8 with BOM) and {@code comparison.xlsx}.
 */
public final class CompareJob {
    private static final Logger LOG = LoggerFactory.getLogger(CompareJob.class);
    public static final String VALUES = "indicator_values";
    public static final String COMPARISON = "comparison";
    public static final String YEARBOOK = "yearbook_comparison";

    /** The export's columns, in order: the generic ones first, as every consumer of the file expects. */
    static final List<String> EXPORT_COLUMNS = List.of(REGION_CODE, REGION_NAME, PARENT_CODE, PERIOD, INDICATOR,
        VALUE, PARENT_TOTAL, SHARE_PCT, RANK, YOY_PCT, CADENCE, INDICATOR_NAME, UNIT, VALUE_PERIOD, VS_PARENT_PP,
        CONTRIBUTION_PCT, PULL_PP, TWO_YEAR_AVG_PCT, PER_CAPITA, NOTE);
    static final Map<String, String> HEADINGS = Map.ofEntries(Map.entry(REGION_CODE, "区划代码"),
        Map.entry(REGION_NAME, "地区"), Map.entry(PARENT_CODE, "上级代码"), Map.entry(PERIOD, "时期"),
        Map.entry(INDICATOR, "指标代码"), Map.entry(VALUE, "1–N月累计/年度值"), Map.entry(PARENT_TOTAL, "上级合计"),
        Map.entry(SHARE_PCT, "占上级比重(%)"), Map.entry(RANK, "位次"), Map.entry(YOY_PCT, "同比增长(%)"),
        Map.entry(CADENCE, "频度"), Map.entry(INDICATOR_NAME, "指标"), Map.entry(UNIT, "计量单位"),
        Map.entry(VALUE_PERIOD, "本期值"), Map.entry(VS_PARENT_PP, "高于(低于)上级(百分点)"),
        Map.entry(CONTRIBUTION_PCT, "贡献率(%)"), Map.entry(PULL_PP, "拉动(百分点)"),
        Map.entry(TWO_YEAR_AVG_PCT, "两年平均增长(%)"), Map.entry(PER_CAPITA, "人均(元)"), Map.entry(NOTE, "说明"));

    /** What the run wrote: gold tables with their versions and the export folder. */
    public record Result(Map<String, Long> versions, Path tablesDir, long comparisonRows) {
    }

    private final TableStore store;

    public CompareJob(TableStore store) {
        this.store = store;
    }

    public Result run(CompareConfig cfg) {
        Dataset<Row> values = indicatorValues().cache();
        try {
            long vVersion = store.overwrite(Layer.GOLD, VALUES, values);
            List<String> units = values.select(REGION_CODE).distinct().as(Encoders.STRING()).collectAsList();
            Dataset<Row> regions = RegionDimension.of(store.spark(), units);
            Dataset<Row> comparison = null;
            List<String> predicates = new ArrayList<>();
            for (Cadence c : cfg.cadences()) {
                YearMonth end = c.periodEnd(cfg.period());
                Dataset<Row> part = CountyComparison.apply(values, regions, end, c);
                comparison = comparison == null ? part : comparison.unionByName(part);
                predicates.add("(" + CADENCE + " = '" + c.code() + "' AND " + PERIOD + " = '" + end + "')");
            }
            Dataset<Row> cmp = comparison.cache();
            long cVersion = store.replaceWhere(Layer.GOLD, COMPARISON, cmp, String.join(" OR ", predicates));
            long yVersion = -1;
            Dataset<Row> yearbook = null;
            if (store.exists(Layer.SILVER, Datasets.INDICATORS.name())) {
                yearbook = YearbookComparison.apply(store.current(Layer.SILVER, Datasets.INDICATORS.name())).cache();
                yVersion = store.overwrite(Layer.GOLD, YEARBOOK, yearbook);
            }
            Path dir = cfg.out().resolve(cfg.period().toString()).resolve("tables");
            long n = export(cmp, yearbook, cfg.period(), dir);
            cmp.unpersist();
            if (yearbook != null) {
                yearbook.unpersist();
            }
            LOG.info("compare {}: {} comparison rows exported to {}", cfg.period(), n, dir);
            return new Result(Map.of(VALUES, vVersion, COMPARISON, cVersion, YEARBOOK, yVersion), dir, n);
        } finally {
            values.unpersist();
        }
    }

    /** Every indicator of every dataset that is in silver, as gold/indicator_values rows. */
    Dataset<Row> indicatorValues() {
        List<Dataset<Row>> parts = new ArrayList<>();
        String io = SinglePeriods.table(Datasets.INDUSTRIAL_OUTPUT);
        if (store.exists(Layer.SILVER, io)) {
            Dataset<Row> monthly = store.read(Layer.SILVER, io);
            parts.add(IndicatorValues.industrialOutput(monthly));
            if (store.exists(Layer.SILVER, Datasets.PPI.name())) {
                parts.add(ComparableGrowth.apply(monthly, store.current(Layer.SILVER, Datasets.PPI.name())));
            }
        }
        if (store.exists(Layer.SILVER, Datasets.ENTERPRISE_REGISTER.name())) {
            parts.add(IndicatorValues.newEnterprises(store.current(Layer.SILVER, Datasets.ENTERPRISE_REGISTER.name())));
        }
        if (store.exists(Layer.SILVER, Datasets.TAX.name())) {
            parts.add(IndicatorValues.tax(store.current(Layer.SILVER, Datasets.TAX.name())));
        }
        String budget = SinglePeriods.table(Datasets.BUDGET_REVENUE);
        if (store.exists(Layer.SILVER, budget)) {
            parts.add(IndicatorValues.budget(store.read(Layer.SILVER, budget)));
        }
        String projects = SinglePeriods.table(Datasets.PROJECTS);
        if (store.exists(Layer.SILVER, projects)) {
            parts.add(IndicatorValues.investment(store.read(Layer.SILVER, projects)));
        }
        if (store.exists(Layer.SILVER, Datasets.ATTRACTION_CONTRACTS.name())
            && store.exists(Layer.SILVER, Datasets.ATTRACTION_FUNDS.name())) {
            parts.add(IndicatorValues.attraction(store.current(Layer.SILVER, Datasets.ATTRACTION_CONTRACTS.name()),
                store.current(Layer.SILVER, Datasets.ATTRACTION_FUNDS.name())));
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("silver holds no data to compare: run ingest first");
        }
        Dataset<Row> out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            out = out.unionByName(parts.get(i));
        }
        return out;
    }

    private long export(Dataset<Row> cmp, Dataset<Row> yearbook, YearMonth period, Path dir) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : cmp.orderBy(col(CADENCE), col(INDICATOR), col(REGION_LEVEL).desc(), col(RANK), col(REGION_CODE))
            .collectAsList()) {
            rows.add(exportRow(r, VALUE_CUM));
        }
        if (yearbook != null) {
            String year = latestYear(yearbook, period);
            if (year != null) {
                for (Row r : yearbook.where(col(PERIOD).equalTo(year))
                    .orderBy(col(INDICATOR), col(PARENT_CODE), col(RANK), col(REGION_CODE)).collectAsList()) {
                    rows.add(exportRow(r, VALUE));
                }
            }
        }
        CsvExport.write(dir.resolve("indicator_comparison.csv"), EXPORT_COLUMNS, rows);
        List<String> headings = EXPORT_COLUMNS.stream().map(HEADINGS::get).collect(Collectors.toList());
        XlsxExport.write(dir.resolve("comparison.xlsx"), List.of(new XlsxExport.Sheet("指标对比", headings, rows)));
        return rows.size();
    }

    private static String latestYear(Dataset<Row> yearbook, YearMonth period) {
        Row r = yearbook.where(col(PERIOD).leq(Integer.toString(period.getYear())))
            .agg(org.apache.spark.sql.functions.max(PERIOD)).head();
        return r.isNullAt(0) ? null : r.getString(0);
    }

    private static List<Object> exportRow(Row r, String valueColumn) {
        List<Object> out = new ArrayList<>();
        for (String c : EXPORT_COLUMNS) {
            String source = c.equals(VALUE) ? valueColumn : c;
            out.add(hasField(r, source) ? r.getAs(source) : null);
        }
        return out;
    }

    private static boolean hasField(Row r, String name) {
        return java.util.Arrays.asList(r.schema().fieldNames()).contains(name);
    }
}
