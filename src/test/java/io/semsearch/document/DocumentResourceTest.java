package io.semsearch.document;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The HTTP contract of reading and deleting documents, with the document service mocked. */
@QuarkusTest
class DocumentResourceTest {

    @InjectMock
    DocumentService documents;

    @Test
    void aDocumentIsShownWithItsChunks() {
        UUID id = UUID.randomUUID();
        Document document = new Document();
        document.id = id;
        document.source = "a.txt";
        document.title = "Titre";
        document.content = "Titre\n\nTexte.";
        document.contentSha256 = "0".repeat(64);
        document.language = "fr";
        document.metadata = Map.of("corpus", "sample");
        document.embeddingModel = "some-model";
        document.createdAt = OffsetDateTime.parse("2026-11-30T10:15:30Z");
        document.updatedAt = document.createdAt;
        when(documents.get(id)).thenReturn(new DocumentService.StoredDocument(document,
                List.of(new ChunkOutline(0, 0, 13, 5, "Titre\n\nTexte."))));
        given().when().get("/api/documents/" + id).then().statusCode(200)
                .body("source", equalTo("a.txt"))
                .body("metadata.corpus", equalTo("sample"))
                .body("chunks[0].tokens", equalTo(5))
                .body("chunks[0].end", equalTo(13));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        UUID unknown = UUID.randomUUID();
        when(documents.get(unknown)).thenThrow(DocumentNotFoundException.byId(unknown.toString()));
        doThrow(DocumentNotFoundException.byId(unknown.toString())).when(documents).delete(unknown);
        given().when().get("/api/documents/" + unknown).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No document with id '" + unknown + "'"));
        TestKeys.asAdmin().when().delete("/api/documents/" + unknown).then().statusCode(404);
        given().when().get("/api/documents/not-an-id").then().statusCode(404)
                .body("detail", equalTo("No document with id 'not-an-id'"));
    }

    @Test
    void deletingAnswersNoContent() {
        UUID id = UUID.randomUUID();
        TestKeys.asAdmin().when().delete("/api/documents/" + id).then().statusCode(204);
        verify(documents).delete(id);
    }

    @Test
    void deletingNeedsAWriterKey() {
        UUID id = UUID.randomUUID();
        given().when().delete("/api/documents/" + id).then().statusCode(401)
                .contentType("application/problem+json");
        TestKeys.withKey(TestKeys.createKey("reader")).when().delete("/api/documents/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        TestKeys.withKey(TestKeys.createKey("writer")).when().delete("/api/documents/" + id).then().statusCode(204);
        verify(documents).delete(id);
    }

    @Test
    void pagesAreBounded() {
        given().queryParam("size", 0).when().get("/api/documents").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("size", 201).when().get("/api/documents").then().statusCode(400);
        given().queryParam("page", -1).when().get("/api/documents").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        given().queryParam("page", "abc").when().get("/api/documents").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        given().queryParam("size", "1.5").when().get("/api/documents").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("page", "99999999999").when().get("/api/documents").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        verifyNoInteractions(documents);
    }
}
