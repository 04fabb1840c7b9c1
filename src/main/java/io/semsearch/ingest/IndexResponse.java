package io.semsearch.ingest;

import java.util.UUID;

/** What indexing did, and with which embedding model. */
public record IndexResponse(UUID id, String source, String title, int chunks, IndexStatus status, String model) {

    static IndexResponse of(IndexResult result, String model) {
        return new IndexResponse(result.id(), result.source(), result.title(), result.chunks(), result.status(), model);
    }
}
