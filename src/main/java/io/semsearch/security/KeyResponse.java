package io.semsearch.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(description = "A stored key (its secret is never shown again after creation)",
        requiredProperties = {"id", "name", "role", "createdAt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyResponse(UUID id, String name,
        @Schema(enumeration = {Role.READ, Role.WRITE, Role.MANAGE_KEYS}) String role, OffsetDateTime createdAt,
        @Schema(description = "Last use, to the minute; absent when never used") OffsetDateTime lastUsedAt,
        @Schema(description = "The key's own requests per second; absent when its role's default applies")
        Integer rateLimit) {

    static KeyResponse of(StoredKey key) {
        return new KeyResponse(key.id(), key.name(), key.role().label(), key.createdAt(), key.lastUsedAt(),
                key.rateLimit());
    }
}
