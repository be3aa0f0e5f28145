package org.countyscope.io;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An exclusive lock on a local warehouse so two jobs on one machine never write it at once ({@code run} holds it for
 * the whole pipeline; ingest, review, compare and forecast take it; reports only read). Delta's optimistic concurrency
 * would reject the loser's commit anyway; the lock makes the second job wait instead of fail half-way, and keeps silver
 * still while compare reads it. The holder writes who it is into {@code <warehouse>/.lock.owner}, so a waiting job
 * says whom it waits for. The OS releases the lock when the process dies, so a crash never leaves the warehouse locked.
 */
public final class WarehouseLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseLock.class);
    static final String OWNER_FILE = ".lock.owner";
    /** Locks held through {@link #forWriter}, by warehouse folder: a job inside a {@code run} takes the run's lock. */
    private static final Map<Path, WarehouseLock> HELD = new HashMap<>();

    private final FileChannel channel;
    private final FileLock lock;
    private Path heldAs;
    private Thread owner;
    private int depth;

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
        Path dir = Path.of(p).toAbsolutePath().normalize();
        synchronized (HELD) {
            WarehouseLock held = HELD.get(dir);
            if (held != null && held.owner == Thread.currentThread()) {
                held.depth++;
                return held;
            }
        }
        WarehouseLock l = acquire(dir, WRITER_WAIT);
        synchronized (HELD) {
            l.heldAs = dir;
            l.owner = Thread.currentThread();
            l.depth = 1;
            HELD.put(dir, l);
        }
        return l;
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
            boolean said = false;
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by this JVM already: wait like any other holder
                }
                if (l != null) {
                    writeOwner(warehouse);
                    if (said) {
                        LOG.info("warehouse lock of {} taken after waiting", warehouse);
                    }
                    return new WarehouseLock(ch, l);
                }
                if (Instant.now().isAfter(deadline)) {
                    ch.close();
                    throw new IllegalStateException("另一个 countyscope 作业正在写入仓库 " + warehouse
                        + "，等待 " + wait.toSeconds() + " 秒后仍未释放（占用者 / held by: " + owner(warehouse) + "）");
                }
                if (!said) {
                    said = true;
                    String msg = "另一个作业正在写入仓库，等待其结束 / waiting for the warehouse lock of "
                        + warehouse + ", held by: " + owner(warehouse);
                    LOG.info(msg); // the console and the log file
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

    /** Who holds the lock, as its holder wrote it: process id, command and since when. */
    static String owner(Path warehouse) {
        try {
            String s = Files.readString(warehouse.resolve(OWNER_FILE), StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "unknown" : s;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void writeOwner(Path warehouse) {
        String command = System.getProperty("sun.java.command", "java");
        command = command.replaceFirst("^org\\.countyscope\\.cli\\.CountyscopeCommand", "countyscope");
        if (command.length() > 300) {
            command = command.substring(0, 300) + "…";
        }
        String text = "pid " + ProcessHandle.current().pid() + ", thread " + Thread.currentThread().getName() + ", "
            + command + ", since " + Instant.now() + System.lineSeparator();
        try {
            Path tmp = Files.createTempFile(warehouse, OWNER_FILE, ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, warehouse.resolve(OWNER_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not record the lock's holder in {}", warehouse, e);
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (heldAs != null) {
                if (--depth > 0) {
                    return;
                }
                HELD.remove(heldAs);
                heldAs = null;
            }
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
