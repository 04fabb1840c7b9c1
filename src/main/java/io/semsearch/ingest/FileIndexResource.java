package io.semsearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.semsearch.common.ConcurrencyLimit;
import io.semsearch.common.FileUploadLimit;
import io.semsearch.common.Problem;
import io.semsearch.common.StrictForm;
import io.semsearch.embedding.EmbeddingService;
import io.semsearch.security.ApiSecurity;
import io.semsearch.security.Role;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

/** Indexing a file: {@code POST /api/documents/files}. */
@Path("/api/documents/files")
@Tag(name = "Documents")
@RolesAllowed(Role.WRITE)
@SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.WRITE)
@jakarta.inject.Singleton // one count of running requests for all of them
public class FileIndexResource {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final FileIngestService files;
    private final EmbeddingService embedding;
    private final ObjectMapper json;
    private final IngestConfig config;
    private final SecurityIdentity identity;
    private final ConcurrencyLimit uploads = new ConcurrencyLimit("file uploads",
            "semsearch.ingest.max-uploads-per-key");

    public FileIndexResource(FileIngestService files, EmbeddingService embedding, ObjectMapper json,
            IngestConfig config, SecurityIdentity identity) {
        this.files = files;
        this.embedding = embedding;
        this.json = json;
        this.config = config;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @FileUploadLimit("semsearch.extraction.max-size")
    @StrictForm
    @Operation(operationId = "indexFile", summary = "Index a file", description = "Extracts the main text and the "
            + "metadata of an HTML page (its main text, without navigation, menus, cookie banners, comments...), a "
            + "PDF, a DOCX or ODT document, a Markdown or plain text file, a scanned PDF or a PNG, JPEG or TIFF "
            + "image (read by OCR, French and English), then indexes it as POST /api/documents does: the same source "
            + "again updates the document, or does nothing when its text is unchanged. The response's extraction "
            + "says what was kept: for a web page, the share of its body's words outside navigation (coverage, also "
            + "stored as the metadata extraction.coverage) and a warning when more than 10 % was left out.")
    @APIResponse(responseCode = "201", description = "A new document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FileIndexResponse.class)))
    @APIResponse(responseCode = "200", description = "A known source, updated or unchanged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FileIndexResponse.class)))
    @APIResponse(responseCode = "400", description = "No file, a field too long, metadata that is not a JSON object, "
            + "a field this endpoint does not know",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file over semsearch.extraction.max-size, or its text over "
            + "semsearch.ingest.max-text-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit of the key (or of the client address without a key) "
            + "reached, or the key already has semsearch.ingest.max-uploads-per-key uploads running; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "A file type that is not extracted (a GIF, an archive...), an "
            + "image or scan when OCR is off or Tesseract is missing, "
            + "or a request that is not multipart/form-data",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A corrupt, truncated or encrypted file, a zip bomb, a parse "
            + "over the time limit, a page or file with no main text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response index(@Valid @BeanParam FileForm form, UriInfo uri, @Context HttpServerRequest http) {
        Map<String, Object> metadata = metadata(form.metadata());
        try (var permit = uploads.enter(ConcurrencyLimit.client(identity, http), config.maxUploadsPerKey())) {
            FileIngestService.Indexed indexed = files.index(new FileToIndex(form.file().uploadedFile(),
                    form.file().fileName(), form.file().contentType(), form.sourceOrFileName(), form.title(),
                    metadata, form.language()));
            return IndexResource.indexed(indexed.result(), FileIndexResponse.of(indexed.result(),
                    embedding.activeModel().name(), indexed.extraction()), uri);
        }
    }

    /**
     * The metadata field, already checked to be a JSON object ({@link JsonObjectText}), read by the service's own
     * mapper; what that mapper still refuses (its limits) is the client's error too.
     */
    private Map<String, Object> metadata(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, OBJECT);
        } catch (JsonProcessingException e) {
            throw new InvalidMetadataException(e);
        }
    }
}
