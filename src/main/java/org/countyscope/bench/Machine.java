package org.countyscope.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a benchmark ran on, and how busy it was: a figure measured beside other work is not the machine's.
 *
 * @param cores        processors the JVM sees
 * @param maxHeapBytes the JVM's maximum heap
 * @param memoryBytes  physical memory, -1 when unknown
 * @param loadAverage  1, 5 and 15-minute load averages ({@code /proc/loadavg}; else the 1-minute one three times,
 *                     or -1 when unknown)
 * @param java         Java runtime version
 * @param os           operating system name and version
 */
public record Machine(int cores, long maxHeapBytes, long memoryBytes, double[] loadAverage, String java, String os) {

    public Machine {
        loadAverage = loadAverage.clone();
    }

    @Override
    public double[] loadAverage() {
        return loadAverage.clone();
    }

    /** The machine as it is now. */
    public static Machine now() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(), memory,
            currentLoad(), System.getProperty("java.vm.name") + " " + Runtime.version(),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** The load averages now. */
    public static double[] currentLoad() {
        Path proc = Path.of("/proc/loadavg");
        if (Files.isReadable(proc)) {
            try {
                String[] f = Files.readString(proc).trim().split("\\s+");
                return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            } catch (IOException | RuntimeException e) {
                // fall through to the MXBean's one-minute figure
            }
        }
        double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new double[] {one, one, one};
    }
}
