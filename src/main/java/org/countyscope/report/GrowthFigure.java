package org.countyscope.report;

import java.util.Objects;

/**
 * One region's year-on-year growth (同比) of one indicator in a period, with its place among the regions of its
 * scope: the input of {@link Sentences#growth}. A county's figure from gold/comparison, or the city's own with
 * no comparison and no rank.
 *
 * @param periodLabel    "1—6月", "6月", "一季度", "上半年", "全年"…; null or blank: no period in front
 * @param region         the region named in the sentence, e.g. "泾川县" or "全市"
 * @param scope          what the region is compared with and ranked in, normally "全市"
 * @param indicator      e.g. "规上工业增加值"
 * @param amount         the level printed before the growth (may be null)
 * @param growthPct      YoY growth in %, unrounded; null when there is none (then {@code emptyReason} says why)
 * @param scopeGrowthPct the scope's growth in %, unrounded; null: no comparison clause
 * @param rank           rank within the scope (1 = first); null: no rank clause
 * @param counties       how many regions are ranked (0 when there is no rank); a rank beyond it is an error
 * @param emptyReason    why growth is empty, e.g. "上年同期无数据，不计算增速"
 * @param withheld       disclosure control withheld the figure: the sentence then says so and prints no number
 */
public record GrowthFigure(String periodLabel, String region, String scope, String indicator, Quantity amount,
                           Double growthPct, Double scopeGrowthPct, Integer rank, int counties, String emptyReason,
                           boolean withheld) {
    /** The bureau's word for the city as a whole. */
    public static final String CITY = "全市";

    public GrowthFigure {
        Sentences.requireText(region, "region");
        Sentences.requireText(scope, "scope");
        Sentences.requireText(indicator, "indicator");
        Sentences.requireFiniteOrNull(growthPct, "growthPct");
        Sentences.requireFiniteOrNull(scopeGrowthPct, "scopeGrowthPct");
        if (!withheld && growthPct == null && (emptyReason == null || emptyReason.isBlank())) {
            throw new IllegalArgumentException(region + " " + indicator + ": growth is empty but no reason is given");
        }
        Sentences.requireRank(rank, counties, region);
    }

    /** A county compared with the city and ranked among {@code counties} counties. */
    public static GrowthFigure county(String periodLabel, String county, String indicator, double growthPct,
                                      double cityGrowthPct, int rank, int counties) {
        return new GrowthFigure(periodLabel, county, CITY, indicator, null, growthPct, cityGrowthPct, rank, counties,
            null, false);
    }

    /** A region whose growth is empty, with the reason printed instead (e.g. "上年同期无数据，不计算增速"). */
    public static GrowthFigure noGrowth(String periodLabel, String region, String indicator, String reason) {
        Objects.requireNonNull(reason, "reason");
        return new GrowthFigure(periodLabel, region, CITY, indicator, null, null, null, null, 0, reason, false);
    }

    /** A figure withheld by disclosure control: the sentence prints no number. */
    public static GrowthFigure withheld(String periodLabel, String region, String indicator) {
        return new GrowthFigure(periodLabel, region, CITY, indicator, null, null, null, null, 0, null, true);
    }

    /** The city's own growth ("全市…同比增长…"). */
    public static GrowthFigure city(String periodLabel, String indicator, double growthPct) {
        return new GrowthFigure(periodLabel, CITY, CITY, indicator, null, growthPct, null, null, 0, null, false);
    }

    /** The same figure with its level printed before the growth. */
    public GrowthFigure withAmount(Quantity q) {
        return new GrowthFigure(periodLabel, region, scope, indicator, q, growthPct, scopeGrowthPct, rank, counties,
            emptyReason, withheld);
    }

    /** The same figure compared with and ranked in another scope, e.g. "全省". */
    public GrowthFigure withScope(String s) {
        return new GrowthFigure(periodLabel, region, s, indicator, amount, growthPct, scopeGrowthPct, rank, counties,
            emptyReason, withheld);
    }
}
