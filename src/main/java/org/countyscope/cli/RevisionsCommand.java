package org.countyscope.cli;

import org.apache.spark.sql.SparkSession;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.Revisions;
import org.countyscope.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;

/** {@code countyscope revisions}: what a revision changed in a period's published figures, release against release. */
@Command(name = "revisions", mixinStandardHelpOptions = true,
    description = "List the figures of a period's monthly report that changed between two releases it was published "
        + "from (per region and indicator: old, new, difference), in <out>/<period>/revisions/.")
public final class RevisionsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "Month of the report.")
    YearMonth period;

    @Option(names = "--from", paramLabel = "RELEASE",
        description = "The earlier release (default: the one published before --to).")
    String from;

    @Option(names = "--to", paramLabel = "RELEASE", description = "The later release (default: the latest published).")
    String to;

    @Override
    public Integer call() {
        SparkSession spark = Sessions.getOrCreate(common.session("countyscope-revisions"));
        Revisions.Result r = Revisions.between(new TableStore(spark, common.warehouseUri()), period, from, to);
        Path file = Revisions.write(r, common.out.resolve(period.toString()).resolve("revisions"));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("revisions of %s: release %s → %s, %d figures changed%n", period, r.from(), r.to(),
            r.changes().size());
        for (Revisions.Change c : r.changes()) {
            out.printf("  %s %s %s: %s → %s (%s) %s%n", c.region(), c.regionName(), c.indicatorName(),
                text(c.oldValue()), text(c.newValue()), c.difference() == null ? "" : c.difference().toPlainString(),
                c.unit() == null ? "" : c.unit());
        }
        out.printf("written to %s%n", file);
        out.flush();
        return 0;
    }

    private static String text(java.math.BigDecimal v) {
        return v == null ? "（不公布）" : v.toPlainString();
    }
}
