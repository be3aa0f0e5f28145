package org.countyscope.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.countyscope.TestSpark;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.countyscope.dataset.Columns.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ForecastInputTest {

    @Test
    void growthPerCountyAndForTheCitySummedFromItsCounties() {
        SparkSession spark = TestSpark.session();
        StructType schema = new StructType().add(REGION_CODE, "string").add(INDICATOR, "string").add(PERIOD, "string")
            .add(VALUE_MONTH, "double").add(VALUE_CUM, "double").add(BASE_MONTH, "double").add(BASE_CUM, "double");
        Dataset<Row> values = spark.createDataFrame(List.of(
            // 1—2月 stands at February; March adds one month.
            RowFactory.create("620802", "iva_real", "2025-02", 110.0, 110.0, 100.0, 100.0),
            RowFactory.create("620802", "iva_real", "2025-03", 52.0, 162.0, 50.0, 150.0),
            RowFactory.create("620821", "iva_real", "2025-02", 30.0, 30.0, 30.0, 30.0),
            RowFactory.create("620821", "iva_real", "2025-03", 12.0, 42.0, 0.0, 30.0),
            RowFactory.create("620802", "iva", "2025-02", 120.0, 120.0, null, null),
            RowFactory.create("620821", "iva", "2025-03", 14.0, 46.0, null, null),
            RowFactory.create("620802", "tax_total", "2025-03", 9.0, 9.0, null, null)), schema);
        Dataset<Row> regions = RegionDimension.of(spark, List.of("620802", "620821"));
        Map<String, Row> rows = new HashMap<>();
        for (Row r : ForecastInput.apply(values, regions).collectAsList()) {
            rows.put(r.getAs(REGION_CODE) + "/" + r.getAs(PERIOD), r);
        }
        assertEquals(6, rows.size(), "two counties and the city, two months each");
        Row kongtong = rows.get("620802/2025-03");
        assertEquals(4.0, kongtong.<Double>getAs(YOY_PERIOD_PCT), 1e-9, "52 / 50 − 1");
        assertEquals(8.0, kongtong.<Double>getAs(YOY_PCT), 1e-9, "162 / 150 − 1");
        assertEquals(50.0, kongtong.<Double>getAs(BASE_MONTH), 0);
        assertNull(kongtong.getAs(ForecastInput.VALUE_ADDED_MONTH), "no current-price value added that month");
        assertEquals(120.0, rows.get("620802/2025-02").<Double>getAs(ForecastInput.VALUE_ADDED_MONTH), 0);
        assertNull(rows.get("620821/2025-03").getAs(YOY_PERIOD_PCT), "a zero base gives no growth");
        Row city = rows.get("620800/2025-03");
        assertEquals("city", city.getAs(REGION_LEVEL));
        assertEquals(100 * (64.0 / 50 - 1), city.<Double>getAs(YOY_PERIOD_PCT), 1e-9, "(52 + 12) / (50 + 0) − 1");
        assertEquals(100 * (204.0 / 180 - 1), city.<Double>getAs(YOY_PCT), 1e-9, "(162 + 42) / (150 + 30) − 1");
        assertEquals(14.0, city.<Double>getAs(ForecastInput.VALUE_ADDED_MONTH), 0, "the sum of what the counties have");
        assertEquals(100 * (140.0 / 130 - 1), rows.get("620800/2025-02").<Double>getAs(YOY_PCT), 1e-9);
    }
}
