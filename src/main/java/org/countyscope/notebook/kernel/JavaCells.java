package org.countyscope.notebook.kernel;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Java cells evaluated by JShell in this JVM: a cell may hold several statements, declarations and expressions; its
 * value is that of its last snippet when that snippet is an expression (as in any notebook). Compilation errors and
 * exceptions come back as {@link CellException} with the lines a reader needs, not JShell's internals.
 */
public final class JavaCells implements AutoCloseable {
    /** The imports every notebook starts with: Spark SQL, the product's notebook API and chart builders. */
    public static final List<String> STARTUP_IMPORTS = List.of(
        "import java.util.*;",
        "import java.time.*;",
        "import org.apache.spark.sql.*;",
        "import static org.apache.spark.sql.functions.*;",
        "import org.countyscope.notebook.Notebook;",
        "import org.countyscope.report.chart.*;",
        "import org.jfree.chart.JFreeChart;");

    /** A snippet's value when it has none (a statement, a declaration, a void call). */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "(no value)";
        }
    };

    private final KeptValuesControl control;
    private final JShell shell;

    /**
     * @param classpath what cells compile against (the kernel's own class path: the product and its dependencies)
     */
    public JavaCells(String classpath, PrintStream out, PrintStream err, InputStream in) {
        KeptValuesControl.Provider provider = new KeptValuesControl.Provider();
        this.shell = JShell.builder().executionEngine(provider, Map.of()).out(out).err(err).in(in).build();
        this.control = provider.control();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        for (String imp : STARTUP_IMPORTS) {
            try {
                eval(imp);
            } catch (CellException e) {
                throw new IllegalStateException("the notebook imports do not compile on this class path: "
                    + String.join("\n", e.lines()), e);
            }
        }
    }

    /** The JVM's own class path (the launcher's {@code -cp}). */
    public static String ownClasspath() {
        return System.getProperty("java.class.path", "");
    }

    /**
     * Evaluates a cell.
     *
     * @return the last snippet's value (possibly null), or {@link #NO_VALUE}
     */
    public Object eval(String cell) throws CellException {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell;
        Object last = NO_VALUE;
        try {
            while (!remaining.isBlank()) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    break;
                }
                if (!info.completeness().isComplete()) {
                    throw new CellException("Incomplete", List.of("the cell ends in the middle of a statement: "
                        + firstLine(remaining)));
                }
                remaining = info.remaining();
                last = evalSnippet(info.source());
            }
            return last;
        } finally {
            control.clear();
        }
    }

    private Object evalSnippet(String source) throws CellException {
        Object value = NO_VALUE;
        for (SnippetEvent e : shell.eval(source)) {
            if (e.causeSnippet() != null) {
                continue; // a dependent snippet re-evaluated because this one changed it
            }
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                throw compileError(s);
            }
            JShellException ex = e.exception();
            if (ex != null) {
                throw runtimeError(ex);
            }
            Object v = control.take(e.value());
            // an expression is either a reference/assignment or, most often, a temporary variable ($1) JShell makes
            boolean expression = s.kind() == Snippet.Kind.EXPRESSION
                || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            value = expression && e.value() != null ? v : NO_VALUE;
        }
        return value;
    }

    private CellException compileError(Snippet s) {
        List<String> lines = new ArrayList<>();
        String src = s.source();
        for (Diag d : shell.diagnostics(s).toList()) {
            lines.add(d.getMessage(Locale.ROOT));
            long pos = d.getPosition();
            if (pos >= 0 && pos <= src.length()) {
                int start = src.lastIndexOf('\n', (int) Math.max(0, pos - 1)) + 1;
                int end = src.indexOf('\n', (int) pos);
                lines.add("    " + src.substring(start, end < 0 ? src.length() : end));
                lines.add("    " + " ".repeat((int) pos - start) + "^");
            }
        }
        if (lines.isEmpty()) {
            lines.add("does not compile: " + firstLine(src));
        }
        return new CellException("CompilationError", lines);
    }

    private static CellException runtimeError(JShellException ex) {
        String name;
        if (ex instanceof EvalException ee) {
            name = ee.getExceptionClassName();
        } else if (ex instanceof UnresolvedReferenceException ure) {
            name = "UnresolvedReference";
            return new CellException(name, List.of("uses something not defined yet: "
                + firstLine(ure.getSnippet().source())));
        } else {
            name = ex.getClass().getSimpleName();
        }
        List<String> lines = new ArrayList<>();
        lines.add(name + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
        for (StackTraceElement el : ex.getStackTrace()) {
            lines.add("    at " + el);
        }
        Throwable cause = ex.getCause();
        while (cause != null) {
            String cn = cause instanceof EvalException ce ? ce.getExceptionClassName() : cause.getClass().getName();
            lines.add("Caused by: " + cn + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            cause = cause.getCause();
        }
        return new CellException(name, lines);
    }

    /** Names the code could go on with at the cursor, and where the replaced text starts. */
    public Completion complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> names = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
            .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
        return new Completion(names, anchor[0], cursor);
    }

    /** Whether the code is a complete cell: {@code complete}, {@code incomplete} or {@code unknown}. */
    public String completeness(String code) {
        SourceCodeAnalysis.Completeness c = shell.sourceCodeAnalysis().analyzeCompletion(code).completeness();
        return switch (c) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> "complete";
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "incomplete";
            case UNKNOWN -> "unknown";
        };
    }

    /** Signatures and Javadoc of what is at the cursor (empty when nothing is). */
    public List<String> documentation(String code, int cursor) {
        return shell.sourceCodeAnalysis().documentation(code, cursor, true).stream()
            .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc()).toList();
    }

    /** Interrupts the snippet running now (a Spark job is cancelled by the kernel separately). */
    public void interrupt() {
        control.interruptRunning();
    }

    @Override
    public void close() {
        shell.close();
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl) + " …";
    }

    /** Completion candidates replacing {@code code[start, end)}. */
    public record Completion(List<String> names, int start, int end) {
    }

    /** A cell that failed: a short name (the exception's class, or CompilationError) and the lines to show. */
    public static final class CellException extends Exception {
        private final String name;
        private final List<String> lines;

        CellException(String name, List<String> lines) {
            super(name + ": " + (lines.isEmpty() ? "" : lines.get(0)));
            this.name = name;
            this.lines = List.copyOf(lines);
        }

        public String name() {
            return name;
        }

        public List<String> lines() {
            return lines;
        }
    }
}
