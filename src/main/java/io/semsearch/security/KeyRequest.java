package io.semsearch.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
        String role,

        @Schema(description = "Requests per second this key may send (sustained; bursts of twice as many, "
                + "semsearch.security.rate-limit.key-burst-seconds); when absent, its role's default "
                + "(semsearch.security.rate-limit.<role>-requests-per-second)", nullable = true, example = "50")
        @Min(value = 1, message = "must be at least {value} request per second")
        @Max(value = KeyRequest.MAX_RATE_LIMIT, message = "must be at most {value} requests per second")
        Integer rateLimit) {

    static final int MAX_RATE_LIMIT = 100_000;

    Role toRole() {
        return Role.of(role).orElseThrow();
    }
}
