package org.countyscope.pipeline;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.countyscope.config.CompareConfig;
import org.countyscope.dataset.Datasets;
import org.countyscope.disclosure.Rendering;
import org.countyscope.disclosure.SuppressionRules;
import org.countyscope.disclosure.TaxCells;
import org.countyscope.gold.Cadence;
import org.countyscope.gold.AttractionBreakdown;
import org.countyscope.gold.ComparableGrowth;
import org.countyscope.gold.FiscalContribution;
import org.countyscope.gold.ProjectProgress;
import org.countyscope.gold.TargetProgress;
import org.countyscope.gold.TaxStructure;
import org.countyscope.gold.CountyComparison;
import org.countyscope.gold.Indicator;
import org.countyscope.gold.IndicatorValues;
import org.countyscope.gold.Indicators;
import org.countyscope.gold.IndustryStructure;
import org.countyscope.gold.MissingReports;
import org.countyscope.gold.RegionDimension;
import org.countyscope.gold.YearbookComparison;
import org.countyscope.io.CsvExport;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.io.WarehouseLock;
import org.countyscope.io.XlsxExport;
import org.countyscope.publish.PublishedColumns;
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
    public static final String FISCAL = "fiscal_contribution";
    public static final String TARGETS = "target_progress";
    public static final String PROJECTS = "project_progress";
    public static final String ATTRACTION = "attraction_breakdown";
    public static final String INDUSTRY = "industry_structure";
    public static final String TAX_STRUCTURE = "tax_structure";
    /** The quality file listing 大类 × months deflated with a broader index (or none). */
    public static final String DEFLATOR_FALLBACKS = "deflator_fallbacks.csv";
    /** The industry table's export columns: no contributor counts or largest contributions, which are enterprise data. */
    static final List<String> INDUSTRY_EXPORT = List.of(PERIOD, REGION_CODE, REGION_NAME, PARENT_CODE, REGION_LEVEL,
        IndustryStructure.DIVISION, IndustryStructure.DIVISION_NAME, IndustryStructure.ENTERPRISES,
        IndustryStructure.valueColumn(Indicators.IVA), IndustryStructure.valueColumn(Indicators.GROSS_OUTPUT),
        IndustryStructure.valueColumn(Indicators.REVENUE), IndustryStructure.SHARE_OF_REGION_PCT,
        IndustryStructure.SHARE_OF_CITY_PCT);
    static final Map<String, String> SHEET_NAMES = Map.of(FISCAL, "工业财税贡献", TARGETS, "目标任务进度",
        PROJECTS, "项目推进", ATTRACTION, "招商引资结构", TAX_STRUCTURE, "税收结构");

    /** The export's columns, in order: the generic ones first, as every consumer of the file expects. */
    static final List<String> EXPORT_COLUMNS = List.of(REGION_CODE, REGION_NAME, PARENT_CODE, PERIOD, INDICATOR,
        VALUE, PARENT_TOTAL, SHARE_PCT, RANK, YOY_PCT, CADENCE, INDICATOR_NAME, UNIT, VALUE_PERIOD, VS_PARENT_PP,
        CONTRIBUTION_PCT, PULL_PP, TWO_YEAR_AVG_PCT, PER_CAPITA, NOTE);
    static final Map<String, String> HEADINGS = Map.ofEntries(Map.entry(REGION_CODE, "区划代码"),
        Map.entry(REGION_NAME, "地区"), Map.entry(PARENT_CODE, "上级代码"), Map.entry(PERIOD, "时期"),
        Map.entry(INDICATOR, "指标代码"), Map.entry(VALUE, "1—N月累计/年度值"), Map.entry(PARENT_TOTAL, "上级合计"),
        Map.entry(SHARE_PCT, "占上级比重(%)"), Map.entry(RANK, "位次"), Map.entry(YOY_PCT, "同比增长(%)"),
        Map.entry(CADENCE, "频度"), Map.entry(INDICATOR_NAME, "指标"), Map.entry(UNIT, "计量单位"),
        Map.entry(VALUE_PERIOD, "本期值"), Map.entry(VS_PARENT_PP, "高于(低于)上级(百分点)"),
        Map.entry(CONTRIBUTION_PCT, "贡献率(%)"), Map.entry(PULL_PP, "拉动(百分点)"),
        Map.entry(TWO_YEAR_AVG_PCT, "两年平均增长(%)"), Map.entry(PER_CAPITA, "人均(元)"), Map.entry(NOTE, "说明"),
        Map.entry(REGION_LEVEL, "层级"), Map.entry("tax_total_cum", "税收收入(全口径,万元)"),
        Map.entry("tax_industry_cum", "工业税收(万元)"), Map.entry("industry_local_tax_cum", "工业地方级税收(万元)"),
        Map.entry("budget_revenue_cum", "一般公共预算收入(万元,与税收同口径)"), Map.entry("coverage", "口径"), Map.entry("iva_cum", "规上工业增加值(万元)"),
        Map.entry("industry_share_of_tax_pct", "工业税收占税收比重(%)"),
        Map.entry("industry_local_share_of_budget_pct", "工业地方级税收占一般公共预算收入比重(%)"),
        Map.entry("tax_per_100_yuan_va", "百元增加值税收(元)"), Map.entry("hhi_tax_type", "税种集中度HHI"),
        Map.entry("top_tax_type", "第一大税种"), Map.entry("top_tax_type_share_pct", "第一大税种占比(%)"),
        Map.entry("hhi_industry", "行业集中度HHI"), Map.entry("top_industry", "第一大行业代码"),
        Map.entry("top_industry_share_pct", "第一大行业占比(%)"), Map.entry(YEAR, "年度"),
        Map.entry(UNIT_TYPE, "考核对象类型"), Map.entry(UNIT_CODE, "单位代码"), Map.entry(UNIT_NAME, "单位名称"),
        Map.entry(TARGET, "目标值"), Map.entry("actual", "完成值"), Map.entry("completion_pct", "完成率(%)"),
        Map.entry("time_elapsed_pct", "序时进度(%)"), Map.entry("ahead_pp", "快于(慢于)序时进度(百分点)"),
        Map.entry("gap_pp", "与目标差距(百分点)"), Map.entry(STATUS, "状态"),
        Map.entry("planned_to_start", "计划开复工项目数"), Map.entry("started", "已开复工项目数"),
        Map.entry("start_rate_pct", "开复工率(%)"), Map.entry("planned_to_complete", "计划竣工项目数"),
        Map.entry("completed", "已竣工项目数"), Map.entry("completion_rate_pct", "建成率(%)"),
        Map.entry("due_capacity_n", "应达产达效工业项目数"), Map.entry("reached_capacity_n", "已达产达效项目数"),
        Map.entry("capacity_rate_pct", "达产达效率(%)"), Map.entry("investment_per_mu", "投资强度(万元/亩)"),
        Map.entry("land_users", "亩均计算工业项目数"), Map.entry("land_users_mu", "亩均计算用地面积(亩)"),
        Map.entry("land_users_tax_12m", "近12个月税收(万元)"), Map.entry("land_users_output_12m", "近12个月产值(万元)"),
        Map.entry("tax_per_mu", "亩均税收(万元/亩,近12个月)"), Map.entry("output_per_mu", "亩均产值(万元/亩,近12个月)"),
        Map.entry("dimension", "分组"), Map.entry("item", "类别"), Map.entry("contracts", "签约项目数"),
        Map.entry("signed_amount", "签约额(万元)"), Map.entry("funds_in_place", "到位资金(万元)"),
        Map.entry(IndustryStructure.DIVISION, "行业大类代码"), Map.entry(IndustryStructure.DIVISION_NAME, "行业大类"),
        Map.entry(IndustryStructure.ENTERPRISES, "规上企业数(个)"), Map.entry("gross_output_cum", "工业总产值(万元)"),
        Map.entry("revenue_cum", "营业收入(万元)"), Map.entry(IndustryStructure.SHARE_OF_REGION_PCT, "占本地区增加值比重(%)"),
        Map.entry(IndustryStructure.SHARE_OF_CITY_PCT, "占全市该行业比重(%)"),
        Map.entry(TaxStructure.TAX_CUM, "税收收入(万元)"), Map.entry(TaxStructure.SHARE_OF_REGION_PCT, "占本地区税收比重(%)"));

    /**
     * What the run wrote: gold tables with their versions and the export folder.
     *
     * @param withheld    figures of the 一套表 measures this release withholds (−1 without 一套表 data)
     * @param primaryOnly of those, the ones the primary rules alone withhold: the least any pattern must withhold
     */
    public record Result(Map<String, Long> versions, Path tablesDir, long comparisonRows, int withheld,
                         int primaryOnly) {
    }

    private final TableStore store;
    /** Sheet, heading, column, CSV file and gold table of every exported column, for the workbook's 说明 sheet. */
    private final List<List<Object>> catalogue = new ArrayList<>();
    /** 缺报 found by the last {@link #indicatorValues}, or null without a register. */
    private Dataset<Row> missingReports;

    public CompareJob(TableStore store) {
        this.store = store;
    }

    /** Runs under the warehouse's writer lock (a local warehouse): an ingest or another job waits for it. */
    public Result run(CompareConfig cfg) {
        try (WarehouseLock lock = WarehouseLock.forWriter(store.root())) {
            return runLocked(cfg);
        }
    }

    private Result runLocked(CompareConfig cfg) {
        // each stage below is planned on the materialised rows of the one before: small plans, quick planning
        Dataset<Row> values = indicatorValues(cfg.period()).localCheckpoint();
        try {
            long vVersion = store.overwrite(Layer.GOLD, VALUES, values);
            List<String> units = values.select(REGION_CODE).distinct().as(Encoders.STRING()).collectAsList();
            Dataset<Row> regions = RegionDimension.of(store.spark(), units);
            Dataset<Row> comparison = null;
            List<String> predicates = new ArrayList<>();
            for (Cadence c : cfg.cadences()) {
                YearMonth end = c.periodEnd(cfg.period());
                Dataset<Row> part = CountyComparison.apply(values, regions, end, c).localCheckpoint();
                comparison = comparison == null ? part : comparison.unionByName(part);
                predicates.add("(" + CADENCE + " = '" + c.code() + "' AND " + PERIOD + " = '" + end + "')");
            }
            Dataset<Row> cmp = comparison;
            long cVersion = store.replaceWhere(Layer.GOLD, COMPARISON, cmp, String.join(" OR ", predicates));
            long yVersion = -1;
            Dataset<Row> yearbook = null;
            if (store.exists(Layer.SILVER, Datasets.INDICATORS.name())) {
                yearbook = YearbookComparison.apply(store.current(Layer.SILVER, Datasets.INDICATORS.name()))
                    .localCheckpoint();
                yVersion = store.overwrite(Layer.GOLD, YEARBOOK, yearbook);
            }
            Map<String, Long> versions = new java.util.LinkedHashMap<>();
            Path dir = cfg.out().resolve(cfg.period().toString()).resolve("tables");
            List<XlsxExport.Sheet> sheets = new ArrayList<>();
            catalogue.clear();
            // one collect serves both the disclosure pattern and the export
            List<Row> cmpRows = cmp.orderBy(col(CADENCE), col(INDICATOR), col(REGION_LEVEL).desc(), col(RANK),
                col(REGION_CODE)).collectAsList();
            List<Row> industryRows = List.of();
            long iVersion = -1;
            String io = SinglePeriods.table(Datasets.INDUSTRIAL_OUTPUT);
            if (store.exists(Layer.SILVER, io)) {
                List<YearMonth> ends = cfg.cadences().stream().map(c -> c.periodEnd(cfg.period())).distinct().sorted()
                    .toList();
                Dataset<Row> industry = IndustryStructure.apply(completedIndustrialOutput(store.read(Layer.SILVER, io)), regions, ends)
                    .localCheckpoint();
                iVersion = store.replaceWhere(Layer.GOLD, INDUSTRY, industry, PERIOD + " IN ("
                    + String.join(",", ends.stream().map(e -> "'" + e + "'").toList()) + ")");
                industryRows = industry.orderBy(col(PERIOD), col(REGION_LEVEL), col(REGION_CODE),
                    col(IndustryStructure.DIVISION)).collectAsList();
            }
            ComparisonDisclosure disclosure;
            ReleaseGate.Gated gated = null;
            // the tax figures (by county, 税种 and 门类): their own linked system, logged with the 一套表 figures
            TaxCells.Pattern tax = cmpRows.isEmpty() ? null : TaxGate.protect(store, cfg.period(), cfg.cadences(),
                cityOf(cmpRows), countiesOf(cmpRows), SuppressionRules.defaults());
            if (store.exists(Layer.SILVER, io) && !cmpRows.isEmpty()) {
                // the 一套表 measures: one pattern for the release, consistent with the year's earlier releases
                gated = ReleaseGate.protect(store, completedIndustrialOutput(store.read(Layer.SILVER, io)),
                    cfg.period(), cfg.cadences(), cityOf(cmpRows), countiesOf(cmpRows), SuppressionRules.defaults(),
                    tax);
                versions.put(ReleaseGate.LOG_TABLE, store.version(Layer.GOLD, ReleaseGate.LOG_TABLE));
                disclosure = ComparisonDisclosure.of(gated, cmpRows, SuppressionRules.defaults());
            } else {
                disclosure = ComparisonDisclosure.protect(cmpRows, industryRows, SuppressionRules.defaults());
                if (tax != null) {
                    ReleaseGate.write(store, cfg.period().toString(), List.of(), tax);
                    versions.put(ReleaseGate.LOG_TABLE, store.version(Layer.GOLD, ReleaseGate.LOG_TABLE));
                }
            }
            disclosure = disclosure.withTax(tax);
            long n = export(cmpRows, yearbook, cfg.period(), dir, sheets, disclosure);
            if (!industryRows.isEmpty()) {
                exportIndustry(industryRows, dir, sheets, disclosure);
            }
            versions.put(VALUES, vVersion);
            versions.put(COMPARISON, cVersion);
            versions.put(YEARBOOK, yVersion);
            versions.put(INDUSTRY, iVersion);
            versions.put(MissingReports.TABLE, methodLists(cfg.period(), cfg.out()));
            marts(cfg, values, regions, cmp, dir, sheets, versions, disclosure);
            sheets.add(0, explanation());
            XlsxExport.write(dir.resolve("comparison.xlsx"), sheets);
            LOG.info("compare {}: {} comparison rows exported to {}", cfg.period(), n, dir);
            return new Result(versions, dir, n, gated == null ? -1 : gated.withheld(),
                gated == null ? -1 : gated.primaryOnly());
        } finally {
            values.unpersist();
        }
    }

    /**
     * The marts that hang off the comparison, for each distinct period end of the requested cadences: fiscal
     * contribution of industry, target progress, project progress and the 招商引资 breakdown. Each is a gold table
     * (the periods replaced) and a CSV plus a sheet of the workbook.
     */
    private void marts(CompareConfig cfg, Dataset<Row> values, Dataset<Row> regions, Dataset<Row> cmp, Path dir,
                       List<XlsxExport.Sheet> sheets, Map<String, Long> versions, ComparisonDisclosure disclosure) {
        List<YearMonth> ends = cfg.cadences().stream().map(c -> c.periodEnd(cfg.period())).distinct().sorted().toList();
        Map<String, Dataset<Row>> tables = new java.util.LinkedHashMap<>();
        for (YearMonth end : ends) {
            if (store.exists(Layer.SILVER, Datasets.TAX.name())) {
                add(tables, FISCAL, FiscalContribution.apply(store.current(Layer.SILVER, Datasets.TAX.name()), values,
                    regions, end, FiscalContribution.DEFAULT_LOCAL_SHARE));
                add(tables, TAX_STRUCTURE, TaxStructure.apply(store.current(Layer.SILVER, Datasets.TAX.name()), regions,
                    end));
            }
            boolean attraction = store.exists(Layer.SILVER, Datasets.ATTRACTION_CONTRACTS.name())
                && store.exists(Layer.SILVER, Datasets.ATTRACTION_FUNDS.name());
            if (store.exists(Layer.SILVER, Datasets.TARGETS.name()) && attraction) {
                String firstCadence = cfg.cadences().stream().filter(c -> c.periodEnd(cfg.period()).equals(end))
                    .findFirst().orElseThrow().code();
                Dataset<Row> atEnd = cmp.where(col(CADENCE).equalTo(firstCadence).and(col(PERIOD).equalTo(end.toString())));
                add(tables, TARGETS, TargetProgress.apply(store.current(Layer.SILVER, Datasets.TARGETS.name()), atEnd,
                    store.current(Layer.SILVER, Datasets.ATTRACTION_CONTRACTS.name()),
                    store.current(Layer.SILVER, Datasets.ATTRACTION_FUNDS.name()), end));
            }
            if (store.exists(Layer.SILVER, Datasets.PROJECTS.name())) {
                add(tables, PROJECTS, ProjectProgress.apply(store.current(Layer.SILVER, Datasets.PROJECTS.name()),
                    regions, end));
            }
            if (attraction) {
                add(tables, ATTRACTION, AttractionBreakdown.apply(
                    store.current(Layer.SILVER, Datasets.ATTRACTION_CONTRACTS.name()),
                    store.current(Layer.SILVER, Datasets.ATTRACTION_FUNDS.name()), regions, end));
            }
        }
        String inEnds = PERIOD + " IN (" + String.join(",", ends.stream().map(e -> "'" + e + "'").toList()) + ")";
        for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
            Dataset<Row> rows = t.getValue().localCheckpoint();
            versions.put(t.getKey(), store.replaceWhere(Layer.GOLD, t.getKey(), rows, inEnds));
            List<String> columns = new ArrayList<>(List.of(rows.columns()));
            List<List<Object>> out = new ArrayList<>();
            // every column in order: the same rows always export in the same order
            List<Map<String, Object>> maps = new ArrayList<>();
            for (Row r : rows.orderBy(columns.stream().map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new)).collectAsList()) {
                maps.add(ComparisonDisclosure.asMap(r));
            }
            // every mart row leaves through the gate: value added in the fiscal table, the actuals of targets; the
            // tax tables gain a note column, the footnote of a withheld tax figure
            List<Map<String, Object>> published = disclosure.publish(t.getKey(), maps);
            if (!published.isEmpty()) {
                published.get(0).keySet().stream().filter(k -> !columns.contains(k)).forEach(columns::add);
            }
            for (Map<String, Object> p : published) {
                out.add(new ArrayList<>(columns.stream().map(p::get).toList()));
            }
            rows.unpersist();
            out = PublishedColumns.rows(columns, out);
            CsvExport.write(dir.resolve(t.getKey() + ".csv"), columns, out);
            sheets.add(new XlsxExport.Sheet(SHEET_NAMES.get(t.getKey()), columns.stream()
                .map(c -> HEADINGS.getOrDefault(c, c)).toList(), out));
            describe(SHEET_NAMES.get(t.getKey()), t.getKey() + ".csv", "gold/" + t.getKey(), columns);
        }
    }

    /** Records a sheet's internal names for the workbook's 说明 sheet: the only place they are printed. */
    private void describe(String sheet, String csv, String tables, List<String> columns) {
        for (String c : columns) {
            catalogue.add(List.of(sheet, HEADINGS.getOrDefault(c, c), c, csv, tables));
        }
    }

    /**
     * The workbook's 说明 sheet: the figures are as printed (the precision of each kind), and for every heading of
     * every sheet the column's canonical name, the CSV file carrying it and the gold table it comes from.
     */
    private XlsxExport.Sheet explanation() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(java.util.Arrays.asList("说明", "数值按公布口径修约：百分比、增速、比重一位小数，百分点一位小数，万元两位小数，"
            + "个数为整数；完整精度保存在数据仓库gold层。…表示依据《统计法》不予公布。", null, null, null));
        rows.addAll(catalogue);
        return new XlsxExport.Sheet("说明", List.of("工作表", "列标题", "列名（CSV表头）", "CSV文件", "数据表"), rows);
    }

    private static void add(Map<String, Dataset<Row>> tables, String name, Dataset<Row> rows) {
        tables.merge(name, rows, Dataset::unionByName);
    }

    /**
     * The latest month any silver dataset reaches, a yearbook year counting as its December: what compare compares when
     * no period is given.
     */
    public YearMonth latestPeriod() {
        YearMonth latest = null;
        for (org.countyscope.dataset.DatasetSpec spec : Datasets.ALL) {
            if (spec.periodColumn() == null || !store.exists(Layer.SILVER, spec.name())) {
                continue;
            }
            Row r = store.current(Layer.SILVER, spec.name())
                .agg(org.apache.spark.sql.functions.max(spec.periodColumn())).head();
            String p = r.isNullAt(0) ? "" : r.get(0).toString();
            YearMonth month = p.matches("\\d{4}") ? YearMonth.of(Integer.parseInt(p), 12)
                : p.matches("\\d{4}-\\d{2}.*") ? YearMonth.parse(p.substring(0, 7)) : null;
            if (month != null && (latest == null || month.isAfter(latest))) {
                latest = month;
            }
        }
        if (latest == null) {
            throw new IllegalStateException("silver holds no data to compare: run ingest first");
        }
        return latest;
    }

    /**
     * The 一套表 single periods with this run's 缺报 estimates added, as the comparison counts them: county × 大类 must
     * add up to the very county figures the comparison publishes, or the linked tables disagree.
     */
    private Dataset<Row> completedIndustrialOutput(Dataset<Row> monthly) {
        if (missingReports == null
            || missingReports.where(col(MissingReports.METHOD).notEqual(MissingReports.NONE)).isEmpty()) {
            return monthly;
        }
        return MissingReports.complete(monthly, missingReports);
    }

    /** Every indicator of every dataset that is in silver, as gold/indicator_values rows. */
    Dataset<Row> indicatorValues(YearMonth horizon) {
        List<Dataset<Row>> parts = new ArrayList<>();
        String io = SinglePeriods.table(Datasets.INDUSTRIAL_OUTPUT);
        if (store.exists(Layer.SILVER, io)) {
            Dataset<Row> monthly = store.read(Layer.SILVER, io);
            Dataset<Row> register = registerOrNull();
            if (register != null) {
                // 缺报: a register enterprise's missing month is estimated, so its year-to-date stays in the totals
                missingReports = MissingReports.list(monthly, register, horizon).localCheckpoint();
                if (!missingReports.where(col(MissingReports.METHOD).notEqual(MissingReports.NONE)).isEmpty()) {
                    monthly = MissingReports.complete(monthly, missingReports);
                }
            }
            parts.add(IndicatorValues.industrialOutput(monthly));
            if (store.exists(Layer.SILVER, Datasets.PPI.name())) {
                parts.add(ComparableGrowth.apply(monthly, store.current(Layer.SILVER, Datasets.PPI.name()), register));
            }
        }
        if (store.exists(Layer.SILVER, Datasets.ENTERPRISE_REGISTER.name())) {
            parts.add(IndicatorValues.newEnterprises(store.current(Layer.SILVER, Datasets.ENTERPRISE_REGISTER.name()),
                dataHorizon(io, horizon)));
        }
        if (store.exists(Layer.SILVER, Datasets.TAX.name())) {
            parts.add(IndicatorValues.tax(store.current(Layer.SILVER, Datasets.TAX.name()),
                dataHorizon(Datasets.TAX.name(), horizon)));
        }
        String budget = SinglePeriods.table(Datasets.BUDGET_REVENUE);
        if (store.exists(Layer.SILVER, budget)) {
            parts.add(IndicatorValues.budget(store.read(Layer.SILVER, budget)));
        }
        String projects = SinglePeriods.table(Datasets.PROJECTS);
        if (store.exists(Layer.SILVER, projects)) {
            parts.add(IndicatorValues.investment(store.read(Layer.SILVER, projects), horizon));
        }
        if (store.exists(Layer.SILVER, Datasets.ATTRACTION_CONTRACTS.name())
            && store.exists(Layer.SILVER, Datasets.ATTRACTION_FUNDS.name())) {
            parts.add(IndicatorValues.attraction(store.current(Layer.SILVER, Datasets.ATTRACTION_CONTRACTS.name()),
                store.current(Layer.SILVER, Datasets.ATTRACTION_FUNDS.name()),
                dataHorizon(Datasets.ATTRACTION_FUNDS.name(), horizon)));
        }
        if (parts.isEmpty()) {
            if (store.exists(Layer.SILVER, Datasets.INDICATORS.name())) {
                // yearbook tables only: no monthly indicators, and the yearbook comparison carries the export
                return IndicatorValues.empty(store.spark());
            }
            throw new IllegalStateException("silver holds no data to compare: run ingest first");
        }
        Dataset<Row> out = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            // the 一套表 parts carry flags (estimated, deflator_fallback) the others leave null
            out = out.unionByName(parts.get(i), true);
        }
        return out;
    }

    private Dataset<Row> registerOrNull() {
        return store.exists(Layer.SILVER, Datasets.ENTERPRISE_REGISTER.name())
            ? store.current(Layer.SILVER, Datasets.ENTERPRISE_REGISTER.name()) : null;
    }

    /**
     * What the data review and the quality report read about the 一套表: {@code gold/missing_reports} (缺报, one row per
     * enterprise × missing month, see {@link MissingReports}) and {@code <out>/<period>/quality/deflator_fallbacks.csv}
     * (大类 × month deflated without their own PPI). Returns the table's version, or −1 without the data.
     */
    private long methodLists(YearMonth period, Path out) {
        String io = SinglePeriods.table(Datasets.INDUSTRIAL_OUTPUT);
        if (!store.exists(Layer.SILVER, io)) {
            return -1;
        }
        Dataset<Row> monthly = store.read(Layer.SILVER, io);
        if (store.exists(Layer.SILVER, Datasets.PPI.name())) {
            List<Row> rows = ComparableGrowth.fallbacks(monthly.where(col(PERIOD).leq(period.toString())),
                    store.current(Layer.SILVER, Datasets.PPI.name()))
                .orderBy(INDUSTRY_CODE, PERIOD).collectAsList();
            List<List<Object>> out2 = new ArrayList<>();
            // the canonical names under the Chinese headings, as in the other quality files
            out2.add(List.of(INDUSTRY_CODE, PERIOD, "substitute_index", "index_used", "reports"));
            for (Row r : rows) {
                out2.add(List.of(r.getString(0), r.getString(1), r.getString(2), r.get(3), r.get(4)));
            }
            CsvExport.write(out.resolve(period.toString()).resolve("quality").resolve(DEFLATOR_FALLBACKS),
                List.of("行业大类代码", "月份", "替代指数", "所用指数（上年同月=100）", "涉及企业报表数"), out2);
        }
        return missingReports == null ? -1 : store.overwrite(Layer.GOLD, MissingReports.TABLE, missingReports);
    }

    /**
     * How far a dataset's month grid runs: to the compared month, but never past the dataset's own last month, so a
     * month the files do not reach yet has no figure rather than a zero.
     */
    private YearMonth dataHorizon(String silverTable, YearMonth period) {
        if (!store.exists(Layer.SILVER, silverTable)) {
            return period;
        }
        Row r = store.read(Layer.SILVER, silverTable).agg(org.apache.spark.sql.functions.max(PERIOD)).head();
        if (r.isNullAt(0)) {
            return period;
        }
        YearMonth last = YearMonth.parse(r.getString(0));
        return last.isBefore(period) ? last : period;
    }

    private long export(List<Row> all, Dataset<Row> yearbook, YearMonth period, Path dir,
                        List<XlsxExport.Sheet> sheets, ComparisonDisclosure disclosure) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Integer> ranks = disclosure.ranksAmongPublished(all);
        for (Row r : all) {
            List<Object> row = exportRow(r, VALUE_CUM);
            Integer rank = ranks.get(r.getAs(CADENCE) + "|" + r.getAs(INDICATOR) + "|" + r.getAs(REGION_CODE));
            if (rank != null) {
                row.set(EXPORT_COLUMNS.indexOf(RANK), rank);
                row.set(EXPORT_COLUMNS.indexOf(NOTE), ComparisonDisclosure.RANK_NOTE);
            }
            rows.add(disclosure.published(r, row, EXPORT_COLUMNS));
        }
        LOG.info("disclosure control withheld {} figures", disclosure.suppressedIds().size());
        if (yearbook != null) {
            String year = latestYear(yearbook, period);
            if (year != null) {
                for (Row r : yearbook.where(col(PERIOD).equalTo(year))
                    .orderBy(col(INDICATOR), col(PARENT_CODE), col(RANK), col(REGION_CODE)).collectAsList()) {
                    rows.add(exportRow(r, VALUE));
                }
            }
        }
        rows = PublishedColumns.rows(EXPORT_COLUMNS, rows);
        CsvExport.write(dir.resolve("indicator_comparison.csv"), EXPORT_COLUMNS, rows);
        List<String> headings = EXPORT_COLUMNS.stream().map(HEADINGS::get).collect(Collectors.toList());
        sheets.add(new XlsxExport.Sheet("指标对比", headings, rows));
        describe("指标对比", "indicator_comparison.csv", "gold/" + COMPARISON + "、gold/" + YEARBOOK, EXPORT_COLUMNS);
        return rows.size();
    }

    /**
     * industry_structure.csv: counties and the city by 大类. A withheld value shows "…"; so do the shares that would
     * give a withheld figure back (the cell's own, the shares of a county whose total is withheld, the shares of a
     * 大类 whose city total is withheld).
     */
    private void exportIndustry(List<Row> rows, Path dir, List<XlsxExport.Sheet> sheets,
                                       ComparisonDisclosure disclosure) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> published = disclosure.publishIndustry(ComparisonDisclosure.asMap(r));
            out.add(PublishedColumns.row(INDUSTRY_EXPORT,
                INDUSTRY_EXPORT.stream().map(published::get).collect(Collectors.toList())));
        }
        CsvExport.write(dir.resolve(INDUSTRY + ".csv"), INDUSTRY_EXPORT, out);
        sheets.add(new XlsxExport.Sheet("分行业结构", INDUSTRY_EXPORT.stream().map(c -> HEADINGS.getOrDefault(c, c))
            .toList(), out));
        describe("分行业结构", INDUSTRY + ".csv", "gold/" + INDUSTRY, INDUSTRY_EXPORT);
    }

    /** The city of the comparison (the one city-level region). */
    private static String cityOf(List<Row> rows) {
        return rows.stream().filter(r -> CountyComparison.LEVEL_CITY.equals(r.getAs(REGION_LEVEL)))
            .map(r -> r.<String>getAs(REGION_CODE)).findFirst()
            .orElseThrow(() -> new IllegalStateException("the comparison has no city row"));
    }

    /** The counties of the comparison's city, sorted. */
    private static List<String> countiesOf(List<Row> rows) {
        String city = cityOf(rows);
        return rows.stream().filter(r -> CountyComparison.LEVEL_COUNTY.equals(r.getAs(REGION_LEVEL))
                && city.equals(r.getAs(PARENT_CODE)))
            .map(r -> r.<String>getAs(REGION_CODE)).distinct().sorted().toList();
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
