package io.semsearch.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/openapi.json is the OpenAPI document the service serves at /q/openapi: the file that scripts/lint-openapi.sh
 * lints (Redocly, recommended rules) and that the test client is generated from (GeneratedClientTest). After an API
 * change, write it anew with {@code scripts/test.sh -Dtest=OpenApiDocumentTest -Dsemsearch.openapi.update=true}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String SCHEMAS = "#/components/schemas/";

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

    /**
     * JSON Schema patterns are ECMAScript regular expressions: every pattern of the document compiles as one (with
     * the u flag, as JSON Schema validators compile them: Java-only syntax such as \\p{XDigit}, (?i) or possessive
     * quantifiers fails there) and as a Java one (the service's own check).
     */
    @Test
    void everyPatternIsPortable() throws Exception {
        List<String> patterns = new ArrayList<>();
        walk(OpenApiContract.served().document(), "", (pointer, node) -> {
            if (node.path("pattern").isString()) {
                patterns.add(node.get("pattern").asString());
            }
        });
        assertFalse(patterns.isEmpty(), "no pattern found: the walk is broken");
        assertEquals(List.of("\\p{XDigit}", "(?i)a", "a++"),
                invalidInEcmaScript(List.of("\\p{XDigit}", "(?i)a", "a++", "[0-9A-Fa-f]{8}", "\\S")),
                "the ECMAScript check itself");
        assertEquals(List.of(), invalidInEcmaScript(patterns), "patterns that are not ECMAScript");
        for (String pattern : patterns) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new AssertionError("not a Java pattern: " + pattern, e);
            }
        }
    }

    /** Every example of the document (schemas', parameters', media types') is valid against its schema. */
    @Test
    void everyExampleValidates() {
        OpenApiContract contract = OpenApiContract.served();
        Map<String, List<String>> invalid = new TreeMap<>();
        List<String> checked = new ArrayList<>();
        walk(contract.document(), "", (pointer, node) -> {
            Map<String, tools.jackson.databind.JsonNode> examples = new TreeMap<>();
            String schema = null;
            if (node.path("examples").isArray()) {
                schema = pointer;
                for (int i = 0; i < node.get("examples").size(); i++) {
                    examples.put(pointer + "/examples/" + i, node.get("examples").get(i));
                }
            } else if (node.has("schema") && (node.has("example") || node.path("examples").isObject())) {
                schema = pointer + "/schema";
                if (node.has("example")) {
                    examples.put(pointer + "/example", node.get("example"));
                }
                node.path("examples").properties().forEach(example -> examples.put(pointer + "/examples/"
                        + OpenApiContract.escape(example.getKey()), example.getValue().get("value")));
            }
            for (Map.Entry<String, tools.jackson.databind.JsonNode> example : examples.entrySet()) {
                checked.add(example.getKey());
                List<String> errors = contract.errors(schema, example.getValue());
                if (!errors.isEmpty()) {
                    invalid.put(example.getKey(), errors);
                }
            }
        });
        assertTrue(checked.size() >= 10, "only " + checked + " found: the walk is broken");
        assertFalse(contract.errors("/components/schemas/OffsetDateTime",
                OpenApiContract.JSON.readTree("\"yesterday\"")).isEmpty(), "formats are not asserted");
        assertEquals(Map.of(), invalid, "examples that do not fit their schema");
    }

    /**
     * Response schemas require what the service always sends: every component of a record served as a response
     * that Jackson always writes (not left out by {@code @JsonInclude(NON_NULL)}) is required; a component it may
     * leave out is required only where the record says so itself ({@code @Schema(requiredProperties)}).
     */
    @Test
    void responseSchemasRequireWhatIsAlwaysSent() throws IOException {
        tools.jackson.databind.JsonNode document = OpenApiContract.served().document();
        Set<String> responses = reachable(document, document.get("paths").findValues("responses"));
        List<tools.jackson.databind.JsonNode> requestParts = new ArrayList<>(document.get("paths")
                .findValues("requestBody"));
        requestParts.addAll(document.get("paths").findValues("parameters"));
        responses.removeAll(reachable(document, requestParts));
        Map<String, Class<?>> records = records();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String name : responses) {
            tools.jackson.databind.JsonNode schema = document.path("components").path("schemas").path(name);
            Class<?> record = records.get(name);
            if (!schema.has("properties") || record == null) {
                continue;
            }
            checked++;
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(property -> required.add(property.asString()));
            Schema annotation = record.getAnnotation(Schema.class);
            Set<String> claimed = annotation == null ? Set.of() : Set.of(annotation.requiredProperties());
            for (RecordComponent component : record.getRecordComponents()) {
                String property = component.getName();
                boolean alwaysSent = component.getType().isPrimitive() || !leftOutWhenNull(component);
                if (alwaysSent && !required.contains(property)) {
                    wrong.add(name + "." + property + " is always sent but not required");
                } else if (!alwaysSent && required.contains(property) && !claimed.contains(property)) {
                    wrong.add(name + "." + property + " may be left out (NON_NULL) but is required: list the "
                            + "components always sent in @Schema(requiredProperties) of " + record.getName());
                }
            }
        }
        assertTrue(checked >= 15, "only " + checked + " response schemas matched to records");
        assertEquals(List.of(), wrong);
    }

    private static boolean leftOutWhenNull(RecordComponent component) {
        JsonInclude own = component.getAccessor().getAnnotation(JsonInclude.class);
        JsonInclude inherited = component.getDeclaringRecord().getAnnotation(JsonInclude.class);
        JsonInclude effective = own != null ? own : inherited;
        return effective != null && effective.value() != JsonInclude.Include.ALWAYS
                && effective.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    /** The records of the service by the name of their schema: {@code @Schema(name)}, else their simple name. */
    private static Map<String, Class<?>> records() throws IOException {
        Path classes = Path.of("target", "classes");
        Map<String, Class<?>> records = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes.resolve("io/semsearch"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (type.isRecord()) {
                    Schema schema = type.getAnnotation(Schema.class);
                    records.put(schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName(),
                            type);
                }
            }
        }
        return records;
    }

    /** The component schemas the given parts of the document refer to, directly or through other schemas. */
    private static Set<String> reachable(tools.jackson.databind.JsonNode document,
            List<tools.jackson.databind.JsonNode> parts) {
        Set<String> names = new LinkedHashSet<>();
        List<tools.jackson.databind.JsonNode> pending = new ArrayList<>(parts);
        while (!pending.isEmpty()) {
            for (tools.jackson.databind.JsonNode ref : pending.remove(pending.size() - 1).findValues("$ref")) {
                String target = ref.asString();
                if (target.startsWith(SCHEMAS) && names.add(target.substring(SCHEMAS.length()))) {
                    pending.add(document.path("components").path("schemas").path(target.substring(SCHEMAS.length())));
                }
            }
        }
        return names;
    }

    private static void walk(tools.jackson.databind.JsonNode node, String pointer,
            java.util.function.BiConsumer<String, tools.jackson.databind.JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(pointer, node);
            node.properties().forEach(property -> walk(property.getValue(),
                    pointer + "/" + OpenApiContract.escape(property.getKey()), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    /** The patterns Node.js does not compile as {@code new RegExp(pattern, "u")}. */
    private static List<String> invalidInEcmaScript(List<String> patterns) throws Exception {
        Process node;
        try {
            node = new ProcessBuilder("node", "-e", """
                    const patterns = JSON.parse(require("fs").readFileSync(0, "utf8"));
                    const invalid = patterns.filter(p => { try { new RegExp(p, "u"); return false; }
                                                           catch (e) { return true; } });
                    process.stdout.write(JSON.stringify(invalid));""").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("Node.js is needed to check the document's patterns as ECMAScript: "
                    + "scripts/setup-openapi-lint.sh installs it", e);
        }
        try (var in = node.getOutputStream()) {
            in.write(OpenApiContract.JSON.writeValueAsString(patterns).getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0, "node failed: " + out);
        List<String> invalid = new ArrayList<>();
        OpenApiContract.JSON.readTree(out).forEach(p -> invalid.add(p.asString()));
        return invalid;
    }
}
