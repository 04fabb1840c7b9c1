package io.semsearch.security;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Whom a valid key belongs to.
 *
 * @param id the stored key's id; empty for the bootstrap key of the configuration, which is not stored
 * @param rateLimit the key's own requests per second; empty when its role's default applies
 */
public record KeyHolder(Optional<UUID> id, String name, Role role, OptionalInt rateLimit) {
}
