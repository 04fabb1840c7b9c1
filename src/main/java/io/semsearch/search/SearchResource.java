package io.semsearch.search;

import io.semsearch.common.Problem;
import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READ)
@SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.READ)
@Tag(name = "Search", description = "Retrieve passages")
public class SearchResource {

    private final SearchService search;
    private final SearchConfig config;

    public SearchResource(SearchService search, SearchConfig config) {
        this.search = search;
        this.config = config;
    }

    @GET
    @Operation(operationId = "search", summary = "Passages for a query", description = "Chunks ranked by the chosen "
            + "retriever; hybrid fuses dense and lexical results with a learned score and keeps at most a few chunks "
            + "per document.")
    @APIResponse(responseCode = "200", description = "Ranked passages",
            content = @Content(schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(responseCode = "400", description = "Blank or too long query, k out of range, unknown mode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResponse search(@Valid @BeanParam SearchParams params) {
        long started = System.nanoTime();
        SearchQuery query = params.toQuery(config.defaultK());
        return SearchResponse.of(query, search.search(query), System.nanoTime() - started);
    }
}
