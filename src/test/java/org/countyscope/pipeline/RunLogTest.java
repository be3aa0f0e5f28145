package org.countyscope.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run log's verdict on a stage: skip only when inputs, outputs and files are all as recorded. */
class RunLogTest {
    private static final Map<String, Long> INPUTS = Map.of("silver/tax", 3L, "silver/ppi", 1L);
    private static final Map<String, Long> OUTPUTS = Map.of("gold/comparison", 7L);

    private static RunLog recorded(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tables"));
        Files.writeString(dir.resolve("tables/a.csv"), "x");
        RunLog log = RunLog.of(dir);
        log.put("compare", new RunLog.Entry(INPUTS, OUTPUTS, List.of("tables/a.csv")));
        return RunLog.of(dir); // read back from the JSON file
    }

    @Test
    void aStageWhoseInputsOutputsAndFilesAreAsRecordedIsSkipped(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), recorded(dir).staleness("compare", INPUTS, OUTPUTS, dir),
            "same versions, table untouched, file there: nothing to do");
    }

    @Test
    void aRevisedInputMakesItRun(@TempDir Path dir) throws Exception {
        String why = recorded(dir).staleness("compare", Map.of("silver/tax", 4L, "silver/ppi", 1L), OUTPUTS, dir)
            .orElseThrow();
        assertTrue(why.contains("silver/tax") && why.contains("3 → 4"), why);
    }

    @Test
    void aNewInputTableMakesItRun(@TempDir Path dir) throws Exception {
        assertTrue(recorded(dir).staleness("compare",
            Map.of("silver/tax", 3L, "silver/ppi", 1L, "silver/projects", 0L), OUTPUTS, dir).isPresent());
        assertTrue(recorded(dir).staleness("compare", Map.of("silver/tax", 3L), OUTPUTS, dir).isPresent(),
            "an input table gone");
    }

    @Test
    void anOutputWrittenSinceOrAMissingFileMakesItRun(@TempDir Path dir) throws Exception {
        assertTrue(recorded(dir).staleness("compare", INPUTS, Map.of("gold/comparison", 8L), dir).orElseThrow()
            .contains("gold/comparison"), "another job wrote the table since");
        RunLog log = recorded(dir);
        Files.delete(dir.resolve("tables/a.csv"));
        assertTrue(log.staleness("compare", INPUTS, OUTPUTS, dir).orElseThrow().contains("tables/a.csv"));
    }

    @Test
    void aStageNeverRunOrForgottenRuns(@TempDir Path dir) throws Exception {
        RunLog log = recorded(dir);
        assertTrue(log.staleness("forecast", INPUTS, Map.of(), dir).isPresent());
        log.remove("compare");
        assertTrue(RunLog.of(dir).staleness("compare", INPUTS, OUTPUTS, dir).isPresent(),
            "removed before a stage reruns, so a crash mid-stage cannot leave the old record");
    }

    @Test
    void aDamagedLogIsIgnored(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(RunLog.FILE), "{ not json");
        assertTrue(RunLog.of(dir).staleness("compare", INPUTS, OUTPUTS, dir).isPresent());
    }
}
