package org.countyscope.dataset;

import java.util.List;
import java.util.Optional;

import static org.countyscope.dataset.ColumnSpec.choice;
import static org.countyscope.dataset.ColumnSpec.industry;
import static org.countyscope.dataset.ColumnSpec.of;
import static org.countyscope.dataset.Columns.*;

/** The source datasets countyscope ingests, with the headings the bureau's files use. */
public final class Datasets {
    private Datasets() {
    }

    /** Ceiling for one enterprise's or one cell's money in 万元 (1000 亿元): larger is a unit slip. */
    static final double MONEY_CELL_MAX = 1e7;
    /** Ceiling for a region's money in 万元 (1 万亿元). */
    static final double MONEY_REGION_MAX = 1e8;

    private static ColumnSpec month() {
        return of(PERIOD, "时期", ColumnType.MONTH).mandatory().aka("所属期", "报告期", "月份", "税款所属期", "统计时期");
    }

    private static ColumnSpec region() {
        return of(REGION_CODE, "区划代码", ColumnType.REGION).mandatory().aka("行政区划代码", "县区代码", "地区代码");
    }

    private static ColumnSpec regionName() {
        return of(REGION_NAME, "县区", ColumnType.TEXT).aka("地区", "县区名称", "地区名称", "区县");
    }

    /** 税收: 全口径 tax collected, 当月, per county × industry 大类 × tax type, 万元. */
    public static final DatasetSpec TAX = new DatasetSpec("tax", "税收收入（全口径）",
        List.of(month(), region(), regionName(),
            industry(INDUSTRY_CODE, "行业代码", 2, false).mandatory().aka("行业大类代码"),
            of(INDUSTRY_NAME, "行业名称", ColumnType.TEXT),
            of(TAX_TYPE, "税种", ColumnType.TEXT).mandatory().aka("税种名称"),
            // net of refunds (留抵退税) a cell can be negative, so only the size is bounded
            of(AMOUNT, "入库税额", ColumnType.NUMBER).mandatory().range(-MONEY_CELL_MAX, MONEY_CELL_MAX)
                .aka("税额", "入库税款", "全口径税收"),
            // optional: the taxpayers of the cell, what the disclosure rules count (files without it are accepted)
            of(TAXPAYERS, "纳税户数", ColumnType.INTEGER).nonNegative(10_000_000).aka("纳税人户数", "纳税人数", "户数")),
        List.of(PERIOD, REGION_CODE, INDUSTRY_CODE, TAX_TYPE), PERIOD, List.of(), false, List.of());

    /** 一般公共预算收入, cumulative 1—N月, per region incl. 市本级 (the city code). */
    public static final DatasetSpec BUDGET_REVENUE = new DatasetSpec("budget_revenue", "一般公共预算收入",
        List.of(month(), region(), regionName(),
            of(TAX_REVENUE, "税收收入", ColumnType.NUMBER).mandatory().nonNegative(MONEY_REGION_MAX),
            of(NON_TAX_REVENUE, "非税收入", ColumnType.NUMBER).mandatory().nonNegative(MONEY_REGION_MAX),
            of(TOTAL_REVENUE, "一般公共预算收入", ColumnType.NUMBER).nonNegative(MONEY_REGION_MAX)),
        List.of(PERIOD, REGION_CODE), PERIOD, List.of(TAX_REVENUE, NON_TAX_REVENUE, TOTAL_REVENUE), false,
        List.of(new RowRule("budget_total", TOTAL_REVENUE,
            "abs(total_revenue - (tax_revenue + non_tax_revenue)) <= 0.5",
            "一般公共预算收入不等于税收收入与非税收入之和")));

    /** 一套表: enterprise reports of 规上工业, cumulative 1—N月, 1—2月 together. */
    public static final DatasetSpec INDUSTRIAL_OUTPUT = new DatasetSpec("industrial_output", "规上工业企业一套表",
        List.of(month(),
            of(CREDIT_CODE, "统一社会信用代码", ColumnType.CREDIT_CODE).mandatory().aka("社会信用代码", "信用代码"),
            of(ENTERPRISE_NAME, "单位详细名称", ColumnType.TEXT).aka("单位名称", "企业名称"),
            region(),
            industry(INDUSTRY_CODE, "行业代码", 4, true).mandatory().aka("行业小类代码"),
            of(GROSS_OUTPUT, "工业总产值", ColumnType.NUMBER).mandatory().nonNegative(MONEY_CELL_MAX).aka("工业总产值（当年价格）"),
            of(VALUE_ADDED, "工业增加值", ColumnType.NUMBER).mandatory().nonNegative(MONEY_CELL_MAX),
            of(REVENUE, "营业收入", ColumnType.NUMBER).mandatory().nonNegative(MONEY_CELL_MAX).aka("主营业务收入"),
            of(PROFIT, "利润总额", ColumnType.NUMBER).range(-MONEY_CELL_MAX, MONEY_CELL_MAX),
            of(EMPLOYEES, "从业人员平均人数", ColumnType.INTEGER).nonNegative(500_000).aka("从业人员", "从业人数"),
            // optional 上年同期 columns of the B204-1 form: last year's 1—N月 of the same enterprise
            of(GROSS_OUTPUT + PREV_SUFFIX, "工业总产值上年同期", ColumnType.NUMBER).nonNegative(MONEY_CELL_MAX)
                .aka("上年同期工业总产值"),
            of(VALUE_ADDED + PREV_SUFFIX, "工业增加值上年同期", ColumnType.NUMBER).nonNegative(MONEY_CELL_MAX)
                .aka("上年同期工业增加值"),
            of(REVENUE + PREV_SUFFIX, "营业收入上年同期", ColumnType.NUMBER).nonNegative(MONEY_CELL_MAX)
                .aka("上年同期营业收入"),
            of(PROFIT + PREV_SUFFIX, "利润总额上年同期", ColumnType.NUMBER).range(-MONEY_CELL_MAX, MONEY_CELL_MAX)
                .aka("上年同期利润总额")),
        List.of(CREDIT_CODE, PERIOD), PERIOD, List.of(GROSS_OUTPUT, VALUE_ADDED, REVENUE, PROFIT), true,
        List.of(new RowRule("va_le_output", VALUE_ADDED, "value_added <= gross_output + 0.01",
            "工业增加值大于工业总产值")));

    /** 规上工业企业名录: one row per year and enterprise, with entries (新增) and exits (退库). */
    public static final DatasetSpec ENTERPRISE_REGISTER = new DatasetSpec("enterprise_register", "规上工业企业名录",
        List.of(of(YEAR, "年份", ColumnType.YEAR).mandatory().aka("年度"),
            of(CREDIT_CODE, "统一社会信用代码", ColumnType.CREDIT_CODE).mandatory().aka("社会信用代码"),
            of(ENTERPRISE_NAME, "单位详细名称", ColumnType.TEXT).aka("单位名称", "企业名称"),
            region(),
            industry(INDUSTRY_CODE, "行业代码", 4, true).mandatory(),
            choice(STATUS, "变动情况", "年初在库", "新增", "退库").mandatory(),
            of(CHANGE_PERIOD, "变动时期", ColumnType.MONTH),
            // why a 新增 entered: a new plant has no 上年同期 (zero base), one that crossed the threshold has
            choice(ENTRY_REASON, "新增原因", "新建投产", "升规", "小升规").aka("新增类型", "变动原因")),
        List.of(YEAR, CREDIT_CODE), null, List.of(), false,
        List.of(new RowRule("change_period_needed", CHANGE_PERIOD,
                "status = '年初在库' OR change_period IS NOT NULL", "新增或退库企业缺少变动时期"),
            new RowRule("change_period_in_year", CHANGE_PERIOD,
                "change_period IS NULL OR substr(change_period, 1, 4) = cast(year AS STRING)",
                "变动时期不在该年度内")));

    /** The PPI file's row for all industrial products (全部工业品), written in its 行业代码 column. */
    public static final String PPI_ALL_INDUSTRY = "全部工业品";
    /** Broader indices a PPI file may carry besides 大类: the industrial 门类 (B, C, D) and 全部工业品. */
    public static final List<String> PPI_BROADER = List.of("B", "C", "D", PPI_ALL_INDUSTRY);

    /**
     * 分行业工业生产者出厂价格指数 (上年同月 = 100), the deflator of value added: 大类 rows, optionally 门类 rows (行业代码 B, C,
     * D) and a 全部工业品 row, which stand in for a 大类 the file lacks.
     */
    public static final DatasetSpec PPI = new DatasetSpec("ppi", "分行业工业生产者出厂价格指数",
        List.of(month(),
            industry(INDUSTRY_CODE, "行业代码", 2, true).mandatory(),
            of(INDUSTRY_NAME, "行业名称", ColumnType.TEXT),
            of(PPI_INDEX, "出厂价格指数", ColumnType.NUMBER).mandatory().range(50.0, 200.0)
                .aka("工业生产者出厂价格指数", "PPI")),
        List.of(PERIOD, INDUSTRY_CODE), PERIOD, List.of(), false, List.of());

    /** 固定资产投资项目月报: one row per project per month, 本年完成投资 cumulative. */
    public static final DatasetSpec PROJECTS = new DatasetSpec("projects", "固定资产投资项目",
        List.of(month(),
            of(PROJECT_CODE, "项目代码", ColumnType.TEXT).mandatory().aka("项目编码", "项目编号"),
            of(PROJECT_NAME, "项目名称", ColumnType.TEXT),
            region(),
            industry(INDUSTRY_CODE, "行业代码", 2, false),
            choice(PROJECT_TYPE, "项目类型", "工业", "基础设施", "房地产开发", "社会民生", "其他").mandatory(),
            of(PLANNED_TOTAL, "计划总投资", ColumnType.NUMBER).mandatory().nonNegative(MONEY_CELL_MAX),
            of(COMPLETED_YTD, "本年完成投资", ColumnType.NUMBER).mandatory().nonNegative(MONEY_CELL_MAX),
            of(COMPLETED_TOTAL, "自开工累计完成投资", ColumnType.NUMBER).nonNegative(MONEY_CELL_MAX),
            of(LAND_AREA_MU, "用地面积", ColumnType.NUMBER).nonNegative(100_000).aka("用地面积（亩）"),
            of(SIGN_DATE, "签约日期", ColumnType.DATE),
            of(PLANNED_START, "计划开工日期", ColumnType.DATE),
            of(START_DATE, "实际开工日期", ColumnType.DATE).aka("开工日期"),
            of(PLANNED_COMPLETION, "计划竣工日期", ColumnType.DATE),
            of(COMPLETION_DATE, "实际竣工日期", ColumnType.DATE).aka("竣工日期"),
            choice(STATUS, "项目状态", "签约", "开工", "在建", "竣工", "投产").mandatory(),
            of(REACHED_CAPACITY, "是否达产达效", ColumnType.FLAG).aka("达产达效"),
            of(OUTPUT_YTD, "本年产值", ColumnType.NUMBER).nonNegative(MONEY_CELL_MAX),
            of(TAX_YTD, "本年税收", ColumnType.NUMBER).range(-MONEY_CELL_MAX, MONEY_CELL_MAX),
            of(PLANNED_CAPACITY, "计划达产日期", ColumnType.DATE).aka("计划达产时间", "设计达产日期"),
            of(CAPACITY_DATE, "实际达产日期", ColumnType.DATE).aka("达产日期", "实际达产时间")),
        List.of(PROJECT_CODE, PERIOD), PERIOD, List.of(COMPLETED_YTD, OUTPUT_YTD, TAX_YTD), false,
        List.of(new RowRule("completion_after_start", COMPLETION_DATE,
                "completion_date >= start_date", "实际竣工日期早于实际开工日期"),
            new RowRule("started_has_date", START_DATE,
                "status IN ('签约') OR start_date IS NOT NULL", "项目已开工但缺少实际开工日期"),
            new RowRule("completed_within_plan", COMPLETED_TOTAL,
                "completed_total <= planned_total * 3", "累计完成投资超过计划总投资三倍，请核实单位")));

    /** 招商引资签约项目: one row per contract. */
    public static final DatasetSpec ATTRACTION_CONTRACTS = new DatasetSpec("attraction_contracts", "招商引资签约项目",
        List.of(of(CONTRACT_CODE, "项目编号", ColumnType.TEXT).mandatory().aka("合同编号", "项目代码"),
            of(PROJECT_NAME, "项目名称", ColumnType.TEXT),
            region(),
            industry(INDUSTRY_CODE, "行业代码", 2, false),
            of(CHAIN, "产业链", ColumnType.TEXT),
            of(SIGN_DATE, "签约日期", ColumnType.DATE).mandatory(),
            of(SIGNED_AMOUNT, "签约金额", ColumnType.NUMBER).mandatory().nonNegative(MONEY_CELL_MAX).aka("合同金额", "签约额"),
            choice(SOURCE, "资金来源", "省外", "省内", "境外").mandatory().aka("来源"),
            of(FORTUNE500, "是否500强", ColumnType.FLAG).aka("500强"),
            of(LISTED, "是否上市公司", ColumnType.FLAG).aka("上市公司"),
            of(RESPONSIBLE_UNIT, "责任单位", ColumnType.TEXT).mandatory()),
        List.of(CONTRACT_CODE), null, List.of(), false, List.of());

    /** 招商引资到位资金: 当月 funds in place per contract. */
    public static final DatasetSpec ATTRACTION_FUNDS = new DatasetSpec("attraction_funds", "招商引资到位资金",
        List.of(month(),
            of(CONTRACT_CODE, "项目编号", ColumnType.TEXT).mandatory().aka("合同编号", "项目代码"),
            of(FUNDS_IN_PLACE, "当月到位资金", ColumnType.NUMBER).mandatory().nonNegative(MONEY_CELL_MAX).aka("到位资金")),
        List.of(PERIOD, CONTRACT_CODE), PERIOD, List.of(), false, List.of());

    /** 目标任务: annual targets per county and per responsible department. */
    public static final DatasetSpec TARGETS = new DatasetSpec("targets", "目标任务",
        List.of(of(YEAR, "年度", ColumnType.YEAR).mandatory().aka("年份"),
            choice(UNIT_TYPE, "考核对象类型", "县区", "部门", "全市").mandatory(),
            of(UNIT_CODE, "单位代码", ColumnType.TEXT).mandatory(),
            of(UNIT_NAME, "单位名称", ColumnType.TEXT).mandatory(),
            of(INDICATOR, "指标", ColumnType.TEXT).mandatory().aka("指标名称"),
            of(UNIT, "计量单位", ColumnType.TEXT).mandatory().aka("单位"),
            of(TARGET, "目标值", ColumnType.NUMBER).mandatory().range(-100.0, MONEY_REGION_MAX).aka("目标")),
        List.of(YEAR, UNIT_CODE, INDICATOR), null, List.of(), false, List.of());

    /** Any yearbook table in long format, for any region hierarchy. */
    public static final DatasetSpec INDICATORS = new DatasetSpec("indicators", "统计年鉴指标（长表）",
        List.of(of(REGION_CODE, "region_code", ColumnType.TEXT).mandatory().aka("地区代码", "区划代码"),
            of(REGION_NAME, "region_name", ColumnType.TEXT).aka("地区名称", "地区"),
            of(PARENT_CODE, "parent_code", ColumnType.TEXT).aka("上级代码"),
            of(PERIOD, "period", ColumnType.PERIOD).mandatory().aka("时期"),
            of(INDICATOR, "indicator", ColumnType.TEXT).mandatory().aka("指标", "指标名称"),
            of(UNIT, "unit", ColumnType.TEXT).aka("计量单位", "单位"),
            of(VALUE, "value", ColumnType.NUMBER).mandatory().range(-1e12, 1e12).aka("数值", "指标值")),
        List.of(REGION_CODE, PERIOD, INDICATOR), PERIOD, List.of(), false,
        List.of(new RowRule("not_own_parent", PARENT_CODE, "parent_code <> region_code", "上级代码与本级代码相同")));

    /** A series from an NBS data-export file (数据库/时间/指标 layout), unpivoted. */
    public static final DatasetSpec NBS_SERIES = new DatasetSpec("nbs_series", "国家统计局数据库导出序列",
        List.of(of(INDICATOR, "indicator", ColumnType.TEXT).mandatory(),
            of(PERIOD, "period_label", ColumnType.PERIOD).mandatory(),
            of(VALUE, "value", ColumnType.NUMBER).mandatory().range(-1e12, 1e12)),
        List.of(INDICATOR, PERIOD), PERIOD, List.of(), false, List.of());

    public static final List<DatasetSpec> ALL = List.of(TAX, BUDGET_REVENUE, INDUSTRIAL_OUTPUT, ENTERPRISE_REGISTER,
        PPI, PROJECTS, ATTRACTION_CONTRACTS, ATTRACTION_FUNDS, TARGETS, INDICATORS, NBS_SERIES);

    public static Optional<DatasetSpec> byName(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

}
