package org.countyscope.cli;

import org.countyscope.notebook.kernel.ConnectionInfo;
import org.countyscope.notebook.kernel.JavaCells;
import org.countyscope.notebook.kernel.KernelServer;
import org.countyscope.notebook.kernel.KernelSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code countyscope kernel}: the Jupyter kernel (Jupyter starts it with a connection file), or {@code --install}
 * to register it with Jupyter.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
    description = {"The countyscope Jupyter kernel: Java cells (JShell) with Spark SQL and the countyscope API.",
        "Register it once with --install; Jupyter then starts it with --connection-file."})
public final class KernelCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--connection-file", paramLabel = "FILE", description = "Serve Jupyter on this connection file.")
        Path connectionFile;

        @Option(names = "--install", description = "Write the kernel spec (kernel.json) for Jupyter.")
        boolean install;
    }

    @Option(names = "--kernels-dir", paramLabel = "DIR",
        description = "Where --install writes countyscope/kernel.json (default: Jupyter's user kernels folder, "
            + "~/.local/share/jupyter/kernels).")
    Path kernelsDir;

    @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
        description = "Warehouse that Notebook.open() opens in the installed kernel (default: ${DEFAULT-VALUE}).")
    Path warehouse;

    @Option(names = "--launcher", paramLabel = "FILE", defaultValue = "${env:COUNTYSCOPE_LAUNCHER:-bin/countyscope}",
        description = "The launcher Jupyter runs (default: the bin/countyscope that started this command, else "
            + "bin/countyscope made absolute).")
    Path launcher;

    @Override
    public Integer call() {
        if (mode.install) {
            Path dir = KernelSpec.install(kernelsDir == null ? KernelSpec.userKernelsDir() : kernelsDir, launcher,
                warehouse);
            System.out.println("installed the countyscope kernel in " + dir + " (warehouse "
                + warehouse.toAbsolutePath().normalize() + ")");
            return 0;
        }
        try (KernelServer server = KernelServer.start(ConnectionInfo.read(mode.connectionFile),
            JavaCells.ownClasspath())) {
            server.awaitShutdown();
        }
        return 0;
    }
}
