package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.countyscope.publish.Precision;

import static org.apache.spark.sql.functions.when;

/**
 * Figures as printed, in Spark columns: the rounding is {@link Precision}'s own (a UDF calls it), so a rank computed
 * here and a figure printed by the report or an export agree on which figures are equal.
 */
final class Printed {
    private static final UserDefinedFunction BY_UNIT = functions.udf(
        (UDF2<Double, String, Double>) (v, unit) -> Precision.ofUnit(unit).rounded(v), DataTypes.DoubleType);

    private Printed() {
    }

    /** The value rounded as its unit is printed ("万元" two decimals, "%" one, "个" none …). */
    static Column byUnit(Column value, Column unit) {
        return BY_UNIT.apply(value, unit);
    }

    /** The value rounded as a figure of this kind is printed. */
    static Column as(Column value, Precision precision) {
        return functions.udf((UDF1<Double, Double>) precision::rounded, DataTypes.DoubleType).apply(value);
    }

    /**
     * 位次 among the rows of a group on the printed figure: 1 = largest, ties share a 位次 (1, 2, 2, 4); null where the
     * figure is null or the row is not ranked.
     */
    static Column rank(Column printed, Column ranked, Column... group) {
        Column[] partition = java.util.Arrays.copyOf(group, group.length + 1);
        partition[group.length] = ranked.and(printed.isNotNull());
        return when(ranked.and(printed.isNotNull()),
            functions.rank().over(Window.partitionBy(partition).orderBy(printed.desc())));
    }
}
