package org.countyscope.dataset;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the headings of one source file map onto a dataset's canonical columns. Headings are compared after
 * normalisation (full-width to half-width, blanks and units in brackets dropped), so 入库税额（万元） matches 入库税额.
 *
 * @param spec        the dataset
 * @param positions   for each spec column, the index of the source column holding it, or -1
 * @param extras      source headings that map to no column, by index (kept in bronze, never lost)
 * @param missing     required columns not found
 */
public record HeaderMapping(DatasetSpec spec, int[] positions, Map<Integer, String> extras, List<String> missing) {

    public HeaderMapping {
        positions = positions.clone();
        extras = Map.copyOf(extras);
        missing = List.copyOf(missing);
    }

    @Override
    public int[] positions() {
        return positions.clone();
    }

    public int mappedCount() {
        return (int) Arrays.stream(positions).filter(p -> p >= 0).count();
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    /** Maps a header onto one dataset. A heading written as "parent|child" (two-row header) may match either part. */
    public static HeaderMapping map(List<String> header, DatasetSpec spec) {
        int[] positions = new int[spec.columns().size()];
        Arrays.fill(positions, -1);
        boolean[] used = new boolean[header.size()];
        // exact names first, then names without bracketed units, then a two-row heading's child, then its parent
        for (int pass = 0; pass < 4; pass++) {
            for (int c = 0; c < spec.columns().size(); c++) {
                if (positions[c] >= 0) {
                    continue;
                }
                List<String> names = names(spec.columns().get(c));
                for (int h = 0; h < header.size() && positions[c] < 0; h++) {
                    if (!used[h] && candidates(header.get(h), pass).stream().anyMatch(names::contains)) {
                        positions[c] = h;
                        used[h] = true;
                    }
                }
            }
        }
        Map<Integer, String> extras = new LinkedHashMap<>();
        for (int h = 0; h < header.size(); h++) {
            if (!used[h]) {
                extras.put(h, header.get(h));
            }
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < positions.length; c++) {
            ColumnSpec col = spec.columns().get(c);
            if (positions[c] < 0 && col.required()) {
                missing.add(col.label());
            }
        }
        return new HeaderMapping(spec, positions, extras, missing);
    }

    /**
     * Picks the dataset a header belongs to: every required column present, most columns mapped. Empty when no
     * dataset fits; the caller then rejects the file naming the closest dataset and what it lacks.
     */
    public static Optional<HeaderMapping> detect(List<String> header, List<DatasetSpec> specs) {
        HeaderMapping best = null;
        for (DatasetSpec spec : specs) {
            HeaderMapping m = map(header, spec);
            if (m.complete() && (best == null || m.mappedCount() > best.mappedCount())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The dataset whose required columns a header comes closest to having, for the rejection message. */
    public static HeaderMapping closest(List<String> header, List<DatasetSpec> specs) {
        HeaderMapping best = null;
        for (DatasetSpec spec : specs) {
            HeaderMapping m = map(header, spec);
            if (best == null || m.missing().size() < best.missing().size()
                || (m.missing().size() == best.missing().size() && m.mappedCount() > best.mappedCount())) {
                best = m;
            }
        }
        return best;
    }

    private static List<String> names(ColumnSpec col) {
        List<String> out = new ArrayList<>();
        out.add(normalize(col.name()));
        out.add(normalize(col.label()));
        out.add(stripUnits(normalize(col.label())));
        for (String a : col.aliases()) {
            out.add(normalize(a));
            out.add(stripUnits(normalize(a)));
        }
        return out;
    }

    private static List<String> candidates(String heading, int pass) {
        String n = normalize(heading);
        return switch (pass) {
            case 0 -> List.of(n);
            case 1 -> List.of(stripUnits(n));
            default -> {
                String[] parts = n.split("\\|");
                if (parts.length < 2) {
                    yield List.of();
                }
                String part = pass == 2 ? parts[parts.length - 1] : parts[0];
                yield List.of(part, stripUnits(part));
            }
        };
    }

    static String normalize(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC);
        return n.replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT);
    }

    private static String stripUnits(String s) {
        return s.replaceAll("\\([^()]*\\)", "").replaceAll("\\[[^\\]]*]", "");
    }
}
