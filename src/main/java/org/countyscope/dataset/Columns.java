package org.countyscope.dataset;

/** Every canonical column name, in one place, so no table is spelt two ways. */
public final class Columns {
    private Columns() {
    }

    // shared
    public static final String PERIOD = "period";
    public static final String YEAR = "year";
    public static final String REGION_CODE = "region_code";
    public static final String REGION_NAME = "region_name";
    public static final String PARENT_CODE = "parent_code";
    public static final String INDUSTRY_CODE = "industry_code";
    public static final String INDUSTRY_NAME = "industry_name";

    // tax
    public static final String TAX_TYPE = "tax_type";
    public static final String AMOUNT = "amount";
    /** 纳税户数: taxpayers of a tax cell (optional column of the tax file). */
    public static final String TAXPAYERS = "taxpayers";

    // budget revenue
    public static final String TAX_REVENUE = "tax_revenue";
    public static final String NON_TAX_REVENUE = "non_tax_revenue";
    public static final String TOTAL_REVENUE = "total_revenue";

    // industrial output and register
    public static final String CREDIT_CODE = "credit_code";
    public static final String ENTERPRISE_NAME = "enterprise_name";
    public static final String GROSS_OUTPUT = "gross_output";
    public static final String VALUE_ADDED = "value_added";
    public static final String REVENUE = "revenue";
    public static final String PROFIT = "profit";
    public static final String EMPLOYEES = "employees";
    public static final String STATUS = "status";
    public static final String CHANGE_PERIOD = "change_period";
    public static final String PPI_INDEX = "ppi_index";
    /** 上年同期: last year's value of the same months, as the 一套表 form (B204-1) carries it; suffix of a money column. */
    public static final String PREV_SUFFIX = "_prev";
    /** 新增原因 in the register: 新建投产 (a new plant, zero base) or 升规/小升规 (crossed the threshold). */
    public static final String ENTRY_REASON = "entry_reason";

    // projects
    public static final String PROJECT_CODE = "project_code";
    public static final String PROJECT_NAME = "project_name";
    public static final String PROJECT_TYPE = "project_type";
    public static final String PLANNED_TOTAL = "planned_total";
    public static final String COMPLETED_YTD = "completed_ytd";
    public static final String COMPLETED_TOTAL = "completed_total";
    public static final String LAND_AREA_MU = "land_area_mu";
    public static final String SIGN_DATE = "sign_date";
    public static final String PLANNED_START = "planned_start";
    public static final String START_DATE = "start_date";
    public static final String PLANNED_COMPLETION = "planned_completion";
    public static final String COMPLETION_DATE = "completion_date";
    public static final String REACHED_CAPACITY = "reached_capacity";
    public static final String OUTPUT_YTD = "output_ytd";
    public static final String TAX_YTD = "tax_ytd";
    public static final String PLANNED_CAPACITY = "planned_capacity_date";
    public static final String CAPACITY_DATE = "capacity_date";

    // 招商引资
    public static final String CONTRACT_CODE = "contract_code";
    public static final String CHAIN = "chain";
    public static final String SIGNED_AMOUNT = "signed_amount";
    public static final String SOURCE = "source";
    public static final String FORTUNE500 = "fortune500";
    public static final String LISTED = "listed";
    public static final String RESPONSIBLE_UNIT = "responsible_unit";
    public static final String FUNDS_IN_PLACE = "funds_in_place";

    // targets
    public static final String UNIT_TYPE = "unit_type";
    public static final String UNIT_CODE = "unit_code";
    public static final String UNIT_NAME = "unit_name";
    public static final String INDICATOR = "indicator";
    public static final String UNIT = "unit";
    public static final String TARGET = "target";
    public static final String VALUE = "value";

    // NBS export
    public static final String PERIOD_LABEL = "period_label";
    public static final String FREQUENCY = "frequency";
    public static final String DATABASE = "database";

    // derived single periods
    public static final String MONTHS_COVERED = "months_covered";
    public static final String CUM_SUFFIX = "_cum";

    // lineage, on every bronze and silver row
    public static final String SOURCE_FILE = "_file";
    public static final String SOURCE_ROW = "_row";
    public static final String CHECKSUM = "_checksum";
    public static final String BATCH_ID = "_batch_id";
    public static final String LOADED_AT = "_loaded_at";
    public static final String EXTRA = "_extra";
    public static final String FILE_SEQ = "_file_seq";
    public static final String RELEASE = "release";
    public static final String VALID_FROM = "valid_from";
    public static final String VALID_TO = "valid_to";
    public static final String IS_CURRENT = "is_current";
    public static final String SUPERSEDED_BY = "superseded_by";

    // gold
    public static final String REGION_LEVEL = "region_level";
    public static final String INDICATOR_NAME = "indicator_name";
    public static final String VALUE_MONTH = "value_month";
    public static final String VALUE_CUM = "value_cum";
    public static final String CONTRIBUTORS = "contributors";
    public static final String MAX_CONTRIBUTOR = "max_contributor";
    public static final String CADENCE = "cadence";
    public static final String VALUE_PERIOD = "value_period";
    public static final String PARENT_TOTAL = "parent_total";
    public static final String SHARE_PCT = "share_pct";
    public static final String RANK = "rank";
    public static final String YOY_PCT = "yoy_pct";
    public static final String YOY_PERIOD_PCT = "yoy_period_pct";
    public static final String VS_PARENT_PP = "vs_parent_pp";
    public static final String CONTRIBUTION_PCT = "contribution_pct";
    public static final String PULL_PP = "pull_pp";
    public static final String TWO_YEAR_AVG_PCT = "two_year_avg_pct";
    public static final String PER_CAPITA = "per_capita";
    public static final String NOTE = "note";
    public static final String DEFLATED_CUM = "deflated_cum";
    public static final String BASE_CUM = "base_cum";
    public static final String BASE_MONTH = "base_month";
    /** Value added of the month at current prices (万元), the forecast input's weight of months to come. */
    public static final String VALUE_ADDED_MONTH = "value_added_month";
    /** The {@link #REGION_LEVEL} of a city total. */
    public static final String REGION_LEVEL_CITY = "city";
    /** Enterprises whose figure of the period rests on a 缺报 estimate (gold/indicator_values, gold/comparison). */
    public static final String ESTIMATED = "estimated";
    /** Enterprise reports deflated with a broader index than their own 大类's PPI, or none. */
    public static final String DEFLATOR_FALLBACK = "deflator_fallback";

    // quarantine
    public static final String DATASET = "dataset";
    public static final String COLUMN = "column";
    public static final String RAW_VALUE = "value";
    public static final String RULE = "rule";
    public static final String REASON = "reason";
}
