package io.semsearch.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** API keys and rate limits. */
@ConfigMapping(prefix = "semsearch.security")
public interface SecurityConfig {

    /**
     * An admin key taken from the configuration ({@code SEMSEARCH_SECURITY_BOOTSTRAP_KEY}), at least 24 characters.
     * It is compared in memory and never stored; removing it from the configuration revokes it. When it is absent and
     * no key is stored, the service creates an admin key at start and writes it to {@link #firstKeyFile()}.
     */
    Optional<String> bootstrapKey();

    /**
     * Where the admin key created at the first start (no bootstrap key, no stored key) is written, readable by the
     * service's user only (0600, in a folder made 0700); it is never printed or logged.
     */
    @WithDefault("${user.home}/.semsearch/first-admin-key")
    Path firstKeyFile();

    /** Let requests without a key read (search, ask, list and read documents); writes always need a key. */
    @WithDefault("false")
    boolean anonymousRead();

    /**
     * How long a replica trusts a key it has looked up before it reads the key's row again. A key revoked on another
     * replica stops working there within this time; 0 looks every request up.
     */
    @WithDefault("30S")
    Duration keyCacheTime();

    /**
     * Origins ({@code scheme://host[:port]}) of the web pages allowed to call {@code /mcp} from a browser, besides
     * pages of localhost, 127.0.0.1 and [::1] (any port): a request with another {@code Origin} gets 403, which stops
     * DNS rebinding. Requests without {@code Origin} (programs, not browsers) are not concerned.
     */
    Optional<List<String>> mcpAllowedOrigins();

    RateLimit rateLimit();

    /**
     * Token buckets kept in each replica's memory: a client is limited per replica (see the README for why they are
     * not shared).
     */
    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /**
         * Sustained requests per second of one reader key that has no rate of its own: high enough for a few dozen
         * clients sharing a key to reach the service's capacity before the limit.
         */
        @WithDefault("300")
        double readerRequestsPerSecond();

        /** Sustained requests per second of one writer key that has no rate of its own. */
        @WithDefault("300")
        double writerRequestsPerSecond();

        /** Sustained requests per second of one admin key that has no rate of its own (the bootstrap key too). */
        @WithDefault("100")
        double adminRequestsPerSecond();

        /** A key may send at once the requests of this many seconds at its sustained rate (at least 1). */
        @WithDefault("2")
        double keyBurstSeconds();

        /** Sustained requests per second of one client address without a key (anonymous reads). */
        @WithDefault("5")
        double anonymousRequestsPerSecond();

        /** Requests one client address without a key may send at once. */
        @WithDefault("20")
        int anonymousBurst();

        /**
         * Failed authentications (unknown, revoked or malformed keys) per second one client address may make; past
         * them it gets 429 before its keys are looked up.
         */
        @WithDefault("1")
        double failedAuthenticationsPerSecond();

        /** Failed authentications one client address may make at once. */
        @WithDefault("20")
        int failedAuthenticationBurst();
    }
}
