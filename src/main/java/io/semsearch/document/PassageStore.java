package io.semsearch.document;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The documents' passages, written and retrieved through one seam: a document is written with all its passages at
 * once, and read back as ranked candidates (dense, lexical) then as passages by id. {@link PostgresPassageStore} is
 * the service's; the tests of the features above it use an in-memory one.
 *
 * <p>Reads may come from a replica a little behind. Writes and the reads that decide them run in
 * {@link #inTransaction}, on the primary.
 */
public interface PassageStore {

    /** The passages nearest to the query vector by cosine similarity, best first, at most {@code limit}. */
    List<ScoredPassage> dense(float[] query, int limit, PassageFilter filter, int efSearch);

    /** The passages that share words with the text, best BM25 first, at most {@code limit}. */
    List<ScoredPassage> lexical(String text, int limit, PassageFilter filter, Bm25 bm25);

    /**
     * The passages of these ids that still exist (in no particular order), each with its cosine similarity to
     * {@code queryVector} (NaN when null) and, when asked for, its sentences with their vectors.
     */
    List<StoredPassage> passages(Collection<UUID> ids, float[] queryVector, boolean withSentences);

    /** Runs the work in a new transaction: committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Supplier<T> work);

    /** The stored documents of these sources, by source. */
    Map<String, StoredText> findBySources(Collection<String> sources);

    Optional<StoredText> find(UUID id);

    /** The document of a source, locked until the end of the transaction against concurrent writes. */
    Optional<StoredText> lockBySource(String source);

    /**
     * Creates the document or replaces its content and passages; returns its id.
     *
     * @throws DuplicateSourceException (from {@link #inTransaction}) when another writer created its source meanwhile
     */
    UUID write(TextToWrite text);

    /** Writes the given details of a stored document; null keeps a detail as stored. */
    void updateDetails(UUID id, String title, Map<String, Object> metadata, String language);

    int countPassages(UUID documentId);

    /**
     * The vectors of a stored document's passages, by passage text (the first passage of a text when it repeats): an
     * unchanged passage of a changed document keeps them instead of being embedded again.
     */
    Map<String, PassageVectors> passageVectors(UUID documentId);

    /** Brings what the store derives from its passages (BM25's corpus statistics) up to date with the writes. */
    void refreshStatistics();
}
