package io.semsearch.common;

import java.util.Map;

/**
 * A client already runs the most long requests of a kind allowed at once ({@link ConcurrencyLimit}): 429 with
 * {@code Retry-After}; nothing was done, the same request can be sent again once one of the others has ended.
 */
public final class TooManyConcurrentRequestsException extends ApiException {

    /** About the time an answer stream or an upload takes. */
    static final long RETRY_AFTER_SECONDS = 5;

    public TooManyConcurrentRequestsException(String detail) {
        super(429, "Too many concurrent requests", detail);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
    }
}
