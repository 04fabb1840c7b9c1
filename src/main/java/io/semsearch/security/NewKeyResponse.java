package io.semsearch.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A key just created, with its secret: shown this once",
        requiredProperties = {"id", "name", "role", "createdAt", "key"})
public record NewKeyResponse(UUID id, String name,
        @Schema(enumeration = {Role.READ, Role.WRITE, Role.MANAGE_KEYS}) String role, OffsetDateTime createdAt,
        @Schema(description = "Send it as Authorization: Bearer <key>") String key,
        @Schema(description = "The key's own requests per second; absent when its role's default applies")
        Integer rateLimit) {

    static NewKeyResponse of(CreatedKey created) {
        StoredKey key = created.key();
        return new NewKeyResponse(key.id(), key.name(), key.role().label(), key.createdAt(), created.secret(),
                key.rateLimit());
    }
}
