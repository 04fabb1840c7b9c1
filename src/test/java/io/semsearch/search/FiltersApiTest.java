package io.semsearch.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.semsearch.testing.EventStreamClient;
import io.semsearch.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static io.restassured.RestAssured.given;
import static io.semsearch.testing.TestKeys.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one filter vocabulary over HTTP with the real model and PostgreSQL: GET /api/search's query parameters, the
 * JSON filters of POST /api/ask and of its event stream select the same documents, metadata values by JSON type.
 */
@QuarkusTest
class FiltersApiTest {

    private static final String NUMBER = "filters/number.txt";
    private static final String STRING = "filters/string.txt";
    private static final String DECIMAL = "filters/decimal.txt";
    private static final String QUESTION = "Où se reposent les phoques à marée basse ?";

    @TestHTTPResource("/api/ask")
    URI ask;

    @Inject
    TestData data;

    @BeforeEach
    void indexThreeDocuments() {
        index(NUMBER, "Les phoques veaux-marins se reposent sur les bancs de sable de la baie à marée basse.",
                Map.of("corpus", "filters", "year", 2024, "published", "2024-03-01T10:00:00+01:00", "draft", false));
        index(STRING, "À marée basse, les phoques se reposent sur les bancs de sable découverts par la mer.",
                Map.of("corpus", "filters", "year", "2024", "published", "2023-06-15", "draft", "false"));
        index(DECIMAL, "Les phoques gris se reposent à marée basse sur les bancs de sable au large de la côte.",
                Map.of("corpus", "filters", "year", 2021.0, "published", "pas une date"));
    }

    @AfterEach
    void restore() {
        data.restore();
    }

    @Test
    void searchMatchesMetadataValuesWithTheirJsonType() {
        assertEquals(Set.of(NUMBER), found(r -> r.queryParam("metadata.year", "2024")));
        assertEquals(Set.of(STRING), found(r -> r.queryParam("metadata.year", "\"2024\"")));
        assertEquals(Set.of(DECIMAL), found(r -> r.queryParam("metadata.year", "2021")), "2021 = 2021.0");
        assertEquals(Set.of(NUMBER), found(r -> r.queryParam("metadata.draft", "false")));
        assertEquals(Set.of(STRING), found(r -> r.queryParam("metadata.draft", "\"false\"")));
        assertEquals(Set.of(NUMBER, STRING, DECIMAL), found(r -> r));
    }

    @Test
    void searchTakesRangesOfNumbersAndDates() {
        assertEquals(Set.of(NUMBER, DECIMAL), found(r -> r.queryParam("metadata.year", "gte:2021", "lt:2025")));
        assertEquals(Set.of(DECIMAL), found(r -> r.queryParam("metadata.year", "lt:2024")));
        assertEquals(Set.of(NUMBER), found(r -> r.queryParam("metadata.year", "gt:2021.0")));
        assertEquals(Set.of(NUMBER), found(r -> r.queryParam("metadata.published", "gte:2024-01-01")));
        assertEquals(Set.of(STRING), found(r -> r.queryParam("metadata.published", "lt:2024-01-01")));
        assertEquals(Set.of(NUMBER), found(r -> r.queryParam("metadata.published",
                "gt:2024-03-01T08:59:59Z", "lte:2024-03-01T09:00:00Z")), "10:00+01:00 is 09:00 UTC");
    }

    @Test
    void theNewListNamesAndTheDeprecatedNamesStillWork() {
        String id = given().queryParam("q", QUESTION).queryParam("sources", NUMBER).when().get("/api/search")
                .then().statusCode(200).extract().path("results[0].documentId");
        assertEquals(Set.of(NUMBER), found(r -> r.queryParam("documentIds", id)));
        assertEquals(Set.of(NUMBER), found(r -> r.queryParam("documentId", id)));
        assertEquals(Set.of(NUMBER, STRING), found(r -> r.queryParam("sources", NUMBER, STRING)));
        assertEquals(Set.of(STRING), found(r -> r.queryParam("source", STRING)));
        // the deprecated metadata=key:value compares strings, as it always did
        assertEquals(Set.of(STRING), found(r -> r.queryParam("metadata", "year:2024")));
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        given().queryParam("q", QUESTION).queryParam("metadata.year", "gte:bientôt").when().get("/api/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("metadata.year.gte: must be a number or an ISO date"))
                .body("errors[0].field", equalTo("metadata.year.gte"));
        given().queryParam("q", QUESTION).queryParam("metadata.year", "2023", "2024").when().get("/api/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("metadata.year"))
                .body("detail", containsString("given more than once"));
        given().queryParam("q", QUESTION).queryParam("metadata.year", "gte:2020", "lt:2025-01-01")
                .when().get("/api/search").then().statusCode(400)
                .body("detail", equalTo("metadata.year: a range compares numbers or dates, not both"));
        given().queryParam("q", QUESTION).queryParam("documentIds", "nope").when().get("/api/search")
                .then().statusCode(400).body("detail", containsString("documentIds"));
    }

    @Test
    void askSelectsTheSameDocumentsWithTheSameFilters() {
        assertEquals(Set.of(NUMBER), cited(Map.of("metadata", Map.of("corpus", "filters", "year", 2024))));
        assertEquals(Set.of(STRING), cited(Map.of("metadata", Map.of("corpus", "filters", "year", "2024"))));
        assertEquals(Set.of(DECIMAL), cited(Map.of("metadata", Map.of("corpus", "filters",
                "year", Map.of("gte", 2020, "lt", 2024)))));
        assertEquals(Set.of(STRING), cited(Map.of("sources", List.of(STRING), "metadata",
                Map.of("published", Map.of("lt", "2024-01-01")))));

        asAdmin().contentType(ContentType.JSON).body(Map.of("question", QUESTION, "filters",
                        Map.of("metadata", Map.of("year", Map.of("gte", "bientôt", "after", 1)))))
                .when().post("/api/ask").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("filters.metadata.year.after: unknown range operator; use gt, gte, lt or "
                        + "lte; filters.metadata.year.gte: must be a number or an ISO date"))
                .body("errors[0].field", equalTo("filters.metadata.year.after"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("question", QUESTION, "filters",
                        Map.of("documentId", List.of())))
                .when().post("/api/ask").then().statusCode(400).body("title", equalTo("Unknown field"));
    }

    @Test
    void theStreamedAskTakesTheSameFilters() {
        EventStreamClient.Exchange stream = EventStreamClient.post(ask, Map.of("question", QUESTION, "filters",
                Map.of("metadata", Map.of("corpus", "filters", "year", 2024))));
        assertEquals(200, stream.status());
        JsonNode passages = stream.named("citations").get(0).data().path("citations");
        assertFalse(passages.isEmpty());
        for (JsonNode passage : passages) {
            assertEquals(NUMBER, passage.path("source").asText());
        }
        assertEquals("done", stream.names().get(stream.names().size() - 1));

        EventStreamClient.Exchange bad = EventStreamClient.post(ask, Map.of("question", QUESTION, "filters",
                Map.of("metadata", Map.of("year", List.of(2024)))));
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("filters.metadata.year: must be a string, a number, a boolean or a range"),
                bad.body());
    }

    private static Set<String> found(UnaryOperator<RequestSpecification> filters) {
        List<String> sources = filters.apply(given().queryParam("q", QUESTION).queryParam("k", 10)
                        .queryParam("mode", "dense").queryParam("metadata.corpus", "filters"))
                .when().get("/api/search").then().statusCode(200).extract().jsonPath().getList("results.source");
        return new HashSet<>(sources);
    }

    private static Set<String> cited(Map<String, Object> filters) {
        JsonPath response = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("question", QUESTION, "k", 3, "filters", filters)).when().post("/api/ask")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(response.getBoolean("answered"), response.prettify());
        return new HashSet<>(response.getList("citations.source", String.class));
    }

    private static void index(String source, String text, Map<String, Object> metadata) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("source", source, "text", text, "metadata", metadata))
                .when().post("/api/documents").then().statusCode(201);
    }
}
