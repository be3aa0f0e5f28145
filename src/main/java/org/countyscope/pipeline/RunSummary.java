package org.countyscope.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a run's time went: each stage's wall time and the driver JVM's CPU time, whether it ran or was skipped and
 * why, written as {@code <out>/<period>/run-summary.json} and printed. CPU time is the driver's: on a cluster the
 * executors' CPU is not in it.
 */
public final class RunSummary {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunSummary.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One stage: {@code ran} false when it was skipped; {@code note} says why it ran or was skipped. */
    public record Stage(String name, double wallSeconds, double cpuSeconds, boolean ran, String note) {
    }

    private String master;
    private int executors;
    private final long start = System.nanoTime();
    private final long cpuStart = cpu();
    private final List<Stage> stages = new ArrayList<>();

    public RunSummary(String master, int executors) {
        on(master, executors);
    }

    /** Where the run ran: the master and the executors it had (they register while the run goes on). */
    public void on(String master, int executors) {
        this.master = master;
        this.executors = executors;
    }

    /** Times one stage that runs. */
    public <T> T time(String name, String note, Supplier<T> work) {
        LOG.info("stage {} starts{}", name, note == null || note.isEmpty() ? "" : " (" + note + ")");
        long t0 = System.nanoTime();
        long c0 = cpu();
        T result = work.get();
        stages.add(new Stage(name, (System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9, true, note));
        return result;
    }

    /** Records a stage that was skipped. */
    public void skipped(String name, String why) {
        stages.add(new Stage(name, 0, 0, false, why));
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    public double wallSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The summary as JSON, written to {@code file}. */
    public void write(Path file) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("master", master);
        doc.put("executors", executors);
        doc.put("wall_s", round(wallSeconds()));
        doc.put("driver_cpu_s", round((cpu() - cpuStart) / 1e9));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Stage s : stages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", s.name());
            m.put("ran", s.ran());
            m.put("wall_s", round(s.wallSeconds()));
            m.put("driver_cpu_s", round(s.cpuSeconds()));
            m.put("note", s.note());
            list.add(m);
        }
        doc.put("stages", list);
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** One line per stage, for the terminal. */
    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%-16s %8s %8s  %s%n", "stage", "wall s", "cpu s", "");
        for (Stage s : stages) {
            out.printf(Locale.ROOT, "%-16s %8.1f %8.1f  %s%n", s.name(), s.wallSeconds(), s.cpuSeconds(),
                s.ran() ? s.note() : "skipped: " + s.note());
        }
        out.printf(Locale.ROOT, "%-16s %8.1f %8.1f  on %s (%d executor%s)%n", "total", wallSeconds(),
            (cpu() - cpuStart) / 1e9, master, executors, executors == 1 ? "" : "s");
    }

    private static double round(double s) {
        return Math.round(s * 100) / 100.0;
    }

    private static long cpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() : 0;
    }
}
