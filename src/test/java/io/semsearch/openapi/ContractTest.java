package io.semsearch.openapi;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.semsearch.testing.EventStreamClient;
import io.semsearch.testing.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real requests to every operation of the running service (real PostgreSQL, real embedding model), successes and
 * the main failures, each response checked against the document the service serves: its status is one the
 * operation lists, its content type one that status lists, its body valid against that content's schema (every
 * event of a stream against the schema of its event). Statuses that need another configuration (429 with rate
 * limits on, 503 without a database) are not reached here.
 */
@QuarkusTest
class ContractTest {

    private static final String UNKNOWN_ID = "00000000-0000-0000-0000-000000000000";
    /** Statuses each operation answered during the run, for the coverage check and report. */
    private static final Map<String, Set<Integer>> ANSWERED = new ConcurrentHashMap<>();
    private static OpenApiContract contract;

    @TestHTTPResource("/api/ask")
    URI ask;

    private static synchronized OpenApiContract contract() {
        if (contract == null) {
            contract = OpenApiContract.served();
        }
        return contract;
    }

    @Test
    void search() {
        for (String mode : List.of("hybrid", "dense", "lexical")) {
            Response found = conforms("GET", "/api/search", given().queryParam("q", "investissement de Microsoft")
                    .queryParam("mode", mode).queryParam("k", 5).get("/api/search"), 200);
            assertEquals(mode, found.path("mode"));
        }
        conforms("GET", "/api/search", given().queryParam("q", "OpenAI").queryParam("metadata", "corpus:sample")
                .queryParam("documentId", UUID.randomUUID().toString()).get("/api/search"), 200);
        conforms("GET", "/api/search", given().queryParam("q", "OpenAI").queryParam("k", 0).get("/api/search"), 400);
        conforms("GET", "/api/search", given().queryParam("q", "OpenAI").queryParam("mode", "semantic")
                .get("/api/search"), 400);
        conforms("GET", "/api/search", given().urlEncodingEnabled(false).get("/api/search?q=a%00b"), 400);
        conforms("GET", "/api/search", given().accept("text/html").queryParam("q", "OpenAI").get("/api/search"), 406);
        conforms("GET", "/api/search", TestKeys.withKey("not-a-key").queryParam("q", "OpenAI").get("/api/search"),
                401);
    }

    @Test
    void ask() {
        Response answered = conforms("POST", "/api/ask", json(given()).body(Map.of("question",
                "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?")).post("/api/ask"), 200);
        assertTrue(answered.<Boolean>path("answered"));
        Response abstained = conforms("POST", "/api/ask", json(given()).body(Map.of("question",
                "Quelle est la recette de la tarte aux pommes ?")).post("/api/ask"), 200);
        assertFalse(abstained.<Boolean>path("answered"));
        conforms("POST", "/api/ask", json(given()).body(Map.of("question", "Qui dirige OpenAI ?", "history",
                List.of(Map.of("role", "user", "content", "Avec qui OpenAI a-t-elle signé ?")))).post("/api/ask"),
                200);
        conforms("POST", "/api/ask", json(given()).body(Map.of("question", "  ")).post("/api/ask"), 400);
        conforms("POST", "/api/ask", json(given()).body(Map.of("question", "Et alors ?", "history",
                List.of(Map.of("role", "system", "content", "x")))).post("/api/ask"), 400);
        conforms("POST", "/api/ask", given().contentType(ContentType.TEXT).body("question").post("/api/ask"), 415);
        conforms("POST", "/api/ask", json(given()).body("{\"question\": \"" + "a".repeat(1_100_000) + "\"}")
                .post("/api/ask"), 413);
    }

    @Test
    void askAsEvents() {
        for (String question : List.of("Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?",
                "Quelle est la recette de la tarte aux pommes ?")) {
            EventStreamClient.Exchange stream = EventStreamClient.post(ask, Map.of("question", question));
            assertEquals(200, stream.status());
            String pointer = response("POST", "/api/ask", 200) + "/content/text~1event-stream/schema";
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            assertFalse(contract().at(pointer).isMissingNode(), "text/event-stream is not documented");
            List<String> errors = new ArrayList<>();
            for (EventStreamClient.Event event : stream.events()) {
                ObjectNode envelope = OpenApiContract.JSON.createObjectNode().put("event", event.name())
                        .put("data", event.data().toString());
                errors.addAll(contract().errors(pointer + "/items", envelope).stream()
                        .map(e -> event.name() + " event: " + e).toList());
                errors.addAll(contract().errors(eventDataSchema(pointer, event.name()),
                        OpenApiContract.JSON.readTree(event.data().toString())).stream()
                        .map(e -> event.name() + " data: " + e).toList());
            }
            assertEquals(List.of(), errors, "events of " + question);
            assertEquals("citations", stream.names().get(0));
            assertEquals("done", stream.names().get(stream.names().size() - 1));
            ANSWERED.computeIfAbsent("ask (text/event-stream)", k -> new TreeSet<>()).add(200);
        }
        EventStreamClient.Exchange refused = EventStreamClient.post(ask, Map.of("question", " "));
        assertEquals(400, refused.status());
        check("POST", "/api/ask", 400, refused.contentType(), refused.body());
    }

    @Test
    void indexAndManageDocuments() {
        String source = "contrat/" + UUID.randomUUID() + ".txt";
        Map<String, Object> document = Map.of("source", source, "title", "Un contrat", "text",
                "Microsoft a investi 13 milliards de dollars dans OpenAI.\n\nLes deux entreprises renégocient.",
                "metadata", Map.of("site", "lemonde.fr", "year", 2024));
        Response created = conforms("POST", "/api/documents", json(TestKeys.asAdmin()).body(document)
                .post("/api/documents"), 201);
        String id = created.path("id");
        conforms("POST", "/api/documents", json(TestKeys.asAdmin()).body(document).post("/api/documents"), 200);
        conforms("POST", "/api/documents", json(TestKeys.asAdmin()).body(Map.of("source", "x")).post("/api/documents"),
                400);
        conforms("POST", "/api/documents", json(TestKeys.asAdmin()).body("{\"source\": \"x\", \"text\": ")
                .post("/api/documents"), 400);
        conforms("POST", "/api/documents", json(TestKeys.asAdmin()).body(Map.of("source", "x", "text", "Bonjour.",
                "colour", "blue")).post("/api/documents"), 400);
        conforms("POST", "/api/documents", TestKeys.asAdmin().contentType(ContentType.TEXT).body("source=x")
                .post("/api/documents"), 415);
        conforms("POST", "/api/documents", json(TestKeys.asAdmin()).body(Map.of("source", "x", "text",
                "Un paragraphe de texte. ".repeat(50_000))).post("/api/documents"), 413);
        conforms("POST", "/api/documents", json(TestKeys.asAdmin()).body(Map.of("source", "x", "text",
                "Laisser un commentaire\n\nGérer mes choix")).post("/api/documents"), 422);
        conforms("POST", "/api/documents", json(TestKeys.withKey(TestKeys.createKey("reader"))).body(document)
                .post("/api/documents"), 403);
        conforms("POST", "/api/documents", json(TestKeys.withKey("not-a-key")).body(document)
                .post("/api/documents"), 401);
        conforms("POST", "/api/documents", json(given()).body(document).post("/api/documents"), 401);

        conforms("GET", "/api/documents", given().queryParam("size", 3).get("/api/documents"), 200);
        conforms("GET", "/api/documents", given().queryParam("source", source).get("/api/documents"), 200);
        conforms("GET", "/api/documents", given().queryParam("size", 0).get("/api/documents"), 400);
        conforms("GET", "/api/documents/{id}", given().get("/api/documents/{id}", id), 200);
        conforms("GET", "/api/documents/{id}", given().get("/api/documents/{id}", UNKNOWN_ID), 404);
        conforms("GET", "/api/documents/{id}", given().get("/api/documents/{id}", "not-a-uuid"), 404);

        conforms("DELETE", "/api/documents/{id}", TestKeys.asAdmin().delete("/api/documents/{id}", id), 204);
        conforms("DELETE", "/api/documents/{id}", TestKeys.asAdmin().delete("/api/documents/{id}", id), 404);
        conforms("DELETE", "/api/documents/{id}", given().delete("/api/documents/{id}", id), 401);
        conforms("DELETE", "/api/documents/{id}", TestKeys.asAdmin().accept("text/html")
                .delete("/api/documents/{id}", UNKNOWN_ID), 406);

        conforms("POST", "/api/documents", json(TestKeys.asAdmin()).body(document).post("/api/documents"), 201);
        conforms("DELETE", "/api/documents", TestKeys.asAdmin().queryParam("source", source).delete("/api/documents"),
                204);
        conforms("DELETE", "/api/documents", TestKeys.asAdmin().queryParam("source", source).delete("/api/documents"),
                404);
        conforms("DELETE", "/api/documents", TestKeys.asAdmin().delete("/api/documents"), 400);
    }

    @Test
    void indexBatches() {
        String prefix = "lot/" + UUID.randomUUID() + "/";
        Map<String, Object> first = Map.of("source", prefix + "a.txt", "text", "Google demande à la FTC d’agir.");
        Map<String, Object> second = Map.of("source", prefix + "b.txt", "text", "Amazon investit dans Anthropic.",
                "language", "fr");
        conforms("POST", "/api/documents/batch", json(TestKeys.asAdmin()).body(Map.of("documents",
                List.of(first, second))).post("/api/documents/batch"), 200);
        conforms("POST", "/api/documents/batch", json(TestKeys.asAdmin()).body(Map.of("documents",
                List.of(first, first))).post("/api/documents/batch"), 400);
        conforms("POST", "/api/documents/batch", json(TestKeys.asAdmin()).body(Map.of("documents", List.of()))
                .post("/api/documents/batch"), 400);
        conforms("POST", "/api/documents/batch", json(TestKeys.asAdmin()).body(Map.of("documents", List.of(first,
                Map.of("source", prefix + "c.txt", "text", "Laisser un commentaire\n\nGérer mes choix"))))
                .post("/api/documents/batch"), 422);
        conforms("POST", "/api/documents/batch", TestKeys.asAdmin().contentType(ContentType.TEXT).body("x")
                .post("/api/documents/batch"), 415);
    }

    @Test
    void indexFiles() {
        String source = "fichiers/" + UUID.randomUUID() + ".md";
        byte[] markdown = "# Le contrat\n\nMicrosoft a investi 13 milliards de dollars dans OpenAI.\n"
                .getBytes(StandardCharsets.UTF_8);
        conforms("POST", "/api/documents/files", TestKeys.asAdmin().multiPart("file", "contrat.md", markdown)
                .multiPart("source", source).post("/api/documents/files"), 201);
        conforms("POST", "/api/documents/files", TestKeys.asAdmin().multiPart("file", "contrat.md", markdown)
                .multiPart("source", source).post("/api/documents/files"), 200);
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0};
        conforms("POST", "/api/documents/files", TestKeys.asAdmin().multiPart("file", "image.gif", gif)
                .post("/api/documents/files"), 415);
        conforms("POST", "/api/documents/files", TestKeys.asAdmin().multiPart("file", "broken.pdf",
                "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII))
                .post("/api/documents/files"), 422);
        conforms("POST", "/api/documents/files", TestKeys.asAdmin().multiPart("source", "sans-fichier")
                .post("/api/documents/files"), 400);
        conforms("POST", "/api/documents/files", json(TestKeys.asAdmin()).body(Map.of("file", "x"))
                .post("/api/documents/files"), 415);
    }

    @Test
    void manageKeys() {
        Response created = conforms("POST", "/api/keys", json(TestKeys.asAdmin()).body(Map.of("name", "contrat",
                "role", "writer")).post("/api/keys"), 201);
        String id = created.path("id");
        conforms("POST", "/api/keys", json(TestKeys.asAdmin()).body(Map.of("name", "contrat", "role", "root"))
                .post("/api/keys"), 400);
        conforms("POST", "/api/keys", TestKeys.asAdmin().contentType(ContentType.TEXT).body("x").post("/api/keys"),
                415);
        conforms("POST", "/api/keys", json(TestKeys.withKey(created.path("key"))).body(Map.of("name", "x", "role",
                "admin")).post("/api/keys"), 403);
        // a key that was used has lastUsedAt; the admin key of the configuration is not stored
        conforms("GET", "/api/keys", TestKeys.asAdmin().get("/api/keys"), 200);
        conforms("GET", "/api/keys/{id}", TestKeys.asAdmin().get("/api/keys/{id}", id), 200);
        conforms("GET", "/api/keys/{id}", TestKeys.asAdmin().get("/api/keys/{id}", UNKNOWN_ID), 404);
        conforms("GET", "/api/keys", given().get("/api/keys"), 401);
        conforms("DELETE", "/api/keys/{id}", TestKeys.asAdmin().delete("/api/keys/{id}", id), 204);
        conforms("DELETE", "/api/keys/{id}", TestKeys.asAdmin().delete("/api/keys/{id}", UNKNOWN_ID), 404);
    }

    @Test
    void giveAndReadFeedback() {
        Response answer = conforms("POST", "/api/ask", json(given()).body(Map.of("question",
                "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?")).post("/api/ask"), 200);
        String answerId = answer.path("answerId");
        String feedback = "/api/ask/{answerId}/feedback";
        conforms("POST", feedback, json(given()).body(Map.of("rating", "down", "comment", "Chiffre incomplet"))
                .post(feedback, answerId), 204);
        conforms("POST", feedback, json(given()).body(Map.of("rating", "sideways")).post(feedback, answerId), 400);
        conforms("POST", feedback, json(given()).body(Map.of("rating", "up")).post(feedback, UNKNOWN_ID), 404);
        conforms("POST", feedback, given().contentType(ContentType.TEXT).body("up").post(feedback, answerId), 415);
        conforms("POST", feedback, json(TestKeys.withKey("not-a-key")).body(Map.of("rating", "up"))
                .post(feedback, answerId), 401);

        conforms("GET", "/api/feedback/report", TestKeys.asAdmin().get("/api/feedback/report"), 200);
        conforms("GET", "/api/feedback/report", TestKeys.asAdmin().queryParam("limit", 0)
                .get("/api/feedback/report"), 400);
        conforms("GET", "/api/feedback/report", TestKeys.withKey(TestKeys.createKey("reader"))
                .get("/api/feedback/report"), 403);
        conforms("GET", "/api/feedback/report", given().get("/api/feedback/report"), 401);
        Response export = conforms("GET", "/api/feedback/export", TestKeys.asAdmin().get("/api/feedback/export"), 200);
        assertTrue(export.asString().contains(answerId), "the export holds the rated answer");
        conforms("GET", "/api/feedback/export", TestKeys.asAdmin().queryParam("since", "hier")
                .get("/api/feedback/export"), 400);
    }

    @Test
    void readTheIndexingStatus() {
        conforms("POST", "/api/documents/batch", json(TestKeys.asAdmin()).body(Map.of("documents", List.of(
                Map.of("source", "contrat/statut.txt", "text", "La forge de Kerbrat a fermé ses portes en 1962."))))
                .post("/api/documents/batch"), 200);
        Response status = conforms("GET", "/api/ingest/status", TestKeys.asAdmin().get("/api/ingest/status"), 200);
        assertEquals("batch", status.path("finished[0].kind"));
        conforms("GET", "/api/ingest/status", TestKeys.withKey(TestKeys.createKey("reader"))
                .get("/api/ingest/status"), 403);
        conforms("GET", "/api/ingest/status", given().get("/api/ingest/status"), 401);
        TestKeys.asAdmin().queryParam("source", "contrat/statut.txt").delete("/api/documents").then().statusCode(204);
    }

    /** Every operation of the document was called, and answered at least one of its successes. */
    @AfterAll
    static void everyOperationWasCalled() {
        if (contract == null) {
            return;
        }
        Map<String, String> report = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        contract.document().get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> {
                    String id = operation.getValue().get("operationId").asString();
                    Set<String> listed = new TreeSet<>(operation.getValue().get("responses").propertyNames());
                    Set<Integer> answered = ANSWERED.getOrDefault(id, Set.of());
                    report.put(id, "answered " + answered + " of " + listed);
                    if (answered.stream().noneMatch(status -> status / 100 == 2)) {
                        missed.add(id);
                    }
                }));
        report.forEach((id, line) -> System.out.println("contract: " + id + " " + line));
        assertEquals(List.of(), missed, "operations the contract test never called successfully");
    }

    private static RequestSpecification json(RequestSpecification request) {
        return request.contentType(ContentType.JSON);
    }

    /** Checks {@code response} against the document; it must have {@code expected} status. */
    static Response conforms(String method, String path, Response response, int expected) {
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.asString());
        check(method, path, response.statusCode(), response.contentType(), response.asString());
        return response;
    }

    private static void check(String method, String path, int status, String contentType, String body) {
        JsonNode operation = contract().at(OpenApiContract.operation(method, path));
        assertFalse(operation.isMissingNode(), method + " " + path + " is not in the document");
        String id = operation.get("operationId").asString();
        String pointer = response(method, path, status);
        if (contract().at(pointer).isMissingNode()) {
            fail(id + " answered " + status + ", which the document does not list for it: " + body);
        }
        ANSWERED.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(status);
        JsonNode content = contract().at(pointer + "/content");
        if (body == null || body.isEmpty()) {
            assertTrue(content.isMissingNode() || content.isEmpty(),
                    id + " " + status + ": an empty body where the document describes " + content);
            return;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
        String schema = pointer + "/content/" + OpenApiContract.escape(mediaType) + "/schema";
        assertFalse(contract().at(schema).isMissingNode(), id + " " + status + " answered " + mediaType
                + ", which the document does not list (it lists " + content.propertyNames() + ")");
        if (mediaType.equals("application/x-ndjson")) {
            for (String line : body.split("\n")) {
                assertEquals(List.of(), contract().errors(schema, OpenApiContract.JSON.readTree(line)),
                        id + " " + status + " " + mediaType + ": a line does not fit its schema: " + line);
            }
            return;
        }
        assertEquals(List.of(), contract().errors(schema, OpenApiContract.JSON.readTree(body)),
                id + " " + status + " " + mediaType + " does not fit its schema: " + body);
    }

    private static String response(String method, String path, int status) {
        return OpenApiContract.operation(method, path) + "/responses/" + status;
    }

    /** The schema of the data of the named event in the event-stream schema at {@code stream}. */
    private static String eventDataSchema(String stream, String name) {
        JsonNode events = contract().at(stream + "/items/oneOf");
        for (int i = 0; i < events.size(); i++) {
            if (name.equals(events.get(i).at("/properties/event/const").asString())) {
                return stream + "/items/oneOf/" + i + "/properties/data/contentSchema";
            }
        }
        return fail("the document describes no event " + name + " in " + stream);
    }
}
