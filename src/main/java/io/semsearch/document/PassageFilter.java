package io.semsearch.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Restricts the passages a retriever may return to those of some documents; empty lists and maps do not restrict,
 * and all given conditions must hold. It renders itself as SQL ({@link #toSql}) for the PostgreSQL store and tests
 * a document itself ({@link #matches}) for stores that hold their documents in memory, with the same semantics
 * ({@link MetadataFilter}: typed values, ranges of numbers and dates).
 */
public record PassageFilter(List<UUID> documentIds, List<String> sources, Map<String, Object> metadata) {

    public static final PassageFilter NONE = new PassageFilter(List.of(), List.of(), Map.of());

    private static final Map<String, String> SQL_OPERATORS = Map.of("gt", ">", "gte", ">=", "lt", "<", "lte", "<=");

    public PassageFilter {
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
        // a null value is kept, for MetadataFilter.errors to name it
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public boolean isEmpty() {
        return documentIds.isEmpty() && sources.isEmpty() && metadata.isEmpty();
    }

    /** Whether a document with this id, source and metadata passes, as {@link #toSql} would select it. */
    public boolean matches(UUID documentId, String source, Map<String, Object> documentMetadata) {
        return (documentIds.isEmpty() || documentIds.contains(documentId))
                && (sources.isEmpty() || sources.contains(source))
                && MetadataFilter.conditions(metadata).stream()
                        .allMatch(condition -> condition.matches(documentMetadata.get(condition.key())));
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
        Map<String, Object> equal = new LinkedHashMap<>();
        for (MetadataFilter.Condition condition : MetadataFilter.conditions(metadata)) {
            if (condition instanceof MetadataFilter.Equals equals) {
                equal.put(equals.key(), equals.value());
            } else if (condition instanceof MetadataFilter.Range range) {
                for (Map.Entry<String, Comparable<?>> bound : range.bounds().entrySet()) {
                    conditions.add((range.dates() ? "metadata_instant" : "metadata_number") + "(d.metadata -> ?) "
                            + SQL_OPERATORS.get(bound.getKey()) + " ?");
                    parameters.add(range.key());
                    parameters.add(bound.getValue() instanceof Instant instant
                            ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : (BigDecimal) bound.getValue());
                }
            }
        }
        if (!equal.isEmpty()) {
            // jsonb containment compares each value with its JSON type, numbers by value (2024 = 2024.0)
            conditions.add("d.metadata @> cast(? as jsonb)");
            try {
                parameters.add(json.writeValueAsString(equal));
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
