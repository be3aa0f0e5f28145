package org.countyscope.pipeline;

import org.countyscope.TestSpark;
import org.countyscope.config.CompareConfig;
import org.countyscope.gold.Cadence;
import org.countyscope.io.TableStore;
import org.countyscope.io.WarehouseLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compare and forecast write gold, so they take the warehouse lock: while another writer holds it, they wait. */
class WriterLockTest {
    @TempDir
    Path warehouse;

    @Test
    void compareWaitsForTheWriterHoldingTheLock() throws Exception {
        waitsForTheLock(store -> new CompareJob(store).run(new CompareConfig(store.root(), YearMonth.of(2025, 12),
            List.of(Cadence.MONTH), warehouse.resolve("out"))), "run ingest first");
    }

    @Test
    void forecastWaitsForTheWriterHoldingTheLock() throws Exception {
        waitsForTheLock(store -> new ForecastJob(store).run(new ForecastJob.Config(YearMonth.of(2025, 12),
            warehouse.resolve("out"), false)), "run compare first");
    }

    /** The job runs on an empty warehouse: once it has the lock it fails at once, as nothing is there to read. */
    private void waitsForTheLock(Function<TableStore, Object> job, String emptyWarehouseMessage) throws Exception {
        TableStore store = new TableStore(TestSpark.session(), warehouse.toString());
        CompletableFuture<Object> running;
        try (WarehouseLock held = WarehouseLock.acquire(warehouse, Duration.ofSeconds(5))) {
            running = CompletableFuture.supplyAsync(() -> job.apply(store));
            Thread.sleep(1500);
            assertFalse(running.isDone(), "the job waits while the lock is held");
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(2, TimeUnit.MINUTES));
        assertTrue(e.getCause() instanceof IllegalStateException
                && e.getCause().getMessage().contains(emptyWarehouseMessage),
            "once the lock was free it ran, and found the warehouse empty: " + e.getCause());
    }
}
