package io.semsearch.answer;

import io.quarkus.test.InjectMock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.semsearch.document.SentenceVectors;
import io.semsearch.embedding.EmbeddingException;
import io.semsearch.testing.EventStreamClient;
import io.semsearch.search.Retrieval;
import io.semsearch.search.SearchFilters;
import io.semsearch.search.SearchHit;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The HTTP contract of POST /api/ask, with the ask service mocked. */
@QuarkusTest
class AskResourceTest {

    @InjectMock
    AskService ask;

    @Test
    void aRequestBecomesAQuestionAndAnAnswerItsResponse() {
        SearchHit passage = new SearchHit(UUID.randomUUID(), UUID.randomUUID(), "a.txt", "Titre", 2, 100, 140,
                "Microsoft a investi 13 milliards. Voilà.", 0.5, 0.9, SentenceVectors.NONE);
        when(ask.ask(any())).thenAnswer(call -> new Answer(call.getArgument(0),
                new AnswerGenerator.GeneratedAnswer("Microsoft a investi 13 milliards. [1]",
                        List.of(new AnswerGenerator.Citation(passage, 0, 33, 0.91234567)), null,
                        new AnswerGenerator.ShortAnswer("13 milliards", 1, 20, 32)),
                new Retrieval(List.of(passage), new float[0], "some-model", 2_000_000, 5_000_000), 7_000_000,
                14_000_000));

        given().contentType(ContentType.JSON).body(Map.of("question", " Et combien ? ",
                        "filters", Map.of("metadata", Map.of("corpus", "sample")),
                        "history", List.of(Map.of("role", "user", "content", "Qui finance OpenAI ?"),
                                Map.of("role", "assistant", "content", "Microsoft [1]"))))
                .when().post("/api/ask").then().statusCode(200)
                .body("question", equalTo("Et combien ?"))
                .body("answered", equalTo(true))
                .body("citations[0].n", equalTo(1))
                .body("citations[0].chunk", equalTo(2))
                .body("citations[0].score", equalTo(0.912346f))
                .body("citations[0].highlight.end", equalTo(33))
                .body("shortAnswer.text", equalTo("13 milliards"))
                .body("shortAnswer.citation", equalTo(1))
                .body("shortAnswer.start", equalTo(20))
                .body("shortAnswer.end", equalTo(32))
                .body("model", equalTo("some-model"))
                .body("timings.answerMs", equalTo(7.0f))
                .body("timings.totalMs", equalTo(14.0f));

        ArgumentCaptor<Question> question = ArgumentCaptor.forClass(Question.class);
        verify(ask).ask(question.capture());
        assertEquals(new Question("Et combien ?", 8, new SearchFilters(null, null, Map.of("corpus", "sample")),
                List.of(new Question.Turn(Question.Speaker.USER, "Qui finance OpenAI ?"),
                        new Question.Turn(Question.Speaker.ASSISTANT, "Microsoft [1]"))), question.getValue());
        assertEquals("Qui finance OpenAI ?\nEt combien ?", question.getValue().retrievalText());
    }

    @Test
    void anAbstentionHasNoAnswerAndSaysWhy() {
        when(ask.ask(any())).thenAnswer(call -> new Answer(call.getArgument(0),
                AnswerGenerator.GeneratedAnswer.abstain("Nothing relevant found."),
                new Retrieval(List.of(), new float[0], "some-model", 0, 0), 0, 0));
        given().contentType(ContentType.JSON).body(Map.of("question", "Quelle heure est-il ?"))
                .when().post("/api/ask").then().statusCode(200)
                .body("answered", equalTo(false))
                .body("answer", nullValue())
                .body("reason", equalTo("Nothing relevant found."))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("shortAnswer")))
                .body("citations.size()", equalTo(0));
    }

    @TestHTTPResource("/api/ask")
    URI askUri;

    @Test
    void theStreamTellsPassagesAnswerPiecesRestartsAndTheResponse() {
        SearchHit first = hit("a.txt", "Microsoft a investi 13 milliards. Voilà.");
        SearchHit second = hit("b.txt", "OpenAI a levé 6,6 milliards.");
        Retrieval retrieval = new Retrieval(List.of(first, second), new float[0], "some-model", 1_000_000, 2_000_000);
        when(ask.ask(any(), any(AnswerListener.class))).thenAnswer(call -> {
            AnswerListener listener = call.getArgument(1);
            listener.passages(retrieval, retrieval.hits());
            listener.text("Le modèle [7]");
            listener.restart("the language model's answer cites [7], but only passages 1 to 2 were given");
            listener.text("OpenAI a levé 6,6 milliards. [2]");
            return new Answer(call.getArgument(0), new AnswerGenerator.GeneratedAnswer(
                    "OpenAI a levé 6,6 milliards. [1]", List.of(new AnswerGenerator.Citation(second, 0, 28, 0.8)),
                    null, AnswerGenerator.EXTRACTIVE, "the language model's answer cites [7]"),
                    retrieval, 3_000_000, 6_000_000);
        });

        EventStreamClient.Exchange stream = EventStreamClient.post(askUri, Map.of("question", "Combien ?", "k", 2));
        assertEquals("text/event-stream", stream.contentType().split(";")[0]);
        assertEquals(List.of("citations", "answer", "answer", "answer", "done"), stream.names());
        JsonNode citations = stream.events().get(0).data();
        assertEquals("some-model", citations.path("model").asText());
        assertEquals(List.of("a.txt", "b.txt"), citations.path("citations").findValuesAsText("source"));
        assertEquals(2, citations.path("citations").get(1).path("n").asInt());
        assertEquals("Le modèle [7]", stream.events().get(1).data().path("text").asText());
        assertTrue(stream.events().get(1).data().path("restart").isMissingNode());
        JsonNode restart = stream.events().get(2).data();
        assertTrue(restart.path("restart").asBoolean());
        assertTrue(restart.path("reason").asText().contains("[7]"));
        JsonNode done = stream.events().get(4).data();
        // done numbers its citation as the citations event: the second passage
        assertEquals("OpenAI a levé 6,6 milliards. [2]", done.path("answer").asText());
        assertEquals(2, done.path("citations").get(0).path("n").asInt());
        assertEquals("extractive", done.path("generator").asText());
        assertEquals("the language model's answer cites [7]", done.path("fallbackReason").asText());
        assertEquals(28, done.path("citations").get(0).path("highlight").path("end").asInt());
        assertEquals(6.0, done.path("timings").path("totalMs").asDouble());

        ArgumentCaptor<Question> question = ArgumentCaptor.forClass(Question.class);
        verify(ask).ask(question.capture(), any(AnswerListener.class));
        assertEquals(2, question.getValue().k());
    }

    @Test
    void failuresAfterTheStreamStartedAreErrorEventsWithAProblem() {
        when(ask.ask(any(), any(AnswerListener.class))).thenThrow(new EmbeddingException("the model is gone"));
        EventStreamClient.Exchange unavailable = EventStreamClient.post(askUri, Map.of("question", "Combien ?"));
        assertEquals(List.of("error"), unavailable.names());
        JsonNode problem = unavailable.events().get(0).data();
        assertEquals(503, problem.path("status").asInt());
        assertEquals("Embedding model unavailable", problem.path("title").asText());
        assertEquals("the model is gone", problem.path("detail").asText());
        assertEquals("/api/ask", problem.path("instance").asText());

        when(ask.ask(any(), any(AnswerListener.class))).thenThrow(new IllegalStateException("bug"));
        JsonNode internal = EventStreamClient.post(askUri, Map.of("question", "Combien ?")).events().get(0).data();
        assertEquals(500, internal.path("status").asInt());
        assertFalse(internal.path("detail").asText().contains("bug"), "internals stay in the log");
    }

    private static SearchHit hit(String source, String text) {
        return new SearchHit(UUID.randomUUID(), UUID.randomUUID(), source, "Titre", 0, 0, text.length(), text, 0.5,
                0.9, SentenceVectors.NONE);
    }

    @Test
    void invalidRequestsAreProblemsNamingEachField() {
        given().contentType(ContentType.JSON).body("""
                        {"question": " ", "k": 0, "history": [{"role": "bot", "content": "x"}, null,
                          {"role": "user", "content": ""}]}""")
                .when().post("/api/ask").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("question", "k", "history[0].role", "history[1]",
                        "history[2].content"));
        given().contentType(ContentType.JSON).body(Map.of("question", "OpenAI ?",
                        "history", java.util.Collections.nCopies(21, Map.of("role", "user", "content", "x"))))
                .when().post("/api/ask").then().statusCode(400)
                .body("errors[0].field", equalTo("history"))
                .body("errors[0].message", equalTo("must have at most 20 turns"));
        given().contentType(ContentType.JSON).when().post("/api/ask").then().statusCode(400)
                .body("errors[0].field", equalTo("request"));
        verifyNoInteractions(ask);
    }
}
