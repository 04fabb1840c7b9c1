package io.semsearch.security;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.Map;

/**
 * Completes the OpenAPI document with what every API operation shares, so that resources need not repeat it: the
 * bearer security scheme, and the problems any protected operation may answer (no or unknown key, too low a role,
 * rate limit, database unreachable). Registered with {@code mp.openapi.filter}.
 */
public class ApiDocumentation implements OASFilter {

    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final Map<String, String> SHARED_PROBLEMS = Map.of(
            "401", "No API key, or an unknown or revoked one (Authorization: Bearer <key>)",
            "403", "The key's role does not allow this operation (reader < writer < admin)",
            "429", "Rate limit of the key (or of the client address without a key) reached; see Retry-After",
            "503", "The database cannot be reached; retry after Retry-After seconds");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(ApiSecurity.SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key, sent as Authorization: Bearer <key>. Roles: reader (search, ask, read "
                        + "documents), writer (also index and delete), admin (also manage keys). Reads need no key "
                        + "when semsearch.security.anonymous-read is on."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") && item.getOperations() != null) {
                item.getOperations().values().forEach(ApiDocumentation::addSharedProblems);
            }
        });
    }

    private static void addSharedProblems(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        SHARED_PROBLEMS.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                        .ref("#/components/schemas/Problem")))));
            }
        });
    }
}
