package io.semsearch.document;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A document with its cleaned content and its chunks; each chunk's offsets index into {@code content}. */
public record DocumentDetail(
        UUID id,
        String source,
        String title,
        String language,
        String embeddingModel,
        String contentSha256,
        Map<String, Object> metadata,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String content,
        List<ChunkOutline> chunks) {

    public static DocumentDetail of(DocumentService.StoredDocument stored) {
        Document d = stored.document();
        return new DocumentDetail(d.id, d.source, d.title, d.language, d.embeddingModel, d.contentSha256, d.metadata,
                d.createdAt, d.updatedAt, d.content, stored.chunks());
    }
}
