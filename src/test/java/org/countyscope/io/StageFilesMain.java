package org.countyscope.io;

import org.countyscope.io.source.SourceException;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link StagingMemoryTest}: stages each file named on the command line into a temporary folder
 * and prints one line per file ({@code OK <records>} or {@code REJECTED <message>}), then the peak heap in MiB.
 */
public final class StageFilesMain {
    private StageFilesMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("countyscope-stage-");
        for (String a : args) {
            Path file = Path.of(a);
            try {
                StagedFile s = Staging.stage(file, null, null, dir);
                System.out.println(file.getFileName() + "\tOK " + s.records());
                Files.delete(s.staged());
            } catch (SourceException e) {
                System.out.println(file.getFileName() + "\tREJECTED " + e.getMessage());
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("peak-heap-mib\t" + (peak >> 20));
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
