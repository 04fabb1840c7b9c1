package io.semsearch.security;

import jakarta.enterprise.context.ApplicationScoped;

/** The rate limits of this replica: one bucket per key, one per client address for requests without a key. */
@ApplicationScoped
public class RateLimits {

    private final boolean enabled;
    private final RateLimiter perKey;
    private final RateLimiter perAddress;

    public RateLimits(SecurityConfig config) {
        SecurityConfig.RateLimit limits = config.rateLimit();
        this.enabled = limits.enabled();
        this.perKey = new RateLimiter(limits.keyRequestsPerSecond(), limits.keyBurst(), System::nanoTime);
        this.perAddress = new RateLimiter(limits.anonymousRequestsPerSecond(), limits.anonymousBurst(),
                System::nanoTime);
    }

    /**
     * Counts one request.
     *
     * @param holder the key's holder; null for a request without a key
     * @param address the client's address, which counts for requests without a key
     * @return 0 when the request may go on, else the seconds to wait
     */
    public long acquire(KeyHolder holder, String address) {
        if (!enabled) {
            return 0;
        }
        if (holder != null) {
            return perKey.acquire(holder.id().map(Object::toString).orElse(holder.name()));
        }
        return perAddress.acquire(address);
    }
}
