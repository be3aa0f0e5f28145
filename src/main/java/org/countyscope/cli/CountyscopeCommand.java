package org.countyscope.cli;

import org.countyscope.spark.Sessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code countyscope} command: one subcommand per job. */
@Command(name = "countyscope", mixinStandardHelpOptions = true, version = "countyscope 0.1.0",
    description = "County statistics for a city statistics bureau: ingest, compare, forecast, report.",
    subcommands = {RunCommand.class, IngestCommand.class, ReviewCommand.class, CompareCommand.class, ForecastCommand.class, ReportCommand.class, RevisionsCommand.class, BacktestCommand.class, GenerateCommand.class, BenchCommand.class, NotebookCommand.class, KernelCommand.class, CommandLine.HelpCommand.class})
public final class CountyscopeCommand {

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        // stopped here, not by Spark's shutdown hook: on a standalone or local-cluster master the hook hangs
        Sessions.stopDefault();
        System.exit(code);
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CountyscopeCommand());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            java.nio.file.Path log = Logs.current();
            org.slf4j.LoggerFactory.getLogger(Logs.TRACE).error("countyscope failed", ex);
            line.getErr().println("countyscope: " + ex.getMessage()
                + (log == null ? "" : "（详细信息 / details: " + log + "）"));
            if (Boolean.getBoolean("countyscope.trace")) {
                ex.printStackTrace(line.getErr());
            }
            return 1;
        });
        return cl;
    }
}
