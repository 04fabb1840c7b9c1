package io.semsearch.search;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
        @QueryParam("documentId")
        List<@Pattern(regexp = "\\s*[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\s*",
                message = "must be a document id (a UUID)") String> documentId,

        @Parameter(description = "Only these sources (repeatable)")
        @QueryParam("source") List<String> source,

        @Parameter(description = "Only documents whose metadata has key:value (repeatable)",
                example = "[\"corpus:sample\"]")
        @QueryParam("metadata")
        List<@Pattern(regexp = "\\s*[^:\\s][^:]*:[\\s\\S]*", message = "must be of the form key:value") String> metadata) {

    /** The validated parameters as a query, with the default number of results when none is asked for. */
    public SearchQuery toQuery(int defaultK) {
        int count = k == null || k.isBlank() ? defaultK : Integer.parseInt(k.strip());
        SearchMode searchMode = mode == null || mode.isBlank() ? SearchMode.HYBRID
                : SearchMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (String pair : metadata == null ? List.<String>of() : metadata) {
            int colon = pair.indexOf(':');
            pairs.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        List<UUID> ids = documentId == null ? List.of() : documentId.stream().map(id -> UUID.fromString(id.strip()))
                .toList();
        return new SearchQuery(q.strip(), count, searchMode, new SearchFilters(ids, source, pairs));
    }
}
