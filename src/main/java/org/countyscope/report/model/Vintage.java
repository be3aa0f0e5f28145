package org.countyscope.report.model;

import java.util.List;

/**
 * The data a report was made from. Planners read it in plain words ({@link #plainWords()}: how far the data reach,
 * the release, when the report was generated); the internal sources — each gold table's Delta version and the
 * releases of the silver data under it — are for the workbook's 说明 sheet and gold/publications only, so the
 * report handed to the HTML and PDF writers carries none ({@link #forPlanners()}).
 *
 * @param generatedAt when the report was generated, Beijing time ("2026年12月7日 20:41（北京时间）")
 * @param dataThrough the last month of data, in Chinese ("2025年12月"); empty when not known
 * @param release     the label of the data release published (e.g. "2025-12"); empty when the data have none
 * @param tables      the internal sources read (empty in what planners' pages get)
 */
public record Vintage(String generatedAt, String dataThrough, String release, List<TableVersion> tables) {
    public Vintage {
        generatedAt = generatedAt == null ? "" : generatedAt;
        dataThrough = dataThrough == null ? "" : dataThrough;
        release = release == null ? "" : release;
        tables = List.copyOf(tables);
    }

    /** A vintage with its generation time and sources only. */
    public Vintage(String generatedAt, List<TableVersion> tables) {
        this(generatedAt, "", "", tables);
    }

    /** The same vintage reaching to {@code month} ("2025年12月"), from {@code release}. */
    public Vintage with(String month, String release) {
        return new Vintage(generatedAt, month, release, tables);
    }

    /** What planners' pages get: the plain facts, without the internal table names and versions. */
    public Vintage forPlanners() {
        return new Vintage(generatedAt, dataThrough, release, List.of());
    }

    /**
     * The vintage in plain words: "本报告数据截至2025年12月，发布版本为2025-12，生成时间为2026年12月7日 20:41（北京时间）。"
     * (each part only when known).
     */
    public String plainWords() {
        StringBuilder s = new StringBuilder("本报告");
        if (!dataThrough.isBlank()) {
            s.append("数据截至").append(dataThrough).append('，');
        }
        if (!release.isBlank()) {
            s.append("发布版本为").append(release).append('，');
        }
        if (!generatedAt.isBlank()) {
            s.append("生成时间为").append(generatedAt).append('，');
        }
        if (s.length() == "本报告".length()) {
            return "";
        }
        s.setCharAt(s.length() - 1, '。');
        return s.toString();
    }

    /** One table read: its name, Delta version, and the data release(s) it reflects (may be empty). */
    public record TableVersion(String table, long version, String release) {
    }
}
