package io.semsearch.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "This replica's indexing jobs")
public record IngestStatusResponse(
        @Schema(description = "Jobs running now, the oldest first", required = true) List<IngestJob> running,
        @Schema(description = "The last 10 finished jobs, the last one first", required = true)
        List<IngestJob> finished) {
}
