package io.semsearch.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Several texts to index at once; their chunks are embedded together, each document is "
        + "stored in its own transaction")
@DistinctSources
public record BatchRequest(
        @NotEmpty(message = "must hold at least one document")
        @Size(max = 256, message = "must hold at most 256 documents")
        List<@NotNull(message = "must not hold null") @Valid DocumentRequest> documents) {
}
