package org.countyscope.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * An exclusive lock on a local warehouse so two jobs on one machine never write it at once (ingest, compare and
 * forecast take it; reports only read). Delta's optimistic concurrency would reject the loser's commit anyway; the
 * lock makes the second job wait instead of fail half-way, and keeps silver still while compare reads it.
 * The OS releases it when the process dies, so a crash never leaves the warehouse locked.
 */
public final class WarehouseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** How long a writing job waits for another one before it gives up. */
    public static final Duration WRITER_WAIT = Duration.ofMinutes(30);

    /**
     * The lock of a warehouse given as a job's path or URI, or null for a warehouse on a distributed file system
     * (there, Delta's optimistic concurrency decides: the losing commit fails and the job can be run again).
     */
    public static WarehouseLock forWriter(String warehouse) {
        if (!isLocal(warehouse)) {
            return null;
        }
        String p = warehouse.startsWith("file:") ? URI.create(warehouse).getPath() : warehouse;
        return acquire(Path.of(p), WRITER_WAIT);
    }

    /** Whether a warehouse path or URI is on this machine's disk (no scheme, file:, or a Windows drive letter). */
    public static boolean isLocal(String warehouse) {
        String scheme = URI.create(warehouse.replace('\\', '/').replace(" ", "%20")).getScheme();
        return scheme == null || "file".equals(scheme) || scheme.length() == 1;
    }

    /** Waits up to {@code wait} for the lock; fails with a clear message when another job holds it longer. */
    public static WarehouseLock acquire(Path warehouse, Duration wait) {
        try {
            Files.createDirectories(warehouse);
            FileChannel ch = FileChannel.open(warehouse.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
            Instant deadline = Instant.now().plus(wait);
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by this JVM already: wait like any other holder
                }
                if (l != null) {
                    return new WarehouseLock(ch, l);
                }
                if (Instant.now().isAfter(deadline)) {
                    ch.close();
                    throw new IllegalStateException("另一个 countyscope 作业正在写入仓库 " + warehouse
                        + "，等待 " + wait.toSeconds() + " 秒后仍未释放");
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock warehouse " + warehouse, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the warehouse lock", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
