package io.semsearch.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.semsearch.extraction.BadFiles;
import io.semsearch.extraction.ExtractionConfig;
import io.semsearch.extraction.ExtractionCorpus;
import io.semsearch.testing.TestData;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static io.semsearch.testing.TestKeys.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File uploads over real HTTP, against the real extraction, model and PostgreSQL: a page of a Debian documentation
 * package and the PDF and DOCX made from it (scripts/setup-extraction-fixtures.sh), the sample articles as news
 * pages, an English document, and every bad file of issue 14, which must leave the store as it was.
 */
@QuarkusTest
class FileIndexApiTest {

    /** A short page of aptitude's French manual, its PDF and DOCX. */
    static final String DEBIAN_PAGE = "aptitude-ch02s01s01";
    static final List<String> DEBIAN_SENTENCES = List.of(
            "La barre de menu en haut de l'écran liste les commandes les plus importantes d'aptitude.",
            "Ces clés d'accès rapide sont affichées avec une nuance de blanc plus clair que le reste du menu.",
            "Cela indique que vous devez utiliser l'Entrée du menu Menu");
    static final List<String> NEWS_FURNITURE = List.of("Nous utilisons des cookies", "Laisser un commentaire",
            "Partager sur", "Articles similaires", "Les plus lus", "Mentions légales", "Tous droits réservés",
            "Votre adresse e-mail");

    @TestHTTPResource("/api/documents/files")
    URL filesUrl;

    @Inject
    TestData testData;

    @Inject
    EntityManager entityManager;

    @Inject
    ExtractionConfig extraction;

    @AfterEach
    void restore() {
        testData.restore();
    }

    @Test
    void aDebianPageItsPdfAndItsDocxAreIndexedWithTheirText() throws IOException {
        ExtractionCorpus.Page page = ExtractionCorpus.debianPages().stream()
                .filter(p -> p.id().equals(DEBIAN_PAGE)).findFirst().orElseThrow();
        Path pdf = page.office("pdf").orElse(null);
        Path docx = page.office("docx").orElse(null);
        ExtractionCorpus.requireFixtures(pdf != null && docx != null, "PDF and DOCX of " + DEBIAN_PAGE + " missing");

        Map<String, byte[]> files = Map.of("aptitude/menus.html", page.bytes(),
                "aptitude/menus.pdf", Files.readAllBytes(pdf), "aptitude/menus.docx", Files.readAllBytes(docx));
        for (var file : files.entrySet()) {
            String name = file.getKey();
            String id = upload(name, file.getValue(), Map.of()).then().statusCode(201)
                    .body("source", equalTo(name)).body("status", equalTo("created"))
                    .header("Location", containsString("/api/documents/"))
                    .header("Location", not(containsString("/files")))
                    .extract().path("id");
            JsonPath stored = document(id);
            String content = collapse(stored.getString("content"));
            for (String sentence : DEBIAN_SENTENCES) {
                assertTrue(content.contains(sentence), name + " lost: " + sentence + "\n" + content);
            }
            assertEquals("fr", stored.getString("language"), name);
            String format = name.substring(name.lastIndexOf('.') + 1);
            assertEquals(format, stored.getString("metadata.format"), name);
            assertEquals(name.substring(name.indexOf('/') + 1), stored.getString("metadata.fileName"));
        }
        // the HTML page: its main content only, not the manual's navigation
        String html = collapse(document(idOf("aptitude/menus.html")).getString("content"));
        assertFalse(html.contains("Précédent"), html);
        assertFalse(html.contains("Sommaire"), html);

        long documents = count("document");
        long chunks = count("chunk");
        upload("aptitude/menus.html", page.bytes(), Map.of()).then().statusCode(200)
                .body("status", equalTo("unchanged"));
        upload("aptitude/menus.pdf", Files.readAllBytes(pdf), Map.of()).then().statusCode(200)
                .body("status", equalTo("unchanged"));
        assertEquals(documents, count("document"));
        assertEquals(chunks, count("chunk"));

        List<String> found = given().queryParam("q", "raccourci clavier de la barre de menu d'aptitude")
                .queryParam("k", 10).when().get("/api/search").then().statusCode(200)
                .extract().jsonPath().getList("results.source");
        assertTrue(found.containsAll(files.keySet()), found.toString());
    }

    @Test
    void newsPagesKeepTheArticleWithTheirMetadataAndDropTheSitesFurniture() {
        for (ExtractionCorpus.Page page : ExtractionCorpus.newsPages()) {
            String source = "news/" + page.id() + ".html";
            String id = upload(source, page.bytes(), Map.of("metadata", "{\"site\": \"techpresse\"}"))
                    .then().statusCode(201).extract().path("id");
            JsonPath stored = document(id);
            String content = stored.getString("content");
            for (String paragraph : page.reference().split("\n\n")) {
                // stored as cleaned: no-break spaces are plain spaces
                assertTrue(content.contains(TextCleaner.normalize(paragraph).strip()), source + " lost: " + paragraph);
            }
            for (String furniture : NEWS_FURNITURE) {
                assertFalse(content.toLowerCase().contains(furniture.toLowerCase()), source + ": " + furniture);
            }
            String headline = page.reference().split("\n", 2)[0];
            assertEquals(TextCleaner.normalizeInline(headline), stored.getString("title"), source);
            assertEquals(stored.getString("title"), stored.getString("metadata.title"));
            assertFalse(stored.getString("metadata.author").isBlank(), source);
            assertTrue(stored.getString("metadata.published").startsWith("2024-"), source);
            assertEquals("fr", stored.getString("metadata.language"));
            assertEquals("metadata", stored.getString("metadata.languageSource"));
            assertEquals("techpresse", stored.getString("metadata.site"), "the caller's metadata are kept");
            assertEquals("fr", stored.getString("language"));
        }
        // the caller's title and metadata win over the file's
        ExtractionCorpus.Page first = ExtractionCorpus.newsPages().get(0);
        upload("news/news-000.html", first.bytes(), Map.of("title", "Un autre titre",
                "metadata", "{\"site\": \"techpresse\", \"author\": \"La rédaction\"}"))
                .then().statusCode(200).body("status", equalTo("updated")).body("title", equalTo("Un autre titre"));
        JsonPath updated = document(idOf("news/news-000.html"));
        assertEquals("La rédaction", updated.getString("metadata.author"));
        assertEquals("Un autre titre", updated.getString("title"));

        List<String> found = given().queryParam("q", "Microsoft OpenAI tensions").queryParam("k", 10)
                .queryParam("source", "news/news-000.html").when().get("/api/search").then().statusCode(200)
                .extract().jsonPath().getList("results.source");
        assertFalse(found.isEmpty());
    }

    @Test
    void englishDocumentsAreStoredAsEnglishAndFoundByDenseSearch() {
        String markdown = """
                # Harbour seals of the North Sea

                Harbour seals rest on sandbanks at low tide and hunt fish when the water rises again. Counts made
                from aircraft every summer show that the colony of the Wadden Sea has recovered since the virus
                outbreaks of 1988 and 2002, although pups are now born earlier in the year than they used to be.
                """;
        String id = upload("english/seals.md", markdown.getBytes(StandardCharsets.UTF_8), Map.of())
                .then().statusCode(201).extract().path("id");
        JsonPath stored = document(id);
        assertEquals("en", stored.getString("language"));
        assertEquals("detected", stored.getString("metadata.languageSource"));
        assertEquals("markdown", stored.getString("metadata.format"));
        assertEquals("Harbour seals of the North Sea", stored.getString("title"));
        given().queryParam("q", "where do seals rest at low tide?").queryParam("mode", "dense").queryParam("k", 3)
                .when().get("/api/search").then().statusCode(200)
                .body("results[0].source", equalTo("english/seals.md"));

        // texts posted as JSON get a language too: detected, else given
        asAdmin().contentType(ContentType.JSON).body(Map.of("source", "english/note.txt", "text",
                        "The meeting about the new library building was moved to Thursday afternoon."))
                .when().post("/api/documents").then().statusCode(201);
        assertEquals("en", document(idOf("english/note.txt")).getString("language"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("source", "german/notiz.txt", "language", "de-DE",
                        "text", "Die Sitzung wurde auf Donnerstag verschoben."))
                .when().post("/api/documents").then().statusCode(201);
        assertEquals("de", document(idOf("german/notiz.txt")).getString("language"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("source", "bad/lang.txt", "language", "und",
                        "text", "Un texte."))
                .when().post("/api/documents").then().statusCode(400).body("errors[0].field", equalTo("language"));
    }

    @Test
    void aFormWithAFieldTheEndpointDoesNotKnowIsRefusedAndStoresNothing() {
        byte[] text = "Les phoques se reposent sur les bancs de sable à marée basse.".getBytes(StandardCharsets.UTF_8);
        asAdmin().multiPart("file", "strict/phoques.txt", text, "text/plain").multiPart("titel", "Phoques")
                .multiPart("tags", "faune")
                .when().post("/api/documents/files").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Unknown field"))
                .body("detail", equalTo("The form has fields this endpoint does not know: 'tags', 'titel'; known "
                        + "fields there: file, language, metadata, source, title"))
                .body("errors[1].field", equalTo("titel"));
        asAdmin().multiPart("file", "strict/phoques.txt", text, "text/plain")
                .multiPart("attachment", "other.txt", text, "text/plain")
                .when().post("/api/documents/files").then().statusCode(400).body("errors[0].field",
                        equalTo("attachment"));
        asAdmin().queryParam("source", "strict/phoques.txt").when().get("/api/documents")
                .then().statusCode(200).body("total", equalTo(0));

        // every known field at once is taken
        String id = asAdmin().multiPart("file", "phoques.txt", text, "text/plain")
                .multiPart("source", "strict/phoques.txt").multiPart("title", "Phoques")
                .multiPart("metadata", "{\"year\": 2024}").multiPart("language", "fr")
                .when().post("/api/documents/files").then().statusCode(201).extract().path("id");
        JsonPath stored = document(id);
        assertEquals("Phoques", stored.getString("title"));
        assertEquals(2024, stored.getInt("metadata.year"));
    }

    static Stream<BadFiles.Case> badFiles() throws IOException {
        // the oversize case at the service's own limit: sent whole over HTTP, refused by the extractor
        return BadFiles.all(20L * 1024 * 1024).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileGetsItsProblemInBoundedTimeAndNothingIsStored(BadFiles.Case bad) throws Exception {
        long documents = count("document");
        long chunks = count("chunk");
        long started = System.nanoTime();
        var request = asAdmin();
        request = bad.declaredType() == null ? request.multiPart("file", bad.fileName(), bad.content())
                : request.multiPart("file", bad.fileName(), bad.content(), bad.declaredType());
        Response response = request.multiPart("source", "bad/" + bad.fileName()).when().post("/api/documents/files");
        double seconds = (System.nanoTime() - started) / 1e9;
        int expected = bad.name().startsWith("oversize") ? 413 : bad.name().startsWith("GIF") || bad.name()
                .startsWith("ZIP") ? 415 : 422;
        response.then().statusCode(expected).contentType("application/problem+json")
                .body("status", equalTo(expected)).body("instance", equalTo("/api/documents/files"));
        assertFalse(response.jsonPath().getString("detail").isBlank());
        if (expected == 413) {
            // Sent chunked (RestAssured), the whole body crosses first, which takes what the machine's disk and
            // network give; sent with its Content-Length, as curl -F and browsers do, it is refused before that.
            started = System.nanoTime();
            HttpResponse<String> refused = MultipartUpload.post(filesUrl.toURI(), bad.fileName(), bad.content());
            seconds = (System.nanoTime() - started) / 1e9;
            assertEquals(413, refused.statusCode(), refused.body());
        }
        assertTrue(seconds < extraction.timeout().toSeconds(), bad.name() + " took " + seconds + " s");
        assertEquals(documents, count("document"), "no document stored for " + bad.name());
        assertEquals(chunks, count("chunk"), "no chunk stored for " + bad.name());
        given().queryParam("source", "bad/" + bad.fileName()).queryParam("q", "document")
                .when().get("/api/search").then().statusCode(200).body("results.size()", equalTo(0));
    }

    static Response upload(String source, byte[] content, Map<String, String> fields) {
        var request = asAdmin().multiPart("file", source.substring(source.lastIndexOf('/') + 1), content)
                .multiPart("source", source);
        for (var field : fields.entrySet()) {
            // as curl -F sends them: UTF-8 (RestAssured's own default for text parts is US-ASCII)
            request = request.multiPart(new MultiPartSpecBuilder(field.getValue()).controlName(field.getKey())
                    .charset(StandardCharsets.UTF_8).build());
        }
        return request.when().post("/api/documents/files");
    }

    static JsonPath document(String id) {
        return given().when().get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
    }

    private String idOf(String source) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select cast(id as text) from document where source = ?1").setParameter(1, source)
                .getSingleResult().toString());
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from " + table).getSingleResult()).longValue());
    }

    static String collapse(String text) {
        return text.replaceAll("\\s+", " ").replace('\u2019', '\'');
    }
}
