package io.semsearch.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.semsearch.common.Problem;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;

/** The query parameters of {@code GET /api/search}, validated as they come (repeatable filters as lists). */
public record SearchParams(
        @Parameter(description = "The query, in natural language", example = "investissement de Microsoft",
                required = true)
        @QueryParam("q") @QueryText String q,

        @Parameter(description = "Number of passages, 1 to 50 (default 5)", example = "5",
                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50"))
        @QueryParam("k") @ResultCount String k,

        @Parameter(description = "dense, lexical or hybrid (default)", example = "hybrid",
                schema = @Schema(implementation = SearchMode.class, defaultValue = "hybrid"))
        @QueryParam("mode")
        // lenient (any case, surrounding spaces); the OpenAPI document shows the enumeration of SearchMode instead
        @Pattern(regexp = "\\s*([Dd][Ee][Nn][Ss][Ee]|[Ll][Ee][Xx][Ii][Cc][Aa][Ll]|[Hh][Yy][Bb][Rr][Ii][Dd])?\\s*",
                message = "must be dense, lexical or hybrid")
        String mode,

        @Parameter(description = "Only these documents (repeatable)")
        @QueryParam("documentIds")
        List<@Pattern(regexp = UUID_PATTERN, message = "must be a document id (a UUID)") String> documentIds,

        @Parameter(description = "Only documents with one of these sources (repeatable)")
        @QueryParam("sources") List<String> sources,

        @Parameter(description = "Deprecated: use documentIds (same meaning)", deprecated = true)
        @QueryParam("documentId")
        List<@Pattern(regexp = UUID_PATTERN, message = "must be a document id (a UUID)") String> documentId,

        @Parameter(description = "Deprecated: use sources (same meaning)", deprecated = true)
        @QueryParam("source") List<String> source,

        @Parameter(description = "Deprecated: use metadata.KEY=VALUE, whose value is typed (2024 a number, true a "
                + "boolean). Here key:value, the value always a string (repeatable)", deprecated = true,
                example = "[\"corpus:sample\"]")
        @QueryParam("metadata")
        List<@Pattern(regexp = "\\s*[^:\\s][^:]*:[\\s\\S]*", message = "must be of the form key:value") String> metadata) {

    /** Query parameters {@code metadata.KEY=VALUE}: one metadata filter each. */
    public static final String METADATA_PREFIX = "metadata.";

    private static final String UUID_PATTERN =
            "\\s*[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\s*";
    private static final java.util.regex.Pattern RANGE_BOUND = java.util.regex.Pattern.compile(
            "(gt|gte|lt|lte):(.*)", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern JSON_LITERAL = java.util.regex.Pattern.compile(
            "-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?|true|false|\"([^\"\\\\]|\\\\.)*\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The validated parameters as a query, with the default number of results when none is asked for. */
    public SearchQuery toQuery(int defaultK, SearchFilters filters) {
        int count = k == null || k.isBlank() ? defaultK : Integer.parseInt(k.strip());
        SearchMode searchMode = mode == null || mode.isBlank() ? SearchMode.HYBRID
                : SearchMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        return new SearchQuery(q.strip(), count, searchMode, filters);
    }

    /**
     * The filters of these parameters and of the request's {@code metadata.KEY} parameters: {@code
     * metadata.year=2024} is {@code "metadata": {"year": 2024}} in JSON, {@code metadata.year=gte:2020} and {@code
     * metadata.year=lt:2025} are {@code {"year": {"gte": 2020, "lt": 2025}}}. The old names add to the new ones.
     */
    @SuppressWarnings("unchecked")
    public SearchFilters filters(Map<String, List<String>> queryParameters) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (String pair : metadata == null ? List.<String>of() : metadata) {
            int colon = pair.indexOf(':');
            put(pairs, pair.substring(0, colon).strip(), pair.substring(colon + 1).strip(), "metadata", errors);
        }
        new TreeMap<>(queryParameters).forEach((name, values) -> {
            if (!name.startsWith(METADATA_PREFIX)) {
                return;
            }
            String key = name.substring(METADATA_PREFIX.length());
            if (key.isBlank()) {
                errors.add(new Problem.FieldError(name, "needs a key: metadata.KEY=VALUE"));
                return;
            }
            for (String value : values) {
                Matcher bound = RANGE_BOUND.matcher(value.strip());
                if (bound.matches()) {
                    Object range = pairs.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
                    if (!(range instanceof Map<?, ?>)) {
                        errors.add(new Problem.FieldError(name, "a value and a range at once"));
                    } else if (((Map<String, Object>) range).putIfAbsent(bound.group(1), literal(bound.group(2)))
                            != null) {
                        errors.add(new Problem.FieldError(name + "." + bound.group(1), "given more than once"));
                    }
                } else {
                    put(pairs, key, literal(value), name, errors);
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidFiltersException(errors);
        }
        return new SearchFilters(concat(documentIds, documentId).stream().map(id -> UUID.fromString(id.strip()))
                .toList(), concat(sources, source), pairs);
    }

    private static void put(Map<String, Object> pairs, String key, Object value, String field,
            List<Problem.FieldError> errors) {
        if (pairs.putIfAbsent(key, value) != null) {
            errors.add(new Problem.FieldError(field, "given more than once (a range: metadata." + key
                    + "=gte:2020&metadata." + key + "=lt:2025)"));
        }
    }

    /** A JSON literal as JSON reads it (2024 a number, true a boolean, "2024" a string); anything else, a string. */
    static Object literal(String text) {
        String value = text.strip();
        if (JSON_LITERAL.matcher(value).matches()) {
            try {
                return JSON.readValue(value, Object.class);
            } catch (JsonProcessingException e) {
                return value;
            }
        }
        return value;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first == null ? List.of() : first);
        all.addAll(second == null ? List.of() : second);
        return all;
    }
}
