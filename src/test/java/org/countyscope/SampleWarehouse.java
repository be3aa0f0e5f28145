package org.countyscope;

import org.countyscope.config.IngestConfig;
import org.countyscope.io.TableStore;
import org.countyscope.pipeline.RunJob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample city run once per test JVM ({@code run} on data/sample, as of 2026-11) into a temporary warehouse that
 * tests read but never change; a test that writes takes a {@link #copy}.
 */
public final class SampleWarehouse {
    public static final YearMonth AS_OF = YearMonth.of(2026, 11);
    private static RunJob.Result result;
    private static Path root;

    private SampleWarehouse() {
    }

    public static synchronized RunJob.Result result() {
        if (result == null) {
            try {
                root = Files.createTempDirectory("countyscope-sample-");
                root.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TableStore store = new TableStore(TestSpark.session(), warehouse().toString());
            result = new RunJob(store).run(new IngestConfig(List.of(TestSpark.sampleDir()), store.root(), null, null,
                "sample", AS_OF), null, out());
        }
        return result;
    }

    public static Path warehouse() {
        return root.resolve("warehouse");
    }

    public static Path out() {
        return root.resolve("out");
    }

    /** A read-only view: the store over the shared warehouse. */
    public static TableStore store() {
        result();
        return new TableStore(TestSpark.session(), warehouse().toString());
    }

    /** A private copy of the sample warehouse for a test that writes. */
    public static Path copy(Path target) {
        result();
        try (Stream<Path> walk = Files.walk(warehouse())) {
            for (Path p : walk.toList()) {
                Path dest = target.resolve(warehouse().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (!p.getFileName().toString().equals(".lock")) {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
