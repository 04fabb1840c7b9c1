package io.semsearch.extraction;

import java.time.Duration;

/** Parsing took longer than {@link ExtractionOptions#timeout()} and was abandoned (HTTP 422). */
public final class ExtractionTimeoutException extends ExtractionException {

    private final Duration timeout;

    public ExtractionTimeoutException(String detail, Duration timeout) {
        super(422, "Extraction timed out", detail, null);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
