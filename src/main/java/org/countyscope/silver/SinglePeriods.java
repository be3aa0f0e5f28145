package org.countyscope.silver;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.countyscope.dataset.DatasetSpec;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.countyscope.dataset.Columns.CUM_SUFFIX;
import static org.countyscope.dataset.Columns.MONTHS_COVERED;
import static org.countyscope.dataset.Columns.RELEASE;
import static org.countyscope.dataset.Columns.YEAR;

/**
 * Single periods from cumulative 1—N月 reports: value(m) = cum(1—m) − cum(1—previous reported month) within a year.
 * Grain of {@code silver/<dataset>_monthly}: one row per entity × reported period; {@code months_covered} says how
 * many months a value spans — 2 for 一套表's 1—2月, more where a month is missing (a gap is never invented away).
 */
public final class SinglePeriods {
    public static final String MONTH = "month";

    private SinglePeriods() {
    }

    public static String table(DatasetSpec spec) {
        return spec.name() + "_monthly";
    }

    /** Derives single periods from current cumulative rows of one dataset. */
    public static Dataset<Row> apply(Dataset<Row> currentCumulative, DatasetSpec spec) {
        String period = spec.periodColumn();
        Dataset<Row> d = currentCumulative
            .withColumn(YEAR, functions.substring(col(period), 1, 4).cast("int"))
            .withColumn(MONTH, functions.substring(col(period), 6, 2).cast("int"));
        List<Column> part = new ArrayList<>();
        spec.entityKey().forEach(e -> part.add(col(e)));
        part.add(col(YEAR));
        WindowSpec w = Window.partitionBy(part.toArray(Column[]::new)).orderBy(col(period));
        d = d.withColumn(MONTHS_COVERED, col(MONTH).minus(functions.coalesce(functions.lag(col(MONTH), 1).over(w), lit(0))));
        for (String c : spec.cumulative()) {
            Column prev = functions.lag(col(c), 1).over(w);
            // the first report of a year covers January to its month, so its single value is the cumulative one
            d = d.withColumn(c + CUM_SUFFIX, col(c))
                .withColumn(c, functions.when(functions.lag(col(MONTH), 1).over(w).isNull(), col(c))
                    .otherwise(col(c).minus(prev)));
        }
        List<Column> out = new ArrayList<>();
        for (String name : spec.columnNames()) {
            out.add(col(name));
            if (spec.cumulative().contains(name)) {
                out.add(col(name + CUM_SUFFIX));
            }
        }
        out.add(col(YEAR));
        out.add(col(MONTH));
        out.add(col(MONTHS_COVERED));
        out.add(col(RELEASE));
        return d.select(out.toArray(Column[]::new));
    }
}
