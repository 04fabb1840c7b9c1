package io.semsearch.search;

import java.util.List;

/**
 * The hits of one retrieval and what it cost.
 *
 * @param queryVector the embedded query, null in lexical mode
 * @param model the embedding model of the store and the query
 */
public record Retrieval(List<SearchHit> hits, float[] queryVector, String model, long embedNanos, long searchNanos) {
}
