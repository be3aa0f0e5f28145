package org.countyscope.notebook;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.report.chart.CategoryValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysts' view of a warehouse: names, current rows of versioned tables, SQL views, clear errors. */
class NotebookTest {
    @TempDir
    Path tmp;

    @Test
    void listsTablesByLayerAndGivesCurrentRowsOfVersionedOnes() {
        SampleWarehouse.result();
        Notebook cs = Notebook.open(SampleWarehouse.warehouse().toString());
        List<String> tables = cs.tables();
        assertTrue(tables.contains("gold/comparison") && tables.contains("silver/tax")
            && tables.contains("bronze/tax"), tables.toString());
        assertTrue(tables.indexOf("bronze/tax") < tables.indexOf("silver/tax")
            && tables.indexOf("silver/tax") < tables.indexOf("gold/comparison"), "layer order: " + tables);

        Dataset<Row> all = cs.table("silver/tax", true);
        long current = all.where(col("is_current")).count();
        assertEquals(current, cs.table("silver/tax").count(), "silver gives its current rows by default");
        assertEquals(cs.table("gold/comparison").count(), cs.sql("select count(*) from gold_comparison").first()
            .getLong(0), "a view per table for SQL");
    }

    @Test
    void namesWhatIsThereWhenATableIsMissing() {
        Notebook empty = Notebook.open(tmp.toString());
        assertEquals(List.of(), empty.tables());
        IllegalArgumentException noTable = assertThrows(IllegalArgumentException.class,
            () -> empty.table("gold/comparison"));
        assertTrue(noTable.getMessage().contains("no table gold/comparison"), noTable.getMessage());
        IllegalArgumentException noLayer = assertThrows(IllegalArgumentException.class, () -> empty.table("platinum/x"));
        assertTrue(noLayer.getMessage().contains("bronze, silver, gold or quarantine"), noLayer.getMessage());
        IllegalArgumentException noSlash = assertThrows(IllegalArgumentException.class, () -> empty.table("comparison"));
        assertTrue(noSlash.getMessage().contains("layer/name"), noSlash.getMessage());
    }

    @Test
    void turnsTwoColumnsIntoChartCategoriesKeepingGaps() {
        Dataset<Row> rows = TestSpark.session().sql(
            "select * from values ('崆峒区', 1.5D), ('华亭市', cast(null as double)) as t(name, v)");
        assertEquals(List.of(new CategoryValue("崆峒区", 1.5), new CategoryValue("华亭市", null)),
            Notebook.categories(rows, "name", "v"));
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
            () -> Notebook.categories(rows, "v", "name"));
        assertTrue(notNumber.getMessage().contains("name is not a number column"), notNumber.getMessage());
    }
}
