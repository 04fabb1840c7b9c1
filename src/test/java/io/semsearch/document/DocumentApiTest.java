package io.semsearch.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.semsearch.embedding.EmbeddingService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.semsearch.testing.Management;
import io.semsearch.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import io.semsearch.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documents API against the real PostgreSQL + pgvector and the real model. */
@QuarkusTest
class DocumentApiTest {

    static final List<String> BOILERPLATE_MARKERS = List.of("Laisser un commentaire",
            "Votre adresse e-mail ne sera pas publiée", "Akismet", "Disqus", "cookies", "J’accepte",
            "Gérer mes choix", "Pour aller plus loin", "À lire également", "suivez-nous", "Cliquez pour commenter",
            "YouTube video", "Les champs obligatoires");

    @Inject
    EntityManager entityManager;

    @Inject
    EmbeddingService embedding;

    @Inject
    TestData testData;

    @AfterEach
    void restore() {
        testData.restore();
    }

    @Test
    void theFiveSampleArticlesAreIndexedAtStart() {
        Map<String, Map<String, Object>> bySource = sampleDocuments();
        assertEquals(sampleNames(), bySource.keySet());
        for (Map<String, Object> doc : bySource.values()) {
            assertTrue(((Number) doc.get("chunks")).intValue() >= 2, "chunks of " + doc.get("source"));
            assertEquals(embedding.activeModel().name(), doc.get("embeddingModel"));
        }
        assertEquals("Microsoft-OpenAI : la rupture ?", bySource.get("000_a0be3629d42b0289.txt").get("title"));
    }

    @Test
    void storedChunksCarryNoBoilerplateAndExactOffsets() {
        for (Map<String, Object> summary : sampleDocuments().values()) {
            JsonPath doc = getDocument((String) summary.get("id"));
            String content = doc.getString("content");
            List<Map<String, Object>> chunks = doc.getList("chunks");
            assertFalse(chunks.isEmpty());
            for (String marker : BOILERPLATE_MARKERS) {
                assertFalse(content.contains(marker), marker + " left in " + summary.get("source"));
            }
            int previousStart = -1;
            for (int i = 0; i < chunks.size(); i++) {
                Map<String, Object> chunk = chunks.get(i);
                int start = (Integer) chunk.get("start");
                int end = (Integer) chunk.get("end");
                assertEquals(i, chunk.get("ordinal"));
                assertEquals(content.substring(start, end), chunk.get("text"), "offsets of chunk " + i);
                assertTrue(start > previousStart, "chunks advance");
                assertTrue((Integer) chunk.get("tokens") <= 200 || !((String) chunk.get("text")).contains(" "),
                        "token budget");
                previousStart = start;
                for (String marker : BOILERPLATE_MARKERS) {
                    assertFalse(((String) chunk.get("text")).contains(marker), marker);
                }
            }
        }
    }

    @Test
    void repeatedParagraphsOfArticle003AreStoredOnce() {
        String content = getDocument(idOf("003_3715634ce2dd554f.txt")).getString("content");
        assertEquals(1, occurrences(content, "Google s’invite dans la danse"));
        assertEquals(1, occurrences(content, "Pour pimenter davantage la situation"));
        assertEquals(1, occurrences(content, "Dans cette course effrénée à l’IA"));
    }

    @Test
    void storedEmbeddingsHaveTheModelDimensionAndUnitNorm() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select min(vector_dims(embedding)), max(vector_dims(embedding)), min(vector_norm(embedding)), "
                        + "max(vector_norm(embedding)), count(*) from chunk").getResultList());
        Object[] row = rows.get(0);
        assertEquals(embedding.activeModel().dimension(), ((Number) row[0]).intValue());
        assertEquals(embedding.activeModel().dimension(), ((Number) row[1]).intValue());
        assertEquals(1.0, ((Number) row[2]).doubleValue(), 1e-3);
        assertEquals(1.0, ((Number) row[3]).doubleValue(), 1e-3);
        assertTrue(((Number) row[4]).longValue() >= 10);
    }

    @Test
    void repostingAnArticleIsANoOp() throws IOException {
        String source = "003_3715634ce2dd554f.txt";
        JsonPath before = getDocument(idOf(source));
        TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("source", source, "text", sampleText(source), "metadata", Map.of("corpus", "sample")))
                .when().post("/api/documents")
                .then().statusCode(200)
                .body("status", equalTo("unchanged"))
                .body("id", equalTo(before.getString("id")))
                .body("chunks", equalTo(before.getList("chunks").size()))
                .body("model", equalTo(embedding.activeModel().name()));
        JsonPath after = getDocument(idOf(source));
        assertEquals(before.getList("chunks"), after.getList("chunks"));
        assertEquals(before.getString("updatedAt"), after.getString("updatedAt"));
    }

    @Test
    void changedTextReplacesTheChunks() throws IOException {
        String source = "test/changed-" + UUID.randomUUID() + ".txt";
        String first = sampleText("000_a0be3629d42b0289.txt");
        String id = TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("source", source, "text", first))
                .when().post("/api/documents")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("status", equalTo("created"))
                .body("title", equalTo("Microsoft-OpenAI : la rupture ?"))
                .extract().path("id");
        try {
            String second = "Un tout autre texte.\n\nOpenAI a levé 6,6 milliards de dollars auprès d’investisseurs.";
            TestKeys.asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("source", source, "title", "Autre", "text", second))
                    .when().post("/api/documents")
                    .then().statusCode(200)
                    .body("status", equalTo("updated"))
                    .body("id", equalTo(id))
                    .body("chunks", equalTo(1));
            JsonPath doc = getDocument(id);
            assertEquals("Autre", doc.getString("title"));
            assertEquals(List.of("Un tout autre texte.\n\nOpenAI a levé 6,6 milliards de dollars auprès "
                    + "d’investisseurs."), doc.getList("chunks.text"));
            assertEquals(1L, chunkRows(id));
        } finally {
            TestKeys.asAdmin().when().delete("/api/documents/" + id).then().statusCode(204);
        }
        given().when().get("/api/documents/" + id).then().statusCode(404);
        assertEquals(0L, chunkRows(id), "chunks are deleted with their document");
    }

    @Test
    void concurrentPostsOfOneNewSourceMakeOneDocument() throws Exception {
        String source = "test/concurrent-" + UUID.randomUUID() + ".txt";
        String text = "Microsoft et OpenAI renégocient leur accord.\n\nLes deux entreprises restent partenaires.";
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(pool.submit(() -> TestKeys.asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("source", source, "text", text))
                    .when().post("/api/documents").then().extract().asString()));
        }
        List<String> seen = new ArrayList<>();
        for (Future<String> status : statuses) {
            seen.add(String.valueOf(JsonPath.from(status.get()).getString("status")));
        }
        pool.shutdown();
        String id = idOfAny(source);
        try {
            assertEquals(1, seen.stream().filter("created"::equals).count(), seen.toString());
            assertTrue(seen.stream().allMatch(s -> s.equals("created") || s.equals("unchanged")), seen.toString());
        } finally {
            TestKeys.asAdmin().when().delete("/api/documents/" + id).then().statusCode(204);
        }
    }

    @Test
    void badInputGetsAProblemAndLeavesTheStoreUnchanged() {
        long documents = rows("document");
        long chunks = rows("chunk");
        String existing = "000_a0be3629d42b0289.txt";
        String updatedAt = getDocument(idOf(existing)).getString("updatedAt");

        problem(TestKeys.asAdmin().contentType(ContentType.JSON).body(Map.of("text", "Bonjour.")), 400, "source");
        problem(TestKeys.asAdmin().contentType(ContentType.JSON).body(Map.of("source", existing, "text", "   ")), 400,
                "text");
        problem(TestKeys.asAdmin().contentType(ContentType.JSON).body(Map.of("source", " ", "text", "Bonjour.")), 400,
                "source");
        problem(TestKeys.asAdmin().contentType(ContentType.JSON).body("{\"source\": \"x\", \"text\": "), 400, "JSON");
        problem(TestKeys.asAdmin().contentType(ContentType.JSON)
                        .body("{\"source\": \"x\", \"text\": 12, \"metadata\": 3}"),
                400, "metadata");
        problem(TestKeys.asAdmin().contentType(ContentType.JSON).body(""), 400, "body");
        problem(TestKeys.asAdmin().contentType(ContentType.TEXT).body("source=x"), 415, "application/json");
        String huge = "Un paragraphe de texte. ".repeat(50_000);
        problem(TestKeys.asAdmin().contentType(ContentType.JSON).body(Map.of("source", existing, "text", huge)), 413,
                "semsearch.api.max-body-size");
        problem(TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("source", existing, "text", "Laisser un commentaire\n\nGérer mes choix")), 422,
                "boilerplate");

        // PostgreSQL stores no NUL character: refused up front, wherever it hides
        problem(TestKeys.asAdmin().contentType(ContentType.JSON)
                .body("{\"source\": \"a\\u0000b\", \"text\": \"Bonjour.\"}"), 400, "NUL");
        problem(TestKeys.asAdmin().contentType(ContentType.JSON)
                .body("{\"source\": \"x\", \"text\": \"Bonjour.\", \"metadata\": {\"k\": [\"\\u0000\"]}}"), 400,
                "NUL");
        problem(TestKeys.asAdmin().contentType(ContentType.JSON)
                .body("{\"source\": \"x\", \"text\": \"Bonjour.\", \"metadata\": {\"k\\u0000\": 1}}"), 400, "NUL");
        problem(given().urlEncodingEnabled(false).queryParam("q", "a%00b"), "/api/search", 400, "NUL");
        given().contentType(ContentType.JSON).body("{\"question\": \"Qui\\u0000 ?\"}").when().post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json");

        // a field named twice: which value was meant is a guess, so the body is refused (was a 500 for records)
        problem(TestKeys.asAdmin().contentType(ContentType.JSON)
                .body("{\"source\": \"" + existing + "\", \"source\": \"y\", \"text\": \"Bonjour.\"}"), 400,
                "Duplicate field 'source'");
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"Qui ?\", \"history\": [{\"role\": \"user\", \"role\": \"assistant\", "
                        + "\"content\": \"OpenAI ?\"}]}")
                .when().post("/api/ask").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Duplicate field 'role'"));
        TestKeys.asAdmin().contentType(ContentType.JSON).body("{\"name\": \"a\", \"role\": \"reader\", \"role\": \"admin\"}")
                .when().post("/api/keys").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON: Duplicate field 'role' (line 1, column 39)"));

        problem(given(), "/api/documents/" + UUID.randomUUID(), 404, "No document");
        problem(given(), "/api/documents/not-an-id", 404, "No document");
        TestKeys.asAdmin().when().delete("/api/documents/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        problem(given().queryParam("size", 0), "/api/documents", 400, "size");

        assertEquals(documents, rows("document"));
        assertEquals(chunks, rows("chunk"));
        assertEquals(updatedAt, getDocument(idOf(existing)).getString("updatedAt"));
    }

    @Test
    void batchIndexesEachDocumentAndRejectsBadBatchesWhole() {
        String first = "test/batch-a-" + UUID.randomUUID();
        String second = "test/batch-b-" + UUID.randomUUID();
        List<Map<String, Object>> results = TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(
                        Map.of("source", first, "text", "OpenAI lève des fonds.\n\nMicrosoft observe."),
                        Map.of("source", second, "title", "B", "text", "Google saisit la FTC."))))
                .when().post("/api/documents/batch")
                .then().statusCode(200).extract().jsonPath().getList("results");
        try {
            assertEquals(List.of(first, second), results.stream().map(r -> r.get("source")).toList());
            assertTrue(results.stream().allMatch(r -> "created".equals(r.get("status"))));
            assertEquals("B", results.get(1).get("title"));
        } finally {
            results.forEach(r -> TestKeys.asAdmin().when().delete("/api/documents/" + r.get("id")).then()
                    .statusCode(204));
        }
        long documents = rows("document");
        TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(Map.of("source", "test/dup", "text", "Un."),
                        Map.of("source", "test/dup", "text", "Deux."))))
                .when().post("/api/documents/batch").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("twice"));
        TestKeys.asAdmin().contentType(ContentType.JSON).body(Map.of("documents", List.of()))
                .when().post("/api/documents/batch").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("documents"));
        TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(Map.of("source", "test/ok", "text", "Un texte."),
                        Map.of("source", "test/blank", "text", " "))))
                .when().post("/api/documents/batch").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("text"));
        assertEquals(documents, rows("document"), "a rejected batch stores nothing");
    }

    @Test
    void listingIsPaged() {
        JsonPath page = given().queryParam("size", 2).when().get("/api/documents")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, page.getList("items").size());
        assertTrue(page.getLong("total") >= 5);
        JsonPath next = given().queryParam("size", 2).queryParam("page", 1).when().get("/api/documents")
                .then().statusCode(200).extract().jsonPath();
        Set<String> ids = new HashSet<>(page.getList("items.id"));
        assertTrue(next.getList("items.id").stream().noneMatch(ids::contains));
    }

    @Test
    void theNextLinksWalkTheWholeListOnceWithoutCounting() {
        JsonPath all = given().queryParam("size", 200).when().get("/api/documents")
                .then().statusCode(200).extract().jsonPath();
        List<String> expected = all.getList("items.id");
        assertTrue(expected.size() >= 5, "the sample corpus: " + expected.size());
        assertEquals(expected.size(), all.getLong("total"));

        List<String> walked = new ArrayList<>();
        JsonPath page = given().queryParam("size", 2).when().get("/api/documents")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, page.getInt("page"));
        walked.addAll(page.getList("items.id"));
        String next = page.getString("next");
        while (next != null) {
            assertTrue(next.startsWith("/api/documents?size=2&after="), next);
            page = given().when().get(next).then().statusCode(200).extract().jsonPath();
            assertNull(page.get("total"), "a page by cursor is not counted");
            assertNull(page.get("page"));
            walked.addAll(page.getList("items.id"));
            next = page.getString("next");
            assertTrue(walked.size() <= expected.size() + 2, "the walk ends");
        }
        assertEquals(expected, walked, "each document once, in the list's order");

        problem(given().queryParam("page", 51).queryParam("size", 200), "/api/documents", 400, "at most 10000");
        problem(given().queryParam("page", 1).queryParam("after", "eA"), "/api/documents", 400, "not with after");
        problem(given().queryParam("after", "bm90IGEgY3Vyc29y"), "/api/documents", 400, "not a cursor");
        problem(given().queryParam("after", "%%%"), "/api/documents", 400, "not a cursor");
    }

    @Test
    void aDocumentIsFoundAndDeletedByItsSource() {
        String source = "test/par-source-" + UUID.randomUUID() + ".txt";
        String id = TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("source", source, "text", "OpenAI a levé 6,6 milliards de dollars."))
                .when().post("/api/documents").then().statusCode(201).extract().path("id");
        long total = given().when().get("/api/documents").then().statusCode(200).extract().jsonPath().getLong("total");
        given().queryParam("source", " " + source + " ").when().get("/api/documents").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", equalTo(List.of(id)))
                .body("items[0].source", equalTo(source));
        given().queryParam("source", source + "x").when().get("/api/documents").then().statusCode(200)
                .body("total", equalTo(0)).body("items", equalTo(List.of()));
        given().queryParam("source", "x".repeat(1001)).when().get("/api/documents").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("source"));
        TestKeys.asAdmin().when().delete("/api/documents").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("source"))
                .body("detail", containsString("must be given"));

        TestKeys.asAdmin().queryParam("source", source + "x").when().delete("/api/documents").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("source '" + source + "x'"));
        TestKeys.asAdmin().queryParam("source", source).when().delete("/api/documents").then().statusCode(204)
                .header("X-Document-Id", id);
        given().when().get("/api/documents/" + id).then().statusCode(404);
        assertEquals(0L, chunkRows(id), "chunks are deleted with their document");
        given().when().get("/api/documents").then().statusCode(200).body("total", equalTo((int) total - 1));
    }

    @Test
    void readinessNamesTheActiveModel() {
        Management.request().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'semantic-search' }.data.model",
                        equalTo(embedding.activeModel().name()))
                .body("checks.find { it.name == 'semantic-search' }.data.pgvector", startsWith("0.8"));
    }

    private static void problem(io.restassured.specification.RequestSpecification request, int status,
            String detailMentions) {
        request.when().post("/api/documents").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()))
                .body("detail", org.hamcrest.Matchers.containsStringIgnoringCase(detailMentions));
    }

    private static void problem(io.restassured.specification.RequestSpecification request, String path, int status,
            String detailMentions) {
        request.when().get(path).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsStringIgnoringCase(detailMentions));
    }

    private long rows(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }

    private long chunkRows(String documentId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from chunk where document_id = cast(?1 as uuid)")
                .setParameter(1, documentId).getSingleResult()).longValue());
    }

    static JsonPath getDocument(String id) {
        return given().when().get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Map<String, Object>> sampleDocuments() {
        List<Map<String, Object>> items = given().queryParam("size", 200).when().get("/api/documents")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Set<String> names = sampleNames();
        Map<String, Map<String, Object>> bySource = new java.util.TreeMap<>();
        items.stream().filter(d -> names.contains(d.get("source"))).forEach(d -> bySource.put((String) d.get("source"), d));
        return bySource;
    }

    static String idOf(String source) {
        return (String) sampleDocuments().get(source).get("id");
    }

    private static String idOfAny(String source) {
        List<Map<String, Object>> items = given().queryParam("size", 200).when().get("/api/documents")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(d -> source.equals(d.get("source"))).map(d -> (String) d.get("id"))
                .findFirst().orElseThrow();
    }

    static Set<String> sampleNames() {
        try {
            return new java.util.TreeSet<>(resource("sample-articles/INDEX").lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sampleText(String name) throws IOException {
        return resource("sample-articles/" + name);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DocumentApiTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
