package org.countyscope.cli;

import org.countyscope.notebook.kernel.NotebookRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code countyscope notebook}: execute a notebook top to bottom and save it with its outputs (no Python needed). */
@Command(name = "notebook", mixinStandardHelpOptions = true,
    description = {"Execute a notebook (.ipynb) on the countyscope kernel in this process and write it with every "
        + "cell's output, as jupyter nbconvert --execute would. Stops at the first failing cell (exit code 1)."})
public final class NotebookCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NOTEBOOK", description = "The .ipynb file to execute.")
    Path notebook;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the executed notebook "
        + "(default: over the input).")
    Path output;

    @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
        description = "Warehouse Notebook.open() opens (default: ${DEFAULT-VALUE}).")
    Path warehouse;

    @Option(names = "--cell-timeout", paramLabel = "MINUTES", defaultValue = "30",
        description = "Longest a cell may run (default: ${DEFAULT-VALUE}).")
    long cellTimeoutMinutes;

    @Override
    public Integer call() {
        Path out = output == null ? notebook : output;
        NotebookRunner.Result r = NotebookRunner.run(notebook, warehouse, out, Duration.ofMinutes(cellTimeoutMinutes));
        if (r.ok()) {
            System.out.printf("%d code cells executed; written to %s%n", r.codeCellsRun(), out);
            return 0;
        }
        System.err.printf("cell %d failed: %s%n", r.failedCell() + 1, r.errorName());
        r.errorLines().forEach(System.err::println);
        System.err.printf("written with outputs up to the failure to %s%n", out);
        return 1;
    }
}
