package org.countyscope.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes backtest rows as CSV: one row per target × horizon, columns {@link #HEADER}. */
public final class BacktestCsv {

    public static final String HEADER = "origin,target,horizon,forecast,lo80,hi80,lo95,hi95,model";

    private BacktestCsv() {
    }

    public static void write(Path file, List<BacktestRow> rows) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(HEADER);
                w.write('\n');
                for (BacktestRow r : rows) {
                    w.write(String.join(",", r.origin().toString(), r.target().toString(), Integer.toString(r.horizon()),
                        number(r.forecast()), number(r.lo80()), number(r.hi80()), number(r.lo95()), number(r.hi95()),
                        r.model()));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "";
    }
}
