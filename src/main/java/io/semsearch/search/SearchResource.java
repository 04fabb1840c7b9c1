package io.semsearch.search;

import io.semsearch.common.Problem;
import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READ)
@SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.READ)
@Tag(name = "Search", description = "Retrieve passages")
public class SearchResource {

    private final SearchService search;
    private final SearchConfig config;
    private final Validator validator;

    public SearchResource(SearchService search, SearchConfig config, Validator validator) {
        this.search = search;
        this.config = config;
        this.validator = validator;
    }

    @GET
    @Operation(operationId = "search", summary = "Passages for a query", description = "Chunks ranked by the chosen "
            + "retriever; hybrid fuses dense and lexical results with a learned score and keeps at most a few chunks "
            + "per document. Filters (all must hold): documentIds and sources (repeatable), and metadata.KEY=VALUE "
            + "(repeatable, one per key), whose VALUE is read as a JSON literal: metadata.year=2024 matches the number "
            + "2024, metadata.draft=true the boolean, metadata.year=\"2024\" the string, any other text a string; a "
            + "range of numbers or ISO-8601 dates is written with gt:, gte:, lt:, lte: (metadata.year=gte:2020&"
            + "metadata.year=lt:2025, metadata.published=gte:2024-01-01). The same filters as the JSON filters of "
            + "POST /api/ask.")
    @APIResponse(responseCode = "200", description = "Ranked passages",
            content = @Content(schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(responseCode = "400", description = "Blank or too long query, k out of range, unknown mode, a bad "
            + "filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResponse search(@Valid @BeanParam SearchParams params, @Context UriInfo uri) {
        long started = System.nanoTime();
        SearchFilters filters = params.filters(uri.getQueryParameters());
        Set<ConstraintViolation<SearchFilters>> violations = validator.validate(filters);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        SearchQuery query = params.toQuery(config.defaultK(), filters);
        return SearchResponse.of(query, search.search(query), System.nanoTime() - started);
    }
}
