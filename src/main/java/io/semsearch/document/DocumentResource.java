package io.semsearch.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.semsearch.common.Problem;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.ingest.IndexResult;
import io.semsearch.ingest.IndexStatus;
import io.semsearch.ingest.IngestService;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents", description = "Index, list and delete documents")
public class DocumentResource {

    private final IngestService ingest;
    private final DocumentRepository documents;
    private final ChunkRepository chunks;
    private final EmbeddingService embedding;

    public DocumentResource(IngestService ingest, DocumentRepository documents, ChunkRepository chunks,
            EmbeddingService embedding) {
        this.ingest = ingest;
        this.documents = documents;
        this.chunks = chunks;
        this.embedding = embedding;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Index a text", description = "Cleans the text, cuts it into sentence-aligned chunks, embeds "
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
        IndexResult result = ingest.index(request.toIndexRequest());
        IndexResponse body = IndexResponse.of(result, embedding.activeModel().name());
        if (result.status() == IndexStatus.CREATED) {
            return Response.created(uri.getAbsolutePathBuilder().path(result.id().toString()).build())
                    .entity(body).build();
        }
        return Response.ok(body).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Index several texts", description = "Like POST /api/documents for each document, with the "
            + "chunks of all of them embedded in full batches: the fast way to load a corpus. Sources must be "
            + "distinct within a batch.")
    @APIResponse(responseCode = "200", description = "One result per document, in order",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid document, duplicate source, malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body or a text over the configured limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchResponse indexBatch(@Valid @NotNull(message = "a JSON body is required") BatchRequest batch) {
        java.util.Set<String> sources = new java.util.HashSet<>();
        for (DocumentRequest document : batch.documents()) {
            if (document != null && !sources.add(document.source().strip())) {
                throw new jakarta.ws.rs.BadRequestException("documents: source '" + document.source()
                        + "' appears twice in the batch");
            }
        }
        String model = embedding.activeModel().name();
        return new BatchResponse(ingest.indexAll(batch.documents().stream().map(DocumentRequest::toIndexRequest)
                .toList()).stream().map(result -> IndexResponse.of(result, model)).toList());
    }

    @GET
    @Operation(summary = "List documents", description = "Oldest first, one page at a time.")
    public DocumentPage list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0")
            @Min(value = 0, message = "must be 0 or more") int page,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("size") @DefaultValue("20")
            @Min(value = 1, message = "must be between 1 and 200")
            @Max(value = 200, message = "must be between 1 and 200") int size) {
        return QuarkusTransaction.requiringNew()
                .call(() -> new DocumentPage(documents.page(page, size), page, size, documents.count()));
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One document with its cleaned content and chunks",
            description = "For every chunk, content.substring(start, end) equals its text.")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(implementation = DocumentDetail.class)))
    @APIResponse(responseCode = "404", description = "No document with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DocumentDetail get(@PathParam("id") String id) {
        Document document = documents.findByIdOptional(parse(id)).orElseThrow(() -> notFound(id));
        return DocumentDetail.of(document, chunks.listByDocument(document.id));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete a document and its chunks")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No document with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        if (!documents.deleteWithChunks(parse(id))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No document with id '" + id + "'");
    }
}
