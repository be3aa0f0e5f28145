package org.countyscope.review;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.countyscope.dataset.DatasetSpec;
import org.countyscope.dataset.Datasets;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.silver.SinglePeriods;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.countyscope.dataset.Columns.*;

/**
 * The review's one door to Spark: reads silver into the records the checks take (the months they need), computes
 * the data-quality metrics, and turns flags, closures and metrics into rows of the gold tables
 * ({@code gold/review_flags}: one row per review period × flag key; {@code gold/review_closures}: one row per
 * acceptance of a flag at a value; {@code gold/dq_metrics}: one row per dataset × table version × period × metric ×
 * column × region).
 */
public final class ReviewTables {
    public static final String FLAGS = "review_flags";
    public static final String CLOSURES = "review_closures";
    public static final String METRICS = "dq_metrics";
    /** Columns of gold/review_flags that others read: the review's period, the flag's key (status is STATUS). */
    public static final String REVIEW_PERIOD = "review_period";
    public static final String FLAG_KEY = "flag_key";
    /** Datasets measured in dq_metrics, each with the measure summed by region (null: no region column). */
    static final String[][] MEASURED = {{"tax", AMOUNT}, {"budget_revenue", TOTAL_REVENUE},
        {"industrial_output", VALUE_ADDED}, {"projects", COMPLETED_YTD}, {"attraction_funds", null}, {"ppi", null}};

    private final TableStore store;
    /** dataset@version pairs already in gold/dq_metrics (filled by {@link #previousMetrics}). */
    private final java.util.Set<String> measured = new java.util.HashSet<>();

    public ReviewTables(TableStore store) {
        this.store = store;
    }

    private boolean has(Layer layer, String table) {
        return store.exists(layer, table);
    }

    private static String from(String period, int monthsBack) {
        return YearMonth.parse(period).minusMonths(monthsBack).toString();
    }

    private static double d(Row r, String c) {
        Object v = r.getAs(c);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    /** 一套表 single periods of the 36 months up to the period (current rows). */
    public List<EnterpriseMonth> enterpriseMonths(String period) {
        String t = SinglePeriods.table(Datasets.INDUSTRIAL_OUTPUT);
        List<EnterpriseMonth> out = new ArrayList<>();
        if (!has(Layer.SILVER, t)) {
            return out;
        }
        for (Row r : store.read(Layer.SILVER, t)
            .where(col(PERIOD).geq(from(period, 36)).and(col(PERIOD).leq(period)))
            .select(CREDIT_CODE, ENTERPRISE_NAME, REGION_CODE, INDUSTRY_CODE, PERIOD, MONTHS_COVERED, GROSS_OUTPUT,
                VALUE_ADDED, REVENUE, GROSS_OUTPUT + CUM_SUFFIX, VALUE_ADDED + CUM_SUFFIX).collectAsList()) {
            out.add(new EnterpriseMonth(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                ((Number) r.get(5)).intValue(), d(r, GROSS_OUTPUT), d(r, VALUE_ADDED), d(r, REVENUE),
                d(r, GROSS_OUTPUT + CUM_SUFFIX), d(r, VALUE_ADDED + CUM_SUFFIX)));
        }
        return out;
    }

    /** The register of the period's year. */
    public List<RegisterEntry> register(String period) {
        List<RegisterEntry> out = new ArrayList<>();
        if (!has(Layer.SILVER, Datasets.ENTERPRISE_REGISTER.name())) {
            return out;
        }
        int year = Integer.parseInt(period.substring(0, 4));
        for (Row r : store.current(Layer.SILVER, Datasets.ENTERPRISE_REGISTER.name()).where(col(YEAR).equalTo(year))
            .select(YEAR, CREDIT_CODE, ENTERPRISE_NAME, REGION_CODE, INDUSTRY_CODE, STATUS, CHANGE_PERIOD)
            .collectAsList()) {
            out.add(new RegisterEntry(((Number) r.get(0)).intValue(), r.getString(1), r.getString(2), r.getString(3),
                r.getString(4), r.getString(5), r.getString(6)));
        }
        return out;
    }

    /** Tax cells of the 36 months up to the period. */
    public List<TaxCell> taxCells(String period) {
        List<TaxCell> out = new ArrayList<>();
        if (!has(Layer.SILVER, Datasets.TAX.name())) {
            return out;
        }
        for (Row r : store.current(Layer.SILVER, Datasets.TAX.name())
            .where(col(PERIOD).geq(from(period, 36)).and(col(PERIOD).leq(period)))
            .select(REGION_CODE, INDUSTRY_CODE, INDUSTRY_NAME, TAX_TYPE, PERIOD, AMOUNT).collectAsList()) {
            out.add(new TaxCell(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                d(r, AMOUNT)));
        }
        return out;
    }

    /** Budget reports (cumulative) of the 36 months up to the period. */
    public List<BudgetMonth> budget(String period) {
        List<BudgetMonth> out = new ArrayList<>();
        if (!has(Layer.SILVER, Datasets.BUDGET_REVENUE.name())) {
            return out;
        }
        for (Row r : store.current(Layer.SILVER, Datasets.BUDGET_REVENUE.name())
            .where(col(PERIOD).geq(from(period, 36)).and(col(PERIOD).leq(period)))
            .select(REGION_CODE, PERIOD, TAX_REVENUE, TOTAL_REVENUE).collectAsList()) {
            out.add(new BudgetMonth(r.getString(0), r.getString(1), d(r, TAX_REVENUE), d(r, TOTAL_REVENUE)));
        }
        return out;
    }

    /** County single-period totals of tax, budget revenue and completed investment, 36 months up to the period. */
    public List<CountyMonth> countyMonths(String period) {
        List<CountyMonth> out = new ArrayList<>();
        String lo = from(period, 36);
        if (has(Layer.SILVER, Datasets.TAX.name())) {
            for (Row r : store.current(Layer.SILVER, Datasets.TAX.name())
                .where(col(PERIOD).geq(lo).and(col(PERIOD).leq(period)))
                .groupBy(REGION_CODE, PERIOD).agg(functions.sum(AMOUNT)).collectAsList()) {
                out.add(new CountyMonth("tax", r.getString(0), r.getString(1), 1, ((Number) r.get(2)).doubleValue()));
            }
        }
        addMonthly(out, Datasets.BUDGET_REVENUE, TOTAL_REVENUE, lo, period);
        addMonthly(out, Datasets.PROJECTS, COMPLETED_YTD, lo, period);
        return out;
    }

    private void addMonthly(List<CountyMonth> out, DatasetSpec spec, String measure, String lo, String period) {
        String t = SinglePeriods.table(spec);
        if (!has(Layer.SILVER, t)) {
            return;
        }
        for (Row r : store.read(Layer.SILVER, t).where(col(PERIOD).geq(lo).and(col(PERIOD).leq(period)))
            .groupBy(REGION_CODE, PERIOD).agg(functions.sum(measure), functions.max(MONTHS_COVERED)).collectAsList()) {
            out.add(new CountyMonth(spec.name(), r.getString(0), r.getString(1), ((Number) r.get(3)).intValue(),
                ((Number) r.get(2)).doubleValue()));
        }
    }

    /** Contracts with their 到位资金 to date and in the month. */
    public List<ContractFunds> contractFunds(String period) {
        List<ContractFunds> out = new ArrayList<>();
        if (!has(Layer.SILVER, Datasets.ATTRACTION_CONTRACTS.name()) || !has(Layer.SILVER,
            Datasets.ATTRACTION_FUNDS.name())) {
            return out;
        }
        Dataset<Row> funds = store.current(Layer.SILVER, Datasets.ATTRACTION_FUNDS.name())
            .where(col(PERIOD).leq(period)).groupBy(CONTRACT_CODE)
            .agg(functions.sum(FUNDS_IN_PLACE).as("to_date"),
                functions.sum(functions.when(col(PERIOD).equalTo(period), col(FUNDS_IN_PLACE)).otherwise(0.0))
                    .as("this_month"));
        for (Row r : store.current(Layer.SILVER, Datasets.ATTRACTION_CONTRACTS.name())
            .join(funds, CONTRACT_CODE).select(CONTRACT_CODE, PROJECT_NAME, REGION_CODE, SIGNED_AMOUNT, "to_date",
                "this_month").collectAsList()) {
            out.add(new ContractFunds(r.getString(0), r.getString(1), r.getString(2), d(r, SIGNED_AMOUNT),
                d(r, "to_date"), d(r, "this_month")));
        }
        return out;
    }

    /** Project reports of the period and of the same month a year earlier. */
    public List<ProjectMonth> projectMonths(String period) {
        List<ProjectMonth> out = new ArrayList<>();
        String t = SinglePeriods.table(Datasets.PROJECTS);
        if (!has(Layer.SILVER, t)) {
            return out;
        }
        String base = YearMonth.parse(period).minusYears(1).toString();
        for (Row r : store.read(Layer.SILVER, t).where(col(PERIOD).equalTo(period).or(col(PERIOD).equalTo(base)))
            .select(col(PROJECT_CODE), col(PROJECT_NAME), col(REGION_CODE), col(PROJECT_TYPE), col(PERIOD),
                col(PLANNED_TOTAL), col(COMPLETED_YTD + CUM_SUFFIX), col(COMPLETED_YTD), col(STATUS),
                col(COMPLETION_DATE).cast("string")).collectAsList()) {
            out.add(new ProjectMonth(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                d(r, PLANNED_TOTAL), d(r, COMPLETED_YTD + CUM_SUFFIX), d(r, COMPLETED_YTD), r.getString(8),
                r.getString(9)));
        }
        return out;
    }

    /**
     * Metrics of the current rows of each measured dataset, per period: rows, distinct keys, nulls per column and
     * the measure's sum per region — as of the silver table's current version.
     */
    public List<DataMetric> computeMetrics() {
        List<DataMetric> out = new ArrayList<>();
        for (String[] m : MEASURED) {
            DatasetSpec spec = Datasets.byName(m[0]).orElseThrow();
            if (!has(Layer.SILVER, spec.name())) {
                continue;
            }
            long version = store.version(Layer.SILVER, spec.name());
            Dataset<Row> cur = store.current(Layer.SILVER, spec.name()).cache();
            try {
                Row rel = cur.agg(functions.max(RELEASE)).head();
                String release = rel.isNullAt(0) ? "" : rel.getString(0);
                List<Column> aggs = new ArrayList<>();
                aggs.add(functions.count(lit(1)).as("rows"));
                Column[] keyCols = spec.key().stream().map(functions::col).toArray(Column[]::new);
                aggs.add(functions.countDistinct(functions.concat_ws("|", keyCols)).as("keys"));
                for (String c : spec.columnNames()) {
                    aggs.add(functions.sum(functions.when(col(c).isNull(), 1).otherwise(0)).as("n_" + c));
                }
                for (Row r : cur.groupBy(PERIOD).agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
                    .collectAsList()) {
                    String p = r.getString(0);
                    out.add(new DataMetric(spec.name(), version, release, p, DataMetric.ROW_COUNT, "", "",
                        ((Number) r.getAs("rows")).doubleValue()));
                    out.add(new DataMetric(spec.name(), version, release, p, DataMetric.DISTINCT_KEYS, "", "",
                        ((Number) r.getAs("keys")).doubleValue()));
                    for (String c : spec.columnNames()) {
                        out.add(new DataMetric(spec.name(), version, release, p, DataMetric.NULL_COUNT, c, "",
                            ((Number) r.getAs("n_" + c)).doubleValue()));
                    }
                }
                if (m[1] != null) {
                    for (Row r : cur.groupBy(PERIOD, REGION_CODE).agg(functions.sum(m[1])).collectAsList()) {
                        out.add(new DataMetric(spec.name(), version, release, r.getString(0), DataMetric.SUM_BY_REGION,
                            m[1], r.getString(1), r.isNullAt(2) ? 0.0 : ((Number) r.get(2)).doubleValue()));
                    }
                }
            } finally {
                cur.unpersist();
            }
        }
        return out;
    }

    static final StructType METRIC_SCHEMA = new StructType()
        .add(DATASET, DataTypes.StringType, false).add("table_version", DataTypes.LongType, false)
        .add(RELEASE, DataTypes.StringType, true).add(PERIOD, DataTypes.StringType, true)
        .add("metric", DataTypes.StringType, false).add(COLUMN, DataTypes.StringType, true)
        .add(REGION_CODE, DataTypes.StringType, true).add(VALUE, DataTypes.DoubleType, true)
        .add("computed_at", DataTypes.TimestampType, false);

    /** Stores a dataset's metrics for its table version (replacing that version's rows, so a re-run changes nothing). */
    public void saveMetrics(List<DataMetric> metrics, Timestamp now) {
        List<Row> rows = new ArrayList<>();
        for (String ds : metrics.stream().map(DataMetric::dataset).distinct().toList()) {
            List<DataMetric> of = metrics.stream().filter(m -> m.dataset().equals(ds)).toList();
            if (measured.contains(ds + "@" + of.get(0).version())) {
                continue; // this version is measured already
            }
            of.forEach(m -> rows.add(RowFactory.create(m.dataset(), m.version(), m.release(), m.period(), m.metric(),
                m.column(), m.region(), m.value(), now)));
        }
        if (!rows.isEmpty()) {
            store.append(Layer.GOLD, METRICS, store.spark().createDataFrame(rows, METRIC_SCHEMA));
        }
    }

    /** The stored metrics of each dataset's latest version before {@code current}'s, for the comparison. */
    public List<DataMetric> previousMetrics(List<DataMetric> current) {
        List<DataMetric> out = new ArrayList<>();
        measured.clear();
        if (!has(Layer.GOLD, METRICS)) {
            return out;
        }
        java.util.Map<String, Long> versionOf = new java.util.HashMap<>();
        current.forEach(m -> versionOf.put(m.dataset(), m.version()));
        java.util.Map<String, Long> previousVersion = new java.util.HashMap<>();
        for (Row r : store.read(Layer.GOLD, METRICS).groupBy(DATASET, "table_version").count().collectAsList()) {
            String ds = r.getString(0);
            long v = r.getLong(1);
            measured.add(ds + "@" + v);
            Long cur = versionOf.get(ds);
            if (cur != null && v < cur && v > previousVersion.getOrDefault(ds, -1L)) {
                previousVersion.put(ds, v);
            }
        }
        if (previousVersion.isEmpty()) {
            return out;
        }
        Column which = lit(false);
        for (java.util.Map.Entry<String, Long> e : previousVersion.entrySet()) {
            which = which.or(col(DATASET).equalTo(e.getKey()).and(col("table_version").equalTo(e.getValue())));
        }
        for (Row r : store.read(Layer.GOLD, METRICS).where(which).collectAsList()) {
            out.add(new DataMetric(r.getString(0), r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getDouble(7)));
        }
        return out;
    }

    static final StructType FLAG_SCHEMA = new StructType()
        .add(REVIEW_PERIOD, DataTypes.StringType, false).add(FLAG_KEY, DataTypes.StringType, false)
        .add(RULE, DataTypes.StringType, false).add(DATASET, DataTypes.StringType, true)
        .add(REGION_CODE, DataTypes.StringType, true).add(REGION_NAME, DataTypes.StringType, true)
        .add("entity_id", DataTypes.StringType, false).add("entity_name", DataTypes.StringType, true)
        .add(PERIOD, DataTypes.StringType, false).add(VALUE, DataTypes.DoubleType, true)
        .add("expected_low", DataTypes.DoubleType, true).add("expected_high", DataTypes.DoubleType, true)
        .add(UNIT, DataTypes.StringType, true).add("severity", DataTypes.StringType, true)
        .add("question", DataTypes.StringType, true).add(STATUS, DataTypes.StringType, false)
        .add("explanation", DataTypes.StringType, true).add("reviewed_at", DataTypes.TimestampType, false);

    /** Replaces the review period's rows of gold/review_flags with this review's flags, open and closed. */
    public void saveFlags(String period, List<ReviewResult.Reviewed> flags, Timestamp now) {
        List<Row> rows = new ArrayList<>();
        for (ReviewResult.Reviewed r : flags) {
            Flag f = r.flag();
            rows.add(RowFactory.create(period, f.key(), f.rule(), f.dataset(), f.regionCode(), f.regionName(),
                f.entityId(), f.entityName(), f.period(), nan(f.value()), nan(f.low()), nan(f.high()), f.unit(),
                f.severity(), f.sentence(), r.status(), r.explanation(), now));
        }
        store.replaceWhere(Layer.GOLD, FLAGS, store.spark().createDataFrame(rows, FLAG_SCHEMA),
            "review_period = '" + period.replace("'", "") + "'");
    }

    private static Double nan(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static final StructType CLOSURE_SCHEMA = new StructType()
        .add("flag_key", DataTypes.StringType, false).add(RULE, DataTypes.StringType, false)
        .add("entity_id", DataTypes.StringType, false).add(PERIOD, DataTypes.StringType, true)
        .add(VALUE, DataTypes.DoubleType, false).add("explanation", DataTypes.StringType, true)
        .add("verified_by", DataTypes.StringType, true).add("source_file", DataTypes.StringType, true)
        .add("accepted_at", DataTypes.TimestampType, false);

    /** Every acceptance so far: flag key → the value it was accepted at and the explanation (latest wins). */
    public List<Closure> closures() {
        List<Closure> out = new ArrayList<>();
        if (!has(Layer.GOLD, CLOSURES)) {
            return out;
        }
        for (Row r : store.read(Layer.GOLD, CLOSURES).orderBy("accepted_at").collectAsList()) {
            out.add(new Closure(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getDouble(4),
                r.getString(5), r.getString(6), r.getString(7)));
        }
        return out;
    }

    /** Appends acceptances not recorded yet (same key, value and explanation): returns how many were new. */
    public long appendClosures(List<Closure> closures, Timestamp now) {
        List<Row> rows = closures.stream().map(c -> RowFactory.create(c.flagKey(), c.rule(), c.entityId(), c.period(),
            c.value(), c.explanation(), c.verifiedBy(), c.sourceFile(), now)).toList();
        return store.appendNew(Layer.GOLD, CLOSURES, store.spark().createDataFrame(rows, CLOSURE_SCHEMA),
            List.of("flag_key", VALUE, "explanation"));
    }
}
