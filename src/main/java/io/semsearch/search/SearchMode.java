package io.semsearch.search;

import java.util.Locale;

public enum SearchMode {
    /** Nearest chunks by cosine similarity of embeddings (pgvector HNSW). */
    DENSE,
    /** PostgreSQL French full text, accent-insensitive, ranked with BM25. */
    LEXICAL,
    /** Both, fused by a learned linear score (or Reciprocal Rank Fusion, {@code semsearch.search.fusion=rrf}). */
    HYBRID;

    /** The name used in the API. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
