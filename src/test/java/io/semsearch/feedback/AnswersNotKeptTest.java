package io.semsearch.feedback;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With semsearch.feedback.record-answers=false, answers are given as before, without an id: nothing is kept. */
@QuarkusTest
@TestProfile(AnswersNotKeptTest.NotKept.class)
class AnswersNotKeptTest {

    public static class NotKept implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("semsearch.feedback.record-answers", "false");
        }
    }

    @Inject
    AgroalDataSource database;

    @Test
    void answersHaveNoIdAndNothingIsKept() throws SQLException {
        long before = keptAnswers();
        Response answer = given().contentType(ContentType.JSON)
                .body(Map.of("question", "Combien Microsoft a-t-il payé pour recruter l’équipe d’Inflection ?"))
                .when().post("/api/ask").then().statusCode(200).extract().response();
        assertTrue(answer.<Boolean>path("answered"));
        assertNull(answer.path("answerId"), answer.asString());
        assertTrue(answer.asString().startsWith("{\"question\":"), answer.asString());
        assertEquals(before, keptAnswers());
    }

    private long keptAnswers() throws SQLException {
        try (Connection connection = database.getConnection();
                ResultSet count = connection.createStatement().executeQuery("select count(*) from answer_record")) {
            count.next();
            return count.getLong(1);
        }
    }
}
