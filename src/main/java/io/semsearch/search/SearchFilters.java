package io.semsearch.search;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.semsearch.document.PassageFilter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Restricts retrieval to some documents. Empty lists and maps do not restrict. */
@Schema(description = "Restricts retrieval; all given conditions must hold")
public record SearchFilters(
        @Schema(description = "Only these documents")
        @JsonPropertyDescription("Only these documents (their ids)") List<UUID> documentIds,
        @Schema(description = "Only documents with one of these sources")
        @JsonPropertyDescription("Only documents with one of these sources (e.g. file names)") List<String> sources,
        @Schema(description = "Only documents whose metadata contains all these key/value pairs",
                example = "{\"corpus\": \"sample\"}")
        @JsonPropertyDescription("Only documents whose metadata holds all these key/value pairs, e.g. "
                + "{\"corpus\": \"sample\"}") Map<String, Object> metadata) {

    public static final SearchFilters NONE = new SearchFilters(List.of(), List.of(), Map.of());

    public SearchFilters {
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    @JsonIgnore
    @Schema(hidden = true)
    public boolean isEmpty() {
        return documentIds.isEmpty() && sources.isEmpty() && metadata.isEmpty();
    }

    /** These filters as the passage store applies them. */
    public PassageFilter toPassageFilter() {
        return isEmpty() ? PassageFilter.NONE : new PassageFilter(documentIds, sources, metadata);
    }
}
