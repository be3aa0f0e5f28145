package org.countyscope.notebook.kernel;

import org.apache.spark.sql.SparkSession;
import org.countyscope.notebook.kernel.JavaCells.CellException;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.util.ArrayList;
import java.util.List;

/**
 * The Jupyter kernel of countyscope: Java cells (JShell) run in the kernel's JVM with the product on the class path,
 * Datasets drawn as tables and charts as pictures. An interrupt cancels the running Spark jobs and interrupts the cell.
 */
public final class CountyscopeKernel extends BaseKernel {
    public static final String NAME = "countyscope";
    public static final String DISPLAY_NAME = "Java (countyscope)";

    private final JavaCells cells;
    private boolean shutDown;

    private CountyscopeKernel(String name, String version, HistoryManager history, JupyterIO io, CommManager comms,
                              Renderer renderer, MagicsRegistry magics, StringStyler errorStyler, String classpath) {
        super(name, version, languageInfo(), List.of(), history, io, comms, renderer, null, magics, false, errorStyler);
        this.cells = new JavaCells(classpath, io.out, io.err, io.in);
    }

    /** A kernel compiling cells against {@code classpath} (normally {@link JavaCells#ownClasspath()}). */
    public static CountyscopeKernel create(String classpath) {
        return new Builder(classpath).build();
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("Java").version(Runtime.version().toString()).mimetype("text/x-java-source")
            .fileExtension(".jshell").pygments("java").codemirror("text/x-java").build();
    }

    @Override
    public String getBanner() {
        return "countyscope: Java " + Runtime.version() + " (JShell), Spark SQL and the countyscope API imported;"
            + " start with  var cs = Notebook.open();";
    }

    @Override
    public Object evalRaw(String code) {
        try {
            Object v = cells.eval(code);
            return v == JavaCells.NO_VALUE ? null : v == null ? "null" : v;
        } catch (CellException e) {
            throw new CellError(e);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<String> docs = cells.documentation(code, at);
        return docs.isEmpty() ? null : new DisplayData(String.join("\n\n", docs));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JavaCells.Completion c = cells.complete(code, at);
        return c.names().isEmpty() ? null : new ReplacementOptions(c.names(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        // the Jupyter layer reads any other answer as "incomplete, indent the next line by this"
        return switch (cells.completeness(code)) {
            case "complete" -> IS_COMPLETE_YES;
            case "incomplete" -> "    ";
            default -> IS_COMPLETE_MAYBE;
        };
    }

    /** Cancels every Spark job of the session and interrupts the running cell. */
    @Override
    public void interrupt() {
        SparkSession s = SparkSession.getActiveSession().isDefined() ? SparkSession.getActiveSession().get()
            : SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get() : null;
        if (s != null) {
            s.sparkContext().cancelAllJobs();
        }
        cells.interrupt();
    }

    @Override
    public List<String> formatError(Throwable t) {
        if (t instanceof CellError f) {
            return f.cell().lines();
        }
        List<String> out = new ArrayList<>();
        out.add(t.toString());
        for (StackTraceElement e : t.getStackTrace()) {
            out.add("    at " + e);
        }
        return out;
    }

    @Override
    public synchronized void onShutdown(boolean isRestarting) {
        if (!shutDown) {
            shutDown = true;
            super.onShutdown(isRestarting);
            cells.close();
        }
    }

    /** A failed cell on its way through the Jupyter layer (its error name is the cell's, e.g. CompilationError). */
    static final class CellError extends RuntimeException {
        private final CellException cell;

        CellError(CellException cell) {
            super(cell.name() + (cell.lines().isEmpty() ? "" : ": " + cell.lines().get(0)), null, false, false);
            this.cell = cell;
        }

        CellException cell() {
            return cell;
        }
    }

    /** Builds the kernel with the Jupyter layer's defaults and countyscope's displays. */
    static final class Builder extends BaseKernelBuilder<Builder, CountyscopeKernel> {
        private final String classpath;

        Builder(String classpath) {
            this.classpath = classpath;
            name(NAME);
            version(Builder.class.getPackage().getImplementationVersion() == null ? "dev"
                : Builder.class.getPackage().getImplementationVersion());
        }

        @Override
        public CountyscopeKernel build() {
            Renderer renderer = buildRenderer();
            Displays.register(renderer);
            return new CountyscopeKernel(buildName(), buildVersion(), buildHistoryManager(),
                buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), renderer, buildMagicsRegistry(),
                buildErrorStyler(), classpath);
        }
    }
}
