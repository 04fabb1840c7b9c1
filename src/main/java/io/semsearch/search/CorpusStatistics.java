package io.semsearch.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The chunk count and mean chunk length that BM25 reads, counted at most once per
 * {@code semsearch.search.lexical.statistics-max-age}.
 */
@ApplicationScoped
public class CorpusStatistics {

    private final EntityManager entityManager;
    private final SearchConfig config;
    private volatile Snapshot snapshot;

    public CorpusStatistics(EntityManager entityManager, SearchConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** The statistics, counted again when older than allowed; must run inside a transaction. */
    Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.countedAt() > config.lexical().statisticsMaxAge().toNanos()) {
            Object[] row = (Object[]) entityManager.createNativeQuery(
                    "select count(*), coalesce(avg(token_count), 1) from chunk").getSingleResult();
            current = new Snapshot(((Number) row[0]).longValue(), Math.max(1.0, ((Number) row[1]).doubleValue()),
                    System.nanoTime());
            snapshot = current;
        }
        return current;
    }

    /** @param countedAt {@link System#nanoTime()} when counted */
    record Snapshot(long chunks, double averageTokens, long countedAt) {
    }
}
