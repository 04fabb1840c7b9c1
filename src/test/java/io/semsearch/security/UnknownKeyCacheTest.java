package io.semsearch.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A well-formed key that matches none is remembered as unknown: presenting it again reads nothing from the store. */
@QuarkusTest
class UnknownKeyCacheTest {

    @Inject
    ApiKeyService keys;

    @Inject
    ApiKeyRepository repository;

    private UUID stored;

    @Test
    void anUnknownLookupIdIsNotLookedUpAgainWithinTheCacheTime() {
        String secret = KeyFormat.newKey();
        assertTrue(keys.authenticate(secret).isEmpty());
        // the key appears in the store behind this replica's back, as if another replica had created it
        stored = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ApiKey key = new ApiKey();
            key.id = stored;
            key.name = "created elsewhere";
            key.role = Role.READER.label();
            key.lookupId = KeyFormat.lookupId(secret).orElseThrow();
            key.salt = KeyFormat.newSalt();
            key.keyHash = KeyFormat.hash(key.salt, secret);
            key.createdAt = OffsetDateTime.now();
            repository.persist(key);
        });
        assertTrue(keys.authenticate(secret).isEmpty(), "still unknown: the store was not read again");
        keys.forgetCachedKeys();
        assertTrue(keys.authenticate(secret).isPresent(), "read once the cache is forgotten");
    }

    @AfterEach
    void removeKey() {
        if (stored != null) {
            QuarkusTransaction.requiringNew().run(() -> repository.deleteById(stored));
            keys.forgetCachedKeys();
        }
    }
}
