package io.semsearch.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.semsearch.testing.Management;
import io.semsearch.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits per key and per client address, over real HTTP (limits of {@link RateLimitedProfile}; the refill over
 * time is {@link RateLimiterTest}'s). Only one test here sends requests without a key, so its bucket is full at start.
 */
@QuarkusTest
@TestProfile(RateLimitedProfile.class)
class RateLimitApiTest {

    @Test
    void eachKeyHasItsOwnBucketAndGets429WithRetryAfter() {
        String first = TestKeys.createKey("reader");
        String second = TestKeys.createKey("reader");
        for (int i = 0; i < 3; i++) {
            TestKeys.withKey(first).when().get("/api/documents").then().statusCode(200);
        }
        Response limited = TestKeys.withKey(first).queryParam("q", "OpenAI").when().get("/api/search");
        limited.then().statusCode(429).contentType("application/problem+json")
                .body("title", equalTo("Too many requests"))
                .body("detail", containsString("semsearch.security.rate-limit"));
        assertRetryAfterWithinOneToken(limited);
        TestKeys.withKey(second).when().get("/api/documents").then().statusCode(200);
    }

    @Test
    void requestsWithoutAKeyAreLimitedPerAddress() {
        for (int i = 0; i < 2; i++) {
            given().when().get("/api/documents").then().statusCode(200);
        }
        Response limited = given().queryParam("q", "OpenAI").when().get("/api/search");
        limited.then().statusCode(429).contentType("application/problem+json");
        assertRetryAfterWithinOneToken(limited);
        TestKeys.withKey(TestKeys.createKey("reader")).when().get("/api/documents").then().statusCode(200);
    }

    @Test
    void failedAuthenticationsAreLimitedPerAddressBeforeAnyLookUp() {
        String guesser = "203.0.113.7";
        for (int i = 0; i < 3; i++) {
            TestKeys.withKey(unknownKey()).header("X-Forwarded-For", guesser).when().get("/api/documents").then()
                    .statusCode(401);
        }
        Response limited = TestKeys.withKey(unknownKey()).header("X-Forwarded-For", guesser).when()
                .get("/api/documents");
        limited.then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("failed-authentications-per-second"));
        assertRetryAfterWithinOneToken(limited);
        TestKeys.asAdmin().header("X-Forwarded-For", guesser).when().get("/api/documents").then()
                .statusCode(200);
        TestKeys.withKey(unknownKey()).header("X-Forwarded-For", "203.0.113.8").when().get("/api/documents").then()
                .statusCode(401);
        Response onMcp = TestKeys.withKey(unknownKey()).header("X-Forwarded-For", guesser)
                .contentType("application/json")
                .accept("application/json, text/event-stream").body(INITIALIZE).when().post("/mcp");
        onMcp.then().statusCode(429).contentType("application/problem+json");
        assertRetryAfterWithinOneToken(onMcp);
    }

    @Test
    void mcpRequestsCountAgainstTheKeysBucket() {
        String key = TestKeys.createKey("reader");
        for (int i = 0; i < 3; i++) {
            TestKeys.withKey(key).contentType("application/json").accept("application/json, text/event-stream")
                    .body(INITIALIZE).when().post("/mcp").then().statusCode(200);
        }
        Response limited = TestKeys.withKey(key).contentType("application/json")
                .accept("application/json, text/event-stream").body(INITIALIZE).when().post("/mcp");
        limited.then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("semsearch.security.rate-limit"));
        assertRetryAfterWithinOneToken(limited);
    }

    @Test
    void aKeyWithARateOfItsOwnGetsItsOwnBucketSize() {
        String fast = TestKeys.asAdmin().contentType("application/json")
                .body(Map.of("name", "fast reader", "role", "reader", "rateLimit", 1)).when().post("/api/keys")
                .then().statusCode(201).body("rateLimit", equalTo(1)).extract().path("key");
        // 1 request a second, bursts of 6 s: 6 at once, where the role's default (0.5 a second) allows 3
        for (int i = 0; i < 6; i++) {
            TestKeys.withKey(fast).when().get("/api/documents").then().statusCode(200);
        }
        TestKeys.withKey(fast).when().get("/api/documents").then().statusCode(429);
        TestKeys.asAdmin().when().get("/api/keys").then().statusCode(200)
                .body("find { it.name == 'fast reader' }.rateLimit", equalTo(1));
        TestKeys.asAdmin().contentType("application/json")
                .body(Map.of("name", "too fast", "role", "reader", "rateLimit", 0)).when().post("/api/keys")
                .then().statusCode(400).body("detail", containsString("rateLimit: must be at least 1"));
    }

    @Test
    void probesAndTheContractAreNotLimited() {
        for (int i = 0; i < 10; i++) {
            Management.request().when().get("/q/health/ready").then().statusCode(200);
        }
    }

    private static final String INITIALIZE = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", "
            + "\"params\": {\"protocolVersion\": \"2025-03-26\", \"capabilities\": {}, \"clientInfo\": "
            + "{\"name\": \"t\", \"version\": \"1\"}}}";

    /** A well-formed key that no one holds. */
    private static String unknownKey() {
        return KeyFormat.newKey();
    }

    /** 0.5 request/s: the next token within 2 s (the bound is loose). */
    private static void assertRetryAfterWithinOneToken(Response limited) {
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 50, "Retry-After " + retryAfter);
    }
}
