package io.semsearch.search;

import java.util.List;

/**
 * The hits of one retrieval and what it cost.
 *
 * @param queryVector the embedded query, null in lexical mode
 */
public record Retrieval(String query, SearchMode mode, List<SearchHit> hits, float[] queryVector, double embedMs,
        double searchMs) {
}
