package org.countyscope.report;

import org.countyscope.report.ReportInput.AssessmentRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 年度考 rules, {@code data/assessment.csv} (documented in data/README.md): one line per indicator with its
 * printed name, weight (points, adding up to 100) and scoring rule ({@code rank} or {@code target}).
 */
public final class AssessmentRules {
    /** The file under the working folder; a copy travels on the classpath. */
    public static final String DEFAULT_FILE = "data/assessment.csv";

    private AssessmentRules() {
    }

    /** data/assessment.csv under the working folder, else the copy the build puts on the classpath. */
    public static List<AssessmentRule> load() {
        Path local = Path.of(DEFAULT_FILE);
        try {
            if (Files.isRegularFile(local)) {
                return parse(Files.readString(local, StandardCharsets.UTF_8), local.toString());
            }
            try (InputStream in = AssessmentRules.class.getResourceAsStream("/assessment.csv")) {
                if (in == null) {
                    throw new IllegalStateException("no " + DEFAULT_FILE + " and no assessment.csv on the classpath");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "assessment.csv");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the file's text: a heading line, then {@code indicator,name,weight,rule}; the weights must add up to 100. */
    public static List<AssessmentRule> parse(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<AssessmentRule> out = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected 4 fields, got " + f.length);
            }
            try {
                out.add(new AssessmentRule(f[0].strip(), f[1].strip(), Double.parseDouble(f[2].strip()), f[3].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        double total = out.stream().mapToDouble(AssessmentRule::weight).sum();
        if (Math.abs(total - 100) > 1e-9) {
            throw new IllegalArgumentException(source + ": the weights add up to " + total + ", not 100");
        }
        return out;
    }
}
