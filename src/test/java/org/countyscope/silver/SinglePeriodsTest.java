package org.countyscope.silver;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.countyscope.TestSpark;
import org.countyscope.dataset.Datasets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SinglePeriodsTest {

    @Test
    void monthlyBudgetRevenueFromCumulativeWithJanuaryAlone() {
        SparkSession spark = TestSpark.session();
        StructType schema = new StructType().add("period", "string").add("region_code", "string")
            .add("region_name", "string").add("tax_revenue", "double").add("non_tax_revenue", "double")
            .add("total_revenue", "double").add("release", "string");
        Dataset<Row> cum = spark.createDataFrame(List.of(
            RowFactory.create("2024-01", "620881", "华亭市", 100.0, 10.0, 110.0, "R"),
            RowFactory.create("2024-02", "620881", "华亭市", 180.0, 25.0, 205.0, "R"),
            RowFactory.create("2024-04", "620881", "华亭市", 400.0, 45.0, 445.0, "R"),
            RowFactory.create("2025-01", "620881", "华亭市", 120.0, 5.0, 125.0, "R")), schema);
        List<Row> out = SinglePeriods.apply(cum, Datasets.BUDGET_REVENUE).orderBy("period").collectAsList();
        assertEquals(List.of(100.0, 80.0, 220.0, 120.0), out.stream().map(r -> r.<Double>getAs("tax_revenue")).toList(),
            "January alone, February = 180 − 100, March missing so 1—4月 − 1—2月, a new year starts again");
        assertEquals(List.of(1, 1, 2, 1), out.stream().map(r -> r.<Integer>getAs("months_covered")).toList());
        assertEquals(445.0, out.get(2).<Double>getAs("total_revenue_cum"));
    }
}
