package io.semsearch.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Token buckets (Bucket4j), one per client: a client may send {@code burst} requests at once, then {@code perSecond}
 * a second. Kept in memory (a Caffeine cache, whose evictions cost O(1) each): a client's bucket is dropped once it
 * has been idle long enough to be full again, which changes nothing for that client, and at most
 * {@link #MAX_CLIENTS} buckets are kept (past it, the cache drops those it judges least likely to be used again).
 */
public final class RateLimiter {

    /** Buckets kept at most; a client whose bucket was dropped starts again with a full one. */
    static final int MAX_CLIENTS = 100_000;
    /** Caffeine records a read's time only once the recorded one is more than about a second old. */
    private static final Duration ACCESS_TIME_TOLERANCE = Duration.ofSeconds(1);

    private final int burst;
    private final Duration refillPeriod;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        this(perSecond, burst, nanoClock, MAX_CLIENTS);
    }

    RateLimiter(double perSecond, int burst, LongSupplier nanoClock, int maxClients) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1");
        }
        this.burst = burst;
        // burst tokens per the time an empty bucket takes to fill: perSecond a second, added continuously
        this.refillPeriod = Duration.ofNanos(Math.round(burst * 1e9 / perSecond));
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients)
                .expireAfterAccess(refillPeriod.plus(ACCESS_TIME_TOLERANCE))
                .ticker(nanoClock::getAsLong).build();
    }

    /**
     * Takes one request from the client's bucket.
     *
     * @return 0 when the request may go on, else the whole seconds after which the next one will be allowed
     */
    public long acquire(String client) {
        ConsumptionProbe probe = buckets.get(client, c -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    /**
     * The whole seconds until the client may make a request, without taking one from its bucket: 0 when it may now.
     */
    public long waitFor(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket == null) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanos == 0 ? 0 : Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** How many clients have a bucket, once the cache's pending evictions are done. */
    long clients() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(burst, refillPeriod))
                .withCustomTimePrecision(clock)
                .build();
    }
}
