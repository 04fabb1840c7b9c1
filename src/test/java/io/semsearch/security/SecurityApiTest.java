package io.semsearch.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.semsearch.common.Problem;
import io.semsearch.testing.Management;
import io.semsearch.testing.TestData;
import io.semsearch.testing.TestKeys;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keys and roles with the production defaults (reads need a key, no configured admin key), over real HTTP and the
 * real store.
 */
@QuarkusTest
@TestProfile(KeysRequiredProfile.class)
class SecurityApiTest {

    private static final Pattern PRINTED_KEY = Pattern.compile("ssk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    private static String admin;

    @Inject
    ApiKeyService keys;

    @Inject
    KeyBootstrap bootstrap;

    @Inject
    EntityManager entityManager;

    @Inject
    TestData testData;

    @BeforeEach
    void anAdminKey() {
        if (admin == null) {
            deleteAllKeys();
            admin = keys.createFirstKeyIfNone().orElseThrow().secret();
        }
    }

    @AfterEach
    void restore() {
        testData.restore();
    }

    @Test
    void theFirstStartCreatesOneAdminKeyWrittenForItsOwnerNeverPrinted() throws Exception {
        deleteAllKeys();
        java.nio.file.Path file = java.nio.file.Path.of(KeysRequiredProfile.FIRST_KEY_FILE).toAbsolutePath();
        java.nio.file.Files.deleteIfExists(file);
        String printed = console(() -> bootstrap.onStart(null));
        String written = java.nio.file.Files.readString(file).strip();
        assertTrue(PRINTED_KEY.matcher(written).matches(), written);
        assertFalse(PRINTED_KEY.matcher(printed).find(), "the key is not on the console: " + printed);
        assertTrue(printed.contains(file.toString()), printed);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)));
        admin = written;
        TestKeys.withKey(admin).when().get("/api/keys").then().statusCode(200)
                .body("name", equalTo(List.of("bootstrap"))).body("role", equalTo(List.of("admin")));
        assertEquals("", console(() -> bootstrap.onStart(null)), "a second start prints nothing");
        assertEquals(written, java.nio.file.Files.readString(file).strip(), "nor writes another key");

        deleteAllKeys();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            created.add(pool.submit(() -> keys.createFirstKeyIfNone().isPresent()));
        }
        int made = 0;
        for (Future<Boolean> f : created) {
            made += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, made, "replicas starting at once create one key between them");
        assertEquals(1L, count("select count(*) from api_key"));
        deleteAllKeys();
        admin = keys.createFirstKeyIfNone().orElseThrow().secret();
    }

    @Test
    void readsNeedAKeyWhenAnonymousReadsAreOff() {
        for (var request : List.of(given().queryParam("q", "OpenAI").when().get("/api/search"),
                given().contentType(ContentType.JSON).body(Map.of("question", "Qui a investi ?")).when()
                        .post("/api/ask"),
                given().when().get("/api/documents"),
                given().contentType(ContentType.JSON).body(Map.of("rating", "up")).when()
                        .post("/api/ask/" + UUID.randomUUID() + "/feedback"),
                given().when().get("/api/feedback/report"),
                given().when().get("/api/keys"))) {
            request.then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").body("title", equalTo("Unauthorized"))
                    .body("detail", containsString("Authorization: Bearer"));
        }
        String reader = create("reader");
        TestKeys.withKey(reader).queryParam("q", "OpenAI").when().get("/api/search").then().statusCode(200);
        TestKeys.withKey(reader).contentType(ContentType.JSON).body(Map.of("question", "Qui a investi ?"))
                .when().post("/api/ask").then().statusCode(200);
        TestKeys.withKey(reader).when().get("/api/documents").then().statusCode(200);
    }

    @Test
    void unknownMalformedAndRevokedKeysAre401() {
        String reader = create("reader");
        String forged = reader.substring(0, reader.length() - 1) + (reader.endsWith("A") ? "B" : "A");
        for (String bad : List.of(forged, "ssk_0123456789ab_" + "x".repeat(43), "not-a-key", "Bearer " + admin)) {
            TestKeys.withKey(bad).when().get("/api/documents").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", "Basic YTpi").when().get("/api/documents").then().statusCode(401);

        String id = idOf(reader);
        TestKeys.withKey(reader).when().get("/api/documents").then().statusCode(200);
        TestKeys.withKey(admin).when().delete("/api/keys/" + id).then().statusCode(204);
        TestKeys.withKey(reader).when().get("/api/documents").then().statusCode(401)
                .body("detail", containsString("unknown or revoked"));
        TestKeys.withKey(admin).when().delete("/api/keys/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        TestKeys.withKey(admin).when().delete("/api/keys/not-an-id").then().statusCode(404);
    }

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        String reader = create("reader");
        String writer = create("writer");
        String source = "test/roles-" + UUID.randomUUID();
        Map<String, String> document = Map.of("source", source, "text", "OpenAI lève des fonds auprès de Microsoft.");

        TestKeys.withKey(reader).contentType(ContentType.JSON).body(document).when().post("/api/documents").then()
                .statusCode(403).contentType("application/problem+json").body("title", equalTo("Forbidden"));
        TestKeys.withKey(reader).contentType(ContentType.JSON).body(Map.of("documents", List.of(document)))
                .when().post("/api/documents/batch").then().statusCode(403);
        TestKeys.withKey(reader).when().get("/api/keys").then().statusCode(403);
        TestKeys.withKey(writer).when().get("/api/keys").then().statusCode(403);
        TestKeys.withKey(writer).contentType(ContentType.JSON).body(Map.of("name", "x", "role", "admin"))
                .when().post("/api/keys").then().statusCode(403);

        String id = TestKeys.withKey(writer).contentType(ContentType.JSON).body(document).when()
                .post("/api/documents").then().statusCode(201).extract().path("id");
        TestKeys.withKey(writer).when().get("/api/documents/" + id).then().statusCode(200);
        TestKeys.withKey(reader).when().delete("/api/documents/" + id).then().statusCode(403);
        TestKeys.withKey(reader).when().get("/api/documents/" + id).then().statusCode(200);
        TestKeys.withKey(writer).when().delete("/api/documents/" + id).then().statusCode(204);
        TestKeys.withKey(admin).contentType(ContentType.JSON).body(document).when().post("/api/documents").then()
                .statusCode(201);
    }

    @Test
    void aKeyIsShownOnceAndStoredAsASaltedHash() {
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> response = TestKeys.withKey(admin)
                .contentType(ContentType.JSON).body(Map.of("name", "nightly indexer", "role", "writer"))
                .when().post("/api/keys").then().statusCode(201)
                .header("Location", containsString("/api/keys/"))
                .body("name", equalTo("nightly indexer")).body("role", equalTo("writer"))
                .body("createdAt", notNullValue())
                .extract();
        JsonPath created = response.jsonPath();
        String key = created.getString("key");
        String shown = TestKeys.withKey(admin).when().get(response.header("Location")).then().statusCode(200)
                .body("id", equalTo(created.getString("id"))).body("name", equalTo("nightly indexer"))
                .body("role", equalTo("writer")).extract().asString();
        assertFalse(shown.contains(key.substring(17)) || shown.contains("\"key\""), "the Location never shows the key");
        TestKeys.withKey(admin).when().get("/api/keys/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        TestKeys.withKey(key).when().get(response.header("Location")).then().statusCode(403);
        assertTrue(PRINTED_KEY.matcher(key).matches(), key);
        String listed = TestKeys.withKey(admin).when().get("/api/keys").then().statusCode(200)
                .body("name", hasItem("nightly indexer")).extract().asString();
        assertFalse(listed.contains(key.substring(17)), "the list never shows a key");
        assertFalse(listed.contains("\"key\""), listed);

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select lookup_id, salt, key_hash, name, role from api_key where id = cast(?1 as uuid)")
                .setParameter(1, created.getString("id")).getSingleResult());
        assertEquals(key.substring(4, 16), row[0]);
        byte[] salt = (byte[]) row[1];
        assertEquals(16, salt.length);
        assertArrayEquals(KeyFormat.hash(salt, key), (byte[]) row[2]);
        String secret = key.substring(17);
        for (Object column : row) {
            String text = column instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : String.valueOf(column);
            assertFalse(text.contains(secret), "the secret is stored nowhere");
        }
        String other = create("writer");
        assertNotEquals(key.substring(4, 16), other.substring(4, 16), "each key has its own lookup id");
    }

    @Test
    void listingShowsWhenAKeyWasLastUsed() {
        String reader = create("reader");
        String id = idOf(reader);
        assertEquals(null, lastUsed(id));
        TestKeys.withKey(reader).when().get("/api/documents").then().statusCode(200);
        assertTrue(lastUsed(id) != null, "used once, listed with its last use");
    }

    @Test
    void keysNeverReachTheLog() throws Exception {
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : record.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String printed;
        try {
            String key = create("reader");
            TestKeys.withKey(key).when().get("/api/documents").then().statusCode(200);
            TestKeys.withKey(key + "x").when().get("/api/documents").then().statusCode(401);
            TestKeys.withKey(admin).when().delete("/api/keys/" + idOf(key)).then().statusCode(204);
            TestKeys.withKey(key).when().get("/api/documents").then().statusCode(401);
            deleteAllKeys();
            printed = console(() -> bootstrap.onStart(null));
            assertFalse(PRINTED_KEY.matcher(printed).find(), printed);
            admin = java.nio.file.Files.readString(java.nio.file.Path.of(KeysRequiredProfile.FIRST_KEY_FILE)).strip();
            for (String line : logged) {
                assertFalse(line.contains(key.substring(17)), line);
                assertFalse(line.contains(admin.substring(17)), line);
            }
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void keyRequestsAreValidated() {
        TestKeys.withKey(admin).contentType(ContentType.JSON).body(Map.of("name", " ", "role", "root"))
                .when().post("/api/keys").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("name", "role")));
        TestKeys.withKey(admin).contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .when().post("/api/keys").then().statusCode(400).body("errors.field", equalTo(List.of("role")));
        int keys = TestKeys.withKey(admin).when().get("/api/keys").then().statusCode(200).extract().path("size()");
        TestKeys.withKey(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"rh\", \"role\": \"reader\", \"collections\": [\"rh\"]}")
                .when().post("/api/keys").then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Unknown field"))
                .body("errors.field", equalTo(List.of("collections")))
                .body("detail", containsString("'collections'"))
                .body("detail", containsString("name, rateLimit, role"));
        TestKeys.withKey(admin).when().get("/api/keys").then().statusCode(200).body("size()", equalTo(keys));
    }

    @Test
    void probesAndTheContractStayOpen() {
        Management.request().when().get("/q/health/ready").then().statusCode(200);
        Management.request().when().get("/q/health/live").then().statusCode(200);
        Management.request().header("Authorization", "Bearer revoked-or-wrong").when().get("/q/health/ready").then()
                .statusCode(200);
        JsonPath openapi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("http", openapi.getString("components.securitySchemes.apiKey.type"));
        assertEquals("bearer", openapi.getString("components.securitySchemes.apiKey.scheme"));
        Map<String, String> roles = Map.of("paths.'/api/search'.get", Role.READ, "paths.'/api/ask'.post", Role.READ,
                "paths.'/api/documents'.post", Role.WRITE, "paths.'/api/documents/{id}'.delete", Role.WRITE,
                "paths.'/api/keys'.get", Role.MANAGE_KEYS);
        roles.forEach((operation, role) -> {
            assertEquals(List.of(Map.of("apiKey", List.of(role))), openapi.getList(operation + ".security"),
                    operation);
            for (String status : List.of("401", "403", "429", "503")) {
                String problem = openapi.getString(operation + ".responses.'" + status
                        + "'.content.'application/problem+json'.schema.$ref");
                // every key has at least the reader role: an operation a reader may call never answers 403
                assertEquals(status.equals("403") && role.equals(Role.READ) ? null : "#/components/schemas/Problem",
                        problem, operation + " " + status);
            }
        });
    }

    @Test
    void theMcpEndpointFollowsTheSameRules() {
        // outside the REST endpoints, the same 401 problem documents as theirs
        given().when().get("/mcp").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json").body("detail", equalTo(Problem.MISSING_KEY))
                .body("instance", equalTo("/mcp"));
        given().contentType(ContentType.JSON).body("{}").when().post("/mcp").then().statusCode(401)
                .contentType("application/problem+json").body("detail", equalTo(Problem.MISSING_KEY));
        TestKeys.withKey("ssk_0123456789ab_" + "x".repeat(43)).when().get("/mcp").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json")
                .body("status", equalTo(401)).body("detail", equalTo(Problem.INVALID_KEY));
        // a reader passes the check
        TestKeys.withKey(create("reader")).when().get("/mcp").then().statusCode(not(equalTo(401)))
                .statusCode(not(equalTo(403)));
    }

    private static String create(String role) {
        return TestKeys.withKey(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "test " + role, "role", role))
                .when().post("/api/keys").then().statusCode(201).extract().path("key");
    }

    /** The id of a key, found by its lookup id as the service finds it. */
    private static String idOf(String key) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(
                io.quarkus.arc.Arc.container().instance(EntityManager.class).get()
                        .createNativeQuery("select id from api_key where lookup_id = ?1")
                        .setParameter(1, key.substring(4, 16)).getSingleResult()));
    }

    private static Object lastUsed(String id) {
        List<Map<String, Object>> listed = TestKeys.withKey(admin).when().get("/api/keys").then().statusCode(200)
                .extract().jsonPath().getList("");
        return listed.stream().filter(k -> id.equals(k.get("id"))).findFirst().orElseThrow().get("lastUsedAt");
    }

    private void deleteAllKeys() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from api_key")
                .executeUpdate());
        // the service's cache must not keep trusting deleted keys for this test
        keys.forgetCachedKeys();
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .getSingleResult()).longValue());
    }

    private static String console(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }
}
