package org.countyscope.silver;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.countyscope.bronze.BronzeRows;
import org.countyscope.dataset.ColumnSpec;
import org.countyscope.dataset.DatasetSpec;
import org.countyscope.dataset.RowRule;
import org.countyscope.io.Staging;
import org.countyscope.quality.CellCheck;
import org.countyscope.quality.CellRules;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * Bronze text to typed columns, with every problem of a row listed in {@code _errors} instead of thrown: column
 * checks ({@link CellRules}), the cell count of CSV rows, and the dataset's row rules. Pure transform.
 */
public final class Conform {
    /** The problems of a row: array of struct(column, value, rule, reason); empty when the row is good. */
    public static final String ERRORS = "_errors";
    public static final String RAW_PREFIX = "_raw_";
    public static final String CELL_COUNT = "cell_count";

    static final StructType CHECK = DataTypes.createStructType(List.of(
        DataTypes.createStructField("normalized", DataTypes.StringType, true),
        DataTypes.createStructField("rule", DataTypes.StringType, true),
        DataTypes.createStructField("reason", DataTypes.StringType, true)));

    private Conform() {
    }

    /**
     * Types and checks bronze rows of one dataset.
     *
     * @param asOfMonth the current month {@code YYYY-MM}; later periods are rejected as future
     */
    public static Dataset<Row> apply(Dataset<Row> bronze, DatasetSpec spec, String asOfMonth) {
        Dataset<Row> d = bronze;
        List<Column> errors = new ArrayList<>();
        errors.add(when(col(BronzeRows.FORMAT).equalTo("csv").and(col(Staging.NCELLS).notEqual(col(BronzeRows.HEADER_SIZE))),
            problem(lit("*"), concat(col(Staging.NCELLS).cast("string"), lit(" 列")), CELL_COUNT,
                concat(lit("列数不符：表头 "), col(BronzeRows.HEADER_SIZE).cast("string"), lit(" 列，本行 "),
                    col(Staging.NCELLS).cast("string"), lit(" 列（行被截断或多出分隔符）")))));
        for (ColumnSpec c : spec.columns()) {
            String raw = RAW_PREFIX + c.name();
            String chk = "_chk_" + c.name();
            d = d.withColumnRenamed(c.name(), raw)
                .withColumn(chk, checker(c, asOfMonth, spec.noJanuary()).apply(col(raw)))
                .withColumn(c.name(), typed(col(chk + ".normalized"), c));
            errors.add(when(col(chk + ".rule").isNotNull(),
                problem(lit(c.name()), col(raw), col(chk + ".rule"), col(chk + ".reason"))));
        }
        for (RowRule r : spec.rowRules()) {
            Column holds = functions.coalesce(expr(r.predicate()), lit(true));
            errors.add(when(functions.not(holds),
                problem(lit(r.column()), col(RAW_PREFIX + r.column()), lit(r.code()), lit(r.reason()))));
        }
        Column all = functions.filter(functions.array(errors.toArray(Column[]::new)), Column::isNotNull);
        d = d.withColumn(ERRORS, all);
        List<Column> keep = new ArrayList<>();
        for (String name : d.columns()) {
            if (!name.startsWith("_chk_")) {
                keep.add(col(name));
            }
        }
        return d.select(keep.toArray(Column[]::new));
    }

    /** Rows without problems. */
    public static Dataset<Row> valid(Dataset<Row> conformed) {
        return conformed.where(functions.size(col(ERRORS)).equalTo(0));
    }

    private static Column problem(Column column, Column value, String rule, Column reason) {
        return problem(column, value, lit(rule), reason);
    }

    private static Column problem(Column column, Column value, Column rule, Column reason) {
        return struct(column.as("column"), value.cast("string").as("value"), rule.as("rule"), reason.as("reason"));
    }

    private static UserDefinedFunction checker(ColumnSpec c, String asOfMonth, boolean noJanuary) {
        UDF1<String, Row> f = raw -> {
            CellCheck r = CellRules.check(c, raw, asOfMonth, noJanuary);
            return RowFactory.create(r.normalized(), r.rule(), r.reason());
        };
        return functions.udf(f, CHECK);
    }

    /** The Spark type a column is stored as in silver. */
    public static DataType sparkType(ColumnSpec c) {
        return switch (c.type()) {
            case NUMBER -> DataTypes.DoubleType;
            case INTEGER -> DataTypes.LongType;
            case YEAR -> DataTypes.IntegerType;
            case DATE -> DataTypes.DateType;
            case FLAG -> DataTypes.BooleanType;
            default -> DataTypes.StringType;
        };
    }

    private static Column typed(Column normalized, ColumnSpec c) {
        return c.type() == org.countyscope.dataset.ColumnType.DATE
            ? functions.to_date(normalized) : normalized.cast(sparkType(c));
    }
}
