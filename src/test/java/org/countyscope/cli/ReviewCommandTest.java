package org.countyscope.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewCommandTest {
    private static String[] run(String... args) {
        CommandLine cl = CountyscopeCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), err.toString()};
    }

    @Test
    void needsAMonthOrAWorkbookButNotBoth() {
        String[] none = run("review");
        assertEquals("1", none[0]);
        assertTrue(none[1].contains("--period YYYY-MM") && none[1].contains("--accept"), none[1]);
        assertEquals("1", run("review", "--period", "2025-12", "--accept", "x.xlsx")[0], "both is ambiguous");
        String[] missing = run("review", "--accept", "no-such-file.xlsx");
        assertTrue(missing[1].contains("no such file"), missing[1]);
    }
}
