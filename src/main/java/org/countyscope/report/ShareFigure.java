package org.countyscope.report;

/**
 * One region's share of its scope's total (占全市比重) in a period, with its rank by size: the input of
 * {@link Sentences#share}.
 *
 * @param periodLabel "1—6月"…; null or blank: no period in front
 * @param region      e.g. "泾川县"
 * @param scope       normally "全市"
 * @param indicator   e.g. "规上工业增加值"
 * @param amount      the level printed before the share (may be null)
 * @param sharePct    share of the scope's total in %, unrounded; null when there is none ({@code emptyReason})
 * @param rank        rank by size (1 = largest); null: no rank clause
 * @param counties    how many regions are ranked (0 when there is no rank)
 * @param emptyReason why the share is empty
 * @param withheld    disclosure control withheld the figure: no number is printed
 */
public record ShareFigure(String periodLabel, String region, String scope, String indicator, Quantity amount,
                          Double sharePct, Integer rank, int counties, String emptyReason, boolean withheld) {
    public ShareFigure {
        Sentences.requireText(region, "region");
        Sentences.requireText(scope, "scope");
        Sentences.requireText(indicator, "indicator");
        Sentences.requireFiniteOrNull(sharePct, "sharePct");
        if (!withheld && sharePct == null && (emptyReason == null || emptyReason.isBlank())) {
            throw new IllegalArgumentException(region + " " + indicator + ": share is empty but no reason is given");
        }
        Sentences.requireRank(rank, counties, region);
    }

    /** A county's share of the city, ranked among {@code counties} counties. */
    public static ShareFigure county(String periodLabel, String county, String indicator, Quantity amount,
                                     double sharePct, int rank, int counties) {
        return new ShareFigure(periodLabel, county, GrowthFigure.CITY, indicator, amount, sharePct, rank, counties,
            null, false);
    }
}
