package org.countyscope.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.countyscope.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Hand-computed cases for the fiscal, target, project and 招商引资 marts on two counties of one city. */
class MartsTest {
    static SparkSession spark;
    static Dataset<Row> regions;
    static final YearMonth END = YearMonth.of(2025, 3);

    @BeforeAll
    static void setUp() {
        spark = TestSpark.session();
        regions = RegionDimension.of(spark, List.of("620881", "620823", "620800" + IndicatorValues.CITY_OWN_SUFFIX));
    }

    @Test
    void fiscalContributionOfIndustry() {
        StructType taxSchema = new StructType().add("period", "string").add("region_code", "string")
            .add("industry_code", "string").add("tax_type", "string").add("amount", "double");
        Dataset<Row> tax = spark.createDataFrame(List.of(
            RowFactory.create("2025-01", "620881", "06", "增值税", 100.0),
            RowFactory.create("2025-03", "620881", "06", "资源税", 50.0),
            RowFactory.create("2025-02", "620881", "70", "契税", 50.0),
            RowFactory.create("2024-12", "620881", "06", "增值税", 999.0),   // last year: not in 1—3月
            RowFactory.create("2025-03", "620823", "44", "企业所得税", 40.0)), taxSchema);
        StructType valueSchema = new StructType().add("region_code", "string").add("indicator", "string")
            .add("period", "string").add("value_month", "double").add("value_cum", "double")
            .add("contributors", "long").add("max_contributor", "double").add("base_month", "double")
            .add("base_cum", "double");
        Dataset<Row> values = spark.createDataFrame(List.of(
            RowFactory.create("620881", "budget_revenue", "2025-03", 0.0, 500.0, null, null, null, null),
            RowFactory.create("620881", "iva", "2025-03", 0.0, 1000.0, 5L, 400.0, null, null),
            RowFactory.create("620823", "budget_revenue", "2025-03", 0.0, 200.0, null, null, null, null),
            RowFactory.create("620800_SBJ", "budget_revenue", "2025-03", 0.0, 300.0, null, null, null, null)),
            valueSchema);
        Map<String, Row> byRegion = rows(FiscalContribution.apply(tax, values, regions, END,
            FiscalContribution.DEFAULT_LOCAL_SHARE));
        Row h = byRegion.get("620881");
        assertEquals(200.0, h.<Double>getAs("tax_total_cum"), 1e-9, "1—3月 only");
        assertEquals(150.0, h.<Double>getAs("tax_industry_cum"), 1e-9, "06 is industry, 70 is not");
        assertEquals(75.0, h.<Double>getAs("industry_share_of_tax_pct"), 1e-9);
        assertEquals(100.0, h.<Double>getAs("industry_local_tax_cum"), 1e-9, "增值税 half local + 资源税 all local");
        assertEquals(20.0, h.<Double>getAs("industry_local_share_of_budget_pct"), 1e-9, "100 / 500");
        assertEquals(15.0, h.<Double>getAs("tax_per_100_yuan_va"), 1e-9, "150 per 1000 of value added");
        assertEquals("增值税", h.getAs("top_tax_type"));
        assertEquals(0.5 * 0.5 + 0.25 * 0.25 + 0.25 * 0.25, h.<Double>getAs("hhi_tax_type"), 1e-12);
        Row city = byRegion.get("620800");
        assertEquals(240.0, city.<Double>getAs("tax_total_cum"), 1e-9);
        assertEquals(700.0, city.<Double>getAs("budget_revenue_cum"), 1e-9,
            "the counties only: the tax data have no 市本级, so the budget below the line leaves it out too");
        assertEquals((100.0 + 16.0) / 700.0 * 100, city.<Double>getAs("industry_local_share_of_budget_pct"), 1e-9,
            "企业所得税 40% local, over the same two counties");
        assertEquals("2个县（市、区）合计，不含市本级", city.getAs("coverage"));
        assertEquals("本级", h.getAs("coverage"));
        assertEquals(300.0, byRegion.get("620800_SBJ").<Double>getAs("budget_revenue_cum"), 1e-9,
            "市本级 keeps its own row");

        // with 市本级 tax in the data, both sides cover counties and 市本级
        Dataset<Row> withOwn = tax.unionByName(spark.createDataFrame(List.of(
            RowFactory.create("2025-02", "620800", "44", "增值税", 60.0)), taxSchema));
        Row city2 = rows(FiscalContribution.apply(withOwn, values, regions, END,
            FiscalContribution.DEFAULT_LOCAL_SHARE)).get("620800");
        assertEquals(1000.0, city2.<Double>getAs("budget_revenue_cum"), 1e-9);
        assertEquals((100.0 + 16.0 + 30.0) / 1000.0 * 100, city2.<Double>getAs("industry_local_share_of_budget_pct"),
            1e-9);
        assertEquals("2个县（市、区）和市本级合计", city2.getAs("coverage"));
    }

    @Test
    void targetProgressAgainstTimeElapsed() {
        StructType t = new StructType().add("year", "int").add("unit_type", "string").add("unit_code", "string")
            .add("unit_name", "string").add("indicator", "string").add("unit", "string").add("target", "double");
        Dataset<Row> targets = spark.createDataFrame(List.of(
            RowFactory.create(2025, "县区", "620881", "华亭市", "招商引资到位资金", "万元", 1000.0),
            RowFactory.create(2025, "县区", "620823", "崇信县", "招商引资到位资金", "万元", 400.0),
            RowFactory.create(2025, "县区", "620881", "华亭市", "规上工业增加值增速", "%", 8.0),
            RowFactory.create(2025, "部门", "D04", "市科技局", "签约项目数", "个", 2.0),
            RowFactory.create(2024, "县区", "620881", "华亭市", "招商引资到位资金", "万元", 9.0)), t);
        StructType c = new StructType().add("region_code", "string").add("indicator", "string")
            .add("value_cum", "double").add("yoy_pct", "double");
        Dataset<Row> comparison = spark.createDataFrame(List.of(
            RowFactory.create("620881", "attraction_funds", 300.0, null),
            RowFactory.create("620823", "attraction_funds", 50.0, null),
            RowFactory.create("620881", "iva_real", 900.0, 6.5)), c);
        StructType k = new StructType().add("contract_code", "string").add("responsible_unit", "string")
            .add("source", "string").add("sign_date", "date");
        Dataset<Row> contracts = spark.createDataFrame(List.of(
            RowFactory.create("C1", "华亭市招商局", "省外", Date.valueOf("2025-01-05"))), k);
        StructType f = new StructType().add("period", "string").add("contract_code", "string")
            .add("funds_in_place", "double");
        Dataset<Row> funds = spark.createDataFrame(List.of(RowFactory.create("2025-02", "C1", 300.0)), f);
        List<Row> out = TargetProgress.apply(targets, comparison, contracts, funds, END)
            .orderBy("unit_code", "indicator").collectAsList();
        assertEquals(4, out.size(), "only 2025's targets");
        Row hFunds = out.stream().filter(r -> r.getAs("unit_code").equals("620881")
            && r.getAs("indicator").equals("招商引资到位资金")).findFirst().orElseThrow();
        assertEquals(30.0, hFunds.<Double>getAs("completion_pct"), 1e-9);
        assertEquals(25.0, hFunds.<Double>getAs("time_elapsed_pct"), 1e-9, "3 of 12 months");
        assertEquals(5.0, hFunds.<Double>getAs("ahead_pp"), 1e-9);
        assertEquals("快于序时进度", hFunds.getAs("status"));
        assertEquals(1, (int) hFunds.<Integer>getAs("rank"), "30% beats 12.5%");
        Row growth = out.stream().filter(r -> r.getAs("indicator").equals("规上工业增加值增速")).findFirst().orElseThrow();
        assertEquals(-1.5, growth.<Double>getAs("gap_pp"), 1e-9, "6.5% against 8%");
        assertNull(growth.getAs("completion_pct"), "growth targets have no completion rate");
        Row dept = out.stream().filter(r -> r.getAs("unit_code").equals("D04")).findFirst().orElseThrow();
        assertEquals("未破零", dept.getAs("status"), "市科技局 signed nothing");
        Row december = TargetProgress.apply(targets, comparison, contracts, funds, YearMonth.of(2025, 12)).collectAsList()
            .stream().filter(r -> r.getAs("unit_code").equals("620881") && r.getAs("indicator").equals("招商引资到位资金"))
            .findFirst().orElseThrow();
        assertEquals("未完成年度目标", december.getAs("status"), "at December the year is over: 30% is a shortfall");
    }

    static final StructType PROJECTS = new StructType().add("period", "string").add("project_code", "string")
        .add("region_code", "string").add("project_type", "string").add("planned_total", "double")
        .add("completed_ytd", "double").add("land_area_mu", "double").add("planned_start", "date")
        .add("start_date", "date").add("planned_completion", "date").add("completion_date", "date")
        .add("status", "string").add("reached_capacity", "boolean").add("output_ytd", "double")
        .add("tax_ytd", "double").add("planned_capacity_date", "date").add("capacity_date", "date");

    private static Date d(String iso) {
        return iso == null ? null : Date.valueOf(iso);
    }

    /** One report of an industrial project in 华亭市 with its dates, flag and 本年 output and tax. */
    private static Row project(String period, String code, double planned, double ytd, Double land, String plannedStart,
                               String start, String plannedCompletion, String completion, String status,
                               boolean atCapacity, Double output, Double tax, String plannedCapacity, String capacity) {
        return RowFactory.create(period, code, "620881", "工业", planned, ytd, land, d(plannedStart), d(start),
            d(plannedCompletion), d(completion), status, atCapacity, output, tax, d(plannedCapacity), d(capacity));
    }

    @Test
    void projectRates() {
        Dataset<Row> projects = spark.createDataFrame(List.of(
            // planned to start in February and started: counts
            project("2025-03", "P1", 1000, 100, 10.0, "2025-02-01", "2025-02-10", "2025-12-31", null, "在建", false,
                null, null, "2026-09-01", null),
            // an older report of P1 that the latest one replaces
            project("2025-02", "P1", 1000, 10, 10.0, "2025-02-01", null, "2025-12-31", null, "签约", false, null, null,
                "2026-09-01", null),
            // planned to start in March, not started yet
            project("2025-03", "P2", 3000, 0, 20.0, "2025-03-01", null, "2026-06-30", null, "签约", false, null, null,
                "2027-03-01", null),
            // planned to complete in March and completed, due at capacity on 1 March and there on 10 March: 应达产, 已达产
            project("2025-03", "P3", 2000, 50, 20.0, "2024-03-01", "2024-03-05", "2025-03-01", "2025-02-20", "投产",
                true, 400.0, 20.0, "2025-03-01", "2025-03-10"),
            // completed last year, due in December, still short of capacity: 应达产, not reached
            project("2025-03", "P4", 1500, 0, 15.0, "2023-03-01", "2023-03-01", "2024-06-01", "2024-06-01", "投产",
                false, 90.0, 4.0, "2024-12-01", null),
            project("2024-03", "P4", 1500, 300, 15.0, "2023-03-01", "2023-03-01", "2024-06-01", null, "在建",
                false, 0.0, 0.0, "2024-12-01", null),
            // at capacity since October 2024: last year's success, out of this year's 达产达效率; a land user producing
            // since before March 2024: tax of the 12 months to March 2025 = 30 + 50 − 10, output 300 + 500 − 100
            project("2025-03", "P5", 3500, 0, 35.0, "2022-03-01", "2022-03-01", "2023-06-01", "2023-06-01", "投产",
                true, 300.0, 30.0, "2024-06-01", "2024-10-01"),
            project("2024-12", "P5", 3500, 0, 35.0, "2022-03-01", "2022-03-01", "2023-06-01", "2023-06-01", "投产",
                true, 500.0, 50.0, "2024-06-01", "2024-10-01"),
            project("2024-03", "P5", 3500, 0, 35.0, "2022-03-01", "2022-03-01", "2023-06-01", "2023-06-01", "投产",
                false, 100.0, 10.0, "2024-06-01", null),
            // a road completed last year: never in the capacity rate, no land
            RowFactory.create("2025-03", "R1", "620881", "基础设施", 8000.0, 0.0, null, d("2023-01-01"),
                d("2023-01-05"), d("2024-05-01"), d("2024-05-01"), "竣工", false, null, null, null, null)), PROJECTS);
        Row h = rows(ProjectProgress.apply(projects, regions, END)).get("620881");
        assertEquals(3L, (long) h.<Long>getAs("planned_to_start"), "P1, P2 new this year; P3 continuing");
        assertEquals(2L, (long) h.<Long>getAs("started"), "P1 started, P3 invested this year");
        assertEquals(1L, (long) h.<Long>getAs("planned_to_complete"));
        assertEquals(100.0, h.<Double>getAs("completion_rate_pct"), 1e-9);
        assertEquals(2L, (long) h.<Long>getAs("due_capacity_n"), "P3 and P4 are due; P5 reached it last year");
        assertEquals(1L, (long) h.<Long>getAs("reached_capacity_n"));
        assertEquals(50.0, h.<Double>getAs("capacity_rate_pct"), 1e-9);
        assertEquals(11000.0 / 100.0, h.<Double>getAs("investment_per_mu"), 1e-9, "投资强度 万元/亩 of P1–P5");
        assertEquals(1L, (long) h.<Long>getAs("land_users"), "only P5 produced through the 12 months");
        assertEquals(70.0, h.<Double>getAs("land_users_tax_12m"), 1e-9);
        assertEquals(2.0, h.<Double>getAs("tax_per_mu"), 1e-9, "70 万元 tax on 35 亩");
        assertEquals(20.0, h.<Double>getAs("output_per_mu"), 1e-9, "700 万元 output on 35 亩");
        Row city = rows(ProjectProgress.apply(projects, regions, END)).get("620800");
        assertEquals(50.0, city.<Double>getAs("capacity_rate_pct"), 1e-9, "the city counts its counties' projects");
        assertEquals(2.0, city.<Double>getAs("tax_per_mu"), 1e-9);
    }

    @Test
    void taxStructureByTypeAndBySection() {
        StructType taxSchema = new StructType().add("period", "string").add("region_code", "string")
            .add("industry_code", "string").add("tax_type", "string").add("amount", "double");
        Dataset<Row> tax = spark.createDataFrame(List.of(
            RowFactory.create("2025-01", "620881", "06", "增值税", 100.0),
            RowFactory.create("2025-03", "620881", "13", "增值税", 50.0),
            RowFactory.create("2025-02", "620881", "70", "契税", 50.0),
            RowFactory.create("2024-12", "620881", "06", "增值税", 999.0),   // last year: not in 1—3月
            RowFactory.create("2025-03", "620823", "06", "资源税", 40.0)), taxSchema);
        Map<String, Double> v = new java.util.HashMap<>();
        Map<String, Double> share = new java.util.HashMap<>();
        for (Row r : TaxStructure.apply(tax, regions, END).collectAsList()) {
            String k = r.getAs("region_code") + "|" + r.getAs("dimension") + "|" + r.getAs("item");
            v.put(k, r.getAs("tax_cum"));
            share.put(k, r.getAs("share_of_region_tax_pct"));
        }
        assertEquals(150.0, v.get("620881|税种|增值税"), 1e-9, "1—3月 增值税 of both industries");
        assertEquals(75.0, share.get("620881|税种|增值税"), 1e-9, "150 of 200");
        assertEquals(100.0, v.get("620881|行业门类|采矿业"), 1e-9, "大类 06 is in 门类 B 采矿业");
        assertEquals(50.0, v.get("620881|行业门类|制造业"), 1e-9, "大类 13 is in 门类 C 制造业");
        assertEquals(50.0, v.get("620881|行业门类|房地产业"), 1e-9, "大类 70 is in 门类 K 房地产业");
        assertEquals(140.0, v.get("620800|行业门类|采矿业"), 1e-9, "the city sums its counties");
        assertEquals(40.0, v.get("620800|税种|资源税"), 1e-9);
    }

    @Test
    void industryStructureCountsEnterprisesAndTheLargestContribution() {
        StructType schema = new StructType().add("credit_code", "string").add("region_code", "string")
            .add("industry_code", "string").add("period", "string").add("value_added_cum", "double")
            .add("gross_output_cum", "double").add("revenue_cum", "double");
        Dataset<Row> monthly = spark.createDataFrame(List.of(
            RowFactory.create("A", "620881", "0610", "2025-03", 60.0, 200.0, 180.0),
            RowFactory.create("B", "620881", "0620", "2025-03", 30.0, 100.0, 90.0),
            RowFactory.create("C", "620881", "1310", "2025-03", 10.0, 40.0, 35.0),
            RowFactory.create("A", "620881", "0610", "2025-02", 40.0, 150.0, 120.0),   // not the period end
            RowFactory.create("D", "620823", "0610", "2025-03", 0.0, 5.0, 5.0)), schema);
        Map<String, Row> byKey = new java.util.HashMap<>();
        for (Row r : IndustryStructure.apply(monthly, regions, List.of(END)).collectAsList()) {
            byKey.put(r.getAs("region_code") + "|" + r.getAs("division"), r);
        }
        Row mining = byKey.get("620881|06");
        assertEquals(2L, mining.<Long>getAs("enterprises"));
        assertEquals(90.0, mining.<Double>getAs("iva_cum"), 1e-9);
        assertEquals(2L, mining.<Long>getAs("iva_contributors"));
        assertEquals(60.0, mining.<Double>getAs("iva_max_contributor"), 1e-9, "the largest enterprise");
        assertEquals(90.0, mining.<Double>getAs("share_of_region_pct"), 1e-9, "90 of the county's 100");
        assertEquals(100.0, mining.<Double>getAs("share_of_city_division_pct"), 1e-9, "620823's 06 adds nothing");
        assertEquals("煤炭开采和洗选业", mining.getAs("division_name"));
        Row d = byKey.get("620823|06");
        assertEquals(0L, d.<Long>getAs("iva_contributors"), "a zero value added is no contribution");
        Row city = byKey.get("620800|06");
        assertEquals(3L, city.<Long>getAs("enterprises"));
        assertEquals(90.0, city.<Double>getAs("iva_cum"), 1e-9);
        assertEquals(60.0, city.<Double>getAs("iva_max_contributor"), 1e-9);
    }

    private static Map<String, Row> rows(Dataset<Row> d) {
        return d.collectAsList().stream().collect(java.util.stream.Collectors.toMap(r -> r.getAs("region_code"),
            r -> r));
    }

}
