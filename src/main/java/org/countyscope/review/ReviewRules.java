package org.countyscope.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared rule set, read from a CSV file (UTF-8, header
 * {@code id,dataset,threshold,materiality,severity,title,why,question}, lines starting with {@code #} are comments,
 * quotes as in RFC 4180). The default is {@code data/review-rules.csv}, with a copy on the classpath.
 */
public final class ReviewRules {
    public static final String DEFAULT_FILE = "data/review-rules.csv";
    static final List<String> HEADER = List.of("id", "dataset", "threshold", "materiality", "severity", "title", "why",
        "question");

    private final Map<String, ReviewRule> rules;

    private ReviewRules(Map<String, ReviewRule> rules) {
        this.rules = rules;
    }

    /** data/review-rules.csv under the working folder, else the copy the build puts on the classpath. */
    public static ReviewRules load() {
        Path local = Path.of(DEFAULT_FILE);
        if (Files.isRegularFile(local)) {
            return load(local);
        }
        try (InputStream in = ReviewRules.class.getResourceAsStream("/review-rules.csv")) {
            if (in == null) {
                throw new IllegalStateException("no " + DEFAULT_FILE + " and no review-rules.csv on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "review-rules.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReviewRules load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static ReviewRules parse(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, ReviewRule> out = new LinkedHashMap<>();
        boolean header = true;
        int lineNo = 0;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = split(line);
            if (header) {
                if (!cells.equals(HEADER)) {
                    throw new IllegalArgumentException(source + ": the header must be " + String.join(",", HEADER)
                        + ", not " + line);
                }
                header = false;
                continue;
            }
            if (cells.size() != HEADER.size()) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": " + HEADER.size()
                    + " cells expected, found " + cells.size());
            }
            try {
                ReviewRule r = new ReviewRule(cells.get(0), cells.get(1), Double.parseDouble(cells.get(2)),
                    cells.get(3).isBlank() ? Double.NaN : Double.parseDouble(cells.get(3)), cells.get(4), cells.get(5),
                    cells.get(6), cells.get(7));
                if (out.put(r.id(), r) != null) {
                    throw new IllegalArgumentException("rule " + r.id() + " is declared twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        if (header) {
            throw new IllegalArgumentException(source + ": no header");
        }
        return new ReviewRules(out);
    }

    /** RFC 4180 cells of one line (no newlines inside quotes). */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote: " + line);
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** The rule, which must be declared: code never runs an undeclared rule. */
    public ReviewRule get(String id) {
        ReviewRule r = rules.get(id);
        if (r == null) {
            throw new IllegalArgumentException("rule " + id + " is not declared in the rule file");
        }
        return r;
    }

    public boolean has(String id) {
        return rules.containsKey(id);
    }

    public List<ReviewRule> all() {
        return List.copyOf(rules.values());
    }
}
