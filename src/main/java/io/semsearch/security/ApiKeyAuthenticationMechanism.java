package io.semsearch.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.semsearch.common.ApiConfig;
import io.semsearch.common.ApiException;
import io.semsearch.common.DatabaseOutage;
import io.semsearch.common.Problem;
import io.semsearch.common.ProblemMappers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <key>}. A request without one is anonymous (which may read when
 * {@code semsearch.security.anonymous-read} is on); a key that matches none fails authentication (401).
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SCHEME = "Bearer";

    private final ObjectMapper json;
    private final ApiConfig api;

    public ApiKeyAuthenticationMechanism(ObjectMapper json, ApiConfig api) {
        this.json = json;
        this.api = api;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String key = bearer(context);
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new TokenCredential(key, "bearer"));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", SCHEME));
    }

    /**
     * The challenge of the paths that no REST exception mapper answers (/mcp, guarded by an HTTP permission): the
     * same problem document as the REST endpoints' 401, or their 503 when the key could not be looked up.
     */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return Uni.createFrom().item(true);
        }
        Problem problem;
        if (context.failure() != null && context.failure().getCause() instanceof ApiException refused) {
            problem = Problem.of(refused, context.normalizedPath());
            refused.headers().forEach(response::putHeader);
        } else if (context.failure() != null && DatabaseOutage.causedBy(context.failure())) {
            problem = Problem.databaseUnavailable(context.normalizedPath());
            response.putHeader("Retry-After", Long.toString(ProblemMappers.retryAfterSeconds(api)));
        } else {
            problem = Problem.unauthorized(bearer(context) != null, context.normalizedPath());
            response.putHeader("WWW-Authenticate", SCHEME);
        }
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return Uni.createFrom().completionStage(response.end(body).toCompletionStage()).replaceWith(true);
    }

    /** The key of {@code Authorization: Bearer <key>}, or null. */
    private static String bearer(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return null;
        }
        return header.substring(SCHEME.length() + 1).strip();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION,
                SCHEME.toLowerCase()));
    }
}
