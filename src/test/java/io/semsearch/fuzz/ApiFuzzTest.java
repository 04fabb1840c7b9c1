package io.semsearch.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.testing.TestData;
import io.semsearch.testing.TestKeys;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real HTTP endpoints of the test application fed with generated requests: valid bodies mutated byte by byte or
 * value by value, random query strings (with malformed percent-encoding), random headers (keys, content types), and
 * file uploads with hostile fields (metadata with duplicate keys, NUL characters or deep nesting, unknown or odd field
 * names, odd file names and types, a broken boundary), and hostile shapes (JSON nested thousands deep, very long filter
 * lists and metadata filters, chunked bodies, MCP requests with foreign origins or bodies past the limit).
 * No request may get a 5xx, and every error must be a problem document. Seeded ({@code -Dfuzz.seed=}); bounded by
 * {@code fuzz.api-requests} and {@code fuzz.seconds}. Requests stay under the transport's caps (request line
 * {@code quarkus.http.limits.max-initial-line-length}, body {@code quarkus.http.limits.max-body-size}), which answer
 * before the application sees the request.
 */
@QuarkusTest
class ApiFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_130L);
    private static final int REQUESTS = Integer.getInteger("fuzz.api-requests", 600);
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 40));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ODD = "\u0000\u0007\"\\{}[],:'%&=?#+\u00e9\u200b\u202e\ud800😀\n\t ";

    @TestHTTPResource("/")
    URI root;

    @Inject
    TestData testData;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void restore() {
        testData.restore();
    }

    @Test
    void noGeneratedRequestGetsA5xxAndEveryErrorIsAProblem() throws Exception {
        Random random = new Random(SEED);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int sent = 0;
        List<String> failures = new ArrayList<>();
        for (; sent < REQUESTS && System.nanoTime() < deadline && failures.size() < 5; sent++) {
            Generated request = switch (sent % 6) {
                case 0, 1 -> mutatedBody(random);
                case 2 -> new Generated(randomQuery(random), "");
                case 3 -> randomHeaders(random);
                case 4 -> hostileUpload(random);
                default -> hostile(random);
            };
            HttpResponse<String> response;
            try {
                response = http.send(request.request(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failures.add(request + " -> " + e);
                continue;
            }
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                failures.add(request + " -> " + status + " " + response.body());
            } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                failures.add(request + " -> " + status + " as " + type + ": " + response.body());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failure(s), seed " + SEED + ":\n" + String.join("\n", failures));
        }
        assertTrue(sent >= Math.min(REQUESTS, 100), "only " + sent + " requests within " + BUDGET);
    }

    /**
     * The metadata field of an upload is read by the same strict rules as a JSON body: a key named twice or a NUL
     * character is the client's error, a 400 naming the field, never a 500.
     */
    @Test
    void hostileMetadataOfAnUploadIsA400NamingTheField() throws Exception {
        for (String metadata : List.of("{\"site\": \"a\", \"site\": \"b\"}", "{\"site\": \"a\\u0000b\"}",
                "{\"si\\u0000te\": \"a\"}", "{\"a\": [{\"b\": \"\\u0000\"}]}", "[1]", "{\"a\": ")) {
            List<Part> parts = List.of(filePart("fuzz.txt", "text/plain", "Un texte assez long pour être indexé ici."),
                    new Part("metadata", null, null, metadata.getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> response = http.send(multipart(parts, "b0undary").request(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), metadata + " -> " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/problem+json"), response.headers().map().toString());
            assertTrue(response.body().contains("\"field\":\"metadata\""), metadata + " -> " + response.body());
        }
    }

    /** One part of a multipart body: a form field when {@code fileName} is null. */
    private record Part(String name, String fileName, String type, byte[] content) {
    }

    private static Part filePart(String fileName, String type, String text) {
        return new Part("file", fileName, type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An upload whose fields, names, file name, type and framing are generated, some of them hostile. */
    private Generated hostileUpload(Random random) {
        String[] metadata = {"{\"site\": \"intranet\"}", "{\"a\": 1, \"a\": 2}", "{\"a\": \"\\u0000\"}",
                "{\"\\u0000\": 1}", "[".repeat(3000), "{\"a\":" + "[".repeat(2000), "null", "\"texte\"",
                "{" + "\"k\": 1, ".repeat(150) + "\"z\": 0}", randomText(random, 40)};
        String[] names = {"file", "metadata", "title", "source", "language", "x", "", "fi\"le", "métadonnées"};
        String[] fileNames = {"a.txt", "../../etc/passwd", "", "a\u0000.txt", "a\".txt", "\u202etxt.exe",
                "x".repeat(2000) + ".md", "page.html"};
        String[] types = {"text/plain", "text/html", "application/pdf", "application/octet-stream", "", "x/\u0000"};
        List<Part> parts = new ArrayList<>();
        if (random.nextInt(5) != 0) {
            parts.add(new Part("file", fileNames[random.nextInt(fileNames.length)], types[random.nextInt(types.length)],
                    (random.nextBoolean() ? "Microsoft a investi dans OpenAI, selon un communiqué publié hier. "
                            : randomText(random, random.nextInt(300))).getBytes(StandardCharsets.UTF_8)));
        }
        int fields = random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            String name = names[random.nextInt(names.length)];
            String value = switch (name) {
                case "metadata" -> metadata[random.nextInt(metadata.length)];
                case "language" -> random.nextBoolean() ? "fr" : randomText(random, 5);
                default -> random.nextInt(10) == 0 ? "t".repeat(1500) : randomText(random, 20);
            };
            parts.add(new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8)));
        }
        java.util.Collections.shuffle(parts, random);
        String[] odd = {"", "-", "a b", "'\"", "x".repeat(200), "b0undary; charset=x"};
        String boundary = random.nextInt(8) == 0 ? odd[random.nextInt(odd.length)] : "b0undary";
        return multipart(parts, boundary);
    }

    private Generated multipart(List<Part> parts, String boundary) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"") + "\r\n"
                    + (part.type() == null ? "" : "Content-Type: " + part.type() + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String shown = body.toString(StandardCharsets.UTF_8);
        return new Generated(HttpRequest.newBuilder(root.resolve("/api/documents/files"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestKeys.ADMIN)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), shown);
    }

    /** A generated request with the body it sends ("" for none), which a failure message shows. */
    private record Generated(HttpRequest request, String body) {
        @Override
        public String toString() {
            String uri = request.uri().toString();
            return request.method() + " " + (uri.length() > 200 ? uri.substring(0, 200) + "…" : uri) + " "
                    + request.headers().map().entrySet().stream()
                            .map(e -> e.getKey() + "=" + abbreviate(String.valueOf(e.getValue()))).toList()
                    + (body.isEmpty() ? "" : " body (" + body.length() + " chars): "
                            + JSON.valueToTree(body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    private Generated mutatedBody(Random random) throws IOException {
        String[] paths = {"/api/documents", "/api/documents/batch", "/api/ask", "/api/keys"};
        int which = random.nextInt(paths.length);
        Object valid = switch (which) {
            case 0 -> document(random);
            case 1 -> ordered("documents", List.of(document(random), document(random)));
            case 2 -> ordered("question", "Combien Microsoft a-t-il investi ?", "k", 3,
                    "history", List.of(ordered("role", "user", "content", "OpenAI ?")),
                    "filters", ordered("metadata", ordered("corpus", "sample")));
            default -> ordered("name", "fuzz", "role", "reader");
        };
        String body = random.nextBoolean() ? mutateValues(random, JSON.valueToTree(valid)).toString()
                : mutateText(random, JSON.writeValueAsString(valid));
        return new Generated(HttpRequest.newBuilder(root.resolve(paths[which])).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestKeys.ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), body);
    }

    /**
     * A body shaped to cost the service: deep nesting, long lists and wide metadata filters in an ask, sometimes sent
     * chunked; or an MCP request with a foreign or local Origin, sometimes past the body limit.
     */
    private Generated hostile(Random random) throws IOException {
        if (random.nextInt(3) == 0) {
            String origin = switch (random.nextInt(4)) {
                case 0 -> "http://attacker.example";
                case 1 -> "http://localhost:" + root.getPort();
                case 2 -> "null";
                default -> "";
            };
            String body = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": "
                    + "{\"protocolVersion\": \"2025-03-26\", \"capabilities\": {}, \"clientInfo\": {\"name\": "
                    + "\"fuzz\", \"version\": \"1\"}}" + " ".repeat(random.nextBoolean() ? 0 : 1_100_000) + "}";
            HttpRequest.Builder mcp = HttpRequest.newBuilder(root.resolve("/mcp")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(publisher(random, body));
            if (!origin.isEmpty()) {
                mcp.header("Origin", origin);
            }
            return new Generated(mcp.build(), body);
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        switch (random.nextInt(3)) {
            case 0 -> {
                int depth = 1 + random.nextInt(3000);
                filters.put("metadata", ordered("x", "@NESTED@"));
                String body = JSON.writeValueAsString(ordered("question", "OpenAI ?", "filters", filters))
                        .replace("\"@NESTED@\"", "[".repeat(depth) + "1" + "]".repeat(depth));
                return ask(random, body);
            }
            case 1 -> {
                List<String> sources = new ArrayList<>();
                for (int i = random.nextInt(3000); i > 0; i--) {
                    sources.add("s" + i);
                }
                filters.put("sources", sources);
            }
            default -> {
                Map<String, Object> metadata = new LinkedHashMap<>();
                for (int i = random.nextInt(300); i > 0; i--) {
                    metadata.put("k" + i, random.nextBoolean() ? i : ordered("gte", i));
                }
                filters.put("metadata", metadata);
            }
        }
        return ask(random, JSON.writeValueAsString(ordered("question", "OpenAI ?", "filters", filters)));
    }

    private Generated ask(Random random, String body) {
        return new Generated(HttpRequest.newBuilder(root.resolve("/api/ask")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestKeys.ADMIN).header("Content-Type", "application/json")
                .POST(publisher(random, body)).build(), body);
    }

    /** The body with its length, or chunked (no Content-Length). */
    private static HttpRequest.BodyPublisher publisher(Random random, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return random.nextBoolean() ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes));
    }

    private static Map<String, Object> document(Random random) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("source", "fuzz/" + random.nextInt(1_000_000));
        document.put("title", "Titre");
        document.put("text", "Microsoft a investi dans OpenAI. " + random.nextInt(1000) + "\n\nUn second paragraphe.");
        document.put("metadata", ordered("corpus", "fuzz", "n", random.nextInt(10)));
        return document;
    }

    /** A map in the order given: {@code Map.of} orders by a per-JVM salt, so one seed would give other bodies. */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** Replaces values by ones of other types and sizes. */
    private static com.fasterxml.jackson.databind.JsonNode mutateValues(Random random,
            com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (random.nextInt(3) == 0) {
                    object.set(name, randomValue(random));
                } else {
                    mutateValues(random, object.get(name));
                }
            }
            if (random.nextInt(4) == 0 && !names.isEmpty()) {
                object.remove(names.get(random.nextInt(names.size())));
            }
            if (random.nextInt(6) == 0) {
                object.set(randomText(random, 8), randomValue(random));
            }
        } else if (node.isArray()) {
            node.forEach(child -> mutateValues(random, child));
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode randomValue(Random random) {
        var factory = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> factory.nullNode();
            case 1 -> factory.numberNode(random.nextLong());
            case 2 -> factory.numberNode(random.nextDouble() * 1e300);
            case 3 -> factory.booleanNode(random.nextBoolean());
            case 4 -> factory.textNode(randomText(random, random.nextInt(50)));
            case 5 -> factory.textNode("x".repeat(random.nextInt(20_000)));
            case 6 -> factory.arrayNode().add(randomText(random, 5)).add(random.nextInt());
            case 7 -> factory.objectNode().put(randomText(random, 3), randomText(random, 3));
            default -> factory.textNode("");
        };
    }

    /** Deletes, inserts, duplicates or truncates characters of the serialised body; sometimes nests deeply. */
    private static String mutateText(Random random, String body) {
        StringBuilder text = new StringBuilder(body);
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && text.length() > 0; m++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, ODD.charAt(random.nextInt(ODD.length())));
                case 2 -> text.setLength(at);
                case 3 -> text.insert(at, "[".repeat(random.nextInt(5000)));
                default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
            }
        }
        return text.toString();
    }

    private HttpRequest randomQuery(Random random) {
        String[] paths = {"/api/search", "/api/documents", "/api/documents/" + randomText(random, 10),
                "/api/keys"};
        String[] names = {"q", "k", "mode", "source", "documentId", "metadata", "page", "size", "x"};
        StringBuilder query = new StringBuilder();
        int params = random.nextInt(6);
        for (int i = 0; i < params; i++) {
            query.append(i == 0 ? "" : "&").append(names[random.nextInt(names.length)]).append('=')
                    .append(queryValue(random));
        }
        String path = paths[random.nextInt(paths.length)].replaceAll("[^A-Za-z0-9/_-]", "_");
        return HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "") + path
                        + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TestKeys.ADMIN).GET().build();
    }

    private static String queryValue(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "%" + Integer.toHexString(0x80 + random.nextInt(0x80)).toUpperCase();
            case 1 -> "%C3%28%00%FF";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> "99999999999999999999999";
            case 4 -> "dense";
            case 5 -> "a".repeat(random.nextInt(4000));
            case 6 -> percentEncode(randomText(random, random.nextInt(30)));
            default -> "";
        };
    }

    private Generated randomHeaders(Random random) {
        String[] authorizations = {"", "Bearer", "Bearer ", "Basic YTpi", "Bearer " + "k".repeat(8000),
                "Bearer ssk_0123456789ab_" + "x".repeat(43), "bearer " + TestKeys.ADMIN, "Bearer " + TestKeys.ADMIN,
                "Bearer " + percentEncode(randomText(random, 20))};
        String[] types = {"application/json", "text/plain", "application/json; charset=ISO-8859-1",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
                "application/json; charset=nonsense", "*/*"};
        String[] accepts = {"application/json", "text/html", "application/xml", "*/*", "application/problem+json"};
        HttpRequest.Builder builder = HttpRequest.newBuilder(root.resolve(random.nextBoolean() ? "/api/documents"
                        : "/api/ask")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", types[random.nextInt(types.length)])
                .header("Accept", accepts[random.nextInt(accepts.length)]);
        String authorization = authorizations[random.nextInt(authorizations.length)];
        if (!authorization.isEmpty()) {
            builder.header("Authorization", authorization);
        }
        String body = random.nextBoolean() ? "{\"question\": \"OpenAI ?\", \"source\": \"fuzz/h\", \"text\": \"Un.\"}"
                : randomText(random, random.nextInt(200));
        return switch (random.nextInt(4)) {
            case 0 -> new Generated(builder.GET().build(), "");
            case 1 -> new Generated(builder.DELETE().build(), "");
            case 2 -> new Generated(builder.PUT(HttpRequest.BodyPublishers.ofString(body)).build(), body);
            default -> new Generated(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build(), body);
        };
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? ODD.charAt(random.nextInt(ODD.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static String percentEncode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
