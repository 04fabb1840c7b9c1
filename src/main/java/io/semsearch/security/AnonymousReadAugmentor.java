package io.semsearch.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** With {@code semsearch.security.anonymous-read}, a request without a key may read: it gets the reader role. */
@ApplicationScoped
public class AnonymousReadAugmentor implements SecurityIdentityAugmentor {

    private final SecurityConfig config;

    public AnonymousReadAugmentor(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() || !config.anonymousRead()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Role.READ).build());
    }
}
