package io.semsearch.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(2, 3, clock::get);

    @Test
    void aBurstThenTheSustainedRate() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("a"));
        }
        assertEquals(1, limiter.acquire("a"), "half a second until the next token: Retry-After rounds up to 1 s");
        advance(500);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(1, limiter.acquire("a"));
        advance(10_000);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("a"), "refilled up to the burst, no further");
        }
        assertEquals(1, limiter.acquire("a"));
    }

    @Test
    void clientsDoNotShareABucket() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        assertEquals(1, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("b"));
    }

    @Test
    void slowRatesAskForLongerWaits() {
        RateLimiter slow = new RateLimiter(0.1, 1, clock::get);
        assertEquals(0, slow.acquire("a"));
        assertEquals(10, slow.acquire("a"));
        advance(5_000);
        assertEquals(5, slow.acquire("a"));
    }

    @Test
    void aLimitNeedsARateAndABurst() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, clock::get));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, clock::get));
    }

    private void advance(long millis) {
        clock.addAndGet(millis * 1_000_000);
    }
}
