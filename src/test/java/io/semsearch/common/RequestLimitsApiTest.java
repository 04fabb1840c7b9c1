package io.semsearch.common;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.testing.TestKeys;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile request bodies over real HTTP: deeply nested or very wide JSON, bodies past the size limit with and without
 * a declared length, on the REST endpoints and on {@code /mcp}. Each is refused with a problem document, quickly.
 */
@QuarkusTest
class RequestLimitsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIB = 1024 * 1024;

    @TestHTTPResource("/")
    URI root;

    /** The API's own mapper, with its limits. */
    @Inject
    ObjectMapper mapper;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aDeeplyNestedMegabyteIsRefusedAtOnce() throws Exception {
        // 990 arrays around numbers, just under the body limit: the shape that took seconds when every level was
        // walked again
        StringBuilder nested = new StringBuilder("{\"question\": \"OpenAI ?\", \"filters\": {\"metadata\": {\"x\": ");
        nested.append("[".repeat(990));
        while (nested.length() < MIB - 4000) {
            nested.append("1,");
        }
        nested.append("1").append("]".repeat(990)).append("}}}");
        long start = System.nanoTime();
        HttpResponse<String> response = post("/api/ask", nested.toString(), false);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertProblem(response, 400, "nested more than 16 levels");
        assertTrue(millis < 2_000, millis + " ms");
        StreamConstraintsException deep = assertThrows(StreamConstraintsException.class,
                () -> mapper.readTree("[".repeat(40) + "]".repeat(40)));
        assertTrue(deep.getMessage().contains("(32"), deep.getMessage());
    }

    @Test
    void freeJsonIsBoundedInDepthWidthAndStringLength() throws Exception {
        String deepMetadata = "{\"x\": " + "[".repeat(20) + "1" + "]".repeat(20) + "}";
        assertProblem(post("/api/ask", "{\"question\": \"OpenAI ?\", \"filters\": {\"metadata\": " + deepMetadata
                + "}}", false), 400, "nested more than 16 levels");
        List<Integer> wide = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            wide.add(i);
        }
        assertProblem(post("/api/ask", JSON.writeValueAsString(Map.of("question", "OpenAI ?",
                "filters", Map.of("metadata", Map.of("x", wide)))), false), 400, "more than 1000 elements");
        assertProblem(post("/api/ask", JSON.writeValueAsString(Map.of("question", "OpenAI ?",
                "filters", Map.of("metadata", Map.of("x", "y".repeat(10_001))))), false), 400,
                "a string of 10001 characters");
        assertProblem(post("/api/ask", "{\"question\": \"OpenAI ?\", \"filters\": {\"metadata\": {\"x\": \"a\\u0000\"}}}",
                false), 400, "NUL");
    }

    @Test
    void filterListsAndMetadataFiltersAreBounded() throws Exception {
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            sources.add("s" + i);
        }
        assertProblem(post("/api/ask", JSON.writeValueAsString(Map.of("question", "OpenAI ?",
                "filters", Map.of("sources", sources))), false), 400, "filters.sources: must have at most 1000");
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            metadata.put("k" + i, i);
        }
        assertProblem(post("/api/ask", JSON.writeValueAsString(Map.of("question", "OpenAI ?",
                "filters", Map.of("metadata", metadata))), false), 400, "filters.metadata: must have at most 100");
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        String padded = "{\"question\": \"OpenAI ?\"" + " ".repeat(2 * MIB) + "}";
        HttpResponse<String> response = cutOff(() -> post("/api/ask", padded, true));
        if (response != null) {
            assertEquals(413, response.statusCode(), response.body());
        }
        HttpResponse<String> small = post("/api/ask", "{\"question\": \"OpenAI ?\"" + " ".repeat(50_000) + "}",
                true);
        assertEquals(200, small.statusCode(), small.body());
    }

    @Test
    void aDeclaredFormWithoutItsBodyIsABadRequest() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(root.resolve("/api/documents"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TestKeys.ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=x").GET().build());
        assertProblem(response, 400, "closing boundary");
    }

    @Test
    void mcpBodiesAreLimitedWithAndWithoutALength() throws Exception {
        String padded = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"ping\"" + " ".repeat(2 * MIB) + "}";
        assertProblem(post("/mcp", padded, false), 413, "semsearch.api.max-body-size");
        HttpResponse<String> chunked = cutOff(() -> post("/mcp", padded, true));
        if (chunked != null) {
            assertProblem(chunked, 413, "semsearch.api.max-body-size");
        }
    }

    private interface Exchange {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /**
     * The answer to a body the service stops reading, or null when the service closed the connection before the
     * client, still sending, read the answer; a complete exchange (the body read to its end) fails.
     */
    private static HttpResponse<String> cutOff(Exchange exchange) throws InterruptedException {
        try {
            return exchange.send();
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void mcpRefusesForeignOrigins() throws Exception {
        String initialize = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
                + "{\"protocolVersion\": \"2025-03-26\", \"capabilities\": {}, \"clientInfo\": {\"name\": \"t\", "
                + "\"version\": \"1\"}}}";
        HttpResponse<String> foreign = send(mcp(initialize).header("Origin", "http://attacker.example:" + root.getPort())
                .build());
        assertProblem(foreign, 403, "Origin http://attacker.example");
        assertProblem(send(mcp(initialize).header("Origin", "http://localhost.attacker.example").build()), 403,
                "semsearch.security.mcp-allowed-origins");
        HttpResponse<String> local = send(mcp(initialize).header("Origin", "http://localhost:" + root.getPort())
                .build());
        assertEquals(200, local.statusCode(), local.body());
        assertEquals(200, send(mcp(initialize).build()).statusCode(), "no Origin: not a browser");
    }

    private HttpRequest.Builder mcp(String body) {
        return HttpRequest.newBuilder(root.resolve("/mcp")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> post(String path, String body, boolean chunked) throws IOException,
            InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        return send(HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestKeys.ADMIN).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(publisher).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException(request.method() + " " + request.uri() + ": " + e, e);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map().toString());
        JsonNode problem = JSON.readTree(response.body());
        assertTrue(problem.path("detail").asText().contains(detail), problem.toString());
    }
}
