package io.semsearch.common;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * How a client authenticates, as the OpenAPI document tells it: an API key sent as a bearer token. Resources name it
 * with {@code @SecurityRequirement(name = ApiSecurity.SCHEME)}.
 */
@SecurityScheme(securitySchemeName = ApiSecurity.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key, sent as 'Authorization: Bearer <key>'. Whether reads without a key are allowed "
                + "depends on the deployment.")
public final class ApiSecurity {

    public static final String SCHEME = "apiKey";

    private ApiSecurity() {
    }
}
