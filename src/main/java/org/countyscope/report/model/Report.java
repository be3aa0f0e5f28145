package org.countyscope.report.model;

import java.util.List;
import java.util.Objects;

/**
 * One planner's report (月调度, 季通报, 半年评 or 年度考) for one period: what index.html, report.pdf and tables.xlsx
 * all render. Built from gold tables by the report job; the writers never see Spark.
 *
 * @param title       e.g. "平凉市2025年1—6月县域经济运行监测"
 * @param period      the period's last month, YYYY-MM
 * @param cadence     month, quarter, half or year
 * @param periodLabel the bureau's label of the period, e.g. "1—6月"
 * @param headlines   the headline figures at the top
 * @param sections    one per topic, in reading order
 * @param vintage     which data the report was made from, as planners read it (ReportBuilder leaves out the internal
 *                    table versions: the workbook gets those separately)
 * @param footnotes   definitions and the disclosure note, each printed once at the end
 */
public record Report(String title, String period, String cadence, String periodLabel, List<Headline> headlines,
                     List<Section> sections, Vintage vintage, List<String> footnotes) {
    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(period, "period");
        headlines = List.copyOf(headlines);
        sections = List.copyOf(sections);
        footnotes = List.copyOf(footnotes);
        Objects.requireNonNull(vintage, "vintage");
    }

    /** The id of the 要点 section: three to five lines of judgement a leader reads first. */
    public static final String KEY_POINTS_SECTION = "summary";

    /** The 要点 lines (the sentences of the {@value #KEY_POINTS_SECTION} section); empty when the report has none. */
    public List<String> keyPoints() {
        return sections.stream().filter(s -> KEY_POINTS_SECTION.equals(s.id())).findFirst()
            .map(Section::sentences).orElse(List.of());
    }

    /** Every table of every section, in reading order (tables.xlsx has one sheet each). */
    public List<ReportTable> tables() {
        return sections.stream().flatMap(s -> s.tables().stream()).toList();
    }
}
