package io.semsearch.extraction;

import java.util.Map;

/**
 * Every extraction worker is busy and the queue of files waiting for one is full (HTTP 503 with
 * {@code Retry-After}): the file was not read, nothing was stored, the same request can be sent again later.
 */
public final class ExtractionBusyException extends ExtractionException {

    private final long retryAfterSeconds;

    public ExtractionBusyException(String detail, long retryAfterSeconds, Throwable cause) {
        super(503, "Extraction busy", detail, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** A full queue is load, not a fault of the service: no stack trace in the log for each refused file. */
    @Override
    public boolean serverSide() {
        return false;
    }
}
