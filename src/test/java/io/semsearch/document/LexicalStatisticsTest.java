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
 * BM25's corpus statistics, kept by triggers and folds (V4, per text search configuration since V6), equal what
 * counting the chunks gives, through indexing, concurrent indexing, re-indexing, changes of language and deletes.
 */
@QuarkusTest
class LexicalStatisticsTest {

    /**
     * How far the statistics as kept are from what counting the chunks gives, per text search configuration: corpus
     * rows and lexeme rows that differ (either way), and negative counts; all zero when the keeping is right.
     */
    private static final String COMPARE = """
            with counted_corpus as (
                select text_search_config as config, count(*) as chunks, sum(token_count) as tokens
                from chunk group by text_search_config),
            kept_corpus as (
                select config, chunks, tokens from corpus_statistics where chunks > 0),
            counted_lexemes as (
                select text_search_config as config, lexeme, count(*) as chunks
                from chunk, unnest(tsvector_to_array(text_search)) lexeme group by text_search_config, lexeme),
            kept_lexemes as (
                select config, lexeme, chunks from lexeme_statistics where chunks > 0)
            select (select count(*) from ((select * from counted_corpus except select * from kept_corpus)
                                          union all
                                          (select * from kept_corpus except select * from counted_corpus)) d),
                   (select count(*) from ((select * from counted_lexemes except select * from kept_lexemes)
                                          union all
                                          (select * from kept_lexemes except select * from counted_lexemes)) d),
                   (select count(*) from lexeme_statistics where chunks < 0)
                   + (select count(*) from corpus_statistics where chunks < 0 or tokens < 0),
                   (select count(distinct text_search_config) from chunk)""";

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

    @Test
    void statisticsAreKeptPerLanguage() throws Exception {
        String english = "The annotators of the chronicle kept running notes on every chronicle they read.";
        String german = "Die Glossatoren der Chronik schrieben Notizen zu jeder Chronik.";
        String french = "Les glossateurs de la chronique annotaient chaque chronique qu'ils lisaient.";
        List<String> ids = new ArrayList<>();
        for (String[] document : new String[][] {{"en", english}, {"de", german}, {"fr", french}, {"it",
                "Le cronache annotate dai glossatori."}}) {
            ids.add(asAdmin().contentType("application/json")
                    .body(Map.of("source", "statistics/" + document[0] + ".txt", "text", document[1],
                            "language", document[0]))
                    .when().post("/api/documents").then().statusCode(201).extract().path("id"));
        }
        assertEquals(3, assertKeptEqualsCounted(), "French, English and simple");

        // a new language (same text: only the document's row changes), a new text in another language, a delete
        asAdmin().contentType("application/json")
                .body(Map.of("source", "statistics/en.txt", "text", english, "language", "fr"))
                .when().post("/api/documents").then().statusCode(200);
        assertKeptEqualsCounted();
        asAdmin().contentType("application/json")
                .body(Map.of("source", "statistics/de.txt", "text", english + " " + german, "language", "en"))
                .when().post("/api/documents").then().statusCode(200);
        assertKeptEqualsCounted();
        asAdmin().when().delete("/api/documents/" + ids.get(3)).then().statusCode(204);
        asAdmin().when().delete("/api/documents/" + ids.get(1)).then().statusCode(204);
        assertEquals(1, assertKeptEqualsCounted(), "French alone");
    }

    /** Returns the number of text search configurations the chunks use. */
    private long assertKeptEqualsCounted() throws SQLException {
        statistics.fold();
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(COMPARE)) {
            row.next();
            assertEquals(0, row.getLong(1), "configurations whose kept chunk or token count differs from the counted");
            assertEquals(0, row.getLong(2), "lexemes whose kept count differs from the counted one");
            assertEquals(0, row.getLong(3), "negative counts");
            return row.getLong(4);
        }
    }
}
