package io.semsearch.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.semsearch.testing.Management;
import io.semsearch.testing.TestKeys;
import org.junit.jupiter.api.Test;

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
    void probesAndTheContractAreNotLimited() {
        for (int i = 0; i < 10; i++) {
            Management.request().when().get("/q/health/ready").then().statusCode(200);
        }
    }

    /** 0.02 request/s: the next token within 50 s. */
    private static void assertRetryAfterWithinOneToken(Response limited) {
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 50, "Retry-After " + retryAfter);
    }
}
