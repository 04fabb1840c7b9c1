package io.semsearch.document;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

public record DocumentSummary(
        UUID id,
        String source,
        String title,
        String language,
        String embeddingModel,
        long chunks,
        Map<String, Object> metadata,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
