package io.semsearch.search;

import io.semsearch.embedding.EmbeddingService;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Dense, lexical or hybrid retrieval of chunks for a query. */
@ApplicationScoped
public class SearchService {

    private final EmbeddingService embedding;
    private final SearchRepository repository;
    private final SearchConfig config;

    private final ManagedExecutor executor;

    public SearchService(EmbeddingService embedding, SearchRepository repository, SearchConfig config,
            ManagedExecutor executor) {
        this.embedding = embedding;
        this.repository = repository;
        this.config = config;
        this.executor = executor;
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
            case HYBRID -> {
                // the two retrievers run at once, on two connections
                CompletableFuture<List<SearchHit>> lexical =
                        executor.supplyAsync(() -> repository.lexical(query, vector, candidates, filters));
                List<SearchHit> dense = repository.dense(vector, candidates, filters);
                yield RankFusion.reciprocalRankFusion(List.of(dense, join(lexical)),
                        List.of(config.denseWeight(), config.lexicalWeight()), config.rrfK());
            }
        };
        List<SearchHit> hits = RankFusion.diversify(ranked, k, config.maxChunksPerDocument());
        long searched = System.nanoTime();
        return new Retrieval(query, mode, hits, vector, millis(embedded - started), millis(searched - embedded));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Nanoseconds as milliseconds with one decimal, as the API reports timings. */
    public static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
