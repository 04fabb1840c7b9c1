package io.semsearch.document;

import io.semsearch.common.Problem;
import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READ)
@SecurityRequirement(name = ApiSecurity.SCHEME)
@Tag(name = "Documents", description = "Index, list and delete documents")
public class DocumentResource {

    private final DocumentService documents;

    public DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    @GET
    @Operation(operationId = "listDocuments", summary = "List documents", description = "Oldest first, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of documents",
            content = @Content(schema = @Schema(implementation = DocumentPage.class)))
    @APIResponse(responseCode = "400", description = "Page below 0, size outside 1 to 200",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DocumentPage list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0")
            @Min(value = 0, message = "must be 0 or more") int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20")
            @Min(value = 1, message = "must be between 1 and 200")
            @Max(value = 200, message = "must be between 1 and 200") int size) {
        return documents.page(page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDocument", summary = "One document with its cleaned content and chunks",
            description = "For every chunk, content.substring(start, end) equals its text.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(implementation = DocumentDetail.class)))
    @APIResponse(responseCode = "404", description = "No document with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DocumentDetail get(@PathParam("id") String id) {
        return DocumentDetail.of(documents.get(parse(id)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.WRITE)
    @Operation(operationId = "deleteDocument", summary = "Delete a document and its chunks")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No document with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        documents.delete(parse(id));
        return Response.noContent().build();
    }

    /** An id that is not a UUID names no document: 404, as for an unknown one. */
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DocumentNotFoundException(id);
        }
    }
}
