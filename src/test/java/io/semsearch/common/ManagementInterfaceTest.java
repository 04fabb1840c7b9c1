package io.semsearch.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.semsearch.testing.Management;
import io.semsearch.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health and metrics on the management port, not on the API's; request ids on every response and in problem
 * documents; the service's own meters, with the histograms Prometheus needs for quantiles.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        int api = io.restassured.RestAssured.port;
        assertNotEquals(api, Management.port(), "the management interface has a port of its own");
        Management.request().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'semantic-search' }.status", equalTo("UP"));
        Management.request().when().get("/q/health/live").then().statusCode(200);
        Management.request().when().get("/q/health/started").then().statusCode(200);
        Management.request().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyResponseCarriesARequestIdAndProblemsNameIt() {
        String generated = given().queryParam("q", "OpenAI").when().get("/api/search").then().statusCode(200)
                .extract().header(RequestIds.HEADER);
        assertTrue(generated.matches("[0-9a-f-]{36}"), generated);
        given().header(RequestIds.HEADER, "client-42.a:b").queryParam("q", "OpenAI").when().get("/api/search")
                .then().statusCode(200).header(RequestIds.HEADER, "client-42.a:b");
        String refused = given().header(RequestIds.HEADER, "two words; and more").when().get("/api/search")
                .then().extract().header(RequestIds.HEADER);
        assertTrue(refused.matches("[0-9a-f-]{36}"), "an insane id is replaced: " + refused);

        Response problem = given().header(RequestIds.HEADER, "problem-7").queryParam("q", "x").queryParam("k", 0)
                .when().get("/api/search");
        problem.then().statusCode(400).contentType(Problem.MEDIA_TYPE).header(RequestIds.HEADER, "problem-7")
                .body("requestId", equalTo("problem-7"));
        given().header(RequestIds.HEADER, "problem-8").when().get("/api/no-such-thing").then().statusCode(404)
                .body("requestId", equalTo("problem-8"));
    }

    @Test
    void theServicesMetersArePublishedWithHistograms() {
        given().queryParam("q", "OpenAI").queryParam("mode", "lexical").when().get("/api/search").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("question", "Combien Microsoft a-t-il investi dans OpenAI ?"))
                .when().post("/api/ask").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("question", "Quelle est la recette du kouign-amann ?"))
                .when().post("/api/ask").then().statusCode(200);
        given().header("Authorization", "Bearer not-a-key-of-this-service").when().get("/api/documents").then()
                .statusCode(401);
        TestKeys.withKey(TestKeys.createKey("reader")).contentType(ContentType.JSON)
                .body(Map.of("text", "Un texte assez long pour être indexé, s'il en avait le droit."))
                .when().post("/api/documents").then().statusCode(403);
        String metrics = Management.request().when().get("/q/metrics").then().statusCode(200).extract().asString();

        assertTrue(value(metrics, "semsearch_search_seconds_bucket", "mode=\"lexical\"", "le=\"+Inf\"") >= 1,
                "search histogram by mode");
        assertTrue(value(metrics, "semsearch_ask_seconds_bucket", "le=\"+Inf\"") >= 2, "ask histogram");
        assertTrue(value(metrics, "semsearch_embedding_seconds_bucket", "kind=\"query\"", "le=\"+Inf\"") >= 2,
                "embedding histogram");
        assertTrue(value(metrics, "semsearch_answers_total", "outcome=\"answered\"") >= 1, "answered");
        assertTrue(value(metrics, "semsearch_answers_total", "outcome=\"abstained\"") >= 1, "abstained");
        assertTrue(value(metrics, "semsearch_auth_failures_total", "reason=\"invalid-key\"") >= 1, "invalid key");
        assertTrue(value(metrics, "semsearch_auth_failures_total", "reason=\"forbidden\"") >= 1, "forbidden");
        assertTrue(value(metrics, "http_server_requests_seconds_bucket", "uri=\"/api/ask\"", "le=\"+Inf\"") >= 2,
                "HTTP server histogram");
        assertTrue(metrics.contains("agroal_available_count"), "datasource pool metrics");
        assertTrue(metrics.contains("semsearch_readiness"), "readiness gauge");
    }

    /** The value of the first sample of {@code name} whose labels hold every one of {@code labels}. */
    static double value(String exposition, String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)").matcher(exposition);
        while (line.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= line.group(1).contains(label);
            }
            if (all) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no sample of " + name + " with " + String.join(", ", labels) + " in:\n"
                + exposition.lines().filter(l -> l.startsWith(name)).limit(20).reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void sampleParsingReadsLabelsAndValues() {
        String exposition = "x_total{a=\"1\",b=\"2\"} 3.0\nx_total{a=\"2\"} 5.0\n";
        assertEquals(5.0, value(exposition, "x_total", "a=\"2\""));
        assertEquals(3.0, value(exposition, "x_total", "b=\"2\""));
    }
}
