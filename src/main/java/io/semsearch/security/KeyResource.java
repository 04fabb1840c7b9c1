package io.semsearch.security;

import io.semsearch.common.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MANAGE_KEYS)
@SecurityRequirement(name = ApiSecurity.SCHEME, scopes = Role.MANAGE_KEYS)
@Tag(name = "Keys", description = "API keys (admin)")
public class KeyResource {

    private final ApiKeyService keys;

    public KeyResource(ApiKeyService keys) {
        this.keys = keys;
    }

    @POST
    @Operation(operationId = "createKey", summary = "Create a key", description = "The key is in the response and nowhere else: only its "
            + "salted hash is stored.")
    @APIResponse(responseCode = "201", description = "The new key",
            content = @Content(schema = @Schema(implementation = NewKeyResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing name, unknown role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull(message = "a JSON body is required") KeyRequest request, UriInfo uri) {
        CreatedKey created = keys.create(request.name(), request.toRole(), request.rateLimit());
        return Response.created(uri.getAbsolutePathBuilder().path(created.key().id().toString()).build())
                .entity(NewKeyResponse.of(created)).build();
    }

    @GET
    @Operation(operationId = "listKeys", summary = "List the stored keys", description = "Names, roles, creation and last use; never the "
            + "keys. The bootstrap key of the configuration is not stored and not listed.")
    public List<KeyResponse> list() {
        return keys.list().stream().map(KeyResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getKey", summary = "One stored key", description = "Its name, role, creation and last "
            + "use; never the key. The Location of a created key.")
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(schema = @Schema(implementation = KeyResponse.class)))
    @APIResponse(responseCode = "404", description = "No key with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeyResponse get(@PathParam("id") String id) {
        return KeyResponse.of(keys.get(parse(id)));
    }

    @DELETE
    @Path("/{id}")
    // no body on success, a problem document on error: a client that accepts only application/problem+json (what
    // generated clients send here) gets the 204, not a 406
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "revokeKey", summary = "Revoke a key", description = "At once on this replica, within "
            + "semsearch.security.key-cache-time on the others.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No key with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(parse(id));
        return Response.noContent().build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new KeyNotFoundException(id);
        }
    }
}
