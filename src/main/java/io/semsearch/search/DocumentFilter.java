package io.semsearch.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@link SearchFilters} as a SQL condition on the {@code document} table, rendered together with the values of its
 * {@code ?} placeholders, in order, so that the two cannot drift apart. The condition reads the alias {@code d}; lists
 * are bound as arrays, so that one statement serves any number of ids or sources.
 */
final class DocumentFilter {

    static final DocumentFilter NONE = new DocumentFilter("true", List.of());

    private final String sql;
    private final List<Object> parameters;

    private DocumentFilter(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    static DocumentFilter of(SearchFilters filters, ObjectMapper json) {
        if (filters.isEmpty()) {
            return NONE;
        }
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!filters.documentIds().isEmpty()) {
            conditions.add("d.id = any(?)");
            parameters.add(filters.documentIds().toArray(UUID[]::new));
        }
        if (!filters.sources().isEmpty()) {
            conditions.add("d.source = any(?)");
            parameters.add(filters.sources().toArray(String[]::new));
        }
        if (!filters.metadata().isEmpty()) {
            conditions.add("d.metadata @> cast(? as jsonb)");
            try {
                parameters.add(json.writeValueAsString(filters.metadata()));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new DocumentFilter(String.join(" and ", conditions), List.copyOf(parameters));
    }

    boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** The condition, to place where a boolean SQL expression on {@code d} goes. */
    String sql() {
        return sql;
    }

    /** The values of the condition's placeholders, in order. */
    List<Object> parameters() {
        return parameters;
    }
}
