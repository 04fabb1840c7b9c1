package io.semsearch.search;

import io.semsearch.common.Problem;
import io.semsearch.embedding.EmbeddingService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Retrieve passages")
public class SearchResource {

    private final SearchService search;
    private final EmbeddingService embedding;

    public SearchResource(SearchService search, EmbeddingService embedding) {
        this.search = search;
        this.embedding = embedding;
    }

    @GET
    @Operation(summary = "Passages for a query", description = "Chunks ranked by the chosen retriever; hybrid fuses "
            + "dense and lexical ranks with Reciprocal Rank Fusion and keeps at most a few chunks per document.")
    @APIResponse(responseCode = "200", description = "Ranked passages",
            content = @Content(schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(responseCode = "400", description = "Blank or too long query, k out of range, unknown mode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResponse search(
            @Parameter(description = "The query, in natural language", example = "investissement de Microsoft")
            @QueryParam("q") String q,
            @Parameter(description = "Number of passages, 1 to 50 (default 5)") @QueryParam("k") String k,
            @Parameter(description = "dense, lexical or hybrid (default)") @QueryParam("mode") String mode,
            @Parameter(description = "Only these documents (repeatable)") @QueryParam("documentId") List<String> ids,
            @Parameter(description = "Only these sources (repeatable)") @QueryParam("source") List<String> sources,
            @Parameter(description = "Only documents whose metadata has key:value (repeatable)",
                    example = "corpus:sample") @QueryParam("metadata") List<String> metadata) {
        long started = System.nanoTime();
        String query = search.checkedQuery("q", q);
        int checkedK = search.checkedK(wholeNumber("k", k));
        SearchMode searchMode = SearchMode.parse(mode);
        Retrieval retrieval = search.retrieve(query, checkedK, searchMode, filters(ids, sources, metadata));
        return new SearchResponse(query, searchMode.json(),
                retrieval.hits().stream().map(SearchResponse.Result::of).toList(),
                embedding.activeModel().name(),
                new SearchResponse.Timings(retrieval.embedMs(), retrieval.searchMs(),
                        SearchService.millis(System.nanoTime() - started)));
    }

    private static Integer wholeNumber(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidSearchException(field, "must be a whole number, was '" + value + "'");
        }
    }

    private static SearchFilters filters(List<String> ids, List<String> sources, List<String> metadata) {
        List<UUID> documentIds = ids == null ? List.of() : ids.stream().map(id -> {
            try {
                return UUID.fromString(id.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidSearchException("documentId", "'" + id + "' is not a document id (a UUID)");
            }
        }).toList();
        Map<String, Object> pairs = new LinkedHashMap<>();
        for (String pair : metadata == null ? List.<String>of() : metadata) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new InvalidSearchException("metadata", "'" + pair + "' is not of the form key:value");
            }
            pairs.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return new SearchFilters(documentIds, sources, pairs);
    }
}
