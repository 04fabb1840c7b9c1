package io.semsearch.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import io.semsearch.testing.EventStreamClient;
import io.semsearch.testing.FakeOpenAiServer;
import io.semsearch.testing.FakeOpenAiServer.Reply;
import io.semsearch.testing.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service (JVM build or native executable, see ServiceProcess) with answers written by a language model:
 * LangChain4j's OpenAI client, its JSON requests and replies (completions and streamed chunks) and its HTTP client, as
 * shipped. The model is a scripted OpenAI-protocol server started here ({@link FakeOpenAiServer}): a valid answer
 * citing passages 2 and 1, or a failure (500) when the question says "panne". On a throw-away PostgreSQL cluster.
 */
class LlmAnswersIT {

    private static final String ADMIN = "llm-test-admin-key-" + UUID.randomUUID();
    private static final String QUESTION = "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?";
    private static final List<String> PIECES = List.of("Microsoft a payé au moins ",
            "650 millions de dollars pour l’équipe ", "d’Inflection [2]. C’était un plan B ", "face à OpenAI [1].");

    private static FakeOpenAiServer model;
    private static PackagedService packaged;
    private static ServiceProcess service;
    private static Client admin;

    @BeforeAll
    static void start() throws Exception {
        model = new FakeOpenAiServer();
        model.script(request -> FakeOpenAiServer.question(request).contains("panne") ? Reply.error(500)
                : Reply.text(PIECES.toArray(String[]::new)));
        packaged = PackagedService.start(ADMIN, Map.of(
                "SEMSEARCH_LLM_ENABLED", "true",
                "SEMSEARCH_LLM_BASE_URL", model.baseUrl(),
                "SEMSEARCH_LLM_MODEL", "fake-model",
                "SEMSEARCH_LLM_TIMEOUT", "20s"), "llm-it");
        service = packaged.service();
        admin = packaged.admin();
    }

    @AfterAll
    static void stop() throws Exception {
        if (packaged != null) {
            packaged.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void theModelsCompletionIsTheCitedAnswer() throws Exception {
        int before = model.requests().size();
        Client.Reply reply = admin.post("/api/ask", Map.of("question", QUESTION));
        assertEquals(200, reply.status(), reply.body());
        JsonNode answer = reply.json();
        assertEquals("llm", answer.path("generator").asText(), reply.body());
        assertTrue(answer.path("fallbackReason").isMissingNode() || answer.path("fallbackReason").isNull(),
                reply.body());
        assertEquals("Microsoft a payé au moins 650 millions de dollars pour l’équipe d’Inflection [1]. "
                + "C’était un plan B face à OpenAI [2].", answer.path("answer").asText(), "renumbered in order");
        assertEquals(2, answer.path("citations").size(), reply.body());

        JsonNode request = model.requests().get(before);
        assertEquals("fake-model", request.path("model").asText(), request.toString());
        assertTrue(request.path("messages").size() >= 2, request.toString());
        assertTrue(FakeOpenAiServer.question(request).contains("Inflection"), request.toString());
        assertTrue(request.path("messages").toString().contains("[1]"), "the numbered passages: " + request);
    }

    @Test
    void aStreamedAnswerComesAsTheModelsChunks() throws Exception {
        EventStreamClient.Exchange exchange = EventStreamClient.post(URI.create(service.url() + "/api/ask"),
                Map.of("question", QUESTION), Map.of("Authorization", "Bearer " + ADMIN));
        assertEquals(200, exchange.status(), exchange.body());
        assertEquals(List.of("citations", "answer", "answer", "answer", "answer", "done"), exchange.names());
        StringBuilder streamed = new StringBuilder();
        exchange.named("answer").forEach(event -> streamed.append(event.data().path("text").asText()));
        assertEquals(String.join("", PIECES), streamed.toString(), "the model's chunks, passed on as they came");
        JsonNode done = exchange.named("done").get(0).data();
        assertEquals("llm", done.path("generator").asText(), done.toString());
        assertEquals(List.of("2", "1"), done.path("citations").findValuesAsText("n"));
    }

    @Test
    void aFailingModelLeavesTheExtractiveAnswer() throws Exception {
        Client.Reply reply = admin.post("/api/ask", Map.of("question", "Combien Microsoft a-t-il payé pour "
                + "Inflection ? (panne)"));
        assertEquals(200, reply.status(), reply.body());
        JsonNode answer = reply.json();
        assertEquals("extractive", answer.path("generator").asText(), reply.body());
        assertTrue(answer.path("fallbackReason").asText().startsWith("the language model failed"), reply.body());
        assertTrue(answer.path("answered").asBoolean(), reply.body());
    }
}
