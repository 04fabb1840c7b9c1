package io.semsearch.ingest;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.semsearch.common.PayloadTooLargeException;
import io.semsearch.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The HTTP contract of indexing, with the ingest service mocked. */
@QuarkusTest
class IndexResourceTest {

    @InjectMock
    IngestService ingest;

    @Test
    void aNewDocumentIsCreatedAndAKnownOneIsNot() {
        UUID id = UUID.randomUUID();
        when(ingest.index(any())).thenReturn(new IndexResult(id, "a.txt", "Titre", 2, IndexStatus.CREATED))
                .thenReturn(new IndexResult(id, "a.txt", "Titre", 2, IndexStatus.UNCHANGED));
        TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("source", " a.txt ", "title", " Titre ", "text", "Texte."))
                .when().post("/api/documents").then().statusCode(201)
                .header("Location", endsWith("/api/documents/" + id))
                .body("status", equalTo("created"));
        verify(ingest).index(new IndexRequest("a.txt", "Titre", "Texte.", null));
        TestKeys.asAdmin().contentType(ContentType.JSON).body(Map.of("source", "a.txt", "text", "Texte."))
                .when().post("/api/documents").then().statusCode(200)
                .body("status", equalTo("unchanged"));
    }

    @Test
    void featureErrorsKeepTheirStatus() {
        when(ingest.index(any())).thenThrow(new NothingToIndexException("Nothing is left"))
                .thenThrow(new PayloadTooLargeException("The text of 'a.txt' has 2 bytes"));
        TestKeys.asAdmin().contentType(ContentType.JSON).body(Map.of("source", "a.txt", "text", "x"))
                .when().post("/api/documents").then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Nothing to index"));
        TestKeys.asAdmin().contentType(ContentType.JSON).body(Map.of("source", "a.txt", "text", "x"))
                .when().post("/api/documents").then().statusCode(413)
                .body("title", equalTo("Payload too large"));
    }

    @Test
    void aBatchWithTwiceTheSameSourceIsRefusedWhole() {
        TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(Map.of("source", "dup", "text", "Un."),
                        Map.of("source", " dup ", "text", "Deux."))))
                .when().post("/api/documents/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("documents"))
                .body("detail", containsString("source 'dup' appears twice in the batch"));
        TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(Map.of("source", "ok", "text", "Un."), Map.of("source", "b"))))
                .when().post("/api/documents/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("documents[1].text"));
        verifyNoInteractions(ingest);
    }

    @Test
    void aFieldTheEndpointDoesNotKnowIsRefusedNotIgnored() {
        TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("source", "a.txt", "text", "Texte.", "collection", "rh"))
                .when().post("/api/documents").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Unknown field"))
                .body("errors[0].field", equalTo("collection"))
                .body("detail", containsString("'collection'"));
        TestKeys.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(Map.of("source", "a.txt", "text", "Un."),
                        Map.of("source", "b.txt", "text", "Deux.", "metdata", Map.of("year", 2024)))))
                .when().post("/api/documents/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("documents[1].metdata"))
                .body("detail", containsString("metadata"));
        verifyNoInteractions(ingest);
    }

    @Test
    void indexingNeedsAWriterKeyAndIsRefusedBeforeTheService() {
        Map<String, String> body = Map.of("source", "a.txt", "text", "Texte.");
        given().contentType(ContentType.JSON).body(body).when().post("/api/documents").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        TestKeys.withKey("ssk_000000000000_" + "A".repeat(43)).contentType(ContentType.JSON).body(body)
                .when().post("/api/documents/batch").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("not valid"));
        String reader = TestKeys.createKey("reader");
        TestKeys.withKey(reader).contentType(ContentType.JSON).body(body).when().post("/api/documents").then()
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        verifyNoInteractions(ingest);
    }
}
