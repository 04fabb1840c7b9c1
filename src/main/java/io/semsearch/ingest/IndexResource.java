package io.semsearch.ingest;

import io.semsearch.common.Problem;
import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import jakarta.annotation.security.RolesAllowed;
import io.semsearch.embedding.EmbeddingService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Indexing under {@code /api/documents}; reading and deleting documents is {@code DocumentResource}'s. */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.WRITE)
@SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.WRITE)
@Tag(name = "Documents")
public class IndexResource {

    private final IngestService ingest;
    private final EmbeddingService embedding;
    private final IngestActivity activity;

    public IndexResource(IngestService ingest, EmbeddingService embedding, IngestActivity activity) {
        this.ingest = ingest;
        this.embedding = embedding;
        this.activity = activity;
    }

    @POST
    @Operation(operationId = "indexDocument", summary = "Index a text", description = "Cleans the text, cuts it into sentence-aligned chunks, embeds "
            + "them and stores the document with its chunks in one transaction.")
    @APIResponse(responseCode = "201", description = "A new document",
            content = @Content(schema = @Schema(implementation = IndexResponse.class), examples = @ExampleObject(
                    name = "created", value = """
                            {"id": "0b6f1c9e-8f5e-4a38-9a43-3f1f3b6a2c11", "source": "lemonde/2024-10-18.txt",
                             "title": "Microsoft-OpenAI : la rupture ?", "chunks": 5, "status": "created",
                             "model": "multilingual-e5-small"}""")))
    @APIResponse(responseCode = "200", description = "A known source, updated or unchanged",
            content = @Content(schema = @Schema(implementation = IndexResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing or blank field, malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body or text over the configured limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a JSON body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Nothing left to index once boilerplate is removed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response index(@Valid @NotNull(message = "a JSON body is required") DocumentRequest request,
            UriInfo uri) {
        return indexed(ingest.index(request.toIndexRequest()), embedding.activeModel().name(), uri);
    }

    /** 201 with the new document's location ({@code /api/documents/{id}}), else 200. */
    static Response indexed(IndexResult result, String model, UriInfo uri) {
        return indexed(result, IndexResponse.of(result, model), uri);
    }

    static Response indexed(IndexResult result, Object body, UriInfo uri) {
        if (result.status() == IndexStatus.CREATED) {
            return Response.created(uri.getBaseUriBuilder().path("api/documents").path(result.id().toString())
                    .build()).entity(body).build();
        }
        return Response.ok(body).build();
    }

    @POST
    @Path("/batch")
    @Operation(operationId = "indexDocuments", summary = "Index several texts", description = "Like POST /api/documents for each document, with the "
            + "chunks of all of them embedded in full batches: the fast way to load a corpus. Sources must be "
            + "distinct within a batch.")
    @APIResponse(responseCode = "200", description = "One result per document, in order",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid document, duplicate source, malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body or a text over the configured limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not a JSON body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A document with nothing left to index once boilerplate is "
            + "removed; the detail names its source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchResponse indexBatch(@Valid @NotNull(message = "a JSON body is required") BatchRequest batch) {
        String model = embedding.activeModel().name();
        List<IndexRequest> requests = batch.documents().stream().map(DocumentRequest::toIndexRequest).toList();
        IndexProgress progress = activity.start(IngestJob.Kind.BATCH, requests.size() + " documents",
                requests.size());
        try {
            List<IndexResult> results = ingest.indexAll(requests);
            progress.add(results);
            return new BatchResponse(results.stream().map(result -> IndexResponse.of(result, model)).toList());
        } catch (RuntimeException e) {
            // all or nothing: no document of the batch was indexed
            requests.forEach(request -> progress.fail(request.source(), e.getMessage()));
            throw e;
        } finally {
            progress.finish();
        }
    }
}
