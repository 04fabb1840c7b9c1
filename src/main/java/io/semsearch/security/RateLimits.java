package io.semsearch.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limits of this replica: one bucket per key (at the key's own rate, else its role's), one per client address
 * for requests without a key, and one per client address for failed authentications.
 */
@ApplicationScoped
public class RateLimits {

    private final boolean enabled;
    private final SecurityConfig.RateLimit config;
    /** One limiter per distinct key rate: few, as rates are set per role and, rarely, per key. */
    private final Map<Double, RateLimiter> perKeyRate = new ConcurrentHashMap<>();
    private final RateLimiter perAddress;
    private final RateLimiter failures;

    public RateLimits(SecurityConfig config) {
        this.config = config.rateLimit();
        this.enabled = this.config.enabled();
        this.perAddress = new RateLimiter(this.config.anonymousRequestsPerSecond(), this.config.anonymousBurst(),
                System::nanoTime);
        this.failures = new RateLimiter(this.config.failedAuthenticationsPerSecond(),
                this.config.failedAuthenticationBurst(), System::nanoTime);
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
            double rate = requestsPerSecond(holder);
            return perKeyRate.computeIfAbsent(rate, r -> new RateLimiter(r, burst(r), System::nanoTime))
                    .acquire(holder.id().map(Object::toString).orElse(holder.name()));
        }
        return perAddress.acquire(address);
    }

    /** The sustained rate of a key: its own, else its role's default. */
    public double requestsPerSecond(KeyHolder holder) {
        return holder.rateLimit().isPresent() ? holder.rateLimit().getAsInt() : roleDefault(holder.role());
    }

    double roleDefault(Role role) {
        return switch (role) {
            case READER -> config.readerRequestsPerSecond();
            case WRITER -> config.writerRequestsPerSecond();
            case ADMIN -> config.adminRequestsPerSecond();
        };
    }

    private int burst(double rate) {
        return (int) Math.max(1, Math.ceil(rate * config.keyBurstSeconds()));
    }

    /**
     * Whether this address may try to authenticate now: 0 when it may, else the seconds until it may (it has failed
     * too often). Checked before any key is looked up.
     */
    public long failedAuthenticationWait(String address) {
        return enabled ? failures.waitFor(address) : 0;
    }

    /** Counts one failed authentication of this address. */
    public void failedAuthentication(String address) {
        if (enabled) {
            failures.acquire(address);
        }
    }
}
