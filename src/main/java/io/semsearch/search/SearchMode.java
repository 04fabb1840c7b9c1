package io.semsearch.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum SearchMode {
    /** Nearest chunks by cosine similarity of embeddings (pgvector HNSW). */
    DENSE,
    /** PostgreSQL French full text, accent-insensitive. */
    LEXICAL,
    /** Both, fused with Reciprocal Rank Fusion. */
    HYBRID;

    public static SearchMode parse(String value) {
        if (value == null || value.isBlank()) {
            return HYBRID;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchException("mode", "unknown mode '" + value + "'; use one of "
                    + Arrays.stream(values()).map(SearchMode::json).collect(Collectors.joining(", ")));
        }
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
