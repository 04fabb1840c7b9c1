package io.semsearch.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Schema(description = "An indexing job: a folder sync or a batch of documents or files, running or finished")
public record IngestJob(
        @Schema(required = true) UUID id,
        @Schema(required = true) Kind kind,
        @Schema(description = "The folder synced (as configured) or what the batch holds", required = true)
        String what,
        @Schema(required = true) State state,
        @Schema(required = true) Instant startedAt,
        @Schema(description = "Absent while it runs") @JsonInclude(JsonInclude.Include.NON_NULL) Instant finishedAt,
        @Schema(description = "Files (or documents) the job has to go through", required = true) int filesTotal,
        @Schema(description = "Files done: indexed, found unchanged or failed", required = true) int filesDone,
        @Schema(description = "Chunks embedded and stored", required = true) long chunksDone,
        @Schema(description = "Files that failed; the first 100 are listed in failures", required = true)
        int filesFailed,
        @Schema(required = true) double elapsedSeconds,
        @Schema(required = true) double filesPerSecond,
        @Schema(required = true) double chunksPerSecond,
        @Schema(description = "Seconds left at the rate so far; absent until a file is done, 0 once finished")
        @JsonInclude(JsonInclude.Include.NON_NULL) Double etaSeconds,
        @Schema(required = true) List<FailedFile> failures) {

    @JsonIgnore
    public boolean running() {
        return state == State.RUNNING;
    }

    public record FailedFile(
            @Schema(description = "The file's source (its path relative to the folder) or the document's source",
                    required = true) String source,
            @Schema(description = "Why it was not indexed", required = true) String problem) {
    }

    @Schema(enumeration = {"folder-sync", "batch"})
    public enum Kind {
        FOLDER_SYNC, BATCH;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Schema(enumeration = {"running", "finished"})
    public enum State {
        RUNNING, FINISHED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
