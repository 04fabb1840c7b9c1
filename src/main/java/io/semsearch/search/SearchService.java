package io.semsearch.search;

import io.semsearch.embedding.EmbeddingService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Dense, lexical or hybrid retrieval of chunks for a query. */
@ApplicationScoped
public class SearchService {

    private final EmbeddingService embedding;
    private final SearchRepository repository;
    private final SearchConfig config;

    public SearchService(EmbeddingService embedding, SearchRepository repository, SearchConfig config) {
        this.embedding = embedding;
        this.repository = repository;
        this.config = config;
    }

    /** Validates and resolves {@code k}, falling back on the configured default. */
    public int checkedK(Integer k) {
        if (k == null) {
            return config.defaultK();
        }
        if (k < 1 || k > config.maxK()) {
            throw new InvalidSearchException("k", "must be between 1 and " + config.maxK() + ", was " + k);
        }
        return k;
    }

    /** Validates a query or question: present, not blank, not longer than the configured limit. */
    public String checkedQuery(String field, String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidSearchException(field, "must be given and not blank");
        }
        if (query.length() > config.maxQueryLength()) {
            throw new InvalidSearchException(field, "must be at most " + config.maxQueryLength()
                    + " characters, was " + query.length());
        }
        return query.strip();
    }

    public Retrieval retrieve(String query, int k, SearchMode mode, SearchFilters filters) {
        long started = System.nanoTime();
        float[] vector = mode == SearchMode.LEXICAL ? null : embedding.embedQuery(query);
        long embedded = System.nanoTime();
        int candidates = Math.max(config.candidates(), k);
        List<SearchHit> ranked = switch (mode) {
            case DENSE -> repository.dense(vector, candidates, filters);
            case LEXICAL -> repository.lexical(query, null, candidates, filters);
            case HYBRID -> RankFusion.reciprocalRankFusion(List.of(
                    repository.dense(vector, candidates, filters),
                    repository.lexical(query, vector, candidates, filters)),
                    List.of(config.denseWeight(), config.lexicalWeight()), config.rrfK());
        };
        List<SearchHit> hits = RankFusion.diversify(ranked, k, config.maxChunksPerDocument());
        long searched = System.nanoTime();
        return new Retrieval(query, mode, hits, vector, millis(embedded - started), millis(searched - embedded));
    }

    static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
