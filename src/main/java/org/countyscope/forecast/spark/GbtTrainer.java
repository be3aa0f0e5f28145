package org.countyscope.forecast.spark;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.countyscope.forecast.GrowthFeatures;
import org.countyscope.forecast.Series;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains the cross-series learner with Spark MLlib: {@link GBTRegressor} on the {@link GrowthFeatures} examples of
 * every series of the panel, once per cutoff, each time on the panel cut at that cutoff (examples whose target month is
 * later are never seen). Cutoffs with too few examples get no ensemble. The ensembles are a function of the series'
 * values alone: the examples are put in one canonical order, sampled with a fixed seed and trained in one partition.
 */
public final class GbtTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(GbtTrainer.class);
    private static final StructType SCHEMA = new StructType()
        .add("label", DataTypes.DoubleType, false)
        .add("features", SQLDataTypes.VectorType(), false);

    /**
     * How the trees are grown: small and shallow, as a few hundred to a few thousand examples allow.
     *
     * @param trees               boosting iterations
     * @param depth               depth of each tree
     * @param stepSize            learning rate (shrinkage)
     * @param minInstancesPerNode smallest leaf
     * @param minExamples         fewer examples than this at a cutoff: no ensemble there
     * @param maxExamples         more than this at a cutoff: a seeded random sample of this many (neighbouring
     *                            origins and horizons overlap, so a sample loses little and bounds the cost)
     * @param seed                for the sample and Spark's own randomness
     */
    public record Settings(int trees, int depth, double stepSize, int minInstancesPerNode, int minExamples,
                           int maxExamples, long seed) implements Serializable {

        public Settings {
            if (trees < 1 || depth < 1 || stepSize <= 0 || stepSize > 1 || minInstancesPerNode < 1 || minExamples < 1
                || maxExamples < minExamples) {
                throw new IllegalArgumentException("GBT settings out of range: " + trees + " trees, depth " + depth
                    + ", step " + stepSize + ", leaf " + minInstancesPerNode + ", examples " + minExamples + "–"
                    + maxExamples);
            }
        }

        /**
         * 60 trees of depth 3, learning rate 0.05, leaves of at least 10 examples; 100 to 20,000 examples (the
         * national series gives about 3,000).
         */
        public static Settings defaults() {
            return new Settings(60, 3, 0.05, 10, 100, 20_000, 42);
        }
    }

    /** Examples by their features, then label: an order that depends on the values alone. */
    static final Comparator<GrowthFeatures.Example> CANONICAL = (a, b) -> {
        int c = Arrays.compare(a.features(), b.features());
        return c != 0 ? c : Double.compare(a.label(), b.label());
    };

    /** Ensembles trained at the same time. */
    static final int PARALLEL_FITS = 4;

    private GbtTrainer() {
    }

    /**
     * One ensemble per cutoff, each trained on every series of {@code panel} cut at the cutoff.
     *
     * @param ppi the PPI by month (index, previous year = 100), or null to train without it
     */
    public static GbtModel train(SparkSession spark, Collection<Series> panel, Series ppi, Collection<YearMonth> cutoffs,
                                 Settings settings) {
        Map<YearMonth, List<Row>> examples = new TreeMap<>();
        int most = 0;
        for (YearMonth cutoff : new TreeSet<>(cutoffs)) {
            if (ppi != null && cutoff.isBefore(ppi.start())) {
                continue;
            }
            Series knownPpi = ppi == null ? null : ppi.upTo(cutoff);
            List<GrowthFeatures.Example> found = new ArrayList<>();
            for (Series s : panel) {
                if (cutoff.isBefore(s.start())) {
                    continue;
                }
                found.addAll(GrowthFeatures.examples(s.upTo(cutoff), knownPpi, GrowthFeatures.MAX_HORIZON));
            }
            // One canonical order, whatever the order of the panel or of the rows it was read from.
            found.sort(CANONICAL);
            List<Row> rows = new ArrayList<>(found.size());
            for (GrowthFeatures.Example e : found) {
                rows.add(RowFactory.create(e.label(), Vectors.dense(e.features())));
            }
            most = Math.max(most, rows.size());
            if (rows.size() < settings.minExamples()) {
                LOG.info("GBT at {}: {} examples, fewer than {}: no ensemble", cutoff, rows.size(), settings.minExamples());
            } else {
                examples.put(cutoff, sample(rows, settings));
            }
        }
        // Each fit is a chain of tiny Spark jobs, bound by latency more than by cores: several at once fill the gaps.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL_FITS, examples.size())));
        try {
            Map<YearMonth, Future<GBTRegressionModel>> fits = new TreeMap<>();
            examples.forEach((cutoff, rows) -> fits.put(cutoff, pool.submit(() -> fit(spark, rows, settings))));
            Map<YearMonth, GBTRegressionModel> byCutoff = new TreeMap<>();
            for (Map.Entry<YearMonth, Future<GBTRegressionModel>> f : fits.entrySet()) {
                byCutoff.put(f.getKey(), f.getValue().get());
                LOG.info("GBT at {}: {} trees on {} examples", f.getKey(), settings.trees(),
                    examples.get(f.getKey()).size());
            }
            return new GbtModel(byCutoff, ppi, "no ensemble: too few examples (" + most + " at most, "
                + settings.minExamples() + " needed)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training the GBT ensembles", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("GBT training failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Row> sample(List<Row> rows, Settings settings) {
        if (rows.size() <= settings.maxExamples()) {
            return rows;
        }
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(settings.seed()));
        return shuffled.subList(0, settings.maxExamples());
    }

    private static GBTRegressionModel fit(SparkSession spark, List<Row> rows, Settings settings) {
        // One partition: MLlib sums split statistics across partitions in the order tasks finish, and floating-point
        // sums in a different order can pick a different split. A few thousand rows fit one task easily.
        Dataset<Row> data = spark.createDataFrame(rows, SCHEMA).coalesce(1);
        GBTRegressor gbt = new GBTRegressor()
            // absolute loss: the 2008–09 swings would otherwise pull every tree toward them
            .setLossType("absolute")
            .setMaxIter(settings.trees())
            .setMaxDepth(settings.depth())
            .setStepSize(settings.stepSize())
            .setMinInstancesPerNode(settings.minInstancesPerNode())
            .setSubsamplingRate(1.0)
            .setFeatureSubsetStrategy("all")
            .setSeed(settings.seed());
        return gbt.fit(data);
    }

    /** Cutoffs a year apart, the last at {@code last}: {@code last}, {@code last − 12}, … ({@code count} of them). */
    public static List<YearMonth> yearly(YearMonth last, int count) {
        List<YearMonth> out = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            out.add(last.minusYears(i));
        }
        return out;
    }

    /**
     * The Decembers an ensemble must be trained at for every origin from {@code firstOrigin} to {@code lastOrigin} to
     * be served, with intervals and a combination's three-year backtest behind it.
     */
    public static List<YearMonth> decembersFor(YearMonth firstOrigin, YearMonth lastOrigin) {
        YearMonth first = YearMonth.of(firstOrigin.minusMonths(GbtModel.RESIDUAL_WINDOW + 12).getYear(), 12);
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth d = first; !d.isAfter(lastOrigin); d = d.plusYears(1)) {
            out.add(d);
        }
        return out;
    }
}
