package io.semsearch.security;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI security scheme that every protected operation names. */
@SecurityScheme(securitySchemeName = ApiSecurity.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key: Authorization: Bearer <key>. Roles: reader, writer, admin.")
public final class ApiSecurity {

    public static final String SCHEME = "apiKey";

    private ApiSecurity() {
    }
}
