package org.countyscope.forecast;

/**
 * How the models see January and February: as one period. Since 2013 the NBS publishes no single-month figure for
 * either (1—2月 is surveyed and released together to remove the Spring Festival's shifting), so both months get the
 * growth of 1—2月 combined, from the cumulative published with February. Without it, they get the mean of the two
 * single months when both were published; otherwise both stay NaN and the model treats them as missing. A lone
 * February (the NBS published one until 2012, without January) is dropped rather than used: it carries the full
 * swing of the festival's timing, which the combined period does not. Earlier years are treated the same way, so the
 * series does not change character in 2013.
 */
public final class JanuaryFebruary {

    private JanuaryFebruary() {
    }

    /** The values of {@code series} with every January and February filled as described above. */
    public static double[] filled(Series series) {
        double[] x = series.values();
        int n = x.length;
        int january = Math.floorMod(-(series.start().getMonthValue() - 1), 12);
        for (int jan = january - 12; jan < n; jan += 12) {
            int feb = jan + 1;
            double combined = combined(series, jan, feb);
            if (jan >= 0) {
                x[jan] = combined;
            }
            if (feb >= 0 && feb < n) {
                x[feb] = combined;
            }
        }
        return x;
    }

    private static double combined(Series s, int jan, int feb) {
        int n = s.length();
        if (feb >= 0 && feb < n && Double.isFinite(s.cumulative(feb))) {
            return s.cumulative(feb);
        }
        double janValue = jan >= 0 ? s.value(jan) : Double.NaN;
        double febValue = feb >= 0 && feb < n ? s.value(feb) : Double.NaN;
        if (Double.isFinite(janValue) && Double.isFinite(febValue)) {
            return (janValue + febValue) / 2;
        }
        return Double.NaN;
    }
}
