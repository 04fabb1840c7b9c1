package io.semsearch.ingest;

import java.util.UUID;

public record IndexResult(UUID id, String source, String title, int chunks, IndexStatus status) {
}
