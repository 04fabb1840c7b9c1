package io.semsearch.operations;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert rules and the Prometheus configuration of deploy/prometheus, checked and unit-tested by promtool
 * (Debian's prometheus package, installed by scripts/setup-prometheus.sh). Never skipped: without promtool it fails.
 */
class PrometheusRulesTest {

    static final Path DIRECTORY = Path.of("deploy", "prometheus");

    @Test
    void rulesAndConfigurationAreValid() throws Exception {
        Result rules = promtool("check", "rules", "alerts.yml");
        assertEquals(0, rules.exit(), rules.output());
        assertTrue(rules.output().contains("SUCCESS"), rules.output());
        Result config = promtool("check", "config", "prometheus.yml");
        assertEquals(0, config.exit(), config.output());
    }

    @Test
    void everyAlertFiresOnItsSeriesAndOnlyThere() throws Exception {
        Result tests = promtool("test", "rules", "alerts-test.yml");
        assertEquals(0, tests.exit(), tests.output());
        assertTrue(tests.output().contains("SUCCESS"), tests.output());
        String rules = Files.readString(DIRECTORY.resolve("alerts.yml"));
        String cases = Files.readString(DIRECTORY.resolve("alerts-test.yml"));
        for (String line : rules.lines().filter(l -> l.strip().startsWith("- alert:")).toList()) {
            String alert = line.substring(line.indexOf(':') + 1).strip();
            assertTrue(cases.contains("alertname: " + alert), alert + " has no test case in alerts-test.yml");
        }
    }

    record Result(int exit, String output) {
    }

    static Path executable(String name) {
        Path path = Path.of("/usr/bin", name);
        assertTrue(Files.isExecutable(path), path + " is missing: run scripts/setup-prometheus.sh (scripts/setup-test.sh "
                + "runs it)");
        return path;
    }

    private static Result promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable("promtool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile()).redirectErrorStream(true).start();
        boolean done = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish within 2 minutes: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
