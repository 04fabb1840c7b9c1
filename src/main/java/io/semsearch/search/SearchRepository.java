package io.semsearch.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.semsearch.document.SentenceVectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The two retrievers, as SQL: pgvector cosine search over the HNSW index, and French full text ranked with BM25. They
 * return ranked {@link Candidate}s; {@link #hits} then reads the few that are kept.
 */
@ApplicationScoped
public class SearchRepository {

    /**
     * Planned for this very vector (pgjdbc prepares statements server-side after five executions, and generic plans
     * ignore the vector). Without seq scans: on small tables the planner prefers sorting every row by distance,
     * detoasting each vector, while the index answers in a fraction of the time at any size. With filters, HNSW
     * iterative scans keep looking past filtered-out rows.
     */
    private static final String DENSE_SETTINGS = """
            select set_config('plan_cache_mode', 'force_custom_plan', true),
                   set_config('enable_seqscan', 'off', true),
                   set_config('hnsw.ef_search', :ef, true),
                   set_config('hnsw.iterative_scan', :iterative, true)""";

    /** The nearest chunks taken from the index first, then ordered with ties broken by id. */
    private static final String DENSE = """
            select k.id, k.document_id, k.start_offset, k.end_offset, 1 - k.distance as similarity
            from (select c.id, c.document_id, c.start_offset, c.end_offset,
                         c.embedding <=> cast(:query as vector) as distance
                  from chunk c
                  where %s
                  order by c.embedding <=> cast(:query as vector) limit :limit) k
            order by k.distance, k.id""";

    /**
     * The words of a question are OR-ed (a chunk rarely holds all of them; quoted phrases and exclusions keep their
     * web-search meaning); {@code ts_rank_cd} picks a pool of chunks, which BM25 then ranks: PostgreSQL's own ranking
     * ignores how rare a word is, so words found in every chunk ("Microsoft" in a corpus about Microsoft) would
     * otherwise outweigh the ones that tell chunks apart. Document frequencies are counted per query in the GIN index.
     */
    private static final String LEXICAL = """
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
                select c.id, c.document_id, c.start_offset, c.end_offset, c.text_search, c.token_count,
                       ts_rank_cd(c.text_search, query.q, 1) as cover
                from chunk c join document d on d.id = c.document_id, query
                where c.text_search @@ query.q and %s
                order by cover desc, c.id limit :pool)
            select k.id, k.document_id, k.start_offset, k.end_offset,
                   (select coalesce(sum(idf.idf * (cardinality(u.positions) * (:k1 + 1))
                           / (cardinality(u.positions) + :k1 * (1 - :b + :b * k.token_count / :avgTokens))), 0)
                    from unnest(k.text_search) u join idf on idf.lexeme = u.lexeme) as bm25
            from candidates k
            order by bm25 desc, k.cover desc, k.id limit :limit""";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final SearchConfig config;
    private final CorpusStatistics statistics;

    public SearchRepository(EntityManager entityManager, ObjectMapper json, SearchConfig config,
            CorpusStatistics statistics) {
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
        this.statistics = statistics;
    }

    /** The chunks nearest to the query vector, by cosine similarity. */
    @Transactional
    public List<Candidate> dense(float[] query, int limit, SearchFilters filters) {
        DocumentFilter filter = DocumentFilter.of(filters, json);
        entityManager.createNativeQuery(DENSE_SETTINGS)
                .setParameter("ef", Integer.toString(Math.max(config.efSearch(), limit)))
                .setParameter("iterative", filter.isEmpty() ? "off" : "relaxed_order")
                .getSingleResult();
        String where = filter.isEmpty() ? "true"
                : "c.document_id in (select d.id from document d where " + filter.sql() + ")";
        Query q = filter.bind(entityManager.createNativeQuery(DENSE.formatted(where)))
                .setParameter("query", vectorLiteral(query))
                .setParameter("limit", limit);
        return candidates(q);
    }

    /** The chunks that share words with the text, best BM25 first. */
    @Transactional
    public List<Candidate> lexical(String text, int limit, SearchFilters filters) {
        entityManager.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)")
                .getSingleResult(); // planned for this text, see DENSE_SETTINGS
        DocumentFilter filter = DocumentFilter.of(filters, json);
        CorpusStatistics.Snapshot corpus = statistics.current();
        SearchConfig.Lexical lexical = config.lexical();
        Query q = filter.bind(entityManager.createNativeQuery(LEXICAL.formatted(filter.sql())))
                .setParameter("text", text)
                .setParameter("chunks", (double) corpus.chunks())
                .setParameter("avgTokens", corpus.averageTokens())
                .setParameter("k1", lexical.k1())
                .setParameter("b", lexical.b())
                .setParameter("pool", Math.max(limit * 5, lexical.rankedPool()))
                .setParameter("limit", limit);
        return candidates(q);
    }

    /**
     * The kept candidates as hits, in their order: text, document, similarity to the query vector (NaN without one)
     * and, when asked for, the sentences with their stored vectors.
     */
    @Transactional
    public List<SearchHit> hits(List<Candidate> ranked, float[] queryVector, boolean withSentences) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        String sentenceColumns = withSentences ? ", c.sentenceSpans, c.sentenceEmbeddings" : "";
        List<Object[]> rows = entityManager.createQuery("""
                        select c.id, d.source, d.title, c.ordinal, c.text, c.embedding%s
                        from Chunk c join c.document d where c.id in :ids""".formatted(sentenceColumns),
                        Object[].class)
                .setParameter("ids", ranked.stream().map(Candidate::chunkId).toList())
                .getResultList();
        Map<UUID, Object[]> byId = new HashMap<>();
        rows.forEach(row -> byId.put((UUID) row[0], row));
        List<SearchHit> hits = new ArrayList<>(ranked.size());
        for (Candidate candidate : ranked) {
            Object[] row = byId.get(candidate.chunkId());
            if (row == null) {
                continue; // deleted since it was ranked
            }
            double similarity = queryVector == null ? Double.NaN : dot(queryVector, (float[]) row[5]);
            SentenceVectors sentences = withSentences ? SentenceVectors.decode((int[]) row[6], (byte[]) row[7])
                    : SentenceVectors.NONE;
            hits.add(new SearchHit(candidate.chunkId(), candidate.documentId(), (String) row[1], (String) row[2],
                    (Integer) row[3], candidate.start(), candidate.end(), (String) row[4], candidate.score(),
                    similarity, sentences));
        }
        return hits;
    }

    private static List<Candidate> candidates(Query query) {
        List<Candidate> candidates = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            candidates.add(new Candidate((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(),
                    ((Number) r[3]).intValue(), ((Number) r[4]).doubleValue()));
        }
        return candidates;
    }

    /** Cosine similarity of unit vectors. */
    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
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
