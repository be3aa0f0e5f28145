package org.countyscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CountyscopeCommandTest {

    private static String[] run(String... args) {
        CommandLine cl = CountyscopeCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void helpListsEverySubcommand() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        for (String sub : new String[] {"run", "ingest", "generate"}) {
            assertTrue(r[1].contains(sub), "help mentions " + sub + ":\n" + r[1]);
        }
    }

    @Test
    void everyCommandTakesTheSameWarehouseAndOutOptions() {
        for (String sub : new String[] {"run", "ingest"}) {
            String help = run(sub, "--help")[1];
            assertTrue(help.contains("--warehouse") && help.contains("--out") && help.contains("--master"), help);
        }
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        String[] r = run("ingest");
        assertEquals("2", r[0], "picocli's usage error code");
        assertTrue(r[2].contains("--input"), r[2]);
    }

    @Test
    void aRejectedFileGivesExitCode2(@TempDir Path tmp) throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "甲,乙\n1,2\n");
        String[] r = run("ingest", "--input", bad.toString(), "--warehouse", tmp.resolve("wh").toString());
        assertEquals("2", r[0], "a file rejected whole is exit code 2: " + r[2]);
    }
}
