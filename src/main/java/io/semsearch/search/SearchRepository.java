package io.semsearch.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The two retrievers, as SQL: pgvector cosine search over the HNSW index, and French full text. */
@ApplicationScoped
public class SearchRepository {

    private static final long STATISTICS_MAX_AGE_NANOS = 30_000_000_000L;
    private static final String COLUMNS = """
            c.id, c.document_id, d.source, d.title, c.ordinal, c.start_offset, c.end_offset, c.text""";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final SearchConfig config;
    private volatile CorpusStatistics statistics;

    public SearchRepository(EntityManager entityManager, ObjectMapper json, SearchConfig config) {
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
    }

    /**
     * Nearest chunks by cosine distance over the HNSW index; with filters, HNSW iterative scans keep looking past
     * filtered-out rows.
     */
    @Transactional
    public List<SearchHit> dense(float[] query, int limit, SearchFilters filters) {
        // Planned for this very vector (pgjdbc prepares statements server-side after five executions, and generic
        // plans ignore the vector). Without seq scans: on small tables the planner prefers sorting every row by
        // distance, detoasting each vector, while the index answers in a fraction of the time at any size.
        entityManager.createNativeQuery("""
                        select set_config('plan_cache_mode', 'force_custom_plan', true),
                               set_config('enable_seqscan', 'off', true),
                               set_config('hnsw.ef_search', :ef, true),
                               set_config('hnsw.iterative_scan', :iterative, true)""")
                .setParameter("ef", Integer.toString(Math.max(config.efSearch(), limit)))
                .setParameter("iterative", filters.isEmpty() ? "off" : "relaxed_order")
                .getSingleResult();
        String sql = """
                select k.id, k.document_id, d.source, d.title, k.ordinal, k.start_offset, k.end_offset, k.text,
                       1 - k.distance as similarity
                from (select c.id, c.document_id, c.ordinal, c.start_offset, c.end_offset, c.text,
                             c.embedding <=> cast(:query as vector) as distance
                      from chunk c""" + (filters.isEmpty() ? "" : """

                      where c.document_id in (select d.id from document d where true""" + where(filters) + ")") + """

                      order by c.embedding <=> cast(:query as vector) limit :limit) k
                join document d on d.id = k.document_id
                order by k.distance, k.id""";
        Query q = entityManager.createNativeQuery(sql)
                .setParameter("query", vectorLiteral(query))
                .setParameter("limit", limit);
        bind(q, filters);
        List<SearchHit> hits = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            double similarity = ((Number) r[8]).doubleValue();
            hits.add(hit(r, similarity, similarity));
        }
        return hits;
    }

    /**
     * Chunks that share words with the query. The words of a question are OR-ed (a chunk rarely holds all of them;
     * quoted phrases and exclusions keep their web-search meaning); {@code ts_rank_cd} picks the candidates, which
     * are then ranked by BM25: PostgreSQL's own ranking ignores how rare a word is, so words found in every chunk
     * ("Microsoft" in a corpus about Microsoft) would otherwise outweigh the ones that tell chunks apart.
     *
     * @param queryVector when given, each hit also carries its cosine similarity to it
     */
    @Transactional
    public List<SearchHit> lexical(String text, float[] queryVector, int limit, SearchFilters filters) {
        setLocal("plan_cache_mode", "force_custom_plan"); // planned for this text, see dense()
        String similarity = queryVector == null ? "cast('NaN' as float8)"
                : "1 - (c.embedding <=> cast(:vector as vector))";
        String sql = """
                with input as (
                    select cast(websearch_to_tsquery('semsearch_french', :text) as text) as t),
                query as (
                    select cast(case when position('!' in t) > 0 then t else replace(t, ' & ', ' | ') end
                                as tsquery) as q from input),
                terms as (
                    select distinct lexeme from unnest(tsvector_to_array(to_tsvector('semsearch_french', :text)))
                        as lexeme),
                idf as materialized (
                    select t.lexeme, ln(1 + (greatest(:chunks, n.df) - n.df + 0.5) / (n.df + 0.5)) as idf
                    from terms t,
                    lateral (select count(*) as df from chunk c
                             where c.text_search @@ cast(quote_literal(t.lexeme) as tsquery)) n),
                candidates as (
                    select c.id, c.text_search, c.token_count, ts_rank_cd(c.text_search, query.q, 1) as cover
                    from chunk c join document d on d.id = c.document_id, query
                    where c.text_search @@ query.q""" + where(filters) + """
                    order by cover desc, c.id limit :candidates)
                select """ + " " + COLUMNS + """
                    , (select coalesce(sum(idf.idf * (cardinality(u.positions) * 2.2)
                              / (cardinality(u.positions) + 1.2 * (0.25 + 0.75 * k.token_count / :avgTokens))), 0)
                       from unnest(k.text_search) u join idf on idf.lexeme = u.lexeme) as bm25
                    , """ + similarity + """
                from candidates k join chunk c on c.id = k.id join document d on d.id = c.document_id
                order by bm25 desc, k.cover desc, c.id limit :limit""";
        CorpusStatistics corpus = corpusStatistics();
        Query q = entityManager.createNativeQuery(sql)
                .setParameter("text", text)
                .setParameter("chunks", (double) corpus.chunks())
                .setParameter("avgTokens", corpus.averageTokens())
                .setParameter("candidates", Math.max(limit * 5, 200))
                .setParameter("limit", limit);
        if (queryVector != null) {
            q.setParameter("vector", vectorLiteral(queryVector));
        }
        bind(q, filters);
        List<SearchHit> hits = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            hits.add(hit(r, ((Number) r[8]).doubleValue(), ((Number) r[9]).doubleValue()));
        }
        return hits;
    }

    /** Chunk count and mean length for BM25: read at most every 30 s, as ranking does not need them exact. */
    private CorpusStatistics corpusStatistics() {
        CorpusStatistics current = statistics;
        if (current == null || System.nanoTime() - current.readAt() > STATISTICS_MAX_AGE_NANOS) {
            Object[] row = (Object[]) entityManager.createNativeQuery(
                    "select count(*), coalesce(avg(token_count), 1) from chunk").getSingleResult();
            current = new CorpusStatistics(((Number) row[0]).longValue(),
                    Math.max(1.0, ((Number) row[1]).doubleValue()), System.nanoTime());
            statistics = current;
        }
        return current;
    }

    private record CorpusStatistics(long chunks, double averageTokens, long readAt) {
    }

    private void setLocal(String setting, String value) {
        entityManager.createNativeQuery("select set_config(:name, :value, true)")
                .setParameter("name", setting)
                .setParameter("value", value)
                .getSingleResult();
    }

    private static String where(SearchFilters filters) {
        StringBuilder sql = new StringBuilder();
        if (!filters.documentIds().isEmpty()) {
            sql.append(" and d.id in (:documentIds)");
        }
        if (!filters.sources().isEmpty()) {
            sql.append(" and d.source in (:sources)");
        }
        if (!filters.metadata().isEmpty()) {
            sql.append(" and d.metadata @> cast(:metadata as jsonb)");
        }
        return sql.toString();
    }

    private void bind(Query q, SearchFilters filters) {
        if (!filters.documentIds().isEmpty()) {
            q.setParameter("documentIds", filters.documentIds());
        }
        if (!filters.sources().isEmpty()) {
            q.setParameter("sources", filters.sources());
        }
        if (!filters.metadata().isEmpty()) {
            try {
                q.setParameter("metadata", json.writeValueAsString(filters.metadata()));
            } catch (JsonProcessingException e) {
                throw new InvalidSearchException("filters.metadata", e.getOriginalMessage());
            }
        }
    }

    private static SearchHit hit(Object[] r, double score, double similarity) {
        return new SearchHit((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                ((Number) r[5]).intValue(), ((Number) r[6]).intValue(), (String) r[7], score, similarity);
    }

    static String vectorLiteral(float[] vector) {
        StringBuilder literal = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append(vector[i]);
        }
        return literal.append(']').toString();
    }
}
