package io.semsearch.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.semsearch.testing.TestKeys.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * BM25's corpus statistics, kept by triggers and folds (V4), equal what counting the chunks gives, through indexing,
 * concurrent indexing, re-indexing and deletes.
 */
@QuarkusTest
class LexicalStatisticsTest {

    /** The statistics as kept, and as counted from the chunks; equal when the keeping is right. */
    private static final String COMPARE = """
            select (select chunks from corpus_statistics where config = regconfig 'semsearch_french'),
                   (select count(*) from chunk),
                   (select tokens from corpus_statistics where config = regconfig 'semsearch_french'),
                   (select sum(token_count) from chunk),
                   (select count(*) from (
                        select lexeme, count(*) as chunks from chunk, unnest(tsvector_to_array(text_search)) lexeme
                        group by lexeme
                        except
                        select lexeme, chunks from lexeme_statistics
                        where config = regconfig 'semsearch_french' and chunks > 0) missing),
                   (select count(*) from lexeme_statistics where chunks < 0)""";

    @Inject
    AgroalDataSource primary;

    @Inject
    LexicalStatistics statistics;

    @Inject
    TestData testData;

    @AfterEach
    void restore() {
        testData.restore();
    }

    @Test
    void statisticsFollowConcurrentIndexingUpdatesAndDeletes() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                ids.add(clients.submit(() -> asAdmin().contentType("application/json")
                        .body(Map.of("source", "statistics/" + n + ".txt", "text", "Le glossateur numéro " + n
                                + " annote la chronique. Une seconde phrase parle de la chronique " + n + "."))
                        .when().post("/api/documents").then().statusCode(201).extract().path("id")));
            }
            for (Future<String> id : ids) {
                id.get();
            }
            assertKeptEqualsCounted();

            asAdmin().contentType("application/json")
                    .body(Map.of("source", "statistics/0.txt", "text", "Un tout autre texte sur les glossateurs."))
                    .when().post("/api/documents").then().statusCode(200);
            for (int i = 1; i < 4; i++) {
                asAdmin().when().delete("/api/documents/" + ids.get(i).get()).then().statusCode(204);
            }
            assertKeptEqualsCounted();
        } finally {
            clients.shutdownNow();
        }
    }

    private void assertKeptEqualsCounted() throws SQLException {
        statistics.fold();
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(COMPARE)) {
            row.next();
            assertEquals(row.getLong(2), row.getLong(1), "chunks");
            assertEquals(row.getLong(4), row.getLong(3), "tokens");
            assertEquals(0, row.getLong(5), "lexemes whose kept count differs from the counted one");
            assertEquals(0, row.getLong(6), "negative counts");
        }
    }
}
