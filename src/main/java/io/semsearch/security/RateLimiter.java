package io.semsearch.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per client: a client may send {@code burst} requests at once, then {@code perSecond} a second.
 * Kept in memory: buckets of clients idle long enough to be full again are dropped when many accumulate.
 */
public final class RateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one request from the client's bucket.
     *
     * @return 0 when the request may go on, else the whole seconds after which the next one will be allowed
     */
    public long acquire(String client) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> b.isFullAt(now));
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(burst, now)).take(now);
    }

    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - updatedAt) / 1e9 * perSecond);
            updatedAt = now;
        }
    }
}
