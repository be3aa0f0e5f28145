package org.countyscope.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

import java.nio.file.Path;

/**
 * The log file of the commands: everything the console shows plus the stack traces it leaves out (the console
 * prints messages a clerk can act on; the file keeps what a developer needs), under the warehouse's {@code logs/}.
 */
public final class Logs {
    /** The logger whose events go to the file only: failures with their stack traces. */
    public static final String TRACE = "org.countyscope.trace";
    private static final String APPENDER = "countyscope-file";
    private static Path current;

    private Logs() {
    }

    /** Starts writing to {@code file} (appending), once per JVM; later calls with another file are ignored. */
    public static synchronized void toFile(Path file) {
        if (current != null) {
            return;
        }
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(config)
            .withPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %p [%t] %c: %m%n%ex").build();
        FileAppender appender = FileAppender.newBuilder().setName(APPENDER).withFileName(file.toString())
            .withAppend(true).withCreateOnDemand(false).setLayout(layout).setConfiguration(config).build();
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, null, null);
        LoggerConfig trace = new LoggerConfig(TRACE, Level.ALL, false);
        trace.addAppender(appender, null, null);
        config.addLogger(TRACE, trace);
        ctx.updateLoggers();
        current = file;
    }

    /** The log file in use, or null before {@link #toFile}. */
    public static synchronized Path current() {
        return current;
    }
}
