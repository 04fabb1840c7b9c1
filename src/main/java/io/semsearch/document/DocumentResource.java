package io.semsearch.document;

import io.semsearch.common.ApiException;
import io.semsearch.common.Problem;
import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.READ)
@SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.READ)
@Tag(name = "Documents", description = "Index, list and delete documents")
public class DocumentResource {

    private final DocumentService documents;

    public DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    /** The deepest page asked by number: {@code page × size} rows skipped at most; beyond, {@code after}. */
    static final int MAX_OFFSET = 10_000;

    @GET
    @Operation(operationId = "listDocuments", summary = "List documents", description = "Oldest first, one page at a "
            + "time: follow each page's next link (an after cursor: as fast deep in the list as at its start, and "
            + "stable while documents are added or deleted), or ask pages by number (page × size at most 10000; "
            + "only these carry total). With source, only the document of that source (none or one): how a client "
            + "finds the id of a document it indexed by its source.")
    @APIResponse(responseCode = "200", description = "One page of documents",
            content = @Content(schema = @Schema(implementation = DocumentPage.class)))
    @APIResponse(responseCode = "400",
            description = "Page not a whole number of 0 or more, page × size over 10000, size not a whole number "
                    + "from 1 to 200, page and after both given, after not a cursor of this list",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DocumentPage list(
            @Parameter(description = "Page number, from 0; page × size at most 10000 (deeper: follow next)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0",
                            defaultValue = "0")) @QueryParam("page")
            @Pattern(regexp = "\\d{1,9}", message = "must be a whole number, 0 or more") String page,
            @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "1", maximum = "200", defaultValue = "20"))
            @QueryParam("size") @DefaultValue("20")
            @Pattern(regexp = "[1-9]|[1-9]\\d|1\\d\\d|200", message = "must be a whole number between 1 and 200")
            String size,
            @Parameter(description = "Only the document of this source (compared as indexed: without surrounding "
                    + "spaces)", example = "rapports/rapport-2024.pdf")
            @QueryParam("source") @Size(min = 1, max = 1000, message = "must be 1 to 1000 characters") String source,
            @Parameter(description = "The cursor of the previous page's next link: the page after it (not with page)")
            @QueryParam("after") @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String after) {
        // text, not int: a parameter that is not a number gets its 400 problem, not JAX-RS's 404
        int pageSize = Integer.parseInt(size);
        String stripped = source == null ? null : source.strip();
        if (after != null) {
            if (page != null) {
                throw new InvalidListingException("page", "not with after: a page is asked by number or by cursor");
            }
            return documents.pageAfter(DocumentCursor.of(after), pageSize, stripped);
        }
        int pageNumber = page == null ? 0 : Integer.parseInt(page);
        if ((long) pageNumber * pageSize > MAX_OFFSET) {
            throw new InvalidListingException("page", "page × size must be at most " + MAX_OFFSET
                    + "; deeper in the list, follow each page's next link (after)");
        }
        return documents.page(pageNumber, pageSize, stripped);
    }

    /** A listing asked in a way this endpoint does not serve. */
    static final class InvalidListingException extends ApiException {

        private final String field;
        private final String reason;

        InvalidListingException(String field, String reason) {
            super(400, "Invalid request", field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }

        @Override
        public List<Problem.FieldError> errors() {
            return List.of(new Problem.FieldError(field, reason));
        }
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
    // no body on success, a problem document on error: a client that accepts only application/problem+json (what
    // generated clients send here) gets the 204, not a 406
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Role.WRITE)
    @SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.WRITE)
    @Operation(operationId = "deleteDocument", summary = "Delete a document and its chunks")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No document with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        documents.delete(parse(id));
        return Response.noContent().build();
    }

    @DELETE
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed(Role.WRITE)
    @SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.WRITE)
    @Operation(operationId = "deleteDocumentBySource", summary = "Delete the document of a source and its chunks",
            description = "The source is the one given at indexing (POST /api/documents with the same source "
                    + "updates the document instead).")
    @APIResponse(responseCode = "204", description = "Deleted; the X-Document-Id header names the deleted document")
    @APIResponse(responseCode = "400", description = "No source given, or one over 1000 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No document with this source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deleteBySource(
            @Parameter(description = "The source of the document to delete", required = true,
                    example = "rapports/rapport-2024.pdf")
            @QueryParam("source") @NotBlank(message = "must be given: the source of the document to delete")
            @Size(max = 1000, message = "must be at most 1000 characters") String source) {
        UUID id = documents.deleteBySource(source.strip());
        return Response.noContent().header("X-Document-Id", id.toString()).build();
    }

    /** An id that is not a UUID names no document: 404, as for an unknown one. */
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DocumentNotFoundException.byId(id);
        }
    }
}
