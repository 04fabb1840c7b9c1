package io.semsearch.security;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What is known of a stored key besides its hash. */
public record StoredKey(UUID id, String name, Role role, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
        Integer rateLimit) {

    static StoredKey of(ApiKey key) {
        return new StoredKey(key.id, key.name, Role.of(key.role).orElseThrow(), key.createdAt, key.lastUsedAt,
                key.rateLimit);
    }
}
