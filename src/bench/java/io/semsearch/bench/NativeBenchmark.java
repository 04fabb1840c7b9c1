package io.semsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import static io.semsearch.bench.Report.num;

/**
 * The native executable against the JVM build, in one run, on the same database and machine: build, size, start-up,
 * memory, first request, latency, throughput, indexing. Run: scripts/benchmark.sh native (which builds both and
 * records the builds' times and peak memory in target/native-benchmark-builds.properties). Writes
 * docs/benchmarks/native.md.
 */
class NativeBenchmark {

    static final Duration LOAD = Duration.ofSeconds(Long.getLong("benchmark.load-seconds", 15));
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 5));
    static final int PARAGRAPHS = Integer.getInteger("benchmark.native.paragraphs", 1000);
    static final String SEARCH_QUESTION = "Qui a investi dans OpenAI ?";

    /** What one artifact measured. */
    static final class Measures {
        double readyEmpty;
        double readySample;
        double sampleSearchable;
        double rssIdle;
        String model;
        double rssAfterIndexing;
        double firstSearchMs;
        double firstAskMs;
        double chunksPerSecond;
        long chunks;
        int paragraphs;
        LoadGenerator.Result search1;
        LoadGenerator.Result ask1;
        LoadGenerator.Result search16;
        LoadGenerator.Result ask16;
    }

    @Test
    void nativeAgainstJvm() throws Exception {
        Path executable = ServiceProcess.nativeExecutable(ServiceProcess.ROOT);
        if (executable == null || !Files.isExecutable(executable)) {
            throw new IllegalStateException("-Dnative.image.path must name the native executable (scripts/benchmark.sh"
                    + " native builds it)");
        }
        Piaf piaf = Piaf.load();
        Piaf part = new Piaf(piaf.paragraphs().subList(0, Math.min(PARAGRAPHS, piaf.paragraphs().size())),
                piaf.questions());
        List<String> questions = piaf.sample(Piaf.Part.TRAIN, 2000, RetrievalBenchmark.SEED).stream()
                .map(Piaf.Question::question).toList();
        long started = System.nanoTime();

        Map<String, Measures> results = new LinkedHashMap<>();
        results.put("JVM", measure(null, part, questions, "jvm"));
        results.put("native", measure(executable, part, questions, "native"));
        Measures jvm = results.get("JVM");
        Measures nat = results.get("native");

        Properties builds = new Properties();
        Path buildFile = ServiceProcess.ROOT.resolve("target/native-benchmark-builds.properties");
        if (Files.isRegularFile(buildFile)) {
            try (var in = Files.newBufferedReader(buildFile)) {
                builds.load(in);
            }
        }

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
        report.table(List.of("", "JVM", "native"), List.of(
                List.of("build time (Maven, tests skipped)", builds.getProperty("jvm.seconds", "?") + " s",
                        builds.getProperty("native.seconds", "?") + " s"),
                List.of("build peak memory (largest process)", builds.getProperty("jvm.peak-mib", "?") + " MiB",
                        builds.getProperty("native.peak-mib", "?") + " MiB"),
                List.of("artifact", builds.getProperty("jvm.size-mib", "?") + " MiB (target/quarkus-app)",
                        builds.getProperty("native.size-mib", "?") + " MiB (one executable)"),
                List.of("container image (scripts/container.sh build)", builds.getProperty("jvm.image", "not built"),
                        builds.getProperty("native.image", "not built"))));
        report.line("");
        report.line("## Start-up, memory, first request");
        report.line("");
        report.table(List.of("", "JVM", "native", "native / JVM"), List.of(
                row("time to ready, empty store, no sample corpus (s)", jvm.readyEmpty, nat.readyEmpty, 2),
                row("time to ready, sample corpus on an empty store (s)", jvm.readySample, nat.readySample, 2),
                row("… until the sample articles are indexed and searchable (s)", jvm.sampleSearchable,
                        nat.sampleSearchable, 2),
                row("RSS idle after start, empty store (MiB)", jvm.rssIdle, nat.rssIdle, 0),
                row("first search after ready (ms)", jvm.firstSearchMs, nat.firstSearchMs, 0),
                row("first ask after ready (ms)", jvm.firstAskMs, nat.firstAskMs, 0),
                row("RSS after indexing " + nat.paragraphs + " PIAF paragraphs (MiB)", jvm.rssAfterIndexing,
                        nat.rssAfterIndexing, 0)));
        report.line("");
        report.line("## Indexing and serving");
        report.line("");
        report.line("Indexing: the first " + nat.paragraphs + " PIAF paragraphs (" + nat.chunks + " chunks) through "
                + "`POST /api/documents/batch`, 64 a request. Load: closed loop, " + LOAD.toSeconds() + " s per row after "
                + WARM_UP.toSeconds() + " s of warm-up, PIAF questions in turn, on that store.");
        report.line("");
        report.table(List.of("", "JVM", "native", "native / JVM"), List.of(
                row("indexing (chunks/s)", jvm.chunksPerSecond, nat.chunksPerSecond, 1),
                row("search p50, 1 client (ms)", jvm.search1.percentile(50), nat.search1.percentile(50), 1),
                row("search p95, 1 client (ms)", jvm.search1.percentile(95), nat.search1.percentile(95), 1),
                row("ask p50, 1 client (ms)", jvm.ask1.percentile(50), nat.ask1.percentile(50), 1),
                row("ask p95, 1 client (ms)", jvm.ask1.percentile(95), nat.ask1.percentile(95), 1),
                row("search, 16 clients (requests/s)", jvm.search16.throughput(), nat.search16.throughput(), 1),
                row("ask, 16 clients (requests/s)", jvm.ask16.throughput(), nat.ask16.throughput(), 1),
                List.of("errors (all load rows)", Integer.toString(errors(jvm)), Integer.toString(errors(nat)), "")));
        report.line("");
        report.line("## Targets");
        report.line("");
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
        report.line(String.format(Locale.ROOT, "Total time of the benchmark (builds excluded): %.1f min.",
                (System.nanoTime() - started) / 60e9));
        report.write(System.getProperty("benchmark.output", "native.md"));
    }

    private static Measures measure(Path executable, Piaf part, List<String> questions, String name)
            throws Exception {
        Measures m = new Measures();
        ServiceProcess.wipeDatabase();
        try (ServiceProcess service = ServiceProcess.startArtifact(executable, Map.of(), "benchmark-native-" + name
                + "-empty")) {
            m.readyEmpty = service.startupSeconds();
            Thread.sleep(5000);
            m.rssIdle = service.rssMiB();
            long t = System.nanoTime();
            Api.get("/api/search", Map.of("q", SEARCH_QUESTION));
            m.firstSearchMs = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            m.model = Api.post("/api/ask", Map.of("question", SEARCH_QUESTION)).path("model").asText();
            m.firstAskMs = (System.nanoTime() - t) / 1e6;
        }

        ServiceProcess.wipeDatabase();
        try (ServiceProcess service = ServiceProcess.startArtifact(executable, Map.of("SEMSEARCH_INGEST_SAMPLE_CORPUS", "true"),
                "benchmark-native-" + name + "-sample")) {
            m.readySample = service.startupSeconds();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (true) {
                JsonNode found = Api.get("/api/search", Map.of("q", "Microsoft OpenAI"));
                if (found.path("results").size() > 0) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + ": the sample articles were not searchable in 10 min");
                }
                Thread.sleep(50);
            }
            m.sampleSearchable = m.readySample + service.secondsSinceReady();
        }

        ServiceProcess.wipeDatabase();
        try (ServiceProcess service = ServiceProcess.startArtifact(executable, Map.of(), "benchmark-native-" + name)) {
            RetrievalBenchmark.Indexing indexing = RetrievalBenchmark.indexPiaf(part);
            m.paragraphs = indexing.documents();
            m.chunks = indexing.chunks();
            m.chunksPerSecond = indexing.chunks() / indexing.seconds();
            m.rssAfterIndexing = service.rssMiB();
            m.search1 = LoadGenerator.run(1, WARM_UP, LOAD, i -> search(questions.get(i % questions.size())));
            m.ask1 = LoadGenerator.run(1, WARM_UP, LOAD, i -> ask(questions.get(i % questions.size())));
            m.search16 = LoadGenerator.run(16, WARM_UP, LOAD, i -> search(questions.get(i % questions.size())));
            m.ask16 = LoadGenerator.run(16, WARM_UP, LOAD, i -> ask(questions.get(i % questions.size())));
        }
        System.out.printf(Locale.ROOT, "%s: ready %.2f s (sample %.2f s), RSS idle %.0f MiB, after indexing %.0f MiB,"
                        + " %.1f chunks/s, search p50 %.1f ms, ask p50 %.1f ms%n", name, m.readyEmpty, m.readySample,
                m.rssIdle, m.rssAfterIndexing, m.chunksPerSecond, m.search1.percentile(50), m.ask1.percentile(50));
        return m;
    }

    private static HttpRequest search(String question) {
        return LoadGenerator.request("/api/search?k=10&q=" + URLEncoder.encode(question, StandardCharsets.UTF_8))
                .GET().build();
    }

    private static HttpRequest ask(String question) {
        return LoadGenerator.askRequest(question);
    }

    private static int errors(Measures m) {
        return m.search1.errors() + m.ask1.errors() + m.search16.errors() + m.ask16.errors();
    }

    private static List<String> row(String label, double jvm, double nat, int decimals) {
        return List.of(label, num(jvm, decimals), num(nat, decimals), ratio(nat, jvm));
    }

    private static String ratio(double nat, double jvm) {
        return num(nat / jvm, 2) + " ×";
    }

    private static List<String> target(String target, String measured, boolean met) {
        return List.of(target, measured, met ? "yes" : "**no**");
    }
}
