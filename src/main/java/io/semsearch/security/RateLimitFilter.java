package io.semsearch.security;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimits} to every API request once its key is known. The client address is the one Quarkus
 * resolves, which honours {@code X-Forwarded-For} only when {@code quarkus.http.proxy.proxy-address-forwarding}
 * trusts a proxy.
 */
public class RateLimitFilter {

    private final RateLimits limits;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(RateLimits limits, CurrentIdentityAssociation identities) {
        this.limits = limits;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> limit(HttpServerRequest request) {
        return identities.getDeferredIdentity().onItem().transformToUni(identity -> {
            KeyHolder holder = identity.getAttribute(ApiKeyIdentityProvider.HOLDER);
            long retryAfter = limits.acquire(holder, address(request));
            if (retryAfter != 0) {
                Metrics.counter("semsearch.rate.limited", "client", holder == null ? "anonymous" : "key").increment();
            }
            return retryAfter == 0 ? Uni.createFrom().voidItem()
                    : Uni.createFrom().failure(limited(retryAfter));
        });
    }

    static RateLimitedException limited(long retryAfter) {
        return new RateLimitedException("Rate limit reached; retry in " + retryAfter
                + " s (semsearch.security.rate-limit)", retryAfter);
    }

    /** The client address that limits count against. */
    static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
