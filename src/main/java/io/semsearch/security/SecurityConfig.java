package io.semsearch.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
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

    RateLimit rateLimit();

    /**
     * Token buckets kept in each replica's memory: a client is limited per replica (see the README for why they are
     * not shared).
     */
    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second of one key. */
        @WithDefault("20")
        double keyRequestsPerSecond();

        /** Requests one key may send at once before the sustained rate applies. */
        @WithDefault("40")
        int keyBurst();

        /** Sustained requests per second of one client address without a key (anonymous reads). */
        @WithDefault("5")
        double anonymousRequestsPerSecond();

        /** Requests one client address without a key may send at once. */
        @WithDefault("20")
        int anonymousBurst();
    }
}
