package io.semsearch.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Restricts the passages a retriever may return to those of some documents; empty lists and maps do not restrict,
 * and all given conditions must hold. It renders itself as SQL ({@link #toSql}) for the PostgreSQL store and tests
 * a document itself ({@link #matches}) for stores that hold their documents in memory.
 */
public record PassageFilter(List<UUID> documentIds, List<String> sources, Map<String, Object> metadata) {

    public static final PassageFilter NONE = new PassageFilter(List.of(), List.of(), Map.of());

    public PassageFilter {
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public boolean isEmpty() {
        return documentIds.isEmpty() && sources.isEmpty() && metadata.isEmpty();
    }

    /** Whether a document with this id, source and metadata passes (metadata: holds all the given pairs). */
    public boolean matches(UUID documentId, String source, Map<String, Object> documentMetadata) {
        return (documentIds.isEmpty() || documentIds.contains(documentId))
                && (sources.isEmpty() || sources.contains(source))
                && metadata.entrySet().stream().allMatch(pair -> documentMetadata.containsKey(pair.getKey())
                        && Objects.equals(documentMetadata.get(pair.getKey()), pair.getValue()));
    }

    /**
     * The filter as a condition on a chunk of alias {@code c}, with the values of its {@code ?} placeholders, in
     * order, so that the two cannot drift apart. Lists are bound as arrays: one statement serves any number of ids.
     */
    SqlCondition toSql(ObjectMapper json) {
        if (isEmpty()) {
            return new SqlCondition("true", List.of());
        }
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!documentIds.isEmpty()) {
            conditions.add("d.id = any(?)");
            parameters.add(documentIds.toArray(UUID[]::new));
        }
        if (!sources.isEmpty()) {
            conditions.add("d.source = any(?)");
            parameters.add(sources.toArray(String[]::new));
        }
        if (!metadata.isEmpty()) {
            conditions.add("d.metadata @> cast(? as jsonb)");
            try {
                parameters.add(json.writeValueAsString(metadata));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SqlCondition("c.document_id in (select d.id from document d where "
                + String.join(" and ", conditions) + ")", List.copyOf(parameters));
    }

    /** A boolean SQL expression and the values of its placeholders, in order. */
    record SqlCondition(String sql, List<Object> parameters) {
    }
}
