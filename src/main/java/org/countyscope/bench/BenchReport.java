package org.countyscope.bench;

import org.countyscope.pipeline.IngestReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** A benchmark run as Markdown for people and as CSV (one row per stage) for comparing runs. */
public final class BenchReport {
    /** The CSV's columns. */
    public static final String CSV_HEADER = "stage,wall_s,cpu_s,cores_busy,rows,rows_meaning,rows_per_s,peak_heap_mb,"
        + "live_heap_mb,gc_count,gc_s,detail";

    private BenchReport() {
    }

    /** Writes the Markdown report and the CSV beside it. */
    public static void write(BenchResult r) {
        write(r.config().report(), markdown(r));
        write(r.config().csv(), csv(r));
    }

    private static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static String csv(BenchResult r) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Stage s : r.stages()) {
            sb.append(String.join(",", s.name(), f3(s.wallSeconds()), f3(s.cpuSeconds()), f2(s.coresBusy()),
                Long.toString(s.rows()), quote(s.rowsMeaning()), f0(s.rowsPerSecond()), f0(s.peakHeapBytes() / 1e6),
                f0(s.liveHeapBytes() / 1e6), Long.toString(s.gcCount()), f3(s.gcSeconds()), quote(s.detail()))).append('\n');
        }
        return sb.toString();
    }

    public static String markdown(BenchResult r) {
        BenchConfig c = r.config();
        Machine m = r.machine();
        StringBuilder sb = new StringBuilder();
        sb.append("# countyscope bench — ").append(c.scale()).append(" scale\n\n");
        sb.append("Reproduce: `bin/countyscope bench --scale ").append(c.scale().equals("custom") ? "sample" : c.scale());
        if (c.scale().equals("custom")) {
            sb.append(" --counties ").append(c.generator().counties()).append(" --enterprises ")
                .append(c.generator().enterprises()).append(" --months ").append(c.generator().months())
                .append(" --seed ").append(c.generator().seed());
        }
        sb.append("` (generates the data unless the work folder holds the same config, ingests into a fresh "
            + "warehouse, compares all four cadences, recomputes the comparison with DuckDB, times the forecaster).\n\n");

        sb.append("## Data and machine\n\n");
        long io = r.rawRowsByFile().entrySet().stream().filter(e -> e.getKey().contains("industrial_output"))
            .mapToLong(Map.Entry::getValue).sum();
        sb.append(String.format(Locale.ROOT, "- Data: %s; compared month %s; %,d data rows in the raw files (%s; "
                + "ingest reads the NBS export's months as rows), of which %,d 一套表 enterprise-months.%n",
            c.generatorLine(), c.period(), r.rawRows(), mb(r.rawBytes()), io));
        sb.append(String.format(Locale.ROOT, "- Machine: %d cores, %s physical memory, JVM max heap %s; %s; %s.%n",
            m.cores(), gb(m.memoryBytes()), gb(m.maxHeapBytes()), m.java(), m.os()));
        sb.append(String.format(Locale.ROOT, "- Load average (1/5/15 min) at start %s, at end %s%s.%n",
            load(m.loadAverage()), load(r.loadAtEnd()), m.loadAverage()[0] > m.cores() * 0.5
                ? " — the machine was shared with other work, so wall times are longer than on a quiet machine; CPU "
                + "times are less affected" : ""));
        sb.append(String.format(Locale.ROOT, "- Warehouse on disk after the run: %s (%s).%n%n",
            mb(r.warehouseTotalBytes()), String.join(", ", r.warehouseBytes().entrySet().stream()
                .map(e -> e.getKey() + " " + mb(e.getValue())).toList())));

        sb.append("## Stages\n\n");
        sb.append("CPU is the process's CPU time over the stage (every thread: Spark's, JIT, GC, DuckDB's native ones); "
            + "peak heap is the fullest the heap was seen (just before a collection, or at the stage's end, garbage "
            + "included — it shows how far the collector let the heap grow), live heap the most it held just after a "
            + "collection (what the stage really kept; — when none ran). Spark runs in this JVM (local mode), so its "
            + "execution and cache memory are in these figures; DuckDB's memory is native and is not.\n\n");
        sb.append("| stage | wall s | CPU s | cores busy | rows | rows/s | peak heap MB | live heap MB | GCs | GC s | notes |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Stage s : r.stages()) {
            boolean ran = s.wallSeconds() > 0 || s.rows() >= 0;
            sb.append("| ").append(s.name()).append(" | ").append(ran ? f1(s.wallSeconds()) : "—").append(" | ")
                .append(ran ? f1(s.cpuSeconds()) : "—").append(" | ").append(ran ? f2(s.coresBusy()) : "—")
                .append(" | ").append(s.rows() < 0 ? "" : String.format(Locale.ROOT, "%,d %s", s.rows(), s.rowsMeaning()))
                .append(" | ").append(s.rows() < 0 ? "" : String.format(Locale.ROOT, "%,.0f", s.rowsPerSecond()))
                .append(" | ").append(ran ? f0(s.peakHeapBytes() / 1e6) : "").append(" | ")
                .append(ran && s.gcCount() > 0 ? f0(s.liveHeapBytes() / 1e6) : ran ? "—" : "").append(" | ")
                .append(ran ? Long.toString(s.gcCount()) : "").append(" | ").append(ran ? f1(s.gcSeconds()) : "")
                .append(" | ").append(s.detail().replace("|", "\\|")).append(" |\n");
        }
        sb.append('\n');

        sb.append("## Ingest by dataset\n\n");
        sb.append("| dataset | files | read | accepted | quarantined |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (IngestReport.DatasetLoad d : r.ingest().datasets()) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %,d |%n", d.dataset(), d.files(), d.read(),
                d.accepted(), d.quarantined()));
        }
        for (IngestReport.RejectedFile f : r.ingest().rejected()) {
            sb.append("\nRejected whole: ").append(f.file()).append(" — ").append(f.reason()).append('\n');
        }
        sb.append('\n');

        sb.append("## Spark against DuckDB\n\n");
        Agreement a = r.agreement();
        if (a == null) {
            sb.append("Not run: ").append(r.stage("duckdb").map(Stage::detail).orElse("")).append("\n\n");
        } else {
            Stage compare = r.stage("compare").orElseThrow();
            Stage duck = r.stage("duckdb").orElseThrow();
            Stage prep = r.stage("duckdb-prepare").orElseThrow();
            Stage ingest = r.stage("ingest").orElseThrow();
            sb.append(String.format(Locale.ROOT, "The county comparison (every indicator of gold/comparison: "
                    + "规上工业增加值 at current and comparable prices, output, revenue, profit, enterprises, tax by type, "
                    + "budget, investment, 招商引资; value, period value, city total, share, rank, growth, vs city, "
                    + "贡献率, 拉动, 两年平均, per capita) for the %d cadence periods at %s, computed by DuckDB SQL "
                    + "straight from the raw files.%n%n", 4, c.period()));
            sb.append("| path | wall s | CPU s |\n| --- | ---: | ---: |\n");
            sb.append(String.format(Locale.ROOT, "| Spark + Delta: ingest (validation, bronze/silver/quarantine) + "
                + "compare (gold tables, disclosure control, exports) | %s | %s |%n",
                f1(ingest.wallSeconds() + compare.wallSeconds()), f1(ingest.cpuSeconds() + compare.cpuSeconds())));
            sb.append(String.format(Locale.ROOT, "| Spark compare alone | %s | %s |%n", f1(compare.wallSeconds()),
                f1(compare.cpuSeconds())));
            sb.append(String.format(Locale.ROOT, "| DuckDB: transcode + XLSX dump, then SQL | %s + %s | %s + %s |%n%n", f1(prep.wallSeconds()),
                f1(duck.wallSeconds()), f1(prep.cpuSeconds()), f1(duck.cpuSeconds())));
            sb.append(String.format(Locale.ROOT, "Agreement: %,d product rows, %,d DuckDB rows, %,d on both sides; "
                    + "%,d of %,d figures agree (empty on both sides, or within %.0e relative); largest relative "
                    + "difference %.2e. %s%n", a.productRows(), a.duckRows(), a.matchedRows(), a.figuresAgreeing(),
                a.figuresCompared(), Agreement.TOLERANCE, a.maxRelativeDiff(),
                a.complete() ? "**Complete agreement.**" : "**Disagreements:**"));
            for (String p : a.problems()) {
                sb.append("- ").append(p).append('\n');
            }
            sb.append('\n');
            sb.append("DuckDB does much less: it computes the figures, while the product also keeps every record as "
                + "received (bronze), checks every cell and row rule, keeps a versioned silver table, writes Delta "
                + "commits, applies disclosure control and writes the exports.\n\n");
        }

        sb.append("## Forecast speed\n\n");
        ForecastSpeed f = r.forecastSpeed();
        if (f == null) {
            sb.append("Not run.\n");
        } else {
            sb.append(String.format(Locale.ROOT, "Standard forecaster (TRAMO identification, in-history backtest "
                    + "weighting the combination, forecast to December) on %,d generated series of 108–119 months "
                    + "(bench.SyntheticSeries):%n%n", f.series()));
            sb.append(String.format(Locale.ROOT, "- **%.1f series/s per core** (one thread, its CPU time; target ≥ "
                + "%.0f: %s)%n", f.perCore(), ForecastSpeed.TARGET_PER_CORE,
                f.perCore() >= ForecastSpeed.TARGET_PER_CORE ? "met" : "NOT met"));
            sb.append(String.format(Locale.ROOT, "- %.1f series/s on one thread (wall), %.1f series/s on %d threads "
                + "(wall)%n", f.oneThreadWall(), f.allThreads(), f.threads()));
            sb.append(String.format(Locale.ROOT, "- %d series fell back from the combination; parallel results %s the "
                + "sequential ones%n", f.fellBack(), f.sameInParallel() ? "identical to" : "DIFFERENT from"));
        }
        return sb.toString();
    }

    private static String load(double[] l) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", l[0], l[1], l[2]);
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    private static String gb(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    private static String f0(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.0f", v) : "";
    }

    private static String f1(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "";
    }

    private static String f2(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "";
    }

    private static String f3(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
