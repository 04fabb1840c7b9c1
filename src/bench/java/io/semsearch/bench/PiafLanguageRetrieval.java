package io.semsearch.bench;

import io.semsearch.extraction.LanguageIdentifier;
import io.semsearch.ingest.TextCleaner;
import io.semsearch.testing.Migrations;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.semsearch.bench.Report.num;
import static io.semsearch.bench.Report.pct;

/**
 * What detecting the language of the PIAF paragraphs, instead of declaring them French, does to lexical retrieval, on
 * questions of the TRAIN part only: the train paragraphs are stored as one chunk each (no vectors, no service) in a
 * schema of the test database made by the migrations, inside a transaction that is rolled back; each question goes
 * through the service's lexical query ({@code PostgresRetrievers}' SQL, k = 10). Also compares two ways of merging
 * the configurations' BM25 scores: each configuration's own corpus size and average length in idf and length
 * normalisation, or the whole store's. Not a test (no suffix):
 * {@code SEMSEARCH_TEST_DB_NAME=... scripts/test.sh -Ptraining -Dtest=PiafLanguageRetrieval -Dsurefire.failIfNoSpecifiedTests=false}
 * writes docs/benchmarks/piaf-language-retrieval.md.
 */
class PiafLanguageRetrieval {

    private static final int K = 10;
    private static final String STORE_WIDE_CORPUS = """
            corpus as materialized (
                select config, sum(chunks) over () as chunks,
                       greatest(sum(tokens) over ()::float8 / sum(chunks) over (), 1) as average_tokens
                from corpus_statistics where chunks > 0),""";

    @Test
    void lexicalRetrievalOnTheTrainPart() throws Exception {
        Piaf piaf = Piaf.load();
        LanguageIdentifier identifier = new LanguageIdentifier();
        TextCleaner cleaner = new TextCleaner();
        List<Piaf.Paragraph> train = piaf.paragraphs().stream().filter(p -> !p.inTestSplit()).toList();
        Map<String, String> detected = new LinkedHashMap<>();
        for (Piaf.Paragraph p : train) {
            String language = identifier.detect(cleaner.clean(p.context(), p.title()).content(), 20)
                    .map(LanguageIdentifier.Detected::language).orElse("fr");
            if (!language.equals("fr")) {
                detected.put(p.source(), language);
            }
        }
        Set<Integer> moved = new HashSet<>();
        detected.keySet().forEach(s -> moved.add(Integer.parseInt(s.substring("piaf/".length()))));
        List<Piaf.Question> affected = piaf.questions(Piaf.Part.TRAIN).stream()
                .filter(q -> moved.contains(q.paragraph())).toList();
        List<Piaf.Question> sample = piaf.sample(Piaf.Part.TRAIN, 1000, RetrievalBenchmark.SEED);

        Field field = Class.forName("io.semsearch.document.PostgresRetrievers").getDeclaredField("LEXICAL");
        field.setAccessible(true);
        String perConfiguration = ((String) field.get(null)).formatted("true");
        int corpusStart = perConfiguration.indexOf("corpus as materialized (");
        int corpusEnd = perConfiguration.indexOf("),", corpusStart) + 2;
        String storeWide = perConfiguration.substring(0, corpusStart) + STORE_WIDE_CORPUS.strip()
                + perConfiguration.substring(corpusEnd);

        String database = System.getenv().getOrDefault("SEMSEARCH_TEST_DB_NAME", "semsearch_test");
        Report report = new Report("Detected languages and lexical retrieval, PIAF train part");
        report.line("The " + train.size() + " train paragraphs, one chunk each (token count: words), in a throwaway "
                + "schema; " + detected.size() + " detected as another language than French " + detected + ", with "
                + affected.size() + " questions. Lexical search, k = " + K + ". Questions: those " + affected.size()
                + ", and 1,000 train questions drawn with the retrieval benchmark's seed.");
        report.line("");
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
                System.getenv().getOrDefault("SEMSEARCH_DB_USER", "semsearch"),
                System.getenv().getOrDefault("SEMSEARCH_DB_PASSWORD", "semsearch"));
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("create schema piaf_language; set local search_path = piaf_language, public");
                for (Path migration : Migrations.inOrder()) {
                    statement.execute(Files.readString(migration));
                }
                statement.execute("drop index chunk_embedding_hnsw_idx");
                try (PreparedStatement insert = connection.prepareStatement("""
                        with d as (
                            insert into document (id, source, title, content, content_sha256, language,
                                                  embedding_model, created_at, updated_at)
                            values (gen_random_uuid(), ?, ?, ?, repeat('0', 64), 'fr', 'none', now(), now())
                            returning id, content)
                        insert into chunk (id, document_id, ordinal, text, start_offset, end_offset, token_count,
                                           embedding)
                        select gen_random_uuid(), d.id, 0, d.content, 0, length(d.content), ?,
                               cast(array_fill(0, array[384]) as vector)
                        from d""")) {
                    for (Piaf.Paragraph p : train) {
                        insert.setString(1, p.source());
                        insert.setString(2, p.title());
                        insert.setString(3, p.context());
                        insert.setInt(4, p.context().split("\\s+").length);
                        insert.execute();
                    }
                }
                statement.execute("select fold_statistics_changes()");
                for (String languages : List.of("declared fr", "detected")) {
                    if (languages.equals("detected")) {
                        for (Map.Entry<String, String> entry : detected.entrySet()) {
                            statement.execute("update document set language = '" + entry.getValue()
                                    + "' where source = '" + entry.getKey() + "'");
                        }
                        statement.execute("select fold_statistics_changes()");
                    }
                    for (Map.Entry<String, String> variant : List.of(Map.entry("per configuration",
                            perConfiguration), Map.entry("store-wide", storeWide))) {
                        double[] onAffected = hits(connection, variant.getValue(), affected);
                        double[] onSample = hits(connection, variant.getValue(), sample);
                        rows.add(List.of(languages, variant.getKey(), pct(onAffected[0]), pct(onAffected[1]),
                                pct(onSample[0]), pct(onSample[1]), num(onSample[2], 3)));
                    }
                }
            } finally {
                connection.rollback();
            }
        }
        report.table(List.of("languages", "corpus size, length norm", "moved: hit@1", "moved: hit@10",
                "1,000: hit@1", "1,000: hit@10", "1,000: MRR@10"), rows);
        report.write("piaf-language-retrieval.md");
    }

    /** hit@1, hit@10 and MRR@10 of the paragraph of each question. */
    private static double[] hits(Connection connection, String lexical, List<Piaf.Question> questions)
            throws Exception {
        double hit1 = 0;
        double hit10 = 0;
        double mrr = 0;
        try (PreparedStatement statement = connection.prepareStatement(lexical)) {
            for (Piaf.Question q : questions) {
                statement.setString(1, q.question());
                statement.setDouble(2, 1.2);
                statement.setDouble(3, 0.75);
                statement.setInt(4, 300);
                statement.setInt(5, 500);
                statement.setInt(6, K);
                statement.execute();
                statement.getMoreResults();
                List<Object> ids = new ArrayList<>();
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(2));
                    }
                }
                int rank = rank(connection, ids, "piaf/" + q.paragraph());
                hit1 += rank == 1 ? 1 : 0;
                hit10 += rank >= 1 && rank <= K ? 1 : 0;
                mrr += rank >= 1 ? 1.0 / rank : 0;
            }
        }
        int n = Math.max(1, questions.size());
        return new double[] {hit1 / n, hit10 / n, mrr / n};
    }

    private static int rank(Connection connection, List<Object> documentIds, String source) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(
                "select id from document where source = ?")) {
            statement.setString(1, source);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return documentIds.indexOf(row.getObject(1)) + 1;
            }
        }
    }
}
