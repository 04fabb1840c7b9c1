package io.semsearch.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/openapi.json is the OpenAPI document the service serves at /q/openapi: the file that scripts/lint-openapi.sh
 * lints (Redocly, recommended rules) and that the test client is generated from (GeneratedClientTest). After an API
 * change, write it anew with {@code scripts/test.sh -Dtest=OpenApiDocumentTest -Dsemsearch.openapi.update=true}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("docs", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        JsonNode served = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString());
        if (Boolean.getBoolean("semsearch.openapi.update")) {
            Files.writeString(COMMITTED, JSON.writeValueAsString(served) + "\n");
        }
        assertTrue(Files.exists(COMMITTED), COMMITTED + " is missing");
        Path current = Path.of("target", "openapi", "openapi.json");
        Files.createDirectories(current.getParent());
        Files.writeString(current, JSON.writeValueAsString(served) + "\n");
        assertEquals(JSON.readTree(COMMITTED.toFile()), served, COMMITTED + " differs from /q/openapi (saved as "
                + current + "); after an API change run: scripts/test.sh -Dtest=OpenApiDocumentTest "
                + "-Dsemsearch.openapi.update=true");
    }
}
