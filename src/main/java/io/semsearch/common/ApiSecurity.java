package io.semsearch.common;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * How a client authenticates, as the OpenAPI document tells it: an API key sent as a bearer token. Resources name it
 * with {@code @SecurityRequirement(name = ApiSecurity.SCHEME)}. The OpenAPI scanner reads security schemes from the
 * JAX-RS application class, hence this (otherwise empty) application: all resources are still discovered.
 */
@SecurityScheme(securitySchemeName = ApiSecurity.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key, sent as 'Authorization: Bearer <key>'. Whether reads without a key are allowed "
                + "depends on the deployment.")
public class ApiSecurity extends Application {

    public static final String SCHEME = "apiKey";
}
