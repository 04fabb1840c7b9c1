package io.semsearch.security;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

@Schema(description = "A key just created, with its secret: shown this once")
public record NewKeyResponse(UUID id, String name,
        @Schema(enumeration = {Role.READ, Role.WRITE, Role.MANAGE_KEYS}) String role, OffsetDateTime createdAt,
        @Schema(description = "Send it as Authorization: Bearer <key>") String key) {

    static NewKeyResponse of(CreatedKey created) {
        StoredKey key = created.key();
        return new NewKeyResponse(key.id(), key.name(), key.role().label(), key.createdAt(), created.secret());
    }
}
