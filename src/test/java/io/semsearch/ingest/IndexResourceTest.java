package io.semsearch.ingest;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.semsearch.common.PayloadTooLargeException;
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
        given().contentType(ContentType.JSON).body(Map.of("source", " a.txt ", "title", " Titre ", "text", "Texte."))
                .when().post("/api/documents").then().statusCode(201)
                .header("Location", endsWith("/api/documents/" + id))
                .body("status", equalTo("created"));
        verify(ingest).index(new IndexRequest("a.txt", "Titre", "Texte.", null));
        given().contentType(ContentType.JSON).body(Map.of("source", "a.txt", "text", "Texte."))
                .when().post("/api/documents").then().statusCode(200)
                .body("status", equalTo("unchanged"));
    }

    @Test
    void featureErrorsKeepTheirStatus() {
        when(ingest.index(any())).thenThrow(new NothingToIndexException("Nothing is left"))
                .thenThrow(new PayloadTooLargeException("The text of 'a.txt' has 2 bytes"));
        given().contentType(ContentType.JSON).body(Map.of("source", "a.txt", "text", "x"))
                .when().post("/api/documents").then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Nothing to index"));
        given().contentType(ContentType.JSON).body(Map.of("source", "a.txt", "text", "x"))
                .when().post("/api/documents").then().statusCode(413)
                .body("title", equalTo("Payload too large"));
    }

    @Test
    void aBatchWithTwiceTheSameSourceIsRefusedWhole() {
        given().contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(Map.of("source", "dup", "text", "Un."),
                        Map.of("source", " dup ", "text", "Deux."))))
                .when().post("/api/documents/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("documents"))
                .body("detail", containsString("source 'dup' appears twice in the batch"));
        given().contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(Map.of("source", "ok", "text", "Un."), Map.of("source", "b"))))
                .when().post("/api/documents/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("documents[1].text"));
        verifyNoInteractions(ingest);
    }
}
