package io.semsearch.search;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

@Schema(description = "The retriever: dense (embeddings), lexical (full text, BM25) or hybrid (both, fused)")

public enum SearchMode {
    /** Nearest chunks by cosine similarity of embeddings (pgvector HNSW). */
    DENSE,
    /** PostgreSQL French full text, accent-insensitive, ranked with BM25. */
    LEXICAL,
    /** Both, fused by a learned linear score (or Reciprocal Rank Fusion, {@code semsearch.search.fusion=rrf}). */
    HYBRID;

    /** The name used in the API. */
    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
