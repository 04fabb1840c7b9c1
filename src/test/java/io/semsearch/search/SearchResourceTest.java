package io.semsearch.search;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.document.SentenceVectors;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The HTTP contract of GET /api/search, with the search service mocked. */
@QuarkusTest
class SearchResourceTest {

    @InjectMock
    SearchService search;

    @Test
    void parametersBecomeAQueryAndHitsAResponse() {
        UUID document = UUID.randomUUID();
        SearchHit hit = new SearchHit(UUID.randomUUID(), document, "a.txt", "Titre", 3, 10, 20, "0123456789",
                0.0327868, Double.NaN, SentenceVectors.NONE);
        when(search.search(any())).thenReturn(new Retrieval(List.of(hit), null, "some-model", 1_250_000, 3_000_000));

        given().queryParam("q", "  OpenAI et Microsoft ").queryParam("mode", "Lexical")
                .queryParam("documentId", " " + document + " ").queryParam("source", "a.txt")
                .queryParam("metadata", "corpus: sample")
                .when().get("/api/search").then().statusCode(200)
                .body("query", equalTo("OpenAI et Microsoft"))
                .body("mode", equalTo("lexical"))
                .body("model", equalTo("some-model"))
                .body("results[0].chunk", equalTo(3))
                .body("results[0].score", equalTo(0.032787f))
                .body("results[0].similarity", nullValue())
                .body("timings.embedMs", equalTo(1.3f))
                .body("timings.searchMs", equalTo(3.0f));

        ArgumentCaptor<SearchQuery> query = ArgumentCaptor.forClass(SearchQuery.class);
        verify(search).search(query.capture());
        assertEquals(new SearchQuery("OpenAI et Microsoft", 5, SearchMode.LEXICAL,
                new SearchFilters(List.of(document), List.of("a.txt"), Map.of("corpus", "sample"))), query.getValue());
    }

    @Test
    void invalidParametersAreProblemsNamingEachField() {
        given().queryParam("q", " ").queryParam("k", "abc").queryParam("mode", "semantic")
                .queryParam("documentId", "nope").queryParam("metadata", "novalue")
                .when().get("/api/search").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItems("q", "k", "mode", "documentId[0]", "metadata[0]"))
                .body("detail", containsString("k: must be a whole number between 1 and 50"));
        given().queryParam("q", "x".repeat(2001)).when().get("/api/search").then().statusCode(400)
                .body("errors[0].field", equalTo("q"))
                .body("errors[0].message", equalTo("must be at most 2000 characters, was 2001"));
        given().queryParam("q", "OpenAI").queryParam("k", "51").when().get("/api/search").then().statusCode(400)
                .body("errors[0].field", equalTo("k"));
        verifyNoInteractions(search);
    }
}
