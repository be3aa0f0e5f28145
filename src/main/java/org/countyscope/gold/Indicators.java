package org.countyscope.gold;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The catalogue of county indicators that the gold marts compute. */
public final class Indicators {
    private Indicators() {
    }

    public static final Indicator IVA = new Indicator("iva", "规模以上工业增加值（现价）", "万元", false);
    /** Real growth on the same enterprise set at comparable prices: values are deflated sums, see {@link ComparableGrowth}. */
    public static final Indicator IVA_REAL = new Indicator("iva_real", "规模以上工业增加值（可比价，同口径）", "万元", false);
    public static final Indicator GROSS_OUTPUT = new Indicator("gross_output", "规上工业总产值", "万元", false);
    public static final Indicator REVENUE = new Indicator("revenue", "规上工业营业收入", "万元", false);
    public static final Indicator PROFIT = new Indicator("profit", "规上工业利润总额", "万元", false);
    public static final Indicator ENTERPRISES = new Indicator("enterprises", "规上工业企业数", "个", true);
    public static final Indicator NEW_ENTERPRISES = new Indicator("new_enterprises", "新增规上工业企业数", "个", false);
    public static final Indicator TAX_TOTAL = new Indicator("tax_total", "税收收入（全口径）", "万元", false);
    public static final Indicator TAX_INDUSTRY = new Indicator("tax_industry", "工业税收（全口径）", "万元", false);
    public static final Indicator BUDGET = new Indicator("budget_revenue", "一般公共预算收入", "万元", false);
    public static final Indicator BUDGET_TAX = new Indicator("budget_tax", "一般公共预算税收收入", "万元", false);
    public static final Indicator BUDGET_NON_TAX = new Indicator("budget_non_tax", "一般公共预算非税收入", "万元", false);
    public static final Indicator FAI = new Indicator("fai", "固定资产投资（500万元以上项目完成额）", "万元", false);
    public static final Indicator FAI_INDUSTRY = new Indicator("fai_industry", "工业投资", "万元", false);
    public static final Indicator SIGNED = new Indicator("attraction_signed", "招商引资签约额", "万元", false);
    public static final Indicator SIGNED_COUNT = new Indicator("attraction_contracts", "招商引资签约项目数", "个", false);
    public static final Indicator FUNDS = new Indicator("attraction_funds", "招商引资到位资金", "万元", false);
    public static final Indicator FUNDS_OUTSIDE = new Indicator("attraction_funds_outside", "招商引资省外到位资金", "万元", false);

    /** The tax types of the 全口径 tax data, each its own indicator {@code tax.<税种>}. */
    public static final List<String> TAX_TYPES = List.of("增值税", "企业所得税", "个人所得税", "资源税", "城市维护建设税",
        "房产税", "城镇土地使用税", "土地增值税", "印花税", "契税", "耕地占用税", "环境保护税", "车船税");

    public static Indicator taxType(String type) {
        return new Indicator("tax." + type, type, "万元", false);
    }

    public static List<Indicator> all() {
        List<Indicator> out = new ArrayList<>(List.of(IVA, IVA_REAL, GROSS_OUTPUT, REVENUE, PROFIT, ENTERPRISES,
            NEW_ENTERPRISES, TAX_TOTAL, TAX_INDUSTRY, BUDGET, BUDGET_TAX, BUDGET_NON_TAX, FAI, FAI_INDUSTRY, SIGNED,
            SIGNED_COUNT, FUNDS, FUNDS_OUTSIDE));
        TAX_TYPES.forEach(t -> out.add(taxType(t)));
        return out;
    }

    public static Optional<Indicator> byCode(String code) {
        return all().stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
