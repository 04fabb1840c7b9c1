package io.semsearch.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Keys of the test profile: the admin key it configures ({@code %test.semsearch.security.bootstrap-key}). The test
 * profile also lets requests without a key read, so tests that only read send none.
 */
public final class TestKeys {

    public static final String ADMIN = "test-admin-key-for-the-test-profile-only";

    private TestKeys() {
    }

    /** A request that carries the admin key, for tests that write. */
    public static RequestSpecification asAdmin() {
        return withKey(ADMIN);
    }

    public static RequestSpecification withKey(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** A new key of that role (reader, writer or admin), created through the API with the admin key. */
    public static String createKey(String role) {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("name", "test " + role, "role", role))
                .when().post("/api/keys").then().statusCode(201).extract().path("key");
    }
}
