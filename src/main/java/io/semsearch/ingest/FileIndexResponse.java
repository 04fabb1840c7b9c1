package io.semsearch.ingest;

import java.util.UUID;

/** What indexing a file did, with which embedding model, and what its extraction kept. */
public record FileIndexResponse(UUID id, String source, String title, int chunks, IndexStatus status, String model,
        ExtractionSummary extraction) {

    static FileIndexResponse of(IndexResult result, String model, ExtractionSummary extraction) {
        return new FileIndexResponse(result.id(), result.source(), result.title(), result.chunks(), result.status(),
                model, extraction);
    }
}
