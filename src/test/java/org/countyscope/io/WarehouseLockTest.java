package org.countyscope.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseLockTest {

    @Test
    void aJobInsideARunTakesTheRunsLockAgainAndAWaiterNamesTheHolder(@TempDir Path wh) throws Exception {
        try (WarehouseLock run = WarehouseLock.forWriter(wh.toString())) {
            try (WarehouseLock job = WarehouseLock.forWriter(wh.toString())) {
                assertSame(run, job, "the same thread takes its own lock again instead of waiting for itself");
            }
            ExecutionException e = assertThrows(ExecutionException.class, () -> CompletableFuture.supplyAsync(
                () -> WarehouseLock.acquire(wh, Duration.ofMillis(300))).get(1, TimeUnit.MINUTES),
                "still held after the inner job closed it");
            assertTrue(e.getCause().getMessage().contains("held by: pid " + ProcessHandle.current().pid()),
                "the waiter names the holder: " + e.getCause().getMessage());
        }
        try (WarehouseLock again = WarehouseLock.acquire(wh, Duration.ofSeconds(1))) {
            assertTrue(again != null, "released when the run closed it");
        }
    }

    @Test
    void aSecondWriterWaitsThenGivesUpWithAClearMessage(@TempDir Path wh) {
        try (WarehouseLock first = WarehouseLock.acquire(wh, Duration.ofSeconds(1))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WarehouseLock.acquire(wh, Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("正在写入"), e.getMessage());
        }
        try (WarehouseLock again = WarehouseLock.acquire(wh, Duration.ofSeconds(1))) {
            assertTrue(again != null, "released locks can be taken again");
        }
    }
}
