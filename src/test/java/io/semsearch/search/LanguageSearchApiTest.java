package io.semsearch.search;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.semsearch.search.SearchApiTest.search;
import static io.semsearch.testing.TestKeys.asAdmin;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lexical search reads each document in its language's text search configuration (V6): English stemming for English,
 * {@code simple} for languages without one, French as before; dense search does not care.
 */
@QuarkusTest
class LanguageSearchApiTest {

    private static final String ENGLISH_TEXT = "The company runs three factories in Ohio and sells farm machinery.";

    @Inject
    AgroalDataSource primary;

    @Inject
    TestData testData;

    @AfterEach
    void restore() {
        testData.restore();
    }

    @Test
    void englishDocumentsAreReadWithEnglishStemming() throws SQLException {
        index("language/english.txt", ENGLISH_TEXT, "en");
        index("language/english-other.txt", "A quiet harbour town where the ferry leaves at dawn.", "en");
        index("language/english-as-french.txt", ENGLISH_TEXT, "fr");
        assertFalse(matches("semsearch_french", ENGLISH_TEXT, "running companies"),
                "French stemming alone must not match, else this test proves nothing");
        assertEquals("semsearch_english", configOf("language/english.txt"));

        List<String> sources = search("running companies", 10, "lexical").getList("results.source");
        assertTrue(sources.contains("language/english.txt"), sources.toString());
        assertFalse(sources.contains("language/english-as-french.txt"), sources.toString());
        List<String> dense = search("factories selling farm machinery in Ohio", 10, "dense")
                .getList("results.source");
        assertTrue(dense.contains("language/english.txt") && dense.contains("language/english-as-french.txt"),
                dense.toString());
    }

    @Test
    void otherLanguagesAreFoundByTheirWordsAsWritten() throws SQLException {
        index("language/german.txt", "Die Bundesregierung beschließt das Haushaltsgesetz für das kommende Jahr.",
                "de");
        assertEquals("simple", configOf("language/german.txt"));
        assertEquals(List.of("language/german.txt"), search("Haushaltsgesetz", 10, "lexical")
                .getList("results.source"));
        assertEquals(List.of("language/german.txt"), search("beschließt", 10, "lexical")
                .getList("results.source"));
    }

    @Test
    void frenchDocumentsKeepAccentInsensitiveStemming() throws SQLException {
        index("language/french.txt", "Les élections régionales générales ont mobilisé les électrices du Jura.", "fr");
        assertEquals("semsearch_french", configOf("language/french.txt"));
        for (String query : List.of("election regionale", "électrices jurassiennes", "ELECTIONS Régionales")) {
            List<String> sources = search(query, 10, "lexical").getList("results.source");
            assertTrue(sources.contains("language/french.txt"), query + ": " + sources);
        }
    }

    @Test
    void aDocumentWhoseLanguageChangesIsReadInTheNewOne() throws SQLException {
        index("language/relabelled.txt", ENGLISH_TEXT, "en");
        assertTrue(search("running companies", 10, "lexical").getList("results.source")
                .contains("language/relabelled.txt"));

        asAdmin().contentType("application/json")
                .body(Map.of("source", "language/relabelled.txt", "text", ENGLISH_TEXT, "language", "de"))
                .when().post("/api/documents").then().statusCode(200).body("chunks", is(1));
        assertEquals("simple", configOf("language/relabelled.txt"));
        assertFalse(search("running companies", 10, "lexical").getList("results.source")
                .contains("language/relabelled.txt"));
        assertTrue(search("factories", 10, "lexical").getList("results.source")
                .contains("language/relabelled.txt"));
    }

    @Test
    void everyChunkIsReadInItsDocumentsLanguage() throws SQLException {
        index("language/english.txt", ENGLISH_TEXT, "en");
        index("language/german.txt", "Die Bundesregierung beschließt das Haushaltsgesetz.", "de");
        try (Connection connection = primary.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select count(*) filter (where c.text_search_config <> semsearch_text_search_config(d.language)
                                                   or c.text_search <> to_tsvector(c.text_search_config, c.text)),
                               count(distinct c.text_search_config)
                        from chunk c join document d on d.id = c.document_id""");
                ResultSet row = statement.executeQuery()) {
            row.next();
            assertEquals(0, row.getLong(1), "chunks read in another configuration than their document's language's");
            assertEquals(3, row.getLong(2), "configurations in use");
        }
    }

    @Test
    void theLanguageToConfigurationMappingMatchesTheDocumentedOne() throws SQLException {
        Map<String, String> expected = Map.of("fr", "semsearch_french", " FR ", "semsearch_french",
                "en", "semsearch_english", "de", "simple", "zh", "simple", "", "simple");
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            try (Connection connection = primary.getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "select semsearch_text_search_config(?)::text")) {
                statement.setString(1, entry.getKey());
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    assertEquals(entry.getValue(), row.getString(1), "'" + entry.getKey() + "'");
                }
            }
        }
    }

    private static void index(String source, String text, String language) {
        asAdmin().contentType("application/json")
                .body(Map.of("source", source, "text", text, "language", language))
                .when().post("/api/documents").then().statusCode(201);
    }

    private String configOf(String source) throws SQLException {
        try (Connection connection = primary.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select string_agg(distinct c.text_search_config::text, ',')
                        from chunk c join document d on d.id = c.document_id where d.source = ?""")) {
            statement.setString(1, source);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Whether the text holds any of the query's words, both read with that configuration. */
    private boolean matches(String config, String text, String query) throws SQLException {
        try (Connection connection = primary.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select to_tsvector(?::regconfig, ?) @@ cast(replace(cast(websearch_to_tsquery(?::regconfig, ?)"
                                + " as text), ' & ', ' | ') as tsquery)")) {
            statement.setString(1, config);
            statement.setString(2, text);
            statement.setString(3, config);
            statement.setString(4, query);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }
}
