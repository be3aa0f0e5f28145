package org.countyscope.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseLockTest {

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
