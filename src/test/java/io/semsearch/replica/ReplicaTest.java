package io.semsearch.replica;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.semsearch.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.semsearch.testing.TestKeys.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The service with its writes on a primary and its reads on a streaming standby of it (clusters made by
 * scripts/setup-replica-test.sh): a document indexed through the API is searchable through the replica once replayed
 * there, and while the standby lags, the write still answers from the primary and reads simply do not see it yet.
 */
@QuarkusTest
@TestProfile(ReplicaTest.PrimaryAndStandby.class)
class ReplicaTest {

    static final String DATABASE = env("SEMSEARCH_TEST_DB_NAME", "semsearch_test");
    static final String PRIMARY = "jdbc:postgresql://127.0.0.1:" + env("SEMSEARCH_REPLICA_PRIMARY_PORT", "5443") + "/"
            + DATABASE;
    static final String STANDBY = "jdbc:postgresql://127.0.0.1:" + env("SEMSEARCH_REPLICA_STANDBY_PORT", "5442") + "/"
            + DATABASE;
    static final String USER = env("SEMSEARCH_DB_USER", "semsearch");
    static final String PASSWORD = env("SEMSEARCH_DB_PASSWORD", "semsearch");
    /** The read-only role scripts/setup-standby.sh makes: the service reads the standby as it. */
    static final String READ_USER = env("SEMSEARCH_READ_USER", "semsearch_reader");
    static final String READ_PASSWORD = env("SEMSEARCH_READ_PASSWORD", "semsearch_reader");

    public static class PrimaryAndStandby implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", PRIMARY, "%test.quarkus.datasource.jdbc.url", PRIMARY,
                    "semsearch.datasource.read-url", STANDBY, "semsearch.datasource.read-username", READ_USER,
                    "semsearch.datasource.read-password", READ_PASSWORD);
        }
    }

    @Inject
    TestData testData;

    @AfterEach
    void restore() throws SQLException {
        standby("select pg_wal_replay_resume()");
        testData.restore();
    }

    @Test
    void theReadRoleReadsButWritesNothingEvenOnThePrimary() throws SQLException {
        try (Connection connection = DriverManager.getConnection(PRIMARY, READ_USER, READ_PASSWORD);
                Statement statement = connection.createStatement()) {
            try (ResultSet count = statement.executeQuery("select count(*) from document")) {
                assertTrue(count.next());
            }
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("delete from document"));
            assertTrue(refused.getMessage().contains("read-only") || refused.getMessage().contains("permission"),
                    refused.getMessage());
        }
    }

    @Test
    void aDocumentIndexedOnThePrimaryIsSearchableThroughTheStandby() throws Exception {
        assertEquals("t", standby("select pg_is_in_recovery()"), STANDBY + " is not a standby");
        String word = "zorglubination" + System.nanoTime();

        standby("select pg_wal_replay_pause()");
        String id = asAdmin().contentType("application/json")
                .body(Map.of("source", "replica/" + word + ".txt", "title", "Réplique",
                        "text", "Le mot " + word + " n’existe que dans ce document, écrit sur le primaire."))
                .when().post("/api/documents")
                .then().statusCode(201).extract().path("id");
        // The write answered from the primary; the standby has not replayed it: reads do not see it yet.
        assertTrue(searchSources(word).isEmpty());
        given().when().get("/api/documents/" + id).then().statusCode(404);

        standby("select pg_wal_replay_resume()");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (searchSources(word).isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("The document did not become searchable through the standby within 60 s");
            }
            Thread.sleep(100);
        }
        assertEquals(List.of("replica/" + word + ".txt"), searchSources(word));
        given().when().get("/api/documents/" + id).then().statusCode(200);
    }

    private static List<String> searchSources(String word) {
        return given().queryParam("q", word).queryParam("mode", "lexical")
                .when().get("/api/search")
                .then().statusCode(200).extract().path("results.source");
    }

    private static String standby(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(STANDBY, USER, PASSWORD);
                Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
