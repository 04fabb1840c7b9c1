package io.semsearch.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits of the HTTP API. */
@ConfigMapping(prefix = "semsearch.api")
public interface ApiConfig {

    /**
     * Largest request body accepted by the API; larger ones get 413. Keep {@code quarkus.http.limits.max-body-size}
     * above it: that one is the transport's hard cap, which answers without a problem document.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** {@code Retry-After} of the 503 answered while the database is unreachable. */
    @WithDefault("5S")
    Duration databaseRetryAfter();
}
