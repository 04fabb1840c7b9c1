package io.semsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long mixed load on the packaged service, at its default rate limits and with a set maximum heap
 * ({@code soak.xmx}, default 768m): 16 clients on one writer key (created through the API, so that the limits of a
 * writer apply); client 0 only indexes, as a writer feeding the index as fast as the model embeds, the others search,
 * ask, index and delete PIAF paragraphs (train split), for {@code soak.duration} (default 10 minutes), each client
 * writing only its own sources; then a consistency check: every acknowledged write is readable and searchable by its
 * source, every acknowledged delete is gone, no chunk is without its document and no document without chunks. The
 * RSS is sampled every minute. Required: no error (5xx, no answer, any other non-2xx), no 429, and an RSS that stays
 * within 10 % over the last 5 minutes. Writes docs/benchmarks/soak.md.
 */
class SoakBenchmark {

    static final Duration DURATION = parse(System.getProperty("soak.duration", "10m"));
    static final int CLIENTS = Integer.getInteger("soak.clients", 16);
    static final int BASE_DOCUMENTS = Integer.getInteger("soak.base-documents", 300);
    static final String ADMIN = ServiceProcess.KEY;
    static final String XMX = System.getProperty("soak.xmx", "768m");
    static final String[] ENDPOINTS = {"search", "ask", "index", "delete"};
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, List<double[]>> samples = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> clientErrors = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rateLimited = new ConcurrentHashMap<>();
    /** The writer key all clients send, created with the admin key once the service is up. */
    private volatile String writerKey;
    private final List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());

    /** What one client was told: stored sources (source to id and text) and deleted ones (source to id). */
    record Ledger(Map<String, String[]> present, Map<String, String> deleted) {
    }

    @Test
    void soak() throws Exception {
        Piaf piaf = Piaf.load();
        List<Piaf.Paragraph> paragraphs = piaf.paragraphs().stream().filter(p -> !p.inTestSplit()).toList();
        List<String> questions = piaf.questions().stream()
                .filter(q -> !piaf.paragraphs().get(q.paragraph()).inTestSplit()).map(Piaf.Question::question)
                .toList();
        for (String endpoint : ENDPOINTS) {
            samples.put(endpoint, Collections.synchronizedList(new ArrayList<>()));
            serverErrors.put(endpoint, new AtomicInteger());
            clientErrors.put(endpoint, new AtomicInteger());
            rateLimited.put(endpoint, new AtomicInteger());
        }
        ServiceProcess.wipeDatabase();
        Report report = new Report("Soak: " + CLIENTS + " clients mixing search, ask, index and delete");
        String load = loadAverage();
        String javaOpts = System.getProperty("benchmark.java.opts", "");
        if (!javaOpts.contains("-Xmx")) {
            System.setProperty("benchmark.java.opts", (javaOpts + " -Xmx" + XMX).trim());
        }
        // ServiceProcess lifts only the admin role's limit: the writer key made here has the writer role's defaults
        try (ServiceProcess service = ServiceProcess.start(Map.of(), "soak-benchmark")) {
            double rssStart = service.rssMiB();
            writerKey = Api.post("/api/keys", Map.of("name", "soak-writer", "role", "writer")).get("key").asText();
            List<Map<String, Object>> base = new ArrayList<>();
            for (Piaf.Paragraph p : paragraphs.subList(0, Math.min(BASE_DOCUMENTS, paragraphs.size()))) {
                base.add(Map.of("source", p.source(), "title", p.title(), "text", p.context()));
                if (base.size() == 100) {
                    Api.post("/api/documents/batch", Map.of("documents", base));
                    base.clear();
                }
            }
            if (!base.isEmpty()) {
                Api.post("/api/documents/batch", Map.of("documents", base));
            }
            double rssIndexed = service.rssMiB();
            String model = Api.get("/api/search", Map.of("q", "test")).get("model").asText();

            long end = System.nanoTime() + DURATION.toNanos();
            List<double[]> rssByMinute = Collections.synchronizedList(new ArrayList<>());
            var sampler = Executors.newSingleThreadScheduledExecutor();
            long loadStarted = System.nanoTime();
            sampler.scheduleAtFixedRate(() -> {
                try {
                    rssByMinute.add(new double[] {(System.nanoTime() - loadStarted) / 60e9, service.rssMiB()});
                } catch (IOException e) {
                    errorSamples.add("RSS: " + e);
                }
            }, 1, 1, java.util.concurrent.TimeUnit.MINUTES);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Ledger>> ledgers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                ledgers.add(pool.submit(() -> runClient(client, end, paragraphs, questions)));
            }
            List<Ledger> results = new ArrayList<>();
            for (Future<Ledger> ledger : ledgers) {
                results.add(ledger.get());
            }
            pool.shutdown();
            sampler.shutdownNow();
            double rssEnd = service.rssMiB();
            String loadEnd = loadAverage();

            List<String> inconsistencies = check(results);

            report.environment(model);
            report.line("Duration " + DURATION.toMinutes() + " min " + DURATION.toSecondsPart() + " s, " + CLIENTS
                    + " closed-loop clients (each sends its next request when the previous one is answered), "
                    + "one writer key at the default rate limits, the service's heap capped at -Xmx" + XMX + ". Client 0 only "
                    + "indexes (a writer feeding the index at the model's speed); each other client picks search 45 %, ask 25 %, index 20 %, delete 10 %: PIAF "
                    + "paragraphs and questions of the train split (articles not at positions 0, 4, 8, ...), a "
                    + "seeded choice per client; a client indexes and deletes only sources of its own "
                    + "(`soak/<client>/<n>`). " + Math.min(BASE_DOCUMENTS, paragraphs.size()) + " PIAF paragraphs are indexed before "
                    + "the load starts.");
            report.line("");
            report.line("Machine load (1, 5, 15 min averages, from /proc/loadavg): before " + load + ", after "
                    + loadEnd + ". The machine is shared with other engineers' builds and tests: latencies are "
                    + "those of a busy 2-core machine.");
            report.line("");
            List<List<String>> rows = new ArrayList<>();
            int total = 0;
            int totalServerErrors = 0;
            int totalClientErrors = 0;
            int totalRateLimited = 0;
            for (String endpoint : ENDPOINTS) {
                double[] latencies = samples.get(endpoint).stream().mapToDouble(s -> s[0]).toArray();
                total += latencies.length;
                totalServerErrors += serverErrors.get(endpoint).get();
                totalClientErrors += clientErrors.get(endpoint).get();
                totalRateLimited += rateLimited.get(endpoint).get();
                rows.add(List.of(endpoint, Integer.toString(latencies.length),
                        Integer.toString(serverErrors.get(endpoint).get()),
                        Integer.toString(rateLimited.get(endpoint).get()),
                        Integer.toString(clientErrors.get(endpoint).get()),
                        Report.num(Report.percentile(latencies, 50), 1), Report.num(Report.percentile(latencies, 99), 1),
                        Report.num(Report.percentile(latencies, 100), 1)));
            }
            report.table(List.of("endpoint", "requests", "5xx or no answer", "429", "other non-2xx", "p50 ms",
                    "p99 ms", "max ms"), rows);
            long writes = results.stream().mapToLong(l -> l.present().size()).sum();
            long deletes = results.stream().mapToLong(l -> l.deleted().size()).sum();
            report.table(List.of("", ""), List.of(
                    List.of("requests", total + " (" + Report.num(total / (DURATION.toMillis() / 1000.0), 1)
                            + " per second)"),
                    List.of("5xx or no answer", Integer.toString(totalServerErrors)),
                    List.of("429", Integer.toString(totalRateLimited)),
                    List.of("other non-2xx", Integer.toString(totalClientErrors)),
                    List.of("documents written and kept / deleted (acknowledged)", writes + " / " + deletes),
                    List.of("consistency errors", Integer.toString(inconsistencies.size())),
                    List.of("RSS: started / after the base corpus / end", Report.num(rssStart, 0) + " / "
                            + Report.num(rssIndexed, 0) + " / " + Report.num(rssEnd, 0) + " MiB"),
                    List.of("RSS over the last 5 minutes: lowest / highest", Report.num(lastMinutes(rssByMinute,
                            5)[0], 0) + " / " + Report.num(lastMinutes(rssByMinute, 5)[1], 0) + " MiB")));
            List<List<String>> rssRows = new ArrayList<>();
            for (double[] sample : List.copyOf(rssByMinute)) {
                rssRows.add(List.of(Report.num(sample[0], 0), Report.num(sample[1], 0)));
            }
            report.line("RSS of the service each minute of the load (-Xmx" + XMX + "):");
            report.line("");
            report.table(List.of("minute", "RSS MiB"), rssRows);
            report.line("Consistency check after the load: every kept document is read back (`GET "
                    + "/api/documents/{id}`: its source, at least one chunk) and found by a search of its first words "
                    + "filtered to its source; every deleted one answers 404 and no search finds it; in the database "
                    + "no chunk lacks its document, no document lacks chunks, and the soak's sources are exactly the "
                    + "kept ones.");
            if (!inconsistencies.isEmpty()) {
                report.line("");
                report.line("Inconsistencies (first 20): " + String.join("; ",
                        inconsistencies.subList(0, Math.min(20, inconsistencies.size()))));
            }
            if (!errorSamples.isEmpty()) {
                report.line("");
                report.line("Errors (first 10): " + String.join("; ",
                        errorSamples.subList(0, Math.min(10, errorSamples.size()))));
            }
            report.write("soak.md");
            assertEquals(0, totalServerErrors, "5xx or no answer during the soak");
            assertEquals(0, totalRateLimited, "429 during the soak: a writer at the default limits was refused");
            assertEquals(0, totalClientErrors, "other non-2xx during the soak");
            assertEquals(List.of(), inconsistencies);
            double[] steady = lastMinutes(rssByMinute, 5);
            assertTrue(steady[1] <= steady[0] * 1.10, "the RSS grew over the last 5 minutes: "
                    + Report.num(steady[0], 0) + " to " + Report.num(steady[1], 0) + " MiB");
        }
    }

    /** The lowest and highest RSS sampled in the last {@code minutes} minutes (NaN when none). */
    static double[] lastMinutes(List<double[]> samples, int minutes) {
        List<double[]> all = List.copyOf(samples);
        double lowest = Double.NaN;
        double highest = Double.NaN;
        for (double[] sample : all.subList(Math.max(0, all.size() - minutes), all.size())) {
            lowest = Double.isNaN(lowest) ? sample[1] : Math.min(lowest, sample[1]);
            highest = Double.isNaN(highest) ? sample[1] : Math.max(highest, sample[1]);
        }
        return new double[] {lowest, highest};
    }

    private Ledger runClient(int client, long end, List<Piaf.Paragraph> paragraphs, List<String> questions) {
        Random random = new Random(1000 + client);
        Ledger ledger = new Ledger(new LinkedHashMap<>(), new LinkedHashMap<>());
        List<String> present = new ArrayList<>();
        int next = 0;
        while (System.nanoTime() < end) {
            int pick = client == 0 ? 80 : random.nextInt(100);
            try {
                if (pick < 45) {
                    String q = questions.get(random.nextInt(questions.size()));
                    call("search", HttpRequest.newBuilder(URI.create(ServiceProcess.baseUrl() + "/api/search?q="
                            + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET());
                } else if (pick < 70) {
                    String q = questions.get(random.nextInt(questions.size()));
                    call("ask", post("/api/ask", Map.of("question", q)));
                } else if (pick < 90 || present.isEmpty()) {
                    Piaf.Paragraph p = paragraphs.get(random.nextInt(paragraphs.size()));
                    String source = "soak/" + client + "/" + next++;
                    HttpResponse<String> response = call("index", post("/api/documents",
                            Map.of("source", source, "title", p.title(), "text", p.context())));
                    if (response != null && response.statusCode() == 201) {
                        ledger.present().put(source, new String[] {JSON.readTree(response.body()).get("id").asText(),
                                p.context()});
                        present.add(source);
                    }
                } else {
                    String source = present.remove(random.nextInt(present.size()));
                    String id = ledger.present().get(source)[0];
                    HttpResponse<String> response = call("delete", HttpRequest.newBuilder(URI.create(
                            ServiceProcess.baseUrl() + "/api/documents/" + id)).DELETE());
                    if (response != null && response.statusCode() == 204) {
                        ledger.present().remove(source);
                        ledger.deleted().put(source, id);
                    } else {
                        present.add(source);
                    }
                }
            } catch (IOException | InterruptedException e) {
                errorSamples.add(e.toString());
            }
        }
        return ledger;
    }

    private HttpResponse<String> call(String endpoint, HttpRequest.Builder request) throws InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Authorization", "Bearer " + writerKey)
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            serverErrors.get(endpoint).incrementAndGet();
            errorSamples.add(endpoint + ": " + e);
            return null;
        }
        samples.get(endpoint).add(new double[] {(System.nanoTime() - started) / 1e6});
        if (response.statusCode() >= 500) {
            serverErrors.get(endpoint).incrementAndGet();
            errorSamples.add(endpoint + " " + response.statusCode() + ": " + response.body());
        } else if (response.statusCode() == 429) {
            rateLimited.get(endpoint).incrementAndGet();
            errorSamples.add(endpoint + " 429: " + response.body());
        } else if (response.statusCode() >= 300) {
            clientErrors.get(endpoint).incrementAndGet();
            errorSamples.add(endpoint + " " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static HttpRequest.Builder post(String path, Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(ServiceProcess.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    /** Every acknowledged write readable and searchable by its source; every acknowledged delete gone. */
    private List<String> check(List<Ledger> ledgers) throws Exception {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Map<String, String[]> present = new HashMap<>();
        Map<String, String> deleted = new HashMap<>();
        ledgers.forEach(l -> {
            present.putAll(l.present());
            deleted.putAll(l.deleted());
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> checks = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : present.entrySet()) {
            checks.add(pool.submit(() -> {
                String source = entry.getKey();
                JsonNode document = get("/api/documents/" + entry.getValue()[0]);
                if (document == null || !source.equals(document.path("source").asText())
                        || document.path("chunks").size() == 0) {
                    problems.add(source + " not readable");
                }
                JsonNode hits = get("/api/search?k=1&sources=" + URLEncoder.encode(source, StandardCharsets.UTF_8)
                        + "&q=" + URLEncoder.encode(firstWords(entry.getValue()[1]), StandardCharsets.UTF_8));
                if (hits == null || hits.path("results").size() != 1
                        || !source.equals(hits.path("results").get(0).path("source").asText())) {
                    problems.add(source + " not found by search");
                }
                return null;
            }));
        }
        for (Map.Entry<String, String> entry : deleted.entrySet()) {
            checks.add(pool.submit(() -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                        ServiceProcess.baseUrl() + "/api/documents/" + entry.getValue()))
                        .header("Authorization", "Bearer " + ADMIN).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 404) {
                    problems.add(entry.getKey() + " deleted but answers " + response.statusCode());
                }
                JsonNode hits = get("/api/search?k=1&sources=" + URLEncoder.encode(entry.getKey(),
                        StandardCharsets.UTF_8) + "&q=" + URLEncoder.encode("le la les", StandardCharsets.UTF_8));
                if (hits == null || hits.path("results").size() != 0) {
                    problems.add(entry.getKey() + " deleted but found by search");
                }
                return null;
            }));
        }
        for (Future<?> check : checks) {
            check.get();
        }
        pool.shutdown();
        try (Connection connection = DriverManager.getConnection(ServiceProcess.DB_URL, ServiceProcess.DB_USER,
                ServiceProcess.DB_PASSWORD); Statement statement = connection.createStatement()) {
            long orphans = single(statement, "select count(*) from chunk c where not exists "
                    + "(select 1 from document d where d.id = c.document_id)");
            long empty = single(statement, "select count(*) from document d where not exists "
                    + "(select 1 from chunk c where c.document_id = d.id)");
            long stored = single(statement, "select count(*) from document where starts_with(source, 'soak/')");
            if (orphans > 0) {
                problems.add(orphans + " chunks without their document");
            }
            if (empty > 0) {
                problems.add(empty + " documents without chunks");
            }
            if (stored != present.size()) {
                problems.add(stored + " soak documents stored, " + present.size() + " acknowledged and kept");
            }
        }
        return problems;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ServiceProcess.baseUrl() + path))
                .header("Authorization", "Bearer " + ADMIN).timeout(Duration.ofMinutes(1)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(12, words.length)));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long amount = Long.parseLong(t.replaceAll("[a-z]+$", ""));
        return switch (t.replaceAll("^[0-9]+", "")) {
            case "s", "" -> Duration.ofSeconds(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("Duration like 90s, 10m or 1h: " + text);
        };
    }
}
