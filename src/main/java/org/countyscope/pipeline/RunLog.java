package org.countyscope.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each stage of {@code run} last computed for one period, and from what: the Delta versions of the tables it read,
 * the versions of the tables it wrote and the files it left. One JSON file per period beside its outputs,
 * {@code <out>/<period>/run-log.json}. A stage whose inputs are at the recorded versions, whose tables nobody has
 * written since and whose files are all there would compute the same again, so {@code run} skips it.
 */
final class RunLog {
    static final String FILE = "run-log.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * One stage's record.
     *
     * @param inputs  table ("silver/tax") → Delta version it read
     * @param outputs table → Delta version right after it wrote it
     * @param files   files it wrote, relative to the period's output folder
     */
    record Entry(Map<String, Long> inputs, Map<String, Long> outputs, List<String> files) {
        Entry {
            inputs = new TreeMap<>(inputs);
            outputs = new TreeMap<>(outputs);
            files = List.copyOf(files);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries;

    private RunLog(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** The log of a period's output folder; empty when there is none or it cannot be read (then every stage runs). */
    static RunLog of(Path periodDir) {
        Path f = periodDir.resolve(FILE);
        Map<String, Entry> entries = new TreeMap<>();
        if (Files.isRegularFile(f)) {
            try {
                entries.putAll(JSON.readValue(f.toFile(), new TypeReference<Map<String, Entry>>() { }));
            } catch (IOException e) {
                // a damaged log only costs a recomputation
                entries.clear();
            }
        }
        return new RunLog(f, entries);
    }

    Optional<Entry> get(String stage) {
        return Optional.ofNullable(entries.get(stage));
    }

    /**
     * Why the stage must run, or empty when its record still holds: same inputs, its tables untouched since, its files
     * present.
     *
     * @param inputs  the versions the stage would read now
     * @param current the current version of every table the record lists as output
     */
    Optional<String> staleness(String stage, Map<String, Long> inputs, Map<String, Long> current, Path periodDir) {
        Entry e = entries.get(stage);
        if (e == null) {
            return Optional.of("not run for this period before");
        }
        for (Map.Entry<String, Long> in : new TreeMap<>(inputs).entrySet()) {
            Long was = e.inputs().get(in.getKey());
            if (!in.getValue().equals(was)) {
                return Optional.of(in.getKey() + " changed (version " + was + " → " + in.getValue() + ")");
            }
        }
        if (!e.inputs().keySet().equals(new TreeMap<>(inputs).keySet())) {
            return Optional.of("its inputs are other tables now");
        }
        for (Map.Entry<String, Long> out : e.outputs().entrySet()) {
            if (!out.getValue().equals(current.get(out.getKey()))) {
                return Optional.of(out.getKey() + " was written since (version " + out.getValue() + " → "
                    + current.get(out.getKey()) + ")");
            }
        }
        for (String f : e.files()) {
            if (!Files.exists(periodDir.resolve(f))) {
                return Optional.of(f + " is missing");
            }
        }
        return Optional.empty();
    }

    /** Records a stage and writes the log (atomically: a crash leaves the old log or the new one). */
    void put(String stage, Entry entry) {
        entries.put(stage, entry);
        write();
    }

    /** Forgets a stage (before it runs again: a crash mid-stage must not leave its old record standing). */
    void remove(String stage) {
        if (entries.remove(stage) != null) {
            write();
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            JSON.writeValue(tmp.toFile(), entries);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
