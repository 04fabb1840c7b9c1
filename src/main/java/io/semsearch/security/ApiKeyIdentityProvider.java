package io.semsearch.security;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.semsearch.common.ConcurrencyLimit;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a presented key into an identity with its role and the roles it includes. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Identity attribute: the {@link KeyHolder}, which rate limits count against. */
    public static final String HOLDER = "semsearch.key";

    private final ApiKeyService keys;
    private final RateLimits limits;

    public ApiKeyIdentityProvider(ApiKeyService keys, RateLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String address = address(request);
        String token = request.getToken().getToken();
        long wait = keys.knownWithoutLookUp(token) ? 0 : limits.failedAuthenticationWait(address);
        if (wait > 0) {
            // before any key is looked up: a client guessing keys costs no database work (keys in memory still pass)
            return Uni.createFrom().failure(new AuthenticationFailedException("too many failed authentications",
                    new RateLimitedException("Too many requests with an invalid API key from this address; retry in "
                            + wait + " s (semsearch.security.rate-limit.failed-authentications-per-second)", wait)));
        }
        return context.runBlocking(() -> keys.authenticate(token)
                .map(holder -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(holder.name()))
                        .addRoles(holder.role().granted())
                        .addAttribute(HOLDER, holder)
                        .addAttribute(ConcurrencyLimit.CLIENT, holder.id().map(Object::toString)
                                .orElse("configured:" + holder.name()))
                        .build())
                .orElseThrow(() -> {
                    Metrics.counter("semsearch.auth.failures", "reason", "invalid-key").increment();
                    limits.failedAuthentication(address);
                    return new AuthenticationFailedException("unknown API key");
                }));
    }

    /** The client's address, as {@link RateLimitFilter} counts it. */
    private static String address(TokenAuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return routing == null ? "unknown" : RateLimitFilter.address(routing.request());
    }
}
