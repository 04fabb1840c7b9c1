package io.semsearch.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Restricts retrieval to some documents. Empty lists and maps do not restrict. */
@Schema(description = "Restricts retrieval; all given conditions must hold")
public record SearchFilters(
        @Schema(description = "Only these documents") List<UUID> documentIds,
        @Schema(description = "Only documents with one of these sources") List<String> sources,
        @Schema(description = "Only documents whose metadata contains all these key/value pairs",
                example = "{\"corpus\": \"sample\"}") Map<String, Object> metadata) {

    public static final SearchFilters NONE = new SearchFilters(List.of(), List.of(), Map.of());

    public SearchFilters {
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        sources = sources == null ? List.of() : List.copyOf(sources);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public boolean isEmpty() {
        return documentIds.isEmpty() && sources.isEmpty() && metadata.isEmpty();
    }
}
