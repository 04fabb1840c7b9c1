package io.semsearch.answer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/ask on the five sample articles, with the real model and PostgreSQL. */
@QuarkusTest
class AskApiTest {

    static final SampleQuestions QUESTIONS = SampleQuestions.load();
    static final List<SampleQuestions.Factual> FACTUAL = QUESTIONS.factual();
    static final List<String> OFF_TOPIC = QUESTIONS.offTopic();

    /**
     * Every factual question is answered and cites a passage holding the fact. The article the team had in mind is
     * not required: several sample articles state the same facts (four of the five give the 13 billion), and a
     * passage of another one that states it answers as well. At least 80 % must pass.
     */
    @Test
    void factualQuestionsCiteTheFact() {
        List<String> failures = new ArrayList<>();
        int fromExpectedArticle = 0;
        for (SampleQuestions.Factual f : FACTUAL) {
            JsonPath answer = ask(Map.of("question", f.question()));
            List<Map<String, Object>> citations = answer.getList("citations");
            boolean sourceInTop3 = citations.stream().limit(3).anyMatch(c -> f.source().equals(c.get("source")));
            boolean factCited = citations.stream().anyMatch(c -> f.facts().stream()
                    .anyMatch(fact -> ((String) c.get("text")).contains(fact)));
            fromExpectedArticle += sourceInTop3 && factCited ? 1 : 0;
            if (!answer.getBoolean("answered") || !factCited) {
                failures.add(f.question() + " -> answered=" + answer.getBoolean("answered") + " sources="
                        + citations.stream().map(c -> c.get("source")).toList() + " answer=" + answer.getString("answer"));
            }
        }
        int passed = FACTUAL.size() - failures.size();
        System.out.printf(Locale.ROOT, "ask: %d/%d factual questions cite the fact (%d from the article expected)%n",
                passed, FACTUAL.size(), fromExpectedArticle);
        failures.forEach(f -> System.out.println("  missed: " + f));
        assertTrue(passed >= Math.ceil(0.8 * FACTUAL.size()), passed + "/" + FACTUAL.size() + " " + failures);
    }

    @Test
    void answersAreCitedSentencesWithExactHighlights() {
        JsonPath answer = ask(Map.of("question", "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?"));
        assertTrue(answer.getBoolean("answered"));
        String text = answer.getString("answer");
        List<Map<String, Object>> citations = answer.getList("citations");
        assertFalse(citations.isEmpty());
        assertTrue(citations.size() <= 3);
        for (Map<String, Object> c : citations) {
            int n = (Integer) c.get("n");
            String passage = (String) c.get("text");
            Map<String, Integer> highlight = (Map<String, Integer>) c.get("highlight");
            String sentence = passage.substring(highlight.get("start"), highlight.get("end"));
            assertTrue(text.contains(sentence + " [" + n + "]"), "answer holds cited sentence " + n + ": " + text);
            String content = given().when().get("/api/documents/" + c.get("documentId")).then().statusCode(200)
                    .extract().path("content");
            assertEquals(content.substring((Integer) c.get("start"), (Integer) c.get("end")), passage);
        }
        assertNotNull(answer.get("timings.totalMs"));
        assertTrue(answer.getDouble("timings.embedMs") > 0);
    }

    @Test
    void aQuestionForAnAmountGetsItAsTheShortAnswerWithExactOffsets() {
        JsonPath answer = ask(Map.of("question", "Combien Microsoft a-t-il investi dans OpenAI ?"));
        assertTrue(answer.getBoolean("answered"));
        Map<String, Object> shortAnswer = answer.getMap("shortAnswer");
        assertNotNull(shortAnswer, answer.prettify());
        int n = (Integer) shortAnswer.get("citation");
        String passage = answer.getString("citations[" + (n - 1) + "].text");
        assertEquals(shortAnswer.get("text"),
                passage.substring((Integer) shortAnswer.get("start"), (Integer) shortAnswer.get("end")));
        assertTrue(((String) shortAnswer.get("text")).contains("13 milliards"), answer.prettify());
    }

    @Test
    void aQuestionAskingWhyHasNoShortAnswer() {
        JsonPath answer = ask(Map.of("question", "Pourquoi Microsoft a-t-il recruté l’équipe d’Inflection ?"));
        assertTrue(answer.getBoolean("answered"));
        assertNull(answer.get("shortAnswer"), answer.prettify());
    }

    /**
     * Off-topic questions abstain, saying why: at most 5 % of the test off-topic questions (the team's and
     * src/test/resources/eval/off-topic-test.json) may be answered, the target of the calibration, which never saw
     * them (docs/calibration.md).
     */
    @Test
    void offTopicQuestionsAbstain() throws java.io.IOException {
        List<String> questions = new ArrayList<>(OFF_TOPIC);
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(AskApiTest.class
                .getResourceAsStream("/eval/off-topic-test.json")).get("questions")
                .forEach(q -> questions.add(q.asText()));
        List<String> answered = new ArrayList<>();
        for (String question : questions) {
            JsonPath answer = ask(Map.of("question", question));
            if (answer.getBoolean("answered")) {
                answered.add(question);
            } else {
                assertNull(answer.get("answer"), question);
                assertEquals(0, answer.getList("citations").size());
                assertTrue(answer.getString("reason").contains("relevant"), answer.getString("reason"));
            }
        }
        System.out.printf(Locale.ROOT, "ask: %d/%d off-topic questions answered %s%n", answered.size(),
                questions.size(), answered);
        assertTrue(answered.size() <= 0.05 * questions.size(), answered.toString());
    }

    @Test
    void followUpUsesTheHistory() {
        JsonPath alone = ask(Map.of("question", "Et combien a-t-elle levé ?"));
        JsonPath followUp = ask(Map.of("question", "Et combien a-t-elle levé ?",
                "history", List.of(
                        Map.of("role", "user", "content", "Avec qui OpenAI a-t-elle signé un contrat de 10 milliards ?"),
                        Map.of("role", "assistant", "content", "Avec Oracle [1]"))));
        assertTrue(followUp.getBoolean("answered"));
        assertTrue(followUp.getString("answer").contains("6,6 milliards"), followUp.getString("answer"));
        assertEquals("Et combien a-t-elle levé ?", followUp.getString("question"));
        // without the history, nothing says who "elle" is: the answer is not the 6.6 billion OpenAI raised
        assertFalse(alone.getBoolean("answered") && alone.getString("answer").contains("6,6 milliards"),
                alone.getString("answer"));
    }

    @Test
    void filtersApplyToAsk() {
        JsonPath answer = ask(Map.of("question", "Combien Microsoft a-t-il investi dans OpenAI ?",
                "filters", Map.of("sources", List.of("004_4680f78da926fdc0.txt"))));
        assertTrue(answer.getBoolean("answered"));
        List<String> sources = answer.getList("citations.source");
        assertFalse(sources.isEmpty());
        assertTrue(sources.stream().allMatch("004_4680f78da926fdc0.txt"::equals), sources.toString());
        JsonPath none = ask(Map.of("question", "Combien Microsoft a-t-il investi dans OpenAI ?",
                "filters", Map.of("metadata", Map.of("corpus", "nope"))));
        assertFalse(none.getBoolean("answered"));
        assertEquals(List.of(), none.getList("citations"));
    }

    @Test
    void invalidQuestionsAreProblems() {
        problem("{}", "question");
        problem("{\"question\": \"  \"}", "question");
        problem("{\"question\": \"" + "x".repeat(2001) + "\"}", "2000");
        problem("{\"question\": \"OpenAI ?\", \"k\": 0}", "k");
        problem("{\"question\": \"OpenAI ?\", \"k\": 51}", "k");
        problem("{\"question\": \"OpenAI ?\", \"k\": \"many\"}", "k");
        problem("{\"question\": \"OpenAI ?\", \"history\": [{\"role\": \"bot\", \"content\": \"x\"}]}", "role");
        problem("{\"question\": ", "JSON");
        given().contentType(ContentType.TEXT).body("OpenAI ?").when().post("/api/ask").then().statusCode(415)
                .contentType("application/problem+json");
    }

    private static void problem(String body, String detailMentions) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/ask").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString(detailMentions));
    }

    static JsonPath ask(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/ask")
                .then().statusCode(200).extract().jsonPath();
    }
}
