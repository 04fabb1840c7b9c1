package io.semsearch.ingest;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.semsearch.extraction.DocumentTooLargeException;
import io.semsearch.extraction.NoMainTextException;
import io.semsearch.extraction.UnsupportedDocumentException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static io.semsearch.testing.TestKeys.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The HTTP contract of file uploads, with the file ingest service mocked. */
@QuarkusTest
class FileIndexResourceTest {

    static final byte[] PAGE = "<html><body><p>Un texte.</p></body></html>".getBytes(StandardCharsets.UTF_8);

    @InjectMock
    FileIngestService files;

    @TestHTTPResource("/api/documents/files")
    URL filesUrl;

    @Test
    void aNewFileIsCreatedUnderItsNameAndAKnownOneIsNot() {
        UUID id = UUID.randomUUID();
        ExtractionSummary whole = new ExtractionSummary("html", 1.0, 10, 10, 0, false, false, null, null);
        when(files.index(any()))
                .thenReturn(new FileIngestService.Indexed(
                        new IndexResult(id, "page.html", "Titre", 1, IndexStatus.CREATED), whole))
                .thenReturn(new FileIngestService.Indexed(
                        new IndexResult(id, "page.html", "Titre", 1, IndexStatus.UNCHANGED), whole));
        asAdmin().multiPart("file", "page.html", PAGE, "text/html")
                .multiPart("title", "Mon titre")
                .multiPart("metadata", "{\"site\": \"intranet\", \"year\": 2024}")
                .when().post("/api/documents/files").then().statusCode(201)
                .header("Location", endsWith("/api/documents/" + id))
                .body("status", equalTo("created")).body("id", equalTo(id.toString()));
        ArgumentCaptor<FileToIndex> sent = ArgumentCaptor.forClass(FileToIndex.class);
        verify(files).index(sent.capture());
        assertEquals("page.html", sent.getValue().source());
        assertEquals("page.html", sent.getValue().fileName());
        assertEquals("text/html", sent.getValue().declaredType());
        assertEquals("Mon titre", sent.getValue().title());
        assertEquals(Map.of("site", "intranet", "year", 2024), sent.getValue().metadata());
        assertNull(sent.getValue().language());

        asAdmin().multiPart("file", "page.html", PAGE, "text/html").multiPart("source", " docs/page.html ")
                .when().post("/api/documents/files").then().statusCode(200).body("status", equalTo("unchanged"));
    }

    @Test
    void invalidFieldsAreNamed() {
        asAdmin().multiPart("title", "Sans fichier")
                .when().post("/api/documents/files").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file")).body("detail", containsString("file: must be given"));
        asAdmin().multiPart("file", "page.html", PAGE, "text/html").multiPart("metadata", "[1, 2]")
                .when().post("/api/documents/files").then().statusCode(400)
                .body("errors[0].field", equalTo("metadata"))
                .body("errors[0].message", containsString("must be a JSON object"));
        asAdmin().multiPart("file", "page.html", PAGE, "text/html").multiPart("metadata", "{\"site\": ")
                .when().post("/api/documents/files").then().statusCode(400)
                .body("errors[0].field", equalTo("metadata"));
        asAdmin().multiPart("file", "page.html", PAGE, "text/html").multiPart("language", "und")
                .when().post("/api/documents/files").then().statusCode(400)
                .body("errors[0].field", equalTo("language"));
        asAdmin().multiPart("file", "", PAGE, "text/html")
                .when().post("/api/documents/files").then().statusCode(400)
                .body("errors[0].field", equalTo("source"));
        asAdmin().multiPart("file", "page.html", PAGE, "text/html").multiPart("title", "x".repeat(1001))
                .when().post("/api/documents/files").then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("source", "a", "text", "b"))
                .when().post("/api/documents/files").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("multipart/form-data"));
        verifyNoInteractions(files);
    }

    @Test
    void extractionFailuresKeepTheirStatus() {
        when(files.index(any()))
                .thenThrow(new UnsupportedDocumentException("The file's content is image/png", "image/png"))
                .thenThrow(new NoMainTextException("The page has no main text"))
                .thenThrow(new DocumentTooLargeException("The file is larger than the limit", 10));
        asAdmin().multiPart("file", "photo.png", PAGE).when().post("/api/documents/files").then().statusCode(415)
                .contentType("application/problem+json").body("title", equalTo("Unsupported document type"))
                .body("detail", containsString("image/png")).body("instance", equalTo("/api/documents/files"));
        asAdmin().multiPart("file", "menu.html", PAGE).when().post("/api/documents/files").then().statusCode(422)
                .body("title", equalTo("No main text"));
        asAdmin().multiPart("file", "gros.pdf", PAGE).when().post("/api/documents/files").then().statusCode(413)
                .body("title", equalTo("Document too large"));
    }

    @Test
    void uploadsMayExceedTheApiBodyLimitUpToTheFileLimit() throws Exception {
        UUID id = UUID.randomUUID();
        when(files.index(any())).thenReturn(new FileIngestService.Indexed(
                new IndexResult(id, "big.txt", "Titre", 1, IndexStatus.CREATED),
                new ExtractionSummary("text", null, null, null, 0, false, false, null, null)));
        byte[] overApiLimit = new byte[1536 * 1024];
        Arrays.fill(overApiLimit, (byte) 'a');
        asAdmin().multiPart("file", "big.txt", overApiLimit, "text/plain")
                .when().post("/api/documents/files").then().statusCode(201);

        // sent with its Content-Length (as curl -F does): refused before the body is read
        byte[] overFileLimit = new byte[22 * 1024 * 1024];
        Arrays.fill(overFileLimit, (byte) 'a');
        HttpResponse<String> refused = MultipartUpload.post(filesUrl.toURI(), "huge.txt", overFileLimit);
        assertEquals(413, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.body().contains("semsearch.extraction.max-size"), refused.body());
        asAdmin().contentType(ContentType.JSON).body(Map.of("source", "a.txt", "text", new String(overApiLimit,
                        StandardCharsets.US_ASCII)))
                .when().post("/api/documents").then().statusCode(413)
                .body("detail", containsString("semsearch.api.max-body-size"));
    }
}
