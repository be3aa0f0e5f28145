package org.countyscope.notebook;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.countyscope.dataset.Columns;
import org.countyscope.gold.Cadence;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.CompareJob;
import org.countyscope.pipeline.ReportJob;
import org.countyscope.report.ReportInput;
import org.countyscope.report.chart.CategoryValue;
import org.countyscope.spark.Sessions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;

/**
 * The warehouse as an analyst sees it from a notebook: every table by {@code layer/name}, current rows of the
 * versioned silver tables, SQL over all of them, the comparison of one period and what the planners' report of a
 * period shows (withheld figures flagged). Opening is cheap: the SparkSession (the one {@link Sessions} builds, or
 * the active one) starts on first use.
 */
public final class Notebook {
    /** Environment variable naming the warehouse a notebook opens by default (the kernel spec sets it). */
    public static final String WAREHOUSE_ENV = "COUNTYSCOPE_WAREHOUSE";
    /** System property that names it too, ahead of the variable (a notebook executed inside another job). */
    public static final String WAREHOUSE_PROPERTY = "countyscope.warehouse";
    /**
     * Environment variable naming the checkout whose files ({@code data/…}) a notebook reads by relative path (the
     * kernel spec sets it to the folder it was installed from): Jupyter starts a kernel in the notebook's own folder.
     */
    public static final String HOME_ENV = "COUNTYSCOPE_HOME";

    private final Path warehouse;
    private TableStore store;

    private Notebook(Path warehouse) {
        this.warehouse = warehouse.toAbsolutePath().normalize();
    }

    /** The warehouse named by {@value #WAREHOUSE_PROPERTY}, else {@value #WAREHOUSE_ENV}, else {@code ./warehouse}. */
    public static Notebook open() {
        String named = System.getProperty(WAREHOUSE_PROPERTY);
        if (named == null || named.isBlank()) {
            named = System.getenv(WAREHOUSE_ENV);
        }
        return open(named == null || named.isBlank() ? "warehouse" : named);
    }

    /**
     * A file of the checkout by its path relative to the checkout ({@code data/reference/…}): relative to the working
     * directory when it is there (the command line, {@code countyscope notebook}), else under {@value #HOME_ENV} (a
     * kernel Jupyter started in {@code notebooks/}), else under the working directory's parent (the same without the
     * variable). An absolute path is returned as it is; a file found nowhere keeps the path as given.
     */
    public static Path file(String relative) {
        return file(relative, System.getenv(HOME_ENV));
    }

    static Path file(String relative, String home) {
        Path here = Path.of(relative);
        if (here.isAbsolute() || Files.exists(here)) {
            return here;
        }
        if (home != null && !home.isBlank() && Files.exists(Path.of(home).resolve(relative))) {
            return Path.of(home).resolve(relative);
        }
        // a kernel started in the checkout's notebooks/ folder without the variable
        Path parent = Path.of("").toAbsolutePath().getParent();
        if (parent != null && Files.exists(parent.resolve(relative))) {
            return parent.resolve(relative);
        }
        return here;
    }

    public static Notebook open(String warehouse) {
        return new Notebook(Path.of(warehouse));
    }

    public Path warehouse() {
        return warehouse;
    }

    /** The session: the active one (a test, spark-submit, an earlier cell) or a new embedded one. */
    public synchronized SparkSession spark() {
        return store().spark();
    }

    public synchronized TableStore store() {
        if (store == null) {
            SparkSession session = SparkSession.getActiveSession().isDefined() ? SparkSession.getActiveSession().get()
                : SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get()
                : Sessions.getOrCreate(Sessions.Options.embedded("countyscope-notebook"));
            store = new TableStore(session, warehouse.toString());
        }
        return store;
    }

    /** Every Delta table of the warehouse as {@code layer/name}, in layer then name order (no Spark needed). */
    public List<String> tables() {
        List<String> out = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            File[] dirs = warehouse.resolve(layer.dir()).toFile().listFiles(f -> f.isDirectory()
                && Files.isDirectory(f.toPath().resolve("_delta_log")));
            if (dirs == null) {
                continue;
            }
            Arrays.sort(dirs);
            for (File d : dirs) {
                out.add(layer.dir() + "/" + d.getName());
            }
        }
        return out;
    }

    /**
     * A table by {@code layer/name}, e.g. {@code gold/comparison} or {@code silver/tax}. A versioned (silver) table
     * gives its current rows; {@code table("silver/tax", true)} gives every version.
     */
    public Dataset<Row> table(String name) {
        return table(name, false);
    }

    public Dataset<Row> table(String name, boolean allVersions) {
        String[] parts = name.split("/", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a table is named layer/name, e.g. gold/comparison, not '" + name
                + "'; the warehouse has " + tables());
        }
        Layer layer;
        try {
            layer = Layer.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no layer '" + parts[0] + "': bronze, silver, gold or quarantine", e);
        }
        if (!tables().contains(layer.dir() + "/" + parts[1])) {
            throw new IllegalArgumentException("no table " + name + " in " + warehouse + "; it has " + tables());
        }
        Dataset<Row> rows = store().read(layer, parts[1]);
        boolean versioned = Arrays.asList(rows.columns()).contains(Columns.IS_CURRENT);
        return versioned && !allVersions ? rows.where(col(Columns.IS_CURRENT)) : rows;
    }

    /**
     * Spark SQL over the warehouse: every table is a view named {@code layer_name} ({@code gold_comparison},
     * {@code silver_tax} — current rows — …).
     */
    public Dataset<Row> sql(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        for (String t : tables()) {
            String view = t.replace('/', '_');
            if (q.contains(view)) { // only the tables the query names: each view reads a Delta log
                table(t).createOrReplaceTempView(view);
            }
        }
        return spark().sql(query);
    }

    /** gold/comparison of one cadence at a month: every region × indicator, as {@code compare} wrote it. */
    public Dataset<Row> comparison(String period, String cadence) {
        Cadence c = Cadence.parse(cadence);
        String end = c.periodEnd(YearMonth.parse(period)).toString();
        return table(Layer.GOLD.dir() + "/" + CompareJob.COMPARISON)
            .where(col("cadence").equalTo(c.code()).and(col("period").equalTo(end)));
    }

    /** What the planners' report of a cadence at a month reads: figures with withheld ones flagged, marts, forecast. */
    public ReportInput report(String period, String cadence) {
        Cadence c = Cadence.parse(cadence);
        return new ReportJob(store()).input(c.periodEnd(YearMonth.parse(period)), c);
    }

    /** Label and value columns of (a few) rows as chart categories, in row order; nulls stay null (a gap). */
    public static List<CategoryValue> categories(Dataset<Row> rows, String labelColumn, String valueColumn) {
        Objects.requireNonNull(rows, "rows");
        List<CategoryValue> out = new ArrayList<>();
        for (Row r : rows.select(col(labelColumn), col(valueColumn)).collectAsList()) {
            Object v = r.get(1);
            if (v != null && !(v instanceof Number)) {
                throw new IllegalArgumentException(valueColumn + " is not a number column: " + v);
            }
            out.add(new CategoryValue(String.valueOf(r.get(0)), v == null ? null : ((Number) v).doubleValue()));
        }
        return out;
    }

    @Override
    public String toString() {
        return "countyscope warehouse " + warehouse + " (" + tables().size() + " tables)";
    }
}
