package org.countyscope.gold;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;
import static org.countyscope.dataset.Columns.*;

/**
 * What the forecast reads: per county and city, the monthly series of 规上工业增加值 growth at comparable prices on
 * the same enterprise set, from {@code gold/indicator_values} ({@code iva_real}, see {@link ComparableGrowth}), with
 * the weights that turn months into a year. Grain: one row per region × month (key region_code, period); the 1—2月
 * period stands at February, as everywhere in gold. The city is the sum of its units, as in {@link CountyComparison},
 * so its growth is the one the comparison shows. Pure transform.
 *
 * <p>Columns: {@code yoy_period_pct} (the month's own growth, 当月), {@code yoy_pct} (1—N月), {@code base_month} (the
 * same enterprises' value added a year earlier: the month's weight) and {@code value_added_month} (value added at
 * current prices, whose last-year values weight the months not yet published).
 */
public final class ForecastInput {
    /** Value added of the month at current prices (万元). */
    public static final String VALUE_ADDED_MONTH = org.countyscope.dataset.Columns.VALUE_ADDED_MONTH;

    private ForecastInput() {
    }

    /**
     * @param values  {@code gold/indicator_values}
     * @param regions {@link RegionDimension} rows of the units in {@code values} and their cities
     */
    public static Dataset<Row> apply(Dataset<Row> values, Dataset<Row> regions) {
        Dataset<Row> units = values
            .where(col(INDICATOR).isin(Indicators.IVA_REAL.code(), Indicators.IVA.code()))
            .select(REGION_CODE, INDICATOR, PERIOD, VALUE_MONTH, VALUE_CUM, BASE_MONTH, BASE_CUM);
        Dataset<Row> cities = units.join(regions.select(REGION_CODE, PARENT_CODE), REGION_CODE)
            .groupBy(col(PARENT_CODE).as(REGION_CODE), col(INDICATOR), col(PERIOD))
            .agg(functions.sum(VALUE_MONTH).as(VALUE_MONTH), functions.sum(VALUE_CUM).as(VALUE_CUM),
                functions.sum(BASE_MONTH).as(BASE_MONTH), functions.sum(BASE_CUM).as(BASE_CUM));
        Column real = col(INDICATOR).equalTo(Indicators.IVA_REAL.code());
        Dataset<Row> wide = units.unionByName(cities)
            .groupBy(REGION_CODE, PERIOD)
            .agg(functions.max(when(real, col(VALUE_MONTH))).as("_real_month"),
                functions.max(when(real, col(VALUE_CUM))).as("_real_cum"),
                functions.max(when(real, col(BASE_MONTH))).as(BASE_MONTH),
                functions.max(when(real, col(BASE_CUM))).as(BASE_CUM),
                functions.max(when(functions.not(real), col(VALUE_MONTH))).as(VALUE_ADDED_MONTH));
        return wide.join(regions.select(REGION_CODE, REGION_NAME, REGION_LEVEL), REGION_CODE)
            .select(col(REGION_CODE), col(REGION_NAME), col(REGION_LEVEL), col(PERIOD),
                CountyComparison.growth(col("_real_month"), col(BASE_MONTH)).as(YOY_PERIOD_PCT),
                CountyComparison.growth(col("_real_cum"), col(BASE_CUM)).as(YOY_PCT),
                col(BASE_MONTH), col(VALUE_ADDED_MONTH));
    }
}
