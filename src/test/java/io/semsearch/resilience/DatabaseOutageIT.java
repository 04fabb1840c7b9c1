package io.semsearch.resilience;

import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service while its PostgreSQL goes away and comes back: a throw-away cluster (port 5441-5444) is crashed
 * (immediate stop) and started again under the running service.
 */
class DatabaseOutageIT {

    private static final String ADMIN = "outage-test-admin-key-" + UUID.randomUUID();
    private static final Duration QUICKLY = Duration.ofSeconds(8);

    private static PackagedService packaged;
    private static ThrowawayPostgres database;
    private static ServiceProcess service;
    private static Client client;
    private static Client management;

    @BeforeAll
    static void start() throws Exception {
        packaged = PackagedService.start(ADMIN, Map.of(), "outage-it");
        database = packaged.database();
        service = packaged.service();
        client = packaged.admin();
        management = new Client(service.managementUrl(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (packaged != null) {
            packaged.close();
        }
    }

    @Test
    void callsFailFastWith503WhileTheDatabaseIsDownAndTheServiceRecoversByItself() throws Exception {
        String prefix = "outage/" + UUID.randomUUID() + "/";
        String stored = client.post("/api/documents", Map.of("source", prefix + "before",
                "text", "Microsoft a investi dans OpenAI.\n\nLes deux entreprises renégocient.")).json()
                .get("id").asText();
        String reader = client.post("/api/keys", Map.of("name", "reader", "role", "reader")).json().get("key")
                .asText();
        assertEquals(200, client.get("/api/search?q=OpenAI").status());

        database.crash();

        Map<String, Client.Reply> replies = new java.util.LinkedHashMap<>();
        Client asReader = new Client(service.url(), reader);
        Client unknownKey = new Client(service.url(), "ssk_0123456789ab_" + "x".repeat(43));
        long started = System.nanoTime();
        replies.put("search", timed(() -> client.get("/api/search?q=OpenAI")));
        replies.put("search, stored key", timed(() -> asReader.get("/api/search?q=OpenAI")));
        replies.put("search, key never seen", timed(() -> unknownKey.get("/api/search?q=OpenAI")));
        replies.put("mcp, key never seen", timed(() -> unknownKey.get("/mcp")));
        replies.put("ask", timed(() -> client.post("/api/ask", Map.of("question", "Qui a investi dans OpenAI ?"))));
        replies.put("list", timed(() -> client.get("/api/documents")));
        replies.put("read", timed(() -> client.get("/api/documents/" + stored)));
        replies.put("delete", timed(() -> client.delete("/api/documents/" + stored)));
        replies.put("index", timed(() -> client.post("/api/documents", Map.of("source", prefix + "during",
                "text", "Un texte indexé pendant la panne."))));
        replies.put("batch", timed(() -> client.post("/api/documents/batch", Map.of("documents",
                TestDocuments.batch(prefix + "batch-during-", 5)))));
        replies.put("keys", timed(() -> client.get("/api/keys")));
        for (Map.Entry<String, Client.Reply> reply : replies.entrySet()) {
            assertEquals(503, reply.getValue().status(), reply.getKey() + ": " + reply.getValue().body());
            assertEquals("application/problem+json", reply.getValue().header("Content-Type"), reply.getKey());
            assertTrue(Integer.parseInt(reply.getValue().header("Retry-After")) >= 1, reply.getKey());
            assertEquals("Service unavailable", reply.getValue().json().get("title").asText());
        }
        Client.Reply ready = timed(() -> management.get("/q/health/ready"));
        assertEquals(503, ready.status(), ready.body());
        assertEquals("DOWN", ready.json().get("status").asText());
        Client.Reply live = timed(() -> management.get("/q/health/live"));
        assertEquals(200, live.status());
        assertEquals("UP", live.json().get("status").asText());
        assertTrue(service.isAlive());
        System.out.printf("14 calls during the outage answered in %.1f s%n", (System.nanoTime() - started) / 1e9);

        database.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (management.get("/q/health/ready").status() != 200) {
            assertTrue(System.nanoTime() < deadline, "ready again within 60 s of the database's return");
            TimeUnit.MILLISECONDS.sleep(250);
        }
        assertEquals(200, client.get("/api/search?q=OpenAI").status());
        assertEquals(200, asReader.get("/api/documents/" + stored).status(), "nothing was deleted");
        assertEquals(201, client.post("/api/documents", Map.of("source", prefix + "after",
                "text", "Un texte indexé après la panne.")).status());
        try (Connection connection = database.connect()) {
            assertEquals(java.util.Set.of(prefix + "before", prefix + "after"),
                    StoreConsistency.sources(connection, prefix), "nothing of the failed calls was written");
            assertEquals(List.of(), StoreConsistency.violations(connection, prefix));
        }
    }

    @Test
    void aBatchCutByTheOutageLeavesEachDocumentWholeOrAbsent() throws Exception {
        String prefix = "outage-batch/" + UUID.randomUUID() + "/";
        List<Map<String, Object>> documents = TestDocuments.batch(prefix, 120);
        CompletableFuture<Client.Reply> batch = client.postAsync("/api/documents/batch",
                Map.of("documents", documents));
        try (Connection watcher = database.connect()) {
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (StoreConsistency.sources(watcher, prefix).isEmpty() && !batch.isDone()) {
                assertTrue(System.nanoTime() < deadline, "the batch started writing");
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
        database.crash();
        Client.Reply reply = batch.get(2, TimeUnit.MINUTES);
        database.start();
        assertTrue(reply.status() == 503 || reply.status() == 200, reply.status() + " " + reply.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (management.get("/q/health/ready").status() != 200) {
            assertTrue(System.nanoTime() < deadline, "ready again");
            TimeUnit.MILLISECONDS.sleep(250);
        }
        try (Connection connection = database.connect()) {
            assertEquals(List.of(), StoreConsistency.violations(connection, prefix));
            System.out.printf("Batch cut by the outage (%d): %d of %d documents stored whole%n", reply.status(),
                    StoreConsistency.sources(connection, prefix).size(), documents.size());
        }
        Client.Reply again = client.post("/api/documents/batch", Map.of("documents", documents));
        assertEquals(200, again.status(), again.body());
        try (Connection connection = database.connect()) {
            assertEquals(documents.size(), StoreConsistency.sources(connection, prefix).size());
            assertEquals(List.of(), StoreConsistency.violations(connection, prefix));
        }
    }

    private interface Call {
        Client.Reply call() throws Exception;
    }

    /** A call that must be answered quickly even with the database gone. */
    private static Client.Reply timed(Call call) throws Exception {
        long started = System.nanoTime();
        Client.Reply reply = call.call();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(QUICKLY) < 0, "answered in " + took.toMillis() + " ms");
        return reply;
    }
}
