package io.semsearch.search;

import java.util.Objects;

/**
 * What to retrieve.
 *
 * @param text the query or question, stripped
 * @param k how many passages
 */
public record SearchQuery(String text, int k, SearchMode mode, SearchFilters filters) {

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        filters = filters == null ? SearchFilters.NONE : filters;
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
    }
}
