package io.semsearch.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The reads of {@link PostgresPassageStore}, as SQL on the read datasource (a streaming replica when one is
 * configured, see docs/scaling.md): the two retrievers, pgvector cosine search over the HNSW index and full text read
 * in each document's language ranked with BM25, which return ranked {@link ScoredPassage}s; then
 * {@link #passages} reads the few that are kept.
 *
 * <p>Each method is one round trip in autocommit mode: the planner settings go in a first statement of the same
 * batch, which PostgreSQL runs in the same implicit transaction as the query, so they apply to it alone.
 */
@ApplicationScoped
class PostgresRetrievers {

    /**
     * Planned for this very vector (pgjdbc prepares statements server-side after five executions, and generic plans
     * ignore the vector). Without seq scans: on small tables the planner prefers sorting every row by distance, while
     * the index answers in a fraction of the time at any size. With filters, HNSW iterative scans keep looking past
     * filtered-out rows. No JIT: compiling costs more than these queries.
     */
    private static final String DENSE = """
            select set_config('plan_cache_mode', 'force_custom_plan', true), set_config('enable_seqscan', 'off', true),
                   set_config('jit', 'off', true), set_config('hnsw.ef_search', ?, true),
                   set_config('hnsw.iterative_scan', ?, true);
            select k.id, k.document_id, k.start_offset, k.end_offset, 1 - k.distance as similarity
            from (select c.id, c.document_id, c.start_offset, c.end_offset,
                         c.embedding <=> cast(? as vector) as distance
                  from chunk c
                  where %s
                  order by c.embedding <=> cast(? as vector) limit ?) k
            order by k.distance, k.id""";

    /**
     * BM25 over the chunks that hold the query's rarest words, with corpus statistics read from the tables the
     * triggers of V4 and V6 keep (never counted here), so that the cost of a query does not grow with the chunks its
     * common words match. A chunk is read with its document's language's text search configuration (V6): the query is
     * read with each configuration that has chunks, and matched against that configuration's chunks alone, with its
     * statistics:
     * <ol>
     *   <li>the query's words in each configuration, each with its document frequency and idf there, rarest first;
     *       rarity, as the cost of reading a word's chunks, counts its chunks in all configurations (the GIN index
     *       does not tell them apart);</li>
     *   <li>candidates, per configuration: its chunks holding any of the rarest words whose chunks add up to at most
     *       {@link Bm25#candidatePostings()} (the rarest word always), at most {@link Bm25#maxScored()} of them, read through the
     *       GIN index;</li>
     *   <li>each candidate's BM25 over all the query's words, from its own tsvector reduced to those words; the
     *       configurations' candidates are merged by that score.</li>
     * </ol>
     * Quoted phrases and exclusions keep their web-search meaning: a query with either must match as written; other
     * words are OR-ed (a chunk rarely holds them all). The plan does not depend on the text: generic plans are fine.
     */
    private static final String LEXICAL = """
            select set_config('jit', 'off', true);
            with input as (
                select cast(? as text) as text, cast(? as float8) as k1, cast(? as float8) as b),
            corpus as materialized (
                select config, chunks, greatest(tokens::float8 / chunks, 1) as average_tokens
                from corpus_statistics where chunks > 0),
            query as materialized (
                select w.config,
                       cast(case when position('!' in w.t) > 0 then w.t else replace(w.t, ' & ', ' | ') end
                            as tsquery) as q,
                       position('!' in w.t) = 0 and position('<' in w.t) = 0 as plain
                from (select corpus.config, cast(websearch_to_tsquery(corpus.config, input.text) as text) as t
                      from corpus, input) w),
            words as (
                select distinct corpus.config, lexeme
                from corpus, input, unnest(tsvector_to_array(to_tsvector(corpus.config, input.text))) as lexeme),
            terms as materialized (
                select w.config, w.lexeme, coalesce(s.chunks, 0) as df,
                       ln(1 + (greatest(corpus.chunks, coalesce(s.chunks, 0)) - coalesce(s.chunks, 0) + 0.5)
                              / (coalesce(s.chunks, 0) + 0.5)) as idf,
                       p.postings,
                       sum(p.postings) over (partition by w.config order by p.postings, w.lexeme) as cumulative
                from words w
                join corpus on corpus.config = w.config
                left join lexeme_statistics s on s.config = w.config and s.lexeme = w.lexeme
                cross join lateral (
                    select coalesce(sum(a.chunks), 0) as postings
                    from corpus o join lexeme_statistics a on a.config = o.config and a.lexeme = w.lexeme) p),
            generating as (
                select config,
                       cast(string_agg(quote_literal(lexeme), ' | ')
                            filter (where cumulative <= ? or cumulative = postings) as tsquery) as q,
                       array_agg(lexeme) as lexemes
                from terms group by config),
            candidates as (
                select g.config, k.*
                from generating g
                join query on query.config = g.config
                cross join lateral (
                    select c.id, c.document_id, c.start_offset, c.end_offset, c.token_count,
                           ts_filter(setweight(c.text_search, 'A', g.lexemes), '{a}') as matched
                    from chunk c
                    where c.text_search @@ g.q and c.text_search_config = g.config
                      and (query.plain or ts_match_vq(c.text_search, query.q)) and %s
                    limit ?) k)
            select k.id, k.document_id, k.start_offset, k.end_offset,
                   (select sum(t.idf * cardinality(u.positions) * (input.k1 + 1)
                               / (cardinality(u.positions)
                                  + input.k1 * (1 - input.b + input.b * k.token_count / corpus.average_tokens)))
                    from unnest(k.matched) u join terms t on t.config = k.config and t.lexeme = u.lexeme) as bm25
            from candidates k join corpus on corpus.config = k.config, input
            order by bm25 desc, k.id limit ?""";

    private static final String PASSAGES = """
            select c.id, c.document_id, d.source, d.title, c.ordinal, c.text, %s%s
            from chunk c join document d on d.id = c.document_id
            where c.id = any(?)""";

    private final AgroalDataSource read;
    private final ObjectMapper json;

    PostgresRetrievers(@DataSource("read") AgroalDataSource read, ObjectMapper json) {
        this.read = read;
        this.json = json;
    }

    List<ScoredPassage> dense(float[] query, int limit, PassageFilter filters, int efSearch) {
        PassageFilter.SqlCondition filter = filters.toSql(json);
        String vector = PgVectors.literal(query);
        List<Object> parameters = new ArrayList<>(List.of(Integer.toString(Math.max(efSearch, limit)),
                filters.isEmpty() ? "off" : "relaxed_order", vector));
        parameters.addAll(filter.parameters());
        parameters.addAll(List.of(vector, limit));
        return scored(DENSE.formatted(filter.sql()), parameters);
    }

    List<ScoredPassage> lexical(String text, int limit, PassageFilter filters, Bm25 bm25) {
        PassageFilter.SqlCondition filter = filters.toSql(json);
        List<Object> parameters = new ArrayList<>(List.of(text, bm25.k1(), bm25.b(), bm25.candidatePostings()));
        parameters.addAll(filter.parameters());
        parameters.addAll(List.of(Math.max(limit, bm25.maxScored()), limit));
        return scored(LEXICAL.formatted(filter.sql()), parameters);
    }

    List<StoredPassage> passages(Collection<UUID> ids, float[] queryVector, boolean withSentences) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = PASSAGES.formatted(queryVector == null ? "null" : "1 - (c.embedding <=> cast(? as vector))",
                withSentences ? ", c.sentence_spans, c.sentence_embeddings" : "");
        List<StoredPassage> passages = new ArrayList<>(ids.size());
        try (Connection connection = read.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (queryVector != null) {
                statement.setString(index++, PgVectors.literal(queryVector));
            }
            statement.setArray(index, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    double similarity = rows.getDouble(7);
                    if (rows.wasNull()) {
                        similarity = Double.NaN;
                    }
                    SentenceVectors sentences = withSentences
                            ? SentenceVectors.decode(ints(rows.getArray(8)), rows.getBytes(9)) : SentenceVectors.NONE;
                    passages.add(new StoredPassage(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getString(3), rows.getString(4), rows.getInt(5), rows.getString(6), similarity,
                            sentences));
                }
            }
        } catch (SQLException e) {
            throw new PassageReadException("Reading the retrieved passages failed; the error is logged", e);
        }
        return passages;
    }

    /** Runs a batch of settings then one query, and reads its rows as scored passages. */
    private List<ScoredPassage> scored(String sql, List<Object> parameters) {
        try (Connection connection = read.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof UUID[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else if (value instanceof String[] strings) {
                    statement.setArray(i + 1, connection.createArrayOf("text", strings));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            statement.execute();
            statement.getMoreResults(); // past the settings
            List<ScoredPassage> scored = new ArrayList<>();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    scored.add(new ScoredPassage(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getInt(3), rows.getInt(4), rows.getDouble(5)));
                }
            }
            return scored;
        } catch (SQLException e) {
            throw new PassageReadException("The search query failed; the error is logged", e);
        }
    }

    private static int[] ints(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Integer[] boxed = (Integer[]) array.getArray();
        int[] values = new int[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }
}
