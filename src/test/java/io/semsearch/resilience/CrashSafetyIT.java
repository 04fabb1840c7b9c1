package io.semsearch.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service killed (SIGKILL) in the middle of a large batch, then started again; and stopped (SIGTERM)
 * with a request in flight. On a throw-away PostgreSQL cluster (port 5441-5444).
 */
class CrashSafetyIT {

    private static final String ADMIN = "crash-test-admin-key-" + UUID.randomUUID();

    private static ThrowawayPostgres database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ThrowawayPostgres.create();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aKilledServiceLeavesEveryDocumentWholeOrAbsentAndTheSameBatchCompletesIt() throws Exception {
        String prefix = "crash/" + UUID.randomUUID() + "/";
        List<Map<String, Object>> documents = TestDocuments.batch(prefix, 200);
        Set<String> storedBeforeRestart;
        try (ServiceProcess service = start("crash-it-1"); Connection watcher = database.connect()) {
            CompletableFuture<Client.Reply> batch = new Client(service.url(), ADMIN)
                    .postAsync("/api/documents/batch", Map.of("documents", documents));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (StoreConsistency.sources(watcher, prefix).isEmpty()) {
                assertTrue(System.nanoTime() < deadline && !batch.isDone(), "the batch started writing");
                TimeUnit.MILLISECONDS.sleep(2);
            }
            service.kill();
            storedBeforeRestart = StoreConsistency.sources(watcher, prefix);
            assertTrue(storedBeforeRestart.size() < documents.size(),
                    "killed in the middle: " + storedBeforeRestart.size() + " of " + documents.size() + " stored");
            assertEquals(List.of(), StoreConsistency.violations(watcher, prefix));
        }
        System.out.printf("Killed with %d of %d documents stored%n", storedBeforeRestart.size(), documents.size());

        try (ServiceProcess service = start("crash-it-2"); Connection connection = database.connect()) {
            Client.Reply reply = new Client(service.url(), ADMIN).post("/api/documents/batch",
                    Map.of("documents", documents));
            assertEquals(200, reply.status(), reply.body());
            Map<String, String> statuses = new HashMap<>();
            for (JsonNode result : reply.json().get("results")) {
                statuses.put(result.get("source").asText(), result.get("status").asText());
            }
            for (Map<String, Object> document : documents) {
                String source = (String) document.get("source");
                assertEquals(storedBeforeRestart.contains(source) ? "unchanged" : "created", statuses.get(source),
                        source);
            }
            assertEquals(documents.size(), StoreConsistency.sources(connection, prefix).size());
            assertEquals(List.of(), StoreConsistency.violations(connection, prefix));
        }
    }

    @Test
    void sigtermLetsTheRequestInFlightFinish() throws Exception {
        String prefix = "sigterm/" + UUID.randomUUID() + "/";
        List<Map<String, Object>> documents = TestDocuments.batch(prefix, 40);
        // a generous shutdown timeout: the batch must finish on a busy machine too
        ServiceProcess service = start("crash-it-sigterm", Map.of("QUARKUS_SHUTDOWN_TIMEOUT", "120S"));
        try (Connection connection = database.connect()) {
            CompletableFuture<Client.Reply> batch = new Client(service.url(), ADMIN)
                    .postAsync("/api/documents/batch", Map.of("documents", documents));
            TimeUnit.MILLISECONDS.sleep(1500);
            assertTrue(!batch.isDone(), "the batch is still being indexed when SIGTERM comes");
            service.terminate();
            Client.Reply reply = batch.get(2, TimeUnit.MINUTES);
            assertEquals(200, reply.status(), reply.body());
            assertTrue(service.exitsWithin(Duration.ofSeconds(60)), "the service exits after its last request");
            assertEquals(documents.size(), StoreConsistency.sources(connection, prefix).size());
            assertEquals(List.of(), StoreConsistency.violations(connection, prefix));
        } finally {
            service.close();
        }
    }

    private static ServiceProcess start(String logName) throws Exception {
        return start(logName, Map.of());
    }

    private static ServiceProcess start(String logName, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_USERNAME", ThrowawayPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", ThrowawayPostgres.PASSWORD,
                "SEMSEARCH_SECURITY_BOOTSTRAP_KEY", ADMIN));
        settings.putAll(extra);
        return ServiceProcess.start(database.jdbcUrl(), FreePort.find(), settings, logName);
    }
}
