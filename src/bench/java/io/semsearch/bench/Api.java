package io.semsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.semsearch.testing.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A small JSON client of the service's API, with the benchmarks' admin key. */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    public static JsonNode get(String path, Map<String, String> query) throws IOException, InterruptedException {
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(ServiceProcess.baseUrl() + path + (q.isEmpty() ? "" : "?" + q)))
                .header("Authorization", "Bearer " + ServiceProcess.KEY)
                .timeout(Duration.ofSeconds(60)).GET().build());
    }

    /** The benchmarks' service's readiness document, from its management interface. */
    public static JsonNode readiness() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(ServiceProcess.managementBaseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(60)).GET().build());
    }

    public static JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(ServiceProcess.baseUrl() + path))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ServiceProcess.KEY)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    static HttpClient client() {
        return CLIENT;
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException(request.method() + " " + request.uri() + " -> " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }
}
