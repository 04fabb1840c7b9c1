package io.semsearch.security;

import io.semsearch.common.ApiException;

import java.util.Map;

/** A client sent more requests than its rate limit allows. */
public class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    public RateLimitedException(String detail, long retryAfterSeconds) {
        super(429, "Too many requests", detail);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
