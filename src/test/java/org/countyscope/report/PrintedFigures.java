package org.countyscope.report;

import org.countyscope.report.model.Cell;
import org.countyscope.report.model.Report;
import org.countyscope.report.model.ReportTable;
import org.countyscope.report.model.Section;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report as a section chief does, with a pencil: every difference a sentence states is the difference of the
 * figures printed beside it or in the tables, names said to be 并列 print the same figure, equal printed figures share
 * a 位次, 全市 has no 位次, a shortfall ("差8109.75万元") is its row's target less its 完成 as the targets table prints them,
 * in the unit that row prints, and no period label uses the en dash. Returns what does not add up, one line each.
 */
public final class PrintedFigures {
    /** A grouped sentence's items: "华亭市（13.1%）". */
    private static final Pattern ITEM = Pattern.compile("(?<=[有、])([\\p{IsHan}]+?)（(-?\\d+\\.\\d)%）");
    /** The extremes of a grouped sentence: "其中华亭市增速最高，高于全市6.1个百分点；泾川县、静宁县并列最低，低于全市3.0个百分点". */
    private static final Pattern EXTREME = Pattern.compile(
        "(?<=其中|；)([\\p{IsHan}、]+?)(增速|并列)(最高|最低)，(?:(高于|低于)全市(\\d+\\.\\d)个百分点|与全市持平)");
    /** A growth against its target: "增长4.0%，目标6.0%，低于目标2.0个百分点" or "增长7.0%，高于年度目标（6.5%）0.5个百分点". */
    private static final Pattern VS_TARGET = Pattern.compile(
        "(增长|下降)(\\d+\\.\\d)%，(?:目标(-?\\d+\\.\\d)%，(高于|低于)目标(\\d+\\.\\d)个百分点|(高于|低于)年度目标（(-?\\d+\\.\\d)%）(\\d+\\.\\d)个百分点)");
    /** The city's shortfall: "全市一般公共预算收入完成年度目标的91.2%，未完成，差3.51亿元". */
    private static final Pattern CITY_SHORT = Pattern.compile(
        "全市([\\p{IsHan}（）]+?)完成年度目标的\\d+\\.\\d%，未完成，差(\\d+(?:\\.\\d+)?)(\\p{IsHan}+)");
    /**
     * Counties' shortfalls: "省外到位资金未完成年度目标的有华亭市（完成89.2%，差8109.75万元）、…" (需关注) or
     * "省外到位资金：…；未完成的有华亭市（…）" (半年评 in December).
     */
    private static final Pattern COUNTY_SHORT = Pattern.compile(
        "^([\\p{IsHan}（）]+?)(?:未完成年度目标的有|：(?:[^。]*?；)?未完成的有)");
    private static final Pattern SHORT_ITEM = Pattern.compile(
        "([\\p{IsHan}]+)（完成\\d+\\.\\d%，差(\\d+(?:\\.\\d+)?)(\\p{IsHan}+)）");
    /** Which table and column print the growth a grouped sentence is about. */
    private static final Map<String, String[]> GROWTH_COLUMN = Map.of(
        "规上工业增加值", new String[] {"industry", "增速（%，可比价）"},
        "税收收入", new String[] {"fiscal_growth", "税收收入增速（%）"},
        "固定资产投资", new String[] {"investment_growth", "固定资产投资增速（%）"});

    private PrintedFigures() {
    }

    /** What does not add up in {@code r}; empty when a pencil finds nothing. */
    public static List<String> problems(Report r) {
        List<String> out = new ArrayList<>();
        for (Section s : r.sections()) {
            for (String sentence : s.sentences()) {
                checkGrouped(r, sentence, out);
                checkTargets(sentence, out);
                checkShortfalls(r, sentence, out);
                if (sentence.contains("1–")) {
                    out.add("en dash in a period label: " + sentence);
                }
            }
            for (ReportTable t : s.tables()) {
                checkRanks(t, out);
                String text = t.title() + t.columns() + t.footnotes() + t.rows();
                if (text.contains("1–")) {
                    out.add("en dash in table " + t.id());
                }
            }
        }
        if ((r.title() + r.periodLabel()).contains("1–")) {
            out.add("en dash in the title: " + r.title());
        }
        return out;
    }

    private static void checkGrouped(Report r, String sentence, List<String> out) {
        if (!sentence.startsWith("分县（市、区）看，")) {
            return;
        }
        String name = sentence.substring("分县（市、区）看，".length(), sentence.indexOf("增速"));
        Map<String, BigDecimal> items = new LinkedHashMap<>();
        Matcher m = ITEM.matcher(sentence);
        while (m.find()) {
            items.put(m.group(1), new BigDecimal(m.group(2)));
        }
        BigDecimal city = cityGrowth(r, name);
        Map<String, BigDecimal> table = countyGrowth(r, name);
        for (Map.Entry<String, BigDecimal> e : items.entrySet()) {
            BigDecimal printed = table.get(e.getKey());
            if (printed != null && printed.compareTo(e.getValue()) != 0) {
                out.add(name + ": " + e.getKey() + " " + e.getValue() + "% in the text, " + printed + " in the table");
            }
        }
        // the groups: above, equal, below the printed city figure
        if (city != null) {
            checkGroup(sentence, "高于全市平均水平的有", items, city, 1, out);
            checkGroup(sentence, "与全市持平的有", items, city, 0, out);
            checkGroup(sentence, "低于全市平均水平的有", items, city, -1, out);
        }
        Matcher x = EXTREME.matcher(sentence);
        while (x.find()) {
            List<BigDecimal> values = new ArrayList<>();
            for (String n : x.group(1).split("、")) {
                BigDecimal v = items.get(n);
                if (v == null) {
                    out.add(name + ": " + n + " is an extreme but has no printed figure: " + sentence);
                    return;
                }
                values.add(v);
            }
            if (values.stream().distinct().count() > 1) {
                out.add(name + ": " + x.group(1) + " called 并列 with different figures " + values);
            }
            if (city != null) {
                BigDecimal gap = values.get(0).subtract(city);
                BigDecimal said = x.group(4) == null ? BigDecimal.ZERO.setScale(1)
                    : new BigDecimal(x.group(5)).multiply(BigDecimal.valueOf("高于".equals(x.group(4)) ? 1 : -1));
                if (gap.compareTo(said) != 0) {
                    out.add(name + ": " + x.group(0) + " but " + values.get(0) + " − " + city + " = " + gap);
                }
            }
        }
    }

    private static void checkGroup(String sentence, String head, Map<String, BigDecimal> items, BigDecimal city,
                                   int sign, List<String> out) {
        int at = sentence.indexOf(head);
        if (at < 0) {
            return;
        }
        int end = sentence.length();
        for (char c : new char[] {'；', '。'}) {
            int i = sentence.indexOf(c, at);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String part = sentence.substring(at, end);
        Matcher m = ITEM.matcher(part);
        while (m.find()) {
            BigDecimal v = new BigDecimal(m.group(2));
            if (Integer.signum(v.compareTo(city)) != sign) {
                out.add(m.group(0) + " listed under " + head + " though the city prints " + city);
            }
        }
    }

    private static void checkTargets(String sentence, List<String> out) {
        Matcher m = VS_TARGET.matcher(sentence);
        while (m.find()) {
            BigDecimal g = new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf("下降".equals(m.group(1)) ? -1 : 1));
            boolean list = m.group(3) != null;
            BigDecimal t = new BigDecimal(list ? m.group(3) : m.group(7));
            String word = list ? m.group(4) : m.group(6);
            BigDecimal said = new BigDecimal(list ? m.group(5) : m.group(8))
                .multiply(BigDecimal.valueOf("高于".equals(word) ? 1 : -1));
            if (g.subtract(t).compareTo(said) != 0) {
                out.add(m.group(0) + ": " + g + " − " + t + " = " + g.subtract(t));
            }
        }
    }

    /** Each shortfall a sentence states against its row of the targets table: same unit, printed target − printed 完成. */
    private static void checkShortfalls(Report r, String sentence, List<String> out) {
        Matcher c = CITY_SHORT.matcher(sentence);
        while (c.find()) {
            checkShortfall(r, null, c.group(1), c.group(2), c.group(3), out);
        }
        Matcher head = COUNTY_SHORT.matcher(sentence);
        if (head.find()) {
            Matcher m = SHORT_ITEM.matcher(sentence.substring(head.end()));
            while (m.find()) {
                checkShortfall(r, m.group(1), head.group(1), m.group(2), m.group(3), out);
            }
        }
    }

    /** {@code unit} null: the city's row (考核对象 全市). */
    private static void checkShortfall(Report r, String unit, String indicator, String said, String saidUnit,
                                       List<String> out) {
        for (ReportTable t : r.tables()) {
            if (!t.id().equals(ReportBuilder.TARGETS)) {
                continue;
            }
            for (List<Cell> row : t.rows()) {
                boolean city = "全市".equals(row.get(0).text());
                if (!row.get(2).display(0).equals(indicator) || (unit == null ? !city : city || !unit.equals(row.get(1).text()))) {
                    continue;
                }
                String where = (unit == null ? "全市" : unit) + indicator;
                if (!saidUnit.equals(row.get(3).text())) {
                    out.add(where + ": 差" + said + saidUnit + " but its row prints " + row.get(3).text());
                    return;
                }
                BigDecimal gap = new BigDecimal(row.get(4).display(t.columns().get(4).decimals()))
                    .subtract(new BigDecimal(row.get(5).display(t.columns().get(5).decimals())));
                if (gap.compareTo(new BigDecimal(said)) != 0 || gap.scale() != new BigDecimal(said).scale()) {
                    out.add(where + ": 差" + said + saidUnit + " but the table prints " + row.get(4).display(1) + " − "
                        + row.get(5).display(1) + " = " + gap);
                }
                return;
            }
        }
        out.add((unit == null ? "全市" : unit) + indicator + ": 差" + said + saidUnit + " has no row in the targets table");
    }

    /** Equal printed figures share a 位次, a higher figure never has a worse one, 全市 has none. */
    private static void checkRanks(ReportTable t, List<String> out) {
        int rankCol = -1;
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).header().endsWith("位次")) {
                rankCol = i;
            }
        }
        if (rankCol < 0) {
            return;
        }
        int by = t.id().equals("industry") ? columnIndex(t, "增速（%，可比价）") : t.id().equals("assessment")
            ? columnIndex(t, "总分") : -1;
        for (List<Cell> row : t.rows()) {
            if ("全市".equals(row.get(0).text()) && row.get(rankCol).number() != null) {
                out.add(t.id() + ": 全市 has a 位次");
            }
        }
        if (by < 0) {
            return;
        }
        int decimals = t.columns().get(by).decimals();
        for (List<Cell> a : t.rows()) {
            for (List<Cell> b : t.rows()) {
                Double ra = a.get(rankCol).number();
                Double rb = b.get(rankCol).number();
                if (ra == null || rb == null || a.get(by).number() == null || b.get(by).number() == null) {
                    continue;
                }
                int cmp = printed(a.get(by).number(), decimals).compareTo(printed(b.get(by).number(), decimals));
                if (cmp == 0 && !ra.equals(rb) || cmp > 0 && ra >= rb) {
                    out.add(t.id() + ": " + a.get(0).text() + " (" + a.get(by).number() + ", 第" + ra + "位) against "
                        + b.get(0).text() + " (" + b.get(by).number() + ", 第" + rb + "位)");
                }
            }
        }
    }

    private static BigDecimal printed(double v, int decimals) {
        return new BigDecimal(Sentences.fixed(v, decimals));
    }

    private static int columnIndex(ReportTable t, String header) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).header().equals(header)) {
                return i;
            }
        }
        return -1;
    }

    private static BigDecimal cityGrowth(Report r, String name) {
        Map<String, BigDecimal> all = growthColumn(r, name);
        return all.get("全市");
    }

    private static Map<String, BigDecimal> countyGrowth(Report r, String name) {
        return growthColumn(r, name);
    }

    private static Map<String, BigDecimal> growthColumn(Report r, String name) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        String[] where = GROWTH_COLUMN.get(name);
        if (where == null) {
            return out;
        }
        for (ReportTable t : r.tables()) {
            if (!t.id().equals(where[0])) {
                continue;
            }
            int c = columnIndex(t, where[1]);
            if (c < 0) {
                continue;
            }
            for (List<Cell> row : t.rows()) {
                Double v = row.get(c).number();
                if (v != null) {
                    out.put(row.get(0).text(), printed(v, t.columns().get(c).decimals()));
                }
            }
        }
        return out;
    }
}
