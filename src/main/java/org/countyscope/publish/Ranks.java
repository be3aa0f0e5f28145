package org.countyscope.publish;

import java.util.Arrays;

/**
 * 位次 as the bureau prints them: 1 = largest, figures compared as printed ({@link Precision}), equal printed figures
 * share a 位次 and the next one skips (并列: 1, 2, 2, 4). Plain arrays, no Spark; the gold marts rank with the same rule
 * in SQL over {@link Precision#rounded} values.
 */
public final class Ranks {
    private Ranks() {
    }

    /**
     * @param values    figures of one group of siblings (null: not ranked)
     * @param precision how they are printed
     * @return the 位次 of each value, null where the value is null
     */
    public static Integer[] of(Double[] values, Precision precision) {
        Double[] printed = Arrays.stream(values).map(precision::rounded).toArray(Double[]::new);
        Integer[] out = new Integer[values.length];
        for (int i = 0; i < printed.length; i++) {
            if (printed[i] == null) {
                continue;
            }
            int ahead = 0;
            for (Double other : printed) {
                if (other != null && other > printed[i]) {
                    ahead++;
                }
            }
            out[i] = ahead + 1;
        }
        return out;
    }
}
