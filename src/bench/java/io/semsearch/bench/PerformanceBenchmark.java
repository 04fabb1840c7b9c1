package io.semsearch.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.semsearch.embedding.EmbeddingConfig;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.embedding.PassageText;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.semsearch.bench.Report.num;

/**
 * The service against the model's own speed, in one run: raw embedding ceiling (in this JVM, the service stopped),
 * indexing through the packaged service, HTTP load on /api/search and /api/ask, start-up and RSS.
 * Run: scripts/benchmark.sh performance. Writes docs/benchmarks/performance.md.
 */
class PerformanceBenchmark {

    static final int CEILING_TEXTS = Integer.getInteger("benchmark.ceiling-texts", 600);
    static final Duration LOAD_DURATION = Duration.ofSeconds(Long.getLong("benchmark.load-seconds", 20));
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 5));
    static final List<Integer> CLIENTS = List.of(1, 4, 16);

    /** The service's defaults (semsearch.embedding.*): batch 1, 1 ONNX Runtime thread, one predictor per core. */
    static final ModelSetting SERVICE_DEFAULT = new ModelSetting(1, 1, Runtime.getRuntime().availableProcessors());

    /** One in-process setting of the embedding model, as the service's configuration would set it. */
    record ModelSetting(int batchSize, int intraOpThreads, int callers) {
        String label() {
            return "batch " + batchSize + ", " + (intraOpThreads == 0 ? "ORT threads auto" : intraOpThreads
                    + " ORT thread(s)") + ", " + callers + " caller(s)";
        }
    }

    @Test
    void performance() throws Exception {
        Piaf piaf = Piaf.load();
        List<String> paragraphs = piaf.paragraphs().stream().map(Piaf.Paragraph::context).toList();
        List<String> questions = piaf.sample(Piaf.Part.TRAIN, 2000, RetrievalBenchmark.SEED).stream().map(Piaf.Question::question)
                .toList();
        Report report = new Report("Performance");
        long started = System.nanoTime();

        // 1. Ceiling: the model alone, in this JVM, nothing else running.
        Map<ModelSetting, Double> ceiling = new LinkedHashMap<>();
        List<String> ceilingTexts = paragraphs.subList(0, Math.min(CEILING_TEXTS, paragraphs.size()));
        // one caller: its batches still run on every predictor (at least 2)
        for (ModelSetting setting : List.of(new ModelSetting(16, 0, 1), new ModelSetting(1, 0, 1),
                new ModelSetting(1, 1, 1), new ModelSetting(16, 1, 1), new ModelSetting(1, 1, 2),
                new ModelSetting(4, 1, 2), new ModelSetting(8, 1, 2), new ModelSetting(16, 1, 2),
                new ModelSetting(32, 1, 2))) {
            ceiling.put(setting, textsPerSecond(setting, ceilingTexts));
        }
        var best = ceiling.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        double[] floor;
        double[] floorAutoThreads;
        double singleQueryCapacity;
        try (ModelHandle model = ModelHandle.open(SERVICE_DEFAULT)) {
            floor = queryLatencies(model.service, questions.subList(0, 300));
        }
        try (ModelHandle model = ModelHandle.open(new ModelSetting(16, 0, 1))) {
            floorAutoThreads = queryLatencies(model.service, questions.subList(0, 300));
        }
        try (ModelHandle model = ModelHandle.open(new ModelSetting(1, 1, 2))) {
            singleQueryCapacity = concurrentQueriesPerSecond(model.service, questions.subList(0, 600), 2);
        }
        String modelName;
        try (ModelHandle model = ModelHandle.open(new ModelSetting(16, 0, 1))) {
            modelName = model.service.activeModel().name();
        }

        // The LangChain4j peer on the same paragraphs, in the same run (its README's command).
        Optional<Double> peerChunksPerSecond = PeerBenchmark.chunksPerSecond();

        // 2. + 4. Indexing through the packaged service, start-up, RSS; first with the writes of a group of
        // documents after all are embedded (the alternative to the default), then as the service runs by default.
        ServiceProcess.wipeDatabase();
        RetrievalBenchmark.Indexing indexingWithoutOverlap;
        try (ServiceProcess service = ServiceProcess.start(Map.of("SEMSEARCH_INGEST_OVERLAP_WRITES", "false"),
                "benchmark-performance-sequential")) {
            indexingWithoutOverlap = RetrievalBenchmark.indexPiaf(piaf);
        }
        ServiceProcess.wipeDatabase();
        RetrievalBenchmark.Indexing indexing;
        double rssAfterIndexing;
        double coldStartSeconds;
        try (ServiceProcess service = ServiceProcess.start(Map.of(), "benchmark-performance")) {
            coldStartSeconds = service.startupSeconds();
            indexing = RetrievalBenchmark.indexPiaf(piaf);
            rssAfterIndexing = service.rssMiB();
        }
        double sameTextsCeiling;
        try (ModelHandle model = ModelHandle.open(best.getKey())) {
            List<String> chunkTexts = storedChunkTexts();
            long t = System.nanoTime();
            embedAll(model.service, chunkTexts, best.getKey().callers());
            sameTextsCeiling = chunkTexts.size() / ((System.nanoTime() - t) / 1e9);
        }

        // 3. Query serving over HTTP, service restarted on the indexed store.
        Map<String, List<LoadGenerator.Result>> load = new LinkedHashMap<>();
        double warmStartSeconds;
        double rssAfterLoad;
        try (ServiceProcess service = ServiceProcess.start(Map.of(), "benchmark-performance-load")) {
            warmStartSeconds = service.startupSeconds();
            for (String endpoint : List.of("search", "dense", "ask")) {
                List<LoadGenerator.Result> results = new ArrayList<>();
                for (int clients : CLIENTS) {
                    results.add(LoadGenerator.run(clients, WARM_UP, LOAD_DURATION, i -> request(endpoint,
                            questions.get(i % questions.size()))));
                }
                load.put(endpoint, results);
            }
            rssAfterLoad = service.rssMiB();
        }

        report.environment(modelName);
        report.line("PIAF v1.1 paragraphs and questions (`piaf-v1.1.json`). The ceiling runs the service's own "
                + "embedding code (tokenizer, ONNX Runtime through DJL, pooling) in the benchmark's JVM with no "
                + "service running; everything else goes through the packaged service over HTTP on its own "
                + "database. Medians unless said otherwise.");
        report.line("");
        report.line("## 1. Model ceiling (in-process, first " + ceilingTexts.size() + " paragraphs)");
        report.line("");
        report.table(List.of("setting", "texts/s"), ceiling.entrySet().stream()
                .map(e -> List.of(e.getKey().label() + (e == best ? " (best)" : ""), num(e.getValue(), 1)))
                .toList());
        report.line("Single-query embedding (the floor of a query), with the service's settings (1 ONNX Runtime "
                + "thread): p50 " + num(Report.percentile(floor, 50), 1) + " ms, p95 "
                + num(Report.percentile(floor, 95), 1) + " ms; with ONNX Runtime's own threading: p50 "
                + num(Report.percentile(floorAutoThreads, 50), 1) + " ms. The cores' capacity for single-query "
                + "embeddings (2 callers, 1 ONNX Runtime thread each): " + num(singleQueryCapacity, 1)
                + " queries/s.");
        report.line("");

        double serviceChunksPerSecond = indexing.chunks() / indexing.seconds();
        report.line("## 2. Indexing through the service (`POST /api/documents/batch`, 64 paragraphs a request)");
        report.line("");
        report.table(List.of("paragraphs", "chunks", "time", "paragraphs/s", "chunks/s",
                "ratio to the paragraph ceiling", "ratio to the model on the same chunk texts"), List.of(List.of(
                Integer.toString(indexing.documents()), Long.toString(indexing.chunks()),
                num(indexing.seconds(), 1) + " s", num(indexing.documents() / indexing.seconds(), 1),
                num(serviceChunksPerSecond, 1), num(serviceChunksPerSecond / best.getValue(), 2),
                num(serviceChunksPerSecond / sameTextsCeiling, 2))));
        report.line("Writes overlapped with embedding (`semsearch.ingest.overlap-writes`, the default): the table "
                + "above. With every write after the embedding of its group: " + num(indexingWithoutOverlap.chunks()
                / indexingWithoutOverlap.seconds(), 1) + " chunks/s.");
        report.line("");
        report.line("The model alone embeds the " + indexing.chunks() + " stored chunk texts at "
                + num(sameTextsCeiling, 1) + " texts/s with the best setting: chunks are shorter than paragraphs, "
                + "so this is the like-for-like ceiling. "
                + peerChunksPerSecond.map(peer -> "The LangChain4j peer (a LangChain4j RAG sample application, run as its README "
                        + "says, in this run just before) ingests the same paragraphs at " + num(peer, 1)
                        + " chunks/s (its own chunks: recursive splitter, 300 tokens, one chunk per model call): "
                        + "ours is " + num(serviceChunksPerSecond / peer, 2) + " × the peer.")
                        .orElse("The LangChain4j peer was not run (-Dbenchmark.peer=false or not found)."));
        report.line("");

        report.line("## 3. Query serving over HTTP (closed loop, " + LOAD_DURATION.toSeconds() + " s per row after "
                + WARM_UP.toSeconds() + " s of warm-up, PIAF questions in turn)");
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        load.forEach((endpoint, results) -> results.forEach(r -> rows.add(List.of(
                switch (endpoint) {
                    case "search" -> "GET /api/search (hybrid)";
                    case "dense" -> "GET /api/search (dense)";
                    default -> "POST /api/ask";
                },
                Integer.toString(r.clients()), num(r.throughput(), 1), num(r.percentile(50), 1),
                num(r.percentile(95), 1), num(r.percentile(99), 1), Integer.toString(r.errors())))));
        report.table(List.of("endpoint", "clients", "requests/s", "p50 ms", "p95 ms", "p99 ms", "errors"), rows);

        report.line("## 4. Start-up and memory");
        report.line("");
        report.table(List.of("", ""), List.of(
                List.of("start-up to ready, empty store", num(coldStartSeconds, 2) + " s"),
                List.of("start-up to ready, PIAF indexed", num(warmStartSeconds, 2) + " s"),
                List.of("RSS after indexing PIAF", num(rssAfterIndexing, 0) + " MiB"),
                List.of("RSS after the load runs", num(rssAfterLoad, 0) + " MiB")));

        LoadGenerator.Result search1 = load.get("search").get(0);
        LoadGenerator.Result ask1 = load.get("ask").get(0);
        LoadGenerator.Result search16 = load.get("search").get(CLIENTS.size() - 1);
        double floorP50 = Report.percentile(floor, 50);
        report.line("## Targets");
        report.line("");
        report.table(List.of("target", "measured", "met"), List.of(
                target("indexing ≥ 0.85 × the model on the same texts", num(serviceChunksPerSecond
                        / sameTextsCeiling, 2) + " ×", serviceChunksPerSecond >= 0.85 * sameTextsCeiling),
                peerChunksPerSecond.map(peer -> target("indexing ≥ 1.5 × the LangChain4j peer = "
                        + num(1.5 * peer, 1) + " chunks/s", num(serviceChunksPerSecond, 1) + " chunks/s ("
                        + num(serviceChunksPerSecond / peer, 2) + " ×)", serviceChunksPerSecond >= 1.5 * peer))
                        .orElse(List.of("indexing ≥ 1.5 × the LangChain4j peer", "not run", "?")),
                target("search p50 (1 client) ≤ 1.5 × query embedding + 5 ms = "
                        + num(1.5 * floorP50 + 5, 1) + " ms", num(search1.percentile(50), 1) + " ms",
                        search1.percentile(50) <= 1.5 * floorP50 + 5),
                target("dense-mode search p50 (1 client) ≤ the same bound (no full-text part)",
                        num(load.get("dense").get(0).percentile(50), 1) + " ms",
                        load.get("dense").get(0).percentile(50) <= 1.5 * floorP50 + 5),
                target("ask p50 ≤ 2 × search p50 = " + num(2 * search1.percentile(50), 1) + " ms",
                        num(ask1.percentile(50), 1) + " ms", ask1.percentile(50) <= 2 * search1.percentile(50)),
                target("16 clients: no errors", search16.errors() + " + " + load.get("ask").get(CLIENTS.size() - 1)
                        .errors(), search16.errors() == 0 && load.get("ask").get(CLIENTS.size() - 1).errors() == 0),
                target("16 clients: hybrid search ≥ 0.4 × single-query capacity = "
                        + num(0.4 * singleQueryCapacity, 1) + "/s", num(search16.throughput(), 1) + "/s",
                        search16.throughput() >= 0.4 * singleQueryCapacity),
                target("RSS after indexing PIAF < 700 MB", num(rssAfterIndexing * 1.048576, 0) + " MB",
                        rssAfterIndexing * 1.048576 < 700)));
        report.line(String.format(Locale.ROOT, "Total time of the benchmark: %.1f min.",
                (System.nanoTime() - started) / 60e9));
        report.write(System.getProperty("benchmark.output", "performance.md"));
    }

    private static List<String> target(String target, String measured, boolean met) {
        return List.of(target, measured, met ? "yes" : "**no**");
    }

    private static HttpRequest request(String endpoint, String question) {
        if (!endpoint.equals("ask")) {
            return LoadGenerator.searchRequest(endpoint.equals("dense") ? "dense" : "hybrid", question);
        }
        return LoadGenerator.askRequest(question);
    }

    static double textsPerSecond(ModelSetting setting, List<String> texts) throws Exception {
        try (ModelHandle model = ModelHandle.open(setting)) {
            embedAll(model.service, texts.subList(0, Math.min(64, texts.size())), setting.callers()); // warm-up
            long t = System.nanoTime();
            embedAll(model.service, texts, setting.callers());
            return texts.size() / ((System.nanoTime() - t) / 1e9);
        }
    }

    /** The indexing path of the model: passages with the passage prefix, pooled to one vector each. */
    private static void embedPassages(EmbeddingService service, List<String> texts) {
        service.embedPassages(texts.stream().map(text -> PassageText.of(text, List.of())).toList());
    }

    /** Embeds texts as passages, split between {@code callers} threads. */
    static void embedAll(EmbeddingService service, List<String> texts, int callers) throws Exception {
        if (callers == 1) {
            embedPassages(service, texts);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> parts = new ArrayList<>();
            int size = (texts.size() + callers - 1) / callers;
            for (int from = 0; from < texts.size(); from += size) {
                List<String> part = texts.subList(from, Math.min(texts.size(), from + size));
                parts.add(pool.submit(() -> embedPassages(service, part)));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static double[] queryLatencies(EmbeddingService service, List<String> questions) {
        questions.subList(0, 20).forEach(service::embedQuery);
        double[] latencies = new double[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            long t = System.nanoTime();
            service.embedQuery(questions.get(i));
            latencies[i] = (System.nanoTime() - t) / 1e6;
        }
        return latencies;
    }

    static double concurrentQueriesPerSecond(EmbeddingService service, List<String> questions, int callers)
            throws Exception {
        questions.subList(0, 20).forEach(service::embedQuery);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long t = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (String q : questions) {
                futures.add(pool.submit(() -> service.embedQuery(q)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return questions.size() / ((System.nanoTime() - t) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> storedChunkTexts() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(ServiceProcess.DB_URL, ServiceProcess.DB_USER,
                ServiceProcess.DB_PASSWORD); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select text from chunk order by document_id, ordinal")) {
            while (rows.next()) {
                texts.add(rows.getString(1));
            }
        }
        return texts;
    }

    /** The service's embedding code, configured in this JVM for one setting. */
    record ModelHandle(EmbeddingService service) implements AutoCloseable {

        static ModelHandle open(ModelSetting setting) {
            EmbeddingConfig config = new EmbeddingConfig() {
                @Override
                public Path modelsDir() {
                    return ServiceProcess.ROOT.resolve("models");
                }

                @Override
                public String model() {
                    return "multilingual-e5-small";
                }

                @Override
                public Optional<String> fallbackModel() {
                    return Optional.of("e5-small-v2");
                }

                @Override
                public int batchSize() {
                    return setting.batchSize();
                }

                @Override
                public int predictors() {
                    return Math.max(2, setting.callers());
                }

                @Override
                public int intraOpThreads() {
                    return setting.intraOpThreads();
                }

                @Override
                public Duration acquireTimeout() {
                    return Duration.ofMinutes(1);
                }

                public Optional<Path> nativeLibraryDir() {
                    return Optional.empty();
                }
            };
            return new ModelHandle(new EmbeddingService(config, new SimpleMeterRegistry()));
        }

        @Override
        public void close() {
            service.close();
        }
    }
}
