package io.semsearch.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.semsearch.testing.Management;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Prometheus (Debian's, run here on a free port with a configuration of its own and the alert rules of
 * deploy/prometheus) scrapes the test service's management port; its HTTP API then holds the service's metrics, and
 * the rules and the Grafana dashboard's queries (deploy/grafana) evaluate without error on them.
 */
@QuarkusTest
class PrometheusScrapeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void prometheusScrapesTheManagementPort() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("question", "Combien Microsoft a-t-il investi dans OpenAI ?"))
                .when().post("/api/ask").then().statusCode(200);
        Path work = Files.createTempDirectory("semsearch-prometheus");
        int port = freePort();
        Files.copy(PrometheusRulesTest.DIRECTORY.resolve("alerts.yml"), work.resolve("alerts.yml"));
        Files.writeString(work.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: [alerts.yml]
                scrape_configs:
                  - job_name: semsearch
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(Management.port()));
        Process prometheus = new ProcessBuilder(PrometheusRulesTest.executable("prometheus").toString(),
                "--config.file=" + work.resolve("prometheus.yml"), "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        try {
            String api = "http://127.0.0.1:" + port + "/api/v1/";
            JsonNode answers = await(api, "semsearch_answers_total{job=\"semsearch\", outcome=\"answered\"}",
                    prometheus, work);
            assertTrue(answers.get(0).path("value").get(1).asDouble() >= 1, answers.toString());
            JsonNode up = await(api, "up{job=\"semsearch\"}", prometheus, work);
            assertEquals("1", up.get(0).path("value").get(1).asText(), up.toString());
            JsonNode buckets = await(api, "count(semsearch_ask_seconds_bucket{job=\"semsearch\"})", prometheus, work);
            assertTrue(buckets.get(0).path("value").get(1).asInt() > 10, "percentile histogram buckets: " + buckets);

            JsonNode groups = get(api + "rules").path("data").path("groups");
            List<String> unhealthy = new ArrayList<>();
            for (JsonNode group : groups) {
                for (JsonNode rule : group.path("rules")) {
                    if (!List.of("ok", "unknown").contains(rule.path("health").asText())) {
                        unhealthy.add(rule.path("name").asText() + ": " + rule.path("lastError").asText());
                    }
                }
            }
            assertEquals(List.of(), unhealthy, "rules that fail to evaluate");
            assertTrue(groups.toString().contains("SemsearchSlowAsk"), "the alert rules are loaded: " + groups);

            JsonNode dashboard = JSON.readTree(Path.of("deploy", "grafana", "semsearch.json").toFile());
            List<String> queries = dashboard.findValues("expr").stream().map(JsonNode::asText).toList();
            assertTrue(queries.size() >= 10, "the dashboard's queries: " + queries);
            for (String query : queries) {
                JsonNode answer = get(api + "query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                assertEquals("success", answer.path("status").asText(), query + ": " + answer);
            }
        } finally {
            prometheus.destroy();
            prometheus.waitFor();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** The result of an instant query once it is not empty (Prometheus scrapes every second). */
    private static JsonNode await(String api, String query, Process prometheus, Path work) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                throw new AssertionError("Prometheus exited: " + Files.readString(work.resolve("prometheus.log")));
            }
            try {
                JsonNode result = get(api + "query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                        .path("data").path("result");
                if (result.size() > 0) {
                    return result;
                }
            } catch (IOException notListeningYet) {
                // Prometheus is starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no result for " + query + " within 60 s; targets: " + targets(api) + "\n"
                + Files.readString(work.resolve("prometheus.log")));
    }

    private static String targets(String api) {
        try {
            return get(api + "targets").path("data").path("activeTargets").toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
