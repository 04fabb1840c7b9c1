package io.semsearch.security;

/** The name of the OpenAPI security scheme that every protected operation names (see {@link ApiDocumentation}). */
public final class ApiSecurity {

    public static final String SCHEME = "apiKey";

    private ApiSecurity() {
    }
}
