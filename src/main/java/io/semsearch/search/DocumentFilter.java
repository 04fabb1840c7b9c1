package io.semsearch.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Query;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SearchFilters} as a SQL condition on the {@code document} table, rendered together with the parameters it
 * binds, so that the two cannot drift apart. The condition reads the alias {@code d}.
 */
final class DocumentFilter {

    static final DocumentFilter NONE = new DocumentFilter("true", Map.of());

    private final String sql;
    private final Map<String, Object> parameters;

    private DocumentFilter(String sql, Map<String, Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    static DocumentFilter of(SearchFilters filters, ObjectMapper json) {
        if (filters.isEmpty()) {
            return NONE;
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!filters.documentIds().isEmpty()) {
            conditions.add("d.id in (:filterDocumentIds)");
            parameters.put("filterDocumentIds", filters.documentIds());
        }
        if (!filters.sources().isEmpty()) {
            conditions.add("d.source in (:filterSources)");
            parameters.put("filterSources", filters.sources());
        }
        if (!filters.metadata().isEmpty()) {
            conditions.add("d.metadata @> cast(:filterMetadata as jsonb)");
            try {
                parameters.put("filterMetadata", json.writeValueAsString(filters.metadata()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DocumentFilter(String.join(" and ", conditions), Map.copyOf(parameters));
    }

    boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** The condition, to place where a boolean SQL expression on {@code d} goes. */
    String sql() {
        return sql;
    }

    /** Binds the condition's parameters to a query that holds {@link #sql()}. */
    Query bind(Query query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
