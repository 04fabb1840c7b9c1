package io.semsearch.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A key to create")
public record KeyRequest(
        @Schema(description = "Who or what uses the key", example = "nightly indexer")
        @NotBlank(message = "must be given and not blank")
        @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @Schema(description = "reader (search, ask, read documents), writer (also index and delete) or admin (also "
                + "manage keys)", example = "writer", enumeration = {"reader", "writer", "admin"})
        @NotNull(message = "must be reader, writer or admin")
        @Pattern(regexp = "reader|writer|admin", message = "must be reader, writer or admin")
        String role) {

    Role toRole() {
        return Role.of(role).orElseThrow();
    }
}
