package io.semsearch.ingest;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum IndexStatus {
    /** A new source. */
    CREATED,
    /** A known source whose text, title, metadata or embedding model changed. */
    UPDATED,
    /** A known source submitted again as it is stored: nothing was written. */
    UNCHANGED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
