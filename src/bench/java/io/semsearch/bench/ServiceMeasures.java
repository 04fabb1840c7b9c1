package io.semsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.semsearch.testing.ServiceProcess;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

import static io.semsearch.bench.Report.num;

/**
 * What one build of the service measures, each start on an emptied benchmark database: time to ready and RSS on an
 * empty store, the first search and ask; time to ready with the sample corpus and until it is searchable (each the
 * median of {@link #STARTS} starts); indexing of
 * PIAF paragraphs through {@code POST /api/documents/batch}, RSS after it, then closed-loop load on that store. Shared
 * by the benchmarks that compare two builds in one run (NativeBenchmark, BuildsBenchmark).
 */
final class ServiceMeasures {

    static final Duration LOAD = Duration.ofSeconds(Long.getLong("benchmark.load-seconds", 15));
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 5));
    static final String SEARCH_QUESTION = "Qui a investi dans OpenAI ?";
    /** Starts per start-up measure (empty store; sample corpus): each start-up figure is their median. */
    static final int STARTS = Integer.getInteger("benchmark.starts", 3);

    /** The data every build is measured on: PIAF paragraphs to index and PIAF train questions to send. */
    record Workload(Piaf part, List<String> questions) {

        /** The first {@code paragraphs} PIAF paragraphs, and 2,000 train questions. */
        static Workload of(int paragraphs) throws IOException {
            Piaf piaf = Piaf.load();
            Piaf part = new Piaf(piaf.paragraphs().subList(0, Math.min(paragraphs, piaf.paragraphs().size())),
                    piaf.questions());
            return new Workload(part, piaf.sample(Piaf.Part.TRAIN, 2000, RetrievalBenchmark.SEED).stream()
                    .map(Piaf.Question::question).toList());
        }
    }

    /** One measure of a build, as a table shows it. */
    record Measure(String label, int decimals, ToDoubleFunction<ServiceMeasures> value) {
    }

    String label;
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
    LoadGenerator.Result dense1;
    LoadGenerator.Result ask1;
    LoadGenerator.Result search16;
    LoadGenerator.Result ask16;

    /** Start-up, memory and first requests; {@code paragraphs} is the number indexed before the RSS is read. */
    static List<Measure> startUp(int paragraphs) {
        return List.of(
                new Measure("time to ready, empty store, no sample corpus (s)", 2, m -> m.readyEmpty),
                new Measure("time to ready, sample corpus on an empty store (s)", 2, m -> m.readySample),
                new Measure("… until the sample articles are indexed and searchable (s)", 2, m -> m.sampleSearchable),
                new Measure("RSS idle after start, empty store (MiB)", 0, m -> m.rssIdle),
                new Measure("first search after ready (ms)", 0, m -> m.firstSearchMs),
                new Measure("first ask after ready (ms)", 0, m -> m.firstAskMs),
                new Measure("RSS after indexing " + paragraphs + " PIAF paragraphs (MiB)", 0,
                        m -> m.rssAfterIndexing));
    }

    /** Indexing, latency and throughput. */
    static List<Measure> serving() {
        return List.of(
                new Measure("indexing (chunks/s)", 1, m -> m.chunksPerSecond),
                new Measure("hybrid search p50, 1 client (ms)", 1, m -> m.search1.percentile(50)),
                new Measure("hybrid search p95, 1 client (ms)", 1, m -> m.search1.percentile(95)),
                new Measure("dense search p50, 1 client (ms)", 1, m -> m.dense1.percentile(50)),
                new Measure("ask p50, 1 client (ms)", 1, m -> m.ask1.percentile(50)),
                new Measure("ask p95, 1 client (ms)", 1, m -> m.ask1.percentile(95)),
                new Measure("hybrid search, 16 clients (requests/s)", 1, m -> m.search16.throughput()),
                new Measure("ask, 16 clients (requests/s)", 1, m -> m.ask16.throughput()));
    }

    /**
     * Table rows, one per measure: its median over the rounds of a first and of a second build, the second's as a
     * multiple of the first's and, with {@code spread}, each build's lowest and highest round.
     */
    static List<List<String>> rows(List<Measure> measures, List<ServiceMeasures> first,
            List<ServiceMeasures> second, boolean spread) {
        List<List<String>> rows = new ArrayList<>();
        for (Measure measure : measures) {
            double[] a = first.stream().mapToDouble(measure.value()).sorted().toArray();
            double[] b = second.stream().mapToDouble(measure.value()).sorted().toArray();
            List<String> row = new ArrayList<>(List.of(measure.label(), num(median(a), measure.decimals()),
                    num(median(b), measure.decimals()), ratio(median(b), median(a))));
            if (spread) {
                row.add(num(a[0], measure.decimals()) + "–" + num(a[a.length - 1], measure.decimals()));
                row.add(num(b[0], measure.decimals()) + "–" + num(b[b.length - 1], measure.decimals()));
            }
            rows.add(row);
        }
        return rows;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static String ratio(double second, double first) {
        return num(second / first, 2) + " ×";
    }

    /** Measures one build; its service logs go to target/LOGPREFIX-*.log. */
    static ServiceMeasures measure(ServiceBuild build, String logPrefix, Workload workload) throws Exception {
        ServiceMeasures m = new ServiceMeasures();
        m.label = build.label();
        m.startEmpty(build, logPrefix + "-empty");
        m.startWithSample(build, logPrefix + "-sample");
        m.indexAndLoad(build, logPrefix, workload.part(), workload.questions());
        System.out.printf(Locale.ROOT, "%s: ready %.2f s (sample %.2f s), RSS idle %.0f MiB, after indexing %.0f MiB,"
                        + " %.1f chunks/s, search p50 %.1f ms, ask p50 %.1f ms%n", m.label, m.readyEmpty,
                m.readySample, m.rssIdle, m.rssAfterIndexing, m.chunksPerSecond, m.search1.percentile(50),
                m.ask1.percentile(50));
        return m;
    }

    int errors() {
        return search1.errors() + dense1.errors() + ask1.errors() + search16.errors() + ask16.errors();
    }

    private void startEmpty(ServiceBuild build, String log) throws Exception {
        double[][] starts = new double[4][STARTS];
        for (int i = 0; i < STARTS; i++) {
            try (ServiceProcess service = build.startOnEmptyDatabase(Map.of(), log + "-" + i)) {
                starts[0][i] = service.startupSeconds();
                Thread.sleep(5000);
                starts[1][i] = service.rssMiB();
                long t = System.nanoTime();
                Api.get("/api/search", Map.of("q", SEARCH_QUESTION));
                starts[2][i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                model = Api.post("/api/ask", Map.of("question", SEARCH_QUESTION)).path("model").asText();
                starts[3][i] = (System.nanoTime() - t) / 1e6;
            }
        }
        readyEmpty = medianOf(starts[0]);
        rssIdle = medianOf(starts[1]);
        firstSearchMs = medianOf(starts[2]);
        firstAskMs = medianOf(starts[3]);
    }

    private void startWithSample(ServiceBuild build, String log) throws Exception {
        double[][] starts = new double[2][STARTS];
        for (int i = 0; i < STARTS; i++) {
            try (ServiceProcess service = build.startOnEmptyDatabase(Map.of("SEMSEARCH_INGEST_SAMPLE_CORPUS", "true"),
                    log + "-" + i)) {
                starts[0][i] = service.startupSeconds();
                awaitSampleSearchable(label);
                starts[1][i] = starts[0][i] + service.secondsSinceReady();
            }
        }
        readySample = medianOf(starts[0]);
        sampleSearchable = medianOf(starts[1]);
    }

    private static double medianOf(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return median(sorted);
    }

    private void indexAndLoad(ServiceBuild build, String log, Piaf part, List<String> questions) throws Exception {
        try (ServiceProcess service = build.startOnEmptyDatabase(Map.of(), log)) {
            RetrievalBenchmark.Indexing indexing = RetrievalBenchmark.indexPiaf(part);
            paragraphs = indexing.documents();
            chunks = indexing.chunks();
            chunksPerSecond = indexing.chunks() / indexing.seconds();
            rssAfterIndexing = service.rssMiB();
            IntFunction<HttpRequest> searches = i -> LoadGenerator.searchRequest("hybrid",
                    questions.get(i % questions.size()));
            IntFunction<HttpRequest> dense = i -> LoadGenerator.searchRequest("dense",
                    questions.get(i % questions.size()));
            IntFunction<HttpRequest> asks = i -> LoadGenerator.askRequest(questions.get(i % questions.size()));
            search1 = LoadGenerator.run(1, WARM_UP, LOAD, searches);
            dense1 = LoadGenerator.run(1, WARM_UP, LOAD, dense);
            ask1 = LoadGenerator.run(1, WARM_UP, LOAD, asks);
            search16 = LoadGenerator.run(16, WARM_UP, LOAD, searches);
            ask16 = LoadGenerator.run(16, WARM_UP, LOAD, asks);
        }
    }

    /** Waits until the sample articles, indexed at start in the background, are found by a search (10 min at most). */
    static void awaitSampleSearchable(String build) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            JsonNode found = Api.get("/api/search", Map.of("q", "Microsoft OpenAI"));
            if (found.path("results").size() > 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(build + ": the sample articles were not searchable in 10 min");
            }
            Thread.sleep(50);
        }
    }

}
