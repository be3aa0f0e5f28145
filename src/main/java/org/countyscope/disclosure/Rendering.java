package org.countyscope.disclosure;

import org.countyscope.disclosure.SuppressionResult.Decision;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The published text of a figure: its value, or the suppression mark with the footnote that explains it. */
public final class Rendering {

    /** What a suppressed figure shows. */
    public static final String SUPPRESSED = "…";

    /** The footnote every table with a suppressed figure carries. */
    public static final String FOOTNOTE = "…表示数据涉及单个或少数调查对象，依据《统计法》不予公布。";

    private Rendering() {
    }

    /** The value rounded half-up to {@code decimals} places, or {@link #SUPPRESSED}. */
    public static String text(Decision decision, int decimals) {
        return decision.suppressed() ? SUPPRESSED : number(decision.cell().value(), decimals);
    }

    /** The figure's text in {@code result}. */
    public static String text(SuppressionResult result, String id, int decimals) {
        return text(result.decision(id), decimals);
    }

    /** The footnote when anything is suppressed, otherwise the empty string. */
    public static String footnote(SuppressionResult result) {
        return result.suppressedIds().isEmpty() ? "" : FOOTNOTE;
    }

    private static String number(double value, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals " + decimals + " < 0");
        }
        // BigDecimal.valueOf rounds the shortest decimal form, so 2.675 shows as 2.68 as a clerk expects (the binary
        // double is 2.67499…), and a tiny negative rounds to "0.00", not "-0.00".
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
