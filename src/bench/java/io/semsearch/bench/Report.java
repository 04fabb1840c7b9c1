package io.semsearch.bench;

import io.semsearch.testing.ServiceProcess;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A Markdown report: printed as it grows, written to docs/benchmarks/ at the end. */
public final class Report {

    private final StringBuilder text = new StringBuilder();

    public Report(String title) {
        line("# " + title);
        line("");
    }

    public Report line(String line) {
        text.append(line).append('\n');
        System.out.println(line);
        return this;
    }

    public Report table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + " --- |".repeat(header.size()));
        rows.forEach(row -> line("| " + String.join(" | ", row) + " |"));
        return line("");
    }

    /** Machine, JVM, commit and date: what a number depends on. */
    public Report environment(String model) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("date", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .substring(0, 16) + "Z"));
        rows.add(List.of("commit", command("git", "rev-parse", "--short", "HEAD")
                + (command("git", "status", "--porcelain", "--untracked-files=no").isBlank() ? "" : " (modified)")));
        rows.add(List.of("model", model));
        rows.add(List.of("machine", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + String.format(Locale.ROOT, "%.0f GiB", totalMemoryGiB())));
        rows.add(List.of("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
        return table(List.of("", ""), rows);
    }

    public void write(String fileName) throws IOException {
        Path out = ServiceProcess.ROOT.resolve("docs/benchmarks").resolve(fileName);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text.toString(), StandardCharsets.UTF_8);
        System.out.println("Written to " + ServiceProcess.ROOT.relativize(out));
    }

    public static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    public static String num(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The p-th percentile (0..100) of values, by nearest rank. */
    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The load average over 1, 5 and 15 minutes, as /proc/loadavg gives it (with the running and all tasks). */
    public static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static double totalMemoryGiB() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return Double.NaN;
    }

    private static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(ServiceProcess.ROOT.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
