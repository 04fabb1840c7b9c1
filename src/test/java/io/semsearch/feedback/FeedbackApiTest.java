package io.semsearch.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.semsearch.testing.EventStreamClient;
import io.semsearch.testing.TestKeys;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feedback on answers through HTTP, with the real model and PostgreSQL: answers carry an id and are kept, ratings
 * are stored (the last one wins), the admin's report groups abstained and down-voted questions, the export streams
 * JSON lines. Each test deletes the answers it made.
 */
@QuarkusTest
class FeedbackApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWERED = "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?";

    @Inject
    AnswerRecords records;
    @Inject
    FeedbackService feedback;
    @Inject
    AgroalDataSource database;

    @TestHTTPResource("/api/ask")
    URI ask;

    private final List<UUID> made = new ArrayList<>();
    private String since;

    @BeforeEach
    void start() {
        // answers of earlier tests are in the database too: reports and exports of these tests start now
        since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
    }

    @AfterEach
    void deleteWhatTheTestMade() throws SQLException {
        made.forEach(records::awaitWritten);
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from answer_record where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", made.toArray()));
            delete.executeUpdate();
        }
    }

    @Test
    void anAnswerIsKeptAsGivenAndItsFeedbackStored() {
        Map<String, Object> request = new HashMap<>();
        request.put("question", ANSWERED);
        request.put("filters", Map.of("metadata", Map.of("corpus", "sample")));
        request.put("history", List.of(Map.of("role", "user", "content", "Parlons de Microsoft.")));
        Response answer = given().contentType(ContentType.JSON).body(request).when().post("/api/ask")
                .then().statusCode(200).extract().response();
        UUID id = answerId(answer.path("answerId"));
        assertTrue(answer.<Boolean>path("answered"));

        rate(id, Map.of("rating", "up")).then().statusCode(204);

        List<JsonNode> lines = export("");
        assertEquals(1, lines.size(), lines.toString());
        JsonNode line = lines.get(0);
        assertEquals(id.toString(), line.path("answerId").asText());
        assertEquals(ANSWERED, line.path("question").asText());
        assertEquals(1, line.path("historyTurns").asInt());
        assertEquals("sample", line.path("filters").path("metadata").path("corpus").asText());
        assertTrue(line.path("answered").asBoolean());
        assertEquals(answer.<String>path("answer"), line.path("answer").asText());
        assertEquals(answer.<String>path("shortAnswer.text"), line.path("shortAnswer").asText());
        assertEquals(answer.<String>path("model"), line.path("model").asText());
        assertEquals("extractive", line.path("generator").asText());
        assertEquals("up", line.path("rating").asText());
        assertTrue(line.path("comment").isNull());
        List<Map<String, Object>> cited = answer.path("citations");
        assertEquals(cited.size(), line.path("citations").size());
        for (int i = 0; i < cited.size(); i++) {
            JsonNode kept = line.path("citations").get(i);
            Map<String, Object> given = cited.get(i);
            assertEquals(given.get("n"), kept.path("n").asInt());
            assertEquals(given.get("documentId"), kept.path("documentId").asText());
            assertEquals(given.get("source"), kept.path("source").asText());
            assertEquals(given.get("start"), kept.path("start").asInt());
            assertEquals(given.get("end"), kept.path("end").asInt());
            assertEquals(given.get("text"), kept.path("text").asText());
            Map<String, Integer> highlight = (Map<String, Integer>) given.get("highlight");
            assertEquals(highlight.get("start"), kept.path("highlightStart").asInt());
            assertEquals(highlight.get("end"), kept.path("highlightEnd").asInt());
        }
    }

    @Test
    void theLastRatingOfAnAnswerWins() {
        UUID id = ask(ANSWERED);
        rate(id, Map.of("rating", "up", "comment", "Bien.")).then().statusCode(204);
        rate(id, Map.of("rating", "down", "comment", "  Le montant est faux.  ")).then().statusCode(204);

        List<JsonNode> lines = export("");
        assertEquals(1, lines.size(), lines.toString());
        assertEquals("down", lines.get(0).path("rating").asText());
        assertEquals("Le montant est faux.", lines.get(0).path("comment").asText());
        JsonNode report = report("");
        assertEquals(0, report.path("totals").path("up").asInt());
        assertEquals(1, report.path("totals").path("down").asInt());
    }

    @Test
    void aStreamedAnswerCarriesItsIdInTheDoneEvent() {
        EventStreamClient.Exchange stream = EventStreamClient.post(ask, Map.of("question", ANSWERED));
        JsonNode done = stream.named("done").get(0).data();
        UUID id = answerId(done.path("answerId").asText());
        rate(id, Map.of("rating", "up")).then().statusCode(204);
        assertEquals(id.toString(), export("").get(0).path("answerId").asText());
    }

    /**
     * The primary refusing writes as a read-only one does (SQLSTATE 25006, raised by a trigger): the answer is given
     * all the same, feedback on it is not found since it could not be kept, and feedback on a kept answer is a 503
     * to send again.
     */
    @Test
    void anAnswerThatCannotBeKeptIsStillGiven() throws SQLException {
        UUID kept = ask(ANSWERED);
        records.awaitWritten(kept);
        try {
            sql("""
                    create function refuse_writes_in_feedback_test() returns trigger language plpgsql as $$
                    begin raise exception 'cannot execute INSERT in a read-only transaction' using errcode = '25006';
                    end $$""",
                    "create trigger refuse_answers before insert on answer_record for each row "
                            + "execute function refuse_writes_in_feedback_test()",
                    "create trigger refuse_feedback before insert on answer_feedback for each row "
                            + "execute function refuse_writes_in_feedback_test()");
            Response answer = given().contentType(ContentType.JSON).body(Map.of("question", ANSWERED))
                    .when().post("/api/ask").then().statusCode(200).extract().response();
            assertTrue(answer.<Boolean>path("answered"));
            assertTrue(answer.<String>path("answer").contains("650 millions"), answer.asString());
            UUID lost = answerId(answer.path("answerId"));
            rate(lost, Map.of("rating", "up")).then().statusCode(404);
            rate(kept, Map.of("rating", "up")).then().statusCode(503).header("Retry-After", "5")
                    .contentType("application/problem+json").body("detail", containsString("read-only"));
        } finally {
            sql("drop trigger if exists refuse_answers on answer_record",
                    "drop trigger if exists refuse_feedback on answer_feedback",
                    "drop function if exists refuse_writes_in_feedback_test()");
        }
        rate(kept, Map.of("rating", "up")).then().statusCode(204);
    }

    private void sql(String... statements) throws SQLException {
        try (Connection connection = database.getConnection(); var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Test
    void badFeedbackIsRefusedWithAProblem() {
        UUID id = ask(ANSWERED);
        rate(id, Map.of("rating", "meh")).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("rating: must be 'up' or 'down'"));
        rate(id, Map.of("comment", "sans note")).then().statusCode(400)
                .body("detail", containsString("rating: must be 'up' or 'down'"));
        rate(id, Map.of("rating", "up", "comment", "x".repeat(2001))).then().statusCode(400)
                .body("detail", containsString("comment: must be at most 2000 characters"));
        rate(id, Map.of("rating", "up", "stars", 5)).then().statusCode(400).body("title", equalTo("Unknown field"));
        given().contentType(ContentType.JSON).body(Map.of("rating", "up"))
                .when().post("/api/ask/not-an-id/feedback")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("answerId: must be an answer id (a UUID)"));
        given().contentType(ContentType.JSON).when().post("/api/ask/" + id + "/feedback")
                .then().statusCode(400).body("detail", containsString("a JSON body is required"));
        assertTrue(export("").isEmpty(), "nothing was stored");
    }

    @Test
    void feedbackOnAnAnswerNeverGivenOrPastItsRetentionIsNotFound() throws SQLException {
        rate(UUID.randomUUID(), Map.of("rating", "up")).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("No answer with id"));

        UUID old = ask(ANSWERED);
        UUID recent = ask(ANSWERED);
        records.awaitWritten(old);
        try (Connection connection = database.getConnection();
                PreparedStatement age = connection.prepareStatement(
                        "update answer_record set created_at = now() - interval '91 days' where id = ?")) {
            age.setObject(1, old);
            assertEquals(1, age.executeUpdate());
        }
        // past the default retention of 90 days: refused before the purge, deleted by it
        rate(old, Map.of("rating", "down")).then().statusCode(404);
        assertTrue(feedback.purge() >= 1);
        rate(old, Map.of("rating", "down")).then().statusCode(404);
        rate(recent, Map.of("rating", "down")).then().statusCode(204);
        assertEquals(List.of(recent.toString()),
                export("&all=true").stream().map(l -> l.path("answerId").asText()).toList());
    }

    @Test
    void theReportGroupsAbstainedAndDownVotedQuestionsOverTheirWordings() {
        String token = "zq" + Long.toString(System.nanoTime() % 100000, 36);
        // three wordings of one off-topic question, one of another
        UUID a1 = ask("Quelle est la recette de la tarte " + token + " ?");
        UUID a2 = ask("quelle est la RECETTE de la tarte " + token + "?");
        UUID a3 = ask("  Quelle est la recette, de la tarte « " + token + " » ??");
        UUID b1 = ask("Quel temps fera-t-il demain à Brest " + token + " ?");
        // an answered question voted down twice (two wordings) and up once, another one voted up only
        UUID d1 = ask(ANSWERED);
        UUID d2 = ask(ANSWERED.toLowerCase());
        UUID d3 = ask(ANSWERED);
        UUID u1 = ask("Que demande Google à la FTC ?");
        rate(d1, Map.of("rating", "down", "comment", "Pas la bonne somme.")).then().statusCode(204);
        rate(d2, Map.of("rating", "down")).then().statusCode(204);
        rate(d3, Map.of("rating", "up")).then().statusCode(204);
        rate(u1, Map.of("rating", "up")).then().statusCode(204);
        List.of(a1, a2, a3, b1).forEach(records::awaitWritten);

        JsonNode report = report("");
        JsonNode totals = report.path("totals");
        assertEquals(8, totals.path("answers").asInt(), report.toString());
        assertEquals(4, totals.path("abstained").asInt(), report.toString());
        assertEquals(2, totals.path("up").asInt());
        assertEquals(2, totals.path("down").asInt());

        JsonNode abstained = report.path("abstained");
        assertEquals(2, abstained.size(), abstained.toString());
        assertEquals(3, abstained.get(0).path("count").asInt());
        assertEquals("Quelle est la recette, de la tarte « " + token + " » ??",
                abstained.get(0).path("question").asText(), "the latest wording");
        assertEquals(a3.toString(), abstained.get(0).path("sampleAnswerId").asText());
        assertNotNull(OffsetDateTime.parse(abstained.get(0).path("lastSeen").asText()));
        assertEquals(1, abstained.get(1).path("count").asInt());
        assertEquals(b1.toString(), abstained.get(1).path("sampleAnswerId").asText());

        JsonNode downVoted = report.path("downVoted");
        assertEquals(1, downVoted.size(), downVoted.toString());
        assertEquals(2, downVoted.get(0).path("count").asInt());
        assertEquals(1, downVoted.get(0).path("upVotes").asInt());
        assertEquals(d2.toString(), downVoted.get(0).path("sampleAnswerId").asText());
        assertEquals(ANSWERED.toLowerCase(), downVoted.get(0).path("question").asText());
        assertEquals("Pas la bonne somme.", downVoted.get(0).path("lastComment").asText());

        JsonNode limited = report("&limit=1");
        assertEquals(1, limited.path("abstained").size());
        assertEquals(a3.toString(), limited.path("abstained").get(0).path("sampleAnswerId").asText());
    }

    @Test
    void theExportHoldsRatedAnswersOrAllAsJsonLines() {
        UUID rated = ask(ANSWERED);
        UUID abstained = ask("Quelle est la recette de la tarte aux pommes ?");
        UUID unrated = ask("Que demande Google à la FTC ?");
        rate(rated, Map.of("rating", "down", "comment", "Trop long.")).then().statusCode(204);
        rate(abstained, Map.of("rating", "down")).then().statusCode(204);
        records.awaitWritten(unrated);

        Response response = TestKeys.asAdmin().when().get("/api/feedback/export?since=" + since)
                .then().statusCode(200).contentType("application/x-ndjson").extract().response();
        String body = response.asString();
        assertTrue(body.endsWith("\n"), body);
        assertEquals(2, body.split("\n").length, body);
        List<JsonNode> lines = export("");
        assertEquals(List.of(rated.toString(), abstained.toString()),
                lines.stream().map(l -> l.path("answerId").asText()).toList());
        JsonNode abstention = lines.get(1);
        assertFalse(abstention.path("answered").asBoolean());
        assertTrue(abstention.path("reason").asText().contains("relevant"), abstention.toString());
        assertTrue(abstention.path("answer").isNull());
        assertEquals(0, abstention.path("citations").size());

        List<JsonNode> all = export("&all=true");
        assertEquals(List.of(rated.toString(), abstained.toString(), unrated.toString()),
                all.stream().map(l -> l.path("answerId").asText()).toList());
        assertTrue(all.get(2).path("rating").isNull());
        assertNull(all.get(2).path("ratedAt").textValue());
    }

    @Test
    void readersRateButOnlyAdminsReadTheReportAndTheExport() {
        String reader = TestKeys.createKey("reader");
        String writer = TestKeys.createKey("writer");
        UUID id = ask(ANSWERED);
        TestKeys.withKey(reader).contentType(ContentType.JSON).body(Map.of("rating", "up"))
                .when().post("/api/ask/" + id + "/feedback").then().statusCode(204);
        for (String path : List.of("/api/feedback/report", "/api/feedback/export")) {
            TestKeys.withKey(reader).when().get(path).then().statusCode(403)
                    .contentType("application/problem+json");
            TestKeys.withKey(writer).when().get(path).then().statusCode(403);
            // the test profile lets requests without a key read: they are readers, not admins
            given().when().get(path).then().statusCode(401).contentType("application/problem+json");
            TestKeys.withKey("not-a-key-of-this-service-at-all").when().get(path).then().statusCode(401);
        }
    }

    @Test
    void badReportParametersAreRefusedWithAProblem() {
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "since=yesterday", "since=2026-02-30",
                "since=2026-12-01T08:00:00")) {
            TestKeys.asAdmin().when().get("/api/feedback/report?" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString(query.substring(0, query.indexOf('=')) + ":"));
        }
        TestKeys.asAdmin().when().get("/api/feedback/export?all=yes").then().statusCode(400)
                .body("detail", containsString("all: must be true or false"));
        TestKeys.asAdmin().when().get("/api/feedback/report?since=2026-12-01&limit=5").then().statusCode(200)
                .body("since", equalTo("2026-12-01T00:00:00Z"));
        TestKeys.asAdmin().when().get("/api/feedback/report?since=2026-12-01T08:00:00Z").then().statusCode(200)
                .body("since", equalTo("2026-12-01T08:00:00Z"));
    }

    private UUID ask(String question) {
        return answerId(given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/ask").then().statusCode(200).extract().path("answerId"));
    }

    private UUID answerId(String value) {
        assertNotNull(value, "the answer has an id");
        UUID id = UUID.fromString(value);
        made.add(id);
        return id;
    }

    private static Response rate(UUID id, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/ask/" + id + "/feedback");
    }

    private JsonNode report(String query) {
        String body = TestKeys.asAdmin().when().get("/api/feedback/report?since=" + since + query)
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString();
        return read(body);
    }

    private List<JsonNode> export(String query) {
        String body = TestKeys.asAdmin().when().get("/api/feedback/export?since=" + since + query)
                .then().statusCode(200).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(read(line));
            }
        }
        return lines;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
