package io.semsearch.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * The OpenAPI document the service serves, as JSON Schemas to validate values with: any schema in it, named by its
 * JSON pointer, is checked with its references resolved in the document (OpenAPI 3.1 dialect, formats asserted).
 */
final class OpenApiContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "https://semsearch.test/openapi.json";

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** The document served at /q/openapi by the running test service. */
    static OpenApiContract served() {
        return new OpenApiContract(JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString()));
    }

    JsonNode document() {
        return document;
    }

    /** The node at a JSON pointer ({@code /paths/~1api~1search/get}), missing when there is none. */
    JsonNode at(String pointer) {
        return document.at(pointer);
    }

    /** Why {@code value} does not fit the schema at {@code pointer}; empty when it does. */
    List<String> errors(String pointer, JsonNode value) {
        if (document.at(pointer).isMissingNode()) {
            throw new IllegalArgumentException("no schema at " + pointer);
        }
        Schema schema = schemas.computeIfAbsent(pointer, p -> {
            // the whole document as the schema resource, so that its #/components/schemas/... references resolve
            ObjectNode root = (ObjectNode) document.deepCopy();
            root.put("$ref", "#" + p);
            return registry.getSchema(SchemaLocation.of(BASE), root);
        });
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            errors.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return errors;
    }

    /** The pointer of the operation serving {@code method path} (a path template, {@code /api/keys/{id}}). */
    static String operation(String method, String path) {
        return "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
