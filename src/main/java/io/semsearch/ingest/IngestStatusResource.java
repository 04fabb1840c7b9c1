package io.semsearch.ingest;

import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import jakarta.annotation.security.RolesAllowed;
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

@Path("/api/ingest/status")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.WRITE)
@SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.WRITE)
@Tag(name = "Documents")
public class IngestStatusResource {

    private final IngestActivity activity;

    public IngestStatusResource(IngestActivity activity) {
        this.activity = activity;
    }

    @GET
    @Operation(operationId = "ingestStatus", summary = "Indexing progress", description = "The folder syncs and "
            + "batches this replica is running (files done and total, chunks, rates, time left, failed files with "
            + "their problem) and the last ones it finished.")
    @APIResponse(responseCode = "200", description = "Running and finished jobs",
            content = @Content(schema = @Schema(implementation = IngestStatusResponse.class)))
    public IngestStatusResponse status() {
        return new IngestStatusResponse(activity.running(), activity.finished());
    }
}
