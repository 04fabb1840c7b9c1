package io.semsearch.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.semsearch.security.RateLimitedProfile;
import io.semsearch.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;

/**
 * The 429 of the rate limits, which the test profile turns off, checked against the document as ContractTest does.
 * Its own profile, so that its own service (and buckets) starts for it: RateLimitApiTest expects full buckets.
 */
@QuarkusTest
@TestProfile(RateLimitedContractTest.OwnBuckets.class)
class RateLimitedContractTest {

    public static class OwnBuckets extends RateLimitedProfile {
    }

    @Test
    void theRateLimitsProblemIsTheDocumentedOne() {
        ContractTest.conforms("GET", "/api/search",
                untilRefused(() -> given().queryParam("q", "OpenAI").get("/api/search")), 429);
        // the profile leaves the configured admin key out of reach: an admin key of 1 request/s (bursts of 6)
        String admin = TestKeys.asAdmin().contentType("application/json")
                .body(Map.of("name", "limited admin", "role", "admin", "rateLimit", 1)).post("/api/keys").then()
                .statusCode(201).extract().path("key");
        ContractTest.conforms("GET", "/api/keys", untilRefused(() -> TestKeys.withKey(admin).get("/api/keys")), 429);
    }

    /** The first refused response; the profile's bursts are a few requests. */
    private static Response untilRefused(Supplier<Response> request) {
        Response response = request.get();
        for (int i = 0; i < 10 && response.statusCode() / 100 == 2; i++) {
            response = request.get();
        }
        return response;
    }
}
