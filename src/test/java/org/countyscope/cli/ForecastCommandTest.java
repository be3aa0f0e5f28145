package org.countyscope.cli;

import org.countyscope.SampleWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForecastCommandTest {

    private static String[] run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void thePeriodIsRequired() {
        String[] r = run(CountyscopeCommand.commandLine(), "forecast");
        assertEquals("2", r[0], "a usage error: " + r[2]);
        assertTrue(r[2].contains("--period"), r[2]);
        assertTrue(run(CountyscopeCommand.commandLine(), "--help")[1].contains("forecast"), "listed in the help");
    }

    @Test
    void forecastsTheSampleCityAndSaysWhereItWrote(@TempDir Path tmp) {
        Path warehouse = SampleWarehouse.copy(tmp.resolve("warehouse"));
        // Spark's session is the test JVM's shared one: forecast reuses whatever session exists.
        String[] r = run(CountyscopeCommand.commandLine(), "forecast", "--period", "2025-09", "--no-gbt",
            "--warehouse", warehouse.toString(), "--out", tmp.resolve("out").toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("620800") && r[1].contains("平凉市"), "a line per region, the city included:\n" + r[1]);
        assertTrue(r[1].contains("rows in gold/forecast"), r[1]);
        assertTrue(Files.exists(tmp.resolve("out/2025-09/tables/forecast.csv")));
    }
}
