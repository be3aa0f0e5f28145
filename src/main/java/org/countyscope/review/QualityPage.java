package org.countyscope.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bureau's own quality page ({@code <out>/<period>/quality/index.html}): the month's review — open flags by
 * rule and by county, the open flags themselves, what was verified — and links to the load's files. Records in,
 * no Spark; the planners' report never reads it.
 */
public final class QualityPage {
    private QualityPage() {
    }

    public static void write(Path file, ReviewResult review, ReviewRules rules) {
        StringBuilder h = new StringBuilder(16_384);
        String title = "数据审核 " + Flags.monthLabel(review.period());
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
            .append("</title><style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;"
                + "margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;font-size:13px}th{background:#eef}"
                + "td.n{text-align:right}.高{color:#b00;font-weight:bold}.中{color:#a60}.低{color:#666}</style>"
                + "</head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        List<Flag> open = review.open();
        h.append("<p>待核实 ").append(open.size()).append(" 条，已核实 ").append(review.verified().size())
            .append(" 条。审核疑点不改变对外报告中的任何数字；核实结果请填入 review.xlsx 的“核实情况”列（填“已核实”并说明）后用 "
                + "<code>countyscope review --accept</code> 读回。</p>\n");
        h.append("<p>文件：<a href=\"../review/flags.csv\">flags.csv</a> · <a href=\"../review/review.xlsx\">review.xlsx</a>"
            + " · <a href=\"ingest_summary.csv\">ingest_summary.csv</a> · <a href=\"rejected_rows.csv\">rejected_rows.csv</a>"
            + "</p>\n");

        h.append("<h2>按规则</h2>\n<table><tr><th>规则</th><th>名称</th><th>严重程度</th><th>阈值</th><th>待核实</th>"
            + "<th>已核实</th></tr>\n");
        Map<String, int[]> byRule = new TreeMap<>();
        for (ReviewRule r : rules.all()) {
            byRule.put(r.id(), new int[2]);
        }
        for (ReviewResult.Reviewed r : review.flags()) {
            byRule.computeIfAbsent(r.flag().rule(), k -> new int[2])[r.open() ? 0 : 1]++;
        }
        for (Map.Entry<String, int[]> e : byRule.entrySet()) {
            ReviewRule r = rules.has(e.getKey()) ? rules.get(e.getKey()) : null;
            h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(r == null ? "" : r.title()))
                .append("</td><td>").append(esc(r == null ? "" : r.severity())).append("</td><td class=\"n\">")
                .append(r == null ? "" : Flags.number(r.threshold())).append("</td><td class=\"n\">")
                .append(e.getValue()[0]).append("</td><td class=\"n\">").append(e.getValue()[1]).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>按地区</h2>\n<table><tr><th>区划代码</th><th>地区</th><th>待核实</th><th>已核实</th></tr>\n");
        Map<String, int[]> byRegion = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (ReviewResult.Reviewed r : review.flags()) {
            String code = r.flag().regionCode() == null ? "" : r.flag().regionCode();
            byRegion.computeIfAbsent(code, k -> new int[2])[r.open() ? 0 : 1]++;
            names.putIfAbsent(code, code.isEmpty() ? "全市（整个数据集）" : r.flag().regionName());
        }
        for (Map.Entry<String, int[]> e : byRegion.entrySet()) {
            h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(names.get(e.getKey())))
                .append("</td><td class=\"n\">").append(e.getValue()[0]).append("</td><td class=\"n\">")
                .append(e.getValue()[1]).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>待核实</h2>\n");
        table(h, review.flags().stream().filter(ReviewResult.Reviewed::open).toList(), false);
        h.append("<h2>已核实</h2>\n");
        table(h, review.verified(), true);
        h.append("</body></html>\n");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, h, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void table(StringBuilder h, List<ReviewResult.Reviewed> rows, boolean verified) {
        if (rows.isEmpty()) {
            h.append("<p>无。</p>\n");
            return;
        }
        h.append("<table><tr><th>地区</th><th>规则</th><th>对象</th><th>时期</th><th>数值</th><th>合理范围</th>"
            + "<th>严重程度</th><th>").append(verified ? "核实说明" : "需核实的问题").append("</th></tr>\n");
        for (ReviewResult.Reviewed r : rows) {
            Flag f = r.flag();
            h.append("<tr><td>").append(esc(f.regionName())).append("</td><td>").append(esc(f.rule()))
                .append("</td><td>").append(esc(f.entityId())).append(' ').append(esc(f.entityName()))
                .append("</td><td>").append(esc(f.period())).append("</td><td class=\"n\">")
                .append(Flags.number(f.value())).append(esc(f.unit())).append("</td><td>").append(esc(f.expected()))
                .append("</td><td class=\"").append(esc(f.severity())).append("\">").append(esc(f.severity()))
                .append("</td><td>").append(esc(verified ? r.explanation() : f.sentence())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
            .replace("'", "&#39;");
    }
}
