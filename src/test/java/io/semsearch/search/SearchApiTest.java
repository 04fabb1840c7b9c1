package io.semsearch.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/search over the sample articles, with the real model and PostgreSQL. */
@QuarkusTest
class SearchApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"dense", "lexical", "hybrid"})
    void everyModeFindsTheArticleAboutGoogleAndTheFtc(String mode) {
        JsonPath result = search("Google demande à la FTC de démanteler l’accord d’exclusivité", 5, mode);
        assertEquals(mode, result.getString("mode"));
        List<Map<String, Object>> hits = result.getList("results");
        assertFalse(hits.isEmpty());
        assertTrue(hits.stream().limit(3).anyMatch(h -> "003_3715634ce2dd554f.txt".equals(h.get("source"))),
                mode + ": " + hits);
        for (Map<String, Object> hit : hits) {
            String text = (String) hit.get("text");
            assertEquals(((Integer) hit.get("end")) - ((Integer) hit.get("start")), text.length());
        }
    }

    @Test
    void offsetsPointIntoTheStoredDocument() {
        List<Map<String, Object>> hits = search("investissement de Microsoft dans OpenAI", 10, "hybrid")
                .getList("results");
        assertEquals(10, hits.size());
        for (Map<String, Object> hit : hits) {
            String content = given().when().get("/api/documents/" + hit.get("documentId")).then().statusCode(200)
                    .extract().path("content");
            assertEquals(content.substring((Integer) hit.get("start"), (Integer) hit.get("end")), hit.get("text"));
        }
    }

    @Test
    void lexicalSearchIgnoresAccents() {
        List<String> accented = search("stratégie", 5, "lexical").getList("results.source");
        List<String> plain = search("strategie", 5, "lexical").getList("results.source");
        assertFalse(accented.isEmpty());
        assertEquals(accented, plain);
    }

    @Test
    void hybridKeepsNeighbouringChunksFromCrowdingOutOtherDocuments() {
        List<Map<String, Object>> hits = search("Microsoft OpenAI partenariat", 10, "hybrid").getList("results");
        Map<Object, Long> perDocument = hits.stream().collect(java.util.stream.Collectors.groupingBy(
                h -> h.get("documentId"), java.util.stream.Collectors.counting()));
        assertEquals(5, perDocument.size(), "all five articles among ten results: " + perDocument);
        for (int i = 0; i < hits.size(); i++) {
            for (int j = i + 1; j < hits.size(); j++) {
                Map<String, Object> a = hits.get(i);
                Map<String, Object> b = hits.get(j);
                boolean overlap = a.get("documentId").equals(b.get("documentId"))
                        && (Integer) a.get("start") < (Integer) b.get("end")
                        && (Integer) b.get("start") < (Integer) a.get("end");
                assertFalse(overlap, "overlapping chunks " + a + " / " + b);
            }
        }
    }

    @Test
    void filtersRestrictTheDocuments() {
        String source = "002_b6be96e92687f2c0.txt";
        List<String> sources = given().queryParam("q", "Microsoft").queryParam("sources", source)
                .queryParam("k", 10).when().get("/api/search")
                .then().statusCode(200).extract().jsonPath().getList("results.source");
        assertFalse(sources.isEmpty());
        assertTrue(sources.stream().allMatch(source::equals), sources.toString());

        given().queryParam("q", "Microsoft").queryParam("metadata.corpus", "nope").when().get("/api/search")
                .then().statusCode(200).body("results.size()", equalTo(0));
        given().queryParam("q", "Microsoft").queryParam("metadata.corpus", "sample").queryParam("mode", "dense")
                .when().get("/api/search").then().statusCode(200).body("results.size()", equalTo(5));
    }

    @Test
    void invalidParametersAreProblems() {
        problem(Map.of(), "q");
        problem(Map.of("q", "   "), "q");
        problem(Map.of("q", "x".repeat(2001)), "2000");
        problem(Map.of("q", "Microsoft", "k", "0"), "k");
        problem(Map.of("q", "Microsoft", "k", "51"), "k");
        problem(Map.of("q", "Microsoft", "mode", "semantic"), "mode");
        problem(Map.of("q", "Microsoft", "documentIds", "nope"), "documentIds");
        problem(Map.of("q", "Microsoft", "documentId", "nope"), "documentId");
        problem(Map.of("q", "Microsoft", "metadata", "novalue"), "metadata");
        given().queryParam("q", "Microsoft").queryParam("k", "abc").when().get("/api/search")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void problem(Map<String, String> params, String detailMentions) {
        given().queryParams(params).when().get("/api/search").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString(detailMentions));
    }

    static JsonPath search(String q, int k, String mode) {
        return given().queryParam("q", q).queryParam("k", k).queryParam("mode", mode)
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();
    }
}
