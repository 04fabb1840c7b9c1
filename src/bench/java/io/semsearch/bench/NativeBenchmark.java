package io.semsearch.bench;

import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static io.semsearch.bench.Report.num;
import static io.semsearch.bench.ServiceMeasures.LOAD;
import static io.semsearch.bench.ServiceMeasures.WARM_UP;
import static io.semsearch.bench.ServiceMeasures.ratio;

/**
 * The native executable against the JVM build, in one run, on the same database and machine: build, size, start-up,
 * memory, first request, latency, throughput, indexing. Run: scripts/benchmark.sh native (which builds both and
 * records the builds' times and peak memory in target/native-benchmark-builds.properties). Writes
 * docs/benchmarks/native.md.
 */
class NativeBenchmark {

    static final int PARAGRAPHS = Integer.getInteger("benchmark.native.paragraphs", 1000);

    @Test
    void nativeAgainstJvm() throws Exception {
        Path executable = ServiceProcess.nativeExecutable(ServiceProcess.ROOT);
        if (executable == null || !Files.isExecutable(executable)) {
            throw new IllegalStateException("-Dnative.image.path must name the native executable (scripts/benchmark.sh"
                    + " native builds it)");
        }
        ServiceMeasures.Workload workload = ServiceMeasures.Workload.of(PARAGRAPHS);
        long started = System.nanoTime();

        ServiceMeasures jvm = ServiceMeasures.measure(ServiceBuild.jvm("JVM", ServiceProcess.ROOT),
                "benchmark-native-jvm", workload);
        ServiceMeasures nat = ServiceMeasures.measure(new ServiceBuild("native", ServiceProcess.ROOT, executable),
                "benchmark-native-native", workload);

        Report report = new Report("Native executable against the JVM");
        report.environment(nat.model + (nat.model.equals(jvm.model) ? "" : " (JVM: " + jvm.model + ")"));
        report.line("Both artifacts of the same commit, one after the other on the same database "
                + "(semsearch_bench, emptied before each start) and port, in one run. The native executable is "
                + "built by `scripts/build-native.sh` with the native-image toolchain assembled on this machine kind "
                + "(GraalVM CE 25.0.2 builder on Temurin 25.0.3): its JDK native "
                + "code is older than its class library, so it is for testing here; production images come from a "
                + "Mandrel/GraalVM builder (`docker/Dockerfile.native-mandrel`). The machine's 2 cores are shared "
                + "with other users: absolute times vary between runs, the ratios less.");
        report.line("");
        report.line("## Build and size");
        report.line("");
        buildsTable(report);
        report.line("");
        report.line("## Start-up, memory, first request");
        report.line("");
        report.line("Each figure is the median of " + ServiceMeasures.STARTS + " starts (`-Dbenchmark.starts`); RSS "
                + "idle is read 5 s after ready.");
        report.line("");
        report.table(List.of("", "JVM", "native", "native / JVM"), rows(ServiceMeasures.startUp(nat.paragraphs), jvm,
                nat));
        report.line("");
        servingSection(report, jvm, nat);
        report.line("");
        report.line("## Targets");
        report.line("");
        targets(report, jvm, nat);
        report.line(String.format(Locale.ROOT, "Total time of the benchmark (builds excluded): %.1f min.",
                (System.nanoTime() - started) / 60e9));
        report.write(System.getProperty("benchmark.output", "native.md"));
    }

    /** The builds' times, peak memory and sizes, as scripts/benchmark.sh native recorded them. */
    private static void buildsTable(Report report) throws java.io.IOException {
        Properties builds = new Properties();
        Path buildFile = ServiceProcess.ROOT.resolve("target/native-benchmark-builds.properties");
        if (Files.isRegularFile(buildFile)) {
            try (var in = Files.newBufferedReader(buildFile)) {
                builds.load(in);
            }
        }
        report.table(List.of("", "JVM", "native"), List.of(
                List.of("build time (Maven, tests skipped)", builds.getProperty("jvm.seconds", "?") + " s",
                        builds.getProperty("native.seconds", "?") + " s"),
                List.of("build peak memory (largest process)", builds.getProperty("jvm.peak-mib", "?") + " MiB",
                        builds.getProperty("native.peak-mib", "?") + " MiB"),
                List.of("artifact", builds.getProperty("jvm.size-mib", "?") + " MiB (target/quarkus-app)",
                        builds.getProperty("native.size-mib", "?") + " MiB (one executable)"),
                List.of("container image (scripts/container.sh build)", builds.getProperty("jvm.image", "not built"),
                        builds.getProperty("native.image", "not built"))));
    }

    private static void servingSection(Report report, ServiceMeasures jvm, ServiceMeasures nat) {
        report.line("## Indexing and serving");
        report.line("");
        report.line("Indexing: the first " + nat.paragraphs + " PIAF paragraphs (" + nat.chunks + " chunks) through "
                + "`POST /api/documents/batch`, 64 a request. Load: closed loop, " + LOAD.toSeconds()
                + " s per row after " + WARM_UP.toSeconds() + " s of warm-up, PIAF questions in turn, on that store.");
        report.line("");
        List<List<String>> serving = new ArrayList<>(rows(ServiceMeasures.serving(), jvm, nat));
        serving.add(List.of("errors (all load rows)", Integer.toString(jvm.errors()), Integer.toString(nat.errors()),
                ""));
        report.table(List.of("", "JVM", "native", "native / JVM"), serving);
    }

    private static void targets(Report report, ServiceMeasures jvm, ServiceMeasures nat) {
        report.table(List.of("target", "measured", "met"), List.of(
                target("time to ready ≤ 0.2 × the JVM's (empty store)", ratio(nat.readyEmpty, jvm.readyEmpty),
                        nat.readyEmpty <= 0.2 * jvm.readyEmpty),
                target("time to ready ≤ 0.2 × the JVM's (sample corpus)", ratio(nat.readySample, jvm.readySample),
                        nat.readySample <= 0.2 * jvm.readySample),
                target("idle RSS ≤ 0.5 × the JVM's", ratio(nat.rssIdle, jvm.rssIdle), nat.rssIdle <= 0.5 * jvm.rssIdle),
                target("search p50 ≤ 1.2 × the JVM's", ratio(nat.search1.percentile(50), jvm.search1.percentile(50)),
                        nat.search1.percentile(50) <= 1.2 * jvm.search1.percentile(50)),
                target("ask p50 ≤ 1.2 × the JVM's", ratio(nat.ask1.percentile(50), jvm.ask1.percentile(50)),
                        nat.ask1.percentile(50) <= 1.2 * jvm.ask1.percentile(50))));
    }

    private static List<List<String>> rows(List<ServiceMeasures.Measure> measures, ServiceMeasures jvm,
            ServiceMeasures nat) {
        return ServiceMeasures.rows(measures, List.of(jvm), List.of(nat), false);
    }

    private static List<String> target(String target, String measured, boolean met) {
        return List.of(target, measured, met ? "yes" : "**no**");
    }
}
