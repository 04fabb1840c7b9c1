package io.semsearch.answer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.semsearch.testing.EventStreamClient;
import io.semsearch.testing.EventStreamClient.Event;
import io.semsearch.testing.EventStreamClient.Exchange;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/ask with Accept: text/event-stream, on the sample articles with the real model and PostgreSQL. */
@QuarkusTest
class AskStreamApiTest {

    private static final String QUESTION = "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?";

    @TestHTTPResource("/api/ask")
    URI ask;

    @Test
    void citationsComeFirstThenTheAnswerSentenceBySentenceThenTheResponse() {
        Exchange stream = EventStreamClient.post(ask, Map.of("question", QUESTION));
        assertEquals(200, stream.status());
        List<String> names = stream.names();
        assertEquals("citations", names.get(0));
        assertEquals("done", names.get(names.size() - 1));
        List<Event> answer = stream.named("answer");
        assertEquals(names.size() - 2, answer.size(), names.toString());

        JsonNode passages = stream.events().get(0).data().path("citations");
        assertEquals(8, passages.size());
        assertEquals(1, passages.get(0).path("n").asInt());
        assertTrue(passages.get(0).path("highlight").isMissingNode(), "no sentence is chosen yet");

        JsonNode done = stream.named("done").get(0).data();
        assertTrue(done.path("answered").asBoolean());
        assertEquals(done.path("citations").size(), answer.size(), "one event per cited sentence");
        // one numbering: the streamed markers and done's citations number the passages of the citations event
        assertEquals(done.path("answer").asText(),
                String.join("", answer.stream().map(e -> e.data().path("text").asText()).toList()));
        Map<Integer, Integer> answerOrder = new HashMap<>();
        for (JsonNode citation : done.path("citations")) {
            JsonNode passage = passages.get(citation.path("n").asInt() - 1);
            assertEquals(passage.path("documentId"), citation.path("documentId"));
            assertEquals(passage.path("start").asInt(), citation.path("start").asInt());
            answerOrder.put(citation.path("n").asInt(), answerOrder.size() + 1);
        }
        JsonNode shortAnswer = done.path("shortAnswer");
        assertFalse(shortAnswer.isMissingNode(), done.toString());
        JsonNode holder = passages.get(shortAnswer.path("citation").asInt() - 1);
        assertEquals(shortAnswer.path("text").asText(), holder.path("text").asText()
                .substring(shortAnswer.path("start").asInt(), shortAnswer.path("end").asInt()));

        JsonPath json = given().contentType(ContentType.JSON).body(Map.of("question", QUESTION))
                .when().post("/api/ask").then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
        // the JSON response, which lists only the cited passages, numbers them in the answer's order
        assertEquals(json.getString("answer"),
                CitationMarkers.renumber(done.path("answer").asText(), answerOrder::get));
        assertEquals(json.getList("citations.source"), done.path("citations").findValuesAsText("source"));
        assertEquals("extractive", done.path("generator").asText());
        assertTrue(done.path("timings").path("totalMs").asDouble() > 0);
    }

    @Test
    void anAbstentionStreamsNoPassageAndNoAnswer() {
        Exchange stream = EventStreamClient.post(ask, Map.of("question", "Quelle est la recette de la tarte aux pommes ?"));
        assertEquals(List.of("citations", "done"), stream.names());
        assertEquals(0, stream.events().get(0).data().path("citations").size());
        JsonNode done = stream.events().get(1).data();
        assertFalse(done.path("answered").asBoolean());
        assertTrue(done.path("reason").asText().contains("relevant"), done.toString());
    }

    @Test
    void followUpsAndFiltersWorkAsInJson() {
        Exchange stream = EventStreamClient.post(ask, Map.of("question", "Et combien a-t-elle levé ?",
                "history", List.of(Map.of("role", "user",
                        "content", "Avec qui OpenAI a-t-elle signé un contrat de 10 milliards ?")),
                "filters", Map.of("metadata", Map.of("corpus", "sample"))));
        JsonNode done = stream.named("done").get(0).data();
        assertTrue(done.path("answer").asText().contains("6,6 milliards"), done.toString());
    }

    @Test
    void invalidRequestsAreProblemsBeforeAnyStream() {
        for (String body : List.of("{}", "{\"question\": \"  \"}", "{\"question\": \"OpenAI ?\", \"k\": 0}",
                "{\"question\": ")) {
            given().contentType(ContentType.JSON).accept("text/event-stream").body(body)
                    .when().post("/api/ask").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", org.hamcrest.Matchers.equalTo(400));
        }
        given().contentType(ContentType.JSON).accept("text/event-stream")
                .body("{\"question\": \"OpenAI ?\", \"history\": [{\"role\": \"bot\", \"content\": \"x\"}]}")
                .when().post("/api/ask").then().statusCode(400)
                .body("detail", containsString("history[0].role"));
    }
}
