package io.semsearch.answer;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.semsearch.document.SentenceVectors;
import io.semsearch.search.Retrieval;
import io.semsearch.search.SearchFilters;
import io.semsearch.search.SearchHit;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
