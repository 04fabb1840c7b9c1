package io.semsearch.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** HTTP calls to a service process, with its admin key. */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body, HttpResponse<String> response) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private final String url;
    private final String key;

    Client(String url, String key) {
        this.url = url;
        this.key = key;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Reply delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE().build());
    }

    Reply post(String path, Object body) throws IOException, InterruptedException {
        return send(post(request(path), body));
    }

    CompletableFuture<Reply> postAsync(String path, Object body) throws IOException {
        return HTTP.sendAsync(post(request(path), body), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Reply(r.statusCode(), r.body(), r));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(5));
        return key == null ? builder : builder.header("Authorization", "Bearer " + key);
    }

    private static HttpRequest post(HttpRequest.Builder builder, Object body) throws IOException {
        return builder.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private static Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response);
    }
}
