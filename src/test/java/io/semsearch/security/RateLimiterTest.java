package io.semsearch.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void bucketsOfIdleClientsAreDroppedOnceFullAgain() {
        limiter.acquire("a");
        limiter.acquire("b");
        assertEquals(2, limiter.clients());
        advance(2_000);
        limiter.acquire("b");
        advance(1_000);
        assertEquals(1, limiter.clients(), "a's bucket, full again after 1.5 s (3 tokens at 2 a second), is dropped");
        assertEquals(0, limiter.acquire("a"));
    }

    @Test
    void theNumberOfBucketsIsCapped() {
        RateLimiter capped = new RateLimiter(2, 3, clock::get, 100);
        for (int i = 0; i < 1_000; i++) {
            capped.acquire("client-" + i);
        }
        assertTrue(capped.clients() <= 100, capped.clients() + " buckets");
    }

    @Test
    void waitingTimeIsReadWithoutTakingARequest() {
        assertEquals(0, limiter.waitFor("a"), "no bucket yet: no wait");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.waitFor("a"));
            limiter.acquire("a");
        }
        assertEquals(1, limiter.waitFor("a"));
        assertEquals(1, limiter.waitFor("a"), "reading the wait took nothing");
        advance(500);
        assertEquals(0, limiter.waitFor("a"));
        assertEquals(0, limiter.acquire("a"), "the token the wait was for is still there");
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
