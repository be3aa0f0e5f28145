package org.countyscope.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures one stage: wall clock, the JVM's CPU time, the collections in between and the heap they saw — the
 * largest heap occupancy just before a collection (the heap is fullest then) and the largest just after one (the live
 * data). Not thread-safe; one stage at a time.
 */
public final class Meter implements NotificationListener {
    private final long wall0;
    private final long cpu0;
    private final long gcCount0;
    private final long gcMillis0;
    private final Set<String> heapPools;
    private volatile long maxBefore;
    private volatile long maxAfter;

    private Meter() {
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(this, null, null);
            }
        }
        this.gcCount0 = gcCount();
        this.gcMillis0 = gcMillis();
        this.cpu0 = processCpuNanos();
        this.wall0 = System.nanoTime();
    }

    /** Starts measuring now. */
    public static Meter start() {
        return new Meter();
    }

    /** Ends the measurement. */
    public Stage stop(String name, long rows, String rowsMeaning, String detail) {
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                try {
                    e.removeNotificationListener(this);
                } catch (ListenerNotFoundException ignored) {
                    // never added to this collector
                }
            }
        }
        long now = heapUsed();
        return new Stage(name, wall, cpu, rows, rowsMeaning, Math.max(maxBefore, now), Math.max(maxAfter, 0),
            gcCount() - gcCount0, (gcMillis() - gcMillis0) / 1e3, detail);
    }

    /** A stage that did not run, with the reason. */
    public static Stage skipped(String name, String why) {
        return new Stage(name, 0, 0, -1, "", 0, 0, 0, 0, why);
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long before = heap(info.getGcInfo().getMemoryUsageBeforeGc());
        long after = heap(info.getGcInfo().getMemoryUsageAfterGc());
        synchronized (this) {
            maxBefore = Math.max(maxBefore, before);
            maxAfter = Math.max(maxAfter, after);
        }
    }

    private long heap(Map<String, MemoryUsage> byPool) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : byPool.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the whole process (every thread, native ones such as DuckDB's too), in ns; -1 when unknown. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static long gcCount() {
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        return gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(n -> n > 0).sum();
    }
}
