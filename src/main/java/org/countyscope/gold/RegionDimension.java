package org.countyscope.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.countyscope.reference.ReferenceData;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import static org.countyscope.dataset.Columns.PARENT_CODE;
import static org.countyscope.dataset.Columns.REGION_CODE;
import static org.countyscope.dataset.Columns.REGION_LEVEL;
import static org.countyscope.dataset.Columns.REGION_NAME;

/**
 * The regions a comparison covers: the source units (counties, 市本级) and their cities, with names from GB/T 2260
 * and 2020 census population where known. Grain: one row per region code.
 */
public final class RegionDimension {
    public static final String POPULATION = "population";
    public static final StructType SCHEMA = new StructType().add(REGION_CODE, "string").add(REGION_NAME, "string")
        .add(PARENT_CODE, "string").add(REGION_LEVEL, "string").add(POPULATION, "long");

    private RegionDimension() {
    }

    /** Rows for the given unit codes (as in gold/indicator_values) and the cities above them. */
    public static List<Row> rows(Collection<String> unitCodes) {
        ReferenceData ref = ReferenceData.get();
        List<Row> out = new ArrayList<>();
        TreeSet<String> cities = new TreeSet<>();
        for (String code : new TreeSet<>(unitCodes)) {
            if (code.endsWith(IndicatorValues.CITY_OWN_SUFFIX)) {
                String city = code.substring(0, 6);
                cities.add(city);
                out.add(RowFactory.create(code, "市本级", city, CountyComparison.LEVEL_CITY_OWN, null));
                continue;
            }
            ReferenceData.Region r = ref.regions().get(code);
            String parent = r == null ? code.substring(0, 4) + "00" : r.parentCode();
            cities.add(parent);
            out.add(RowFactory.create(code, r == null ? code : r.name(), parent, CountyComparison.LEVEL_COUNTY,
                ref.population2020().get(code)));
        }
        for (String city : cities) {
            ReferenceData.Region r = ref.regions().get(city);
            out.add(RowFactory.create(city, r == null ? city : r.name(), r == null ? null : r.parentCode(),
                CountyComparison.LEVEL_CITY, ref.population2020().get(city)));
        }
        return out;
    }

    public static Dataset<Row> of(SparkSession spark, Collection<String> unitCodes) {
        return spark.createDataFrame(rows(unitCodes), SCHEMA);
    }
}
