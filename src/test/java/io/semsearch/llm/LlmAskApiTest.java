package io.semsearch.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.semsearch.testing.EventStreamClient;
import io.semsearch.testing.EventStreamClient.Exchange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/ask with LLM answers on ({@link LlmOnProfile}: a scripted OpenAI-protocol server stands in for the
 * model), over the real retrieval of the sample articles: written answers keep the citation contract, broken ones
 * fall back to the extractive answer and say so, streams pass tokens on, and a client that leaves stops the model.
 */
@QuarkusTest
@TestProfile(LlmOnProfile.class)
class LlmAskApiTest {

    private static final String QUESTION = "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?";

    @TestHTTPResource("/api/ask")
    URI ask;

    @ConfigProperty(name = "semsearch.llm.base-url")
    String modelUrl;

    @Test
    void theModelsAnswerIsCitedRenumberedAndHighlighted() {
        JsonPath answer = post(QUESTION);
        assertEquals("llm", answer.getString("generator"));
        assertNull(answer.get("fallbackReason"));
        assertEquals("Microsoft a payé au moins 650 millions de dollars pour l’équipe d’Inflection [1]. "
                + "C’était un plan B face à OpenAI [2].", answer.getString("answer"));
        List<Map<String, Object>> citations = answer.getList("citations");
        assertEquals(2, citations.size());
        for (Map<String, Object> c : citations) {
            Map<String, Integer> highlight = (Map<String, Integer>) c.get("highlight");
            String text = (String) c.get("text");
            assertTrue(highlight.get("start") >= 0 && highlight.get("end") <= text.length()
                    && highlight.get("start") < highlight.get("end"), c.toString());
        }
        Map<String, Object> first = citations.get(0);
        String sentence = ((String) first.get("text")).substring(
                ((Map<String, Integer>) first.get("highlight")).get("start"),
                ((Map<String, Integer>) first.get("highlight")).get("end"));
        assertTrue(sentence.contains("Inflection"), "the highlight is the passage sentence the answer took: " + sentence);
    }

    @Test
    void aStreamedAnswerComesAsTheModelsTokens() {
        Exchange stream = EventStreamClient.post(ask, Map.of("question", QUESTION));
        assertEquals(List.of("citations", "answer", "answer", "answer", "answer", "done"), stream.names());
        String streamed = String.join("", stream.named("answer").stream().map(e -> e.data().path("text").asText())
                .toList());
        assertEquals(LlmOnProfile.VALID, streamed, "streamed markers number the citations event's passages");
        JsonNode done = stream.named("done").get(0).data();
        assertEquals("llm", done.path("generator").asText());
        assertEquals(LlmOnProfile.VALID, done.path("answer").asText(), "done numbers the passages as the stream does");
        assertEquals(List.of("2", "1"), done.path("citations").findValuesAsText("n"));
    }

    @Test
    void anUnknownMarkerOrAFailingModelFallsBackToTheExtractiveAnswer() {
        JsonPath unknown = post("Combien Microsoft a-t-il payé pour Inflection ? (passage inconnu)");
        assertEquals("extractive", unknown.getString("generator"));
        assertTrue(unknown.getString("fallbackReason").contains("cites [42]"), unknown.getString("fallbackReason"));
        assertTrue(unknown.getBoolean("answered"));
        assertTrue(unknown.getString("answer").contains("[1]"));

        JsonPath failed = post("Combien Microsoft a-t-il payé pour Inflection ? (panne)");
        assertEquals("extractive", failed.getString("generator"));
        assertTrue(failed.getString("fallbackReason").startsWith("the language model failed"),
                failed.getString("fallbackReason"));

        Exchange stream = EventStreamClient.post(ask,
                Map.of("question", "Combien Microsoft a-t-il payé pour Inflection ? (passage inconnu)"));
        JsonNode restart = stream.named("answer").stream().map(e -> e.data())
                .filter(d -> d.path("restart").asBoolean()).findFirst().orElseThrow();
        assertTrue(restart.path("reason").asText().contains("cites [42]"));
        assertEquals("extractive", stream.named("done").get(0).data().path("generator").asText());
    }

    @Test
    void aClientThatLeavesStopsTheModelsStream() throws Exception {
        JsonNode before = stats();
        Exchange partial = EventStreamClient.post(ask,
                Map.of("question", "Combien Microsoft a-t-il payé pour Inflection ? Réponds lentement."),
                event -> event.name().equals("answer"));
        assertEquals(List.of("citations", "answer"), partial.names());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (stats().path("streamsBroken").asInt() == before.path("streamsBroken").asInt()
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        JsonNode after = stats();
        assertEquals(before.path("streamsBroken").asInt() + 1, after.path("streamsBroken").asInt(),
                "the model's stream was cut when the client left: " + after);
        assertEquals(before.path("streamsCompleted").asInt(), after.path("streamsCompleted").asInt());
    }

    @Test
    void streamsBeyondTheKeysLimitAreRefusedWith429() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<java.util.concurrent.CountDownLatch> started = List.of(new java.util.concurrent.CountDownLatch(1),
                new java.util.concurrent.CountDownLatch(1));
        List<Thread> readers = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int stream = i;
            Thread reader = new Thread(() -> {
                try {
                    var response = http.send(streamRequest("Combien Microsoft a-t-il payé pour Inflection ? Réponds"
                            + " lentement, flux " + stream + "."), java.net.http.HttpResponse.BodyHandlers.ofLines());
                    response.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            started.get(stream).countDown();
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
        for (var latch : started) {
            assertTrue(latch.await(60, java.util.concurrent.TimeUnit.SECONDS), "a stream started");
        }
        var third = http.send(streamRequest("Combien Microsoft a-t-il payé pour Inflection ? Réponds lentement."),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(429, third.statusCode(), third.body());
        assertTrue(third.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(third.headers().firstValue("Retry-After").isPresent());
        assertTrue(third.body().contains("semsearch.answer.max-streams-per-key"), third.body());
        for (Thread reader : readers) {
            reader.join(60_000);
        }
        assertEquals(200, EventStreamClient.post(ask, Map.of("question", QUESTION)).status(),
                "the places are given back once the streams end");
    }

    private java.net.http.HttpRequest streamRequest(String question) throws IOException {
        return java.net.http.HttpRequest.newBuilder(ask).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(
                        Map.of("question", question)))).build();
    }

    private static JsonPath post(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/ask").then().statusCode(200).extract().jsonPath();
    }

    private JsonNode stats() throws IOException {
        return new ObjectMapper().readTree(URI.create(modelUrl.replaceAll("/v1$", "/stats")).toURL());
    }
}
