package io.semsearch.document;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.semsearch.testing.Migrations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Migration V6 on a store that V1 to V5 filled: every chunk is read again in its document's language, and the
 * statistics are rebuilt per configuration. Runs the migrations in a schema of its own, in a transaction that is
 * rolled back, so that the test's store is untouched.
 */
@QuarkusTest
class TextSearchMigrationTest {

    private static final String CHUNKS = """
            insert into document (id, source, title, content, content_sha256, language, embedding_model, created_at,
                                  updated_at)
            select gen_random_uuid(), source, source, content, repeat('0', 64), language, 'm', now(), now()
            from (values ('fr.txt', 'Les élections régionales', 'fr'), ('en.txt', 'The company runs', 'en'),
                         ('EN.txt', 'Running companies', 'EN'), ('de.txt', 'Die Bundesregierung', 'de'))
                 as v(source, content, language);
            insert into chunk (id, document_id, ordinal, text, start_offset, end_offset, token_count, embedding)
            select gen_random_uuid(), d.id, 0, d.content, 0, length(d.content), 3 + length(d.source),
                   cast(array_fill(0.1, array[384]) as vector)
            from document d;""";

    private static final String CHECK = """
            select (select count(*) from chunk c join document d on d.id = c.document_id
                    where c.text_search_config <> semsearch_text_search_config(d.language)
                       or c.text_search <> to_tsvector(c.text_search_config, c.text)),
                   (select string_agg(c.text_search_config::text || ':' || d.source, ' ' order by d.source collate "C")
                    from chunk c join document d on d.id = c.document_id),
                   (select count(*) from (
                        (select text_search_config, count(*), sum(token_count) from chunk group by 1
                         except select config, chunks, tokens from corpus_statistics)
                        union all
                        (select config, chunks, tokens from corpus_statistics
                         except select text_search_config, count(*), sum(token_count) from chunk group by 1)) d),
                   (select count(*) from (
                        (select text_search_config, lexeme, count(*) from chunk,
                                unnest(tsvector_to_array(text_search)) lexeme group by 1, 2
                         except select config, lexeme, chunks from lexeme_statistics)
                        union all
                        (select config, lexeme, chunks from lexeme_statistics
                         except select text_search_config, lexeme, count(*) from chunk,
                                unnest(tsvector_to_array(text_search)) lexeme group by 1, 2)) d),
                   (select count(*) from statistics_change)""";

    @Inject
    AgroalDataSource primary;

    @Test
    void chunksStoredBeforeAreReadInTheirDocumentsLanguage() throws Exception {
        List<Path> migrations = Migrations.inOrder();
        try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("create schema v6_migration_test; set local search_path = v6_migration_test, public");
                for (Path migration : migrations.subList(0, 5)) {
                    statement.execute(Files.readString(migration));
                }
                statement.execute(CHUNKS);
                statement.execute("select fold_statistics_changes()");
                assertEquals("V6__text_search_per_language.sql", migrations.get(5).getFileName().toString());
                statement.execute(Files.readString(migrations.get(5)));

                try (ResultSet row = statement.executeQuery(CHECK)) {
                    row.next();
                    assertEquals(0, row.getLong(1), "chunks read in another configuration than their language's");
                    assertEquals("semsearch_english:EN.txt simple:de.txt semsearch_english:en.txt "
                            + "semsearch_french:fr.txt", row.getString(2));
                    assertEquals(0, row.getLong(3), "corpus statistics that differ from the counted ones");
                    assertEquals(0, row.getLong(4), "lexeme statistics that differ from the counted ones");
                    assertEquals(0, row.getLong(5), "changes left to fold");
                }
                try (ResultSet row = statement.executeQuery("""
                        select count(*) from chunk c join document d on d.id = c.document_id
                        where d.source in ('en.txt', 'EN.txt')
                          and c.text_search @@ to_tsquery('semsearch_english', 'run & company')""")) {
                    row.next();
                    assertEquals(2, row.getLong(1), "English chunks matched with English stemming");
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
