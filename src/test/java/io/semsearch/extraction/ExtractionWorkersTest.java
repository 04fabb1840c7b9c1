package io.semsearch.extraction;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded pool, its timeout and how a parse's failure is answered. */
class ExtractionWorkersTest {

    @Test
    void aFullQueueIsRefusedAtOnceWith503AndRetryAfter() throws Exception {
        ExtractionOptions options = ExtractionOptions.defaults().withWorkers(1, 1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try (ExtractionWorkers workers = new ExtractionWorkers(options)) {
            Thread first = caller(() -> workers.run(() -> {
                running.countDown();
                return release.await(30, TimeUnit.SECONDS);
            }));
            assertTrue(running.await(10, TimeUnit.SECONDS));
            Thread second = caller(() -> workers.run(() -> true));
            waitUntilBlocked(second);

            ExtractionBusyException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                    () -> assertThrows(ExtractionBusyException.class, () -> workers.run(() -> true)));
            assertEquals(503, e.status());
            assertFalse(e.serverSide());
            assertEquals(Map.of("Retry-After", Long.toString(ExtractionWorkers.RETRY_AFTER_SECONDS)), e.headers());
            assertTrue(e.getMessage().contains("semsearch.extraction.max-queued"), e.getMessage());

            release.countDown();
            first.join(10_000);
            second.join(10_000);
            assertEquals("done", workers.run(() -> "done"), "free again once the queue drains");
        }
    }

    @Test
    void aParseOverTheTimeoutIsAbandonedAndInterrupted() throws Exception {
        ExtractionOptions options = ExtractionOptions.defaults().withTimeout(Duration.ofMillis(200));
        CountDownLatch interrupted = new CountDownLatch(1);
        try (ExtractionWorkers workers = new ExtractionWorkers(options)) {
            ExtractionTimeoutException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(ExtractionTimeoutException.class, () -> workers.run(() -> {
                        try {
                            Thread.sleep(20_000);
                        } catch (InterruptedException stopped) {
                            interrupted.countDown();
                        }
                        return null;
                    })));
            assertEquals(422, e.status());
            assertEquals(Duration.ofMillis(200), e.timeout());
            assertTrue(e.getMessage().contains("200 ms"), e.getMessage());
            assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the worker is interrupted");
        }
    }

    @Test
    void failuresAreAnsweredAsExtractionProblems() {
        NoMainTextException own = new NoMainTextException("vide");
        assertSame(own, ExtractionWorkers.failure(own));
        assertTrue(ExtractionWorkers.failure(new StackOverflowError()) instanceof DocumentLimitExceededException);
        RuntimeException other = ExtractionWorkers.failure(new IllegalStateException("bad xref"));
        assertTrue(other instanceof CorruptDocumentException);
        assertTrue(other.getMessage().endsWith("bad xref"), other.getMessage());
        assertThrows(OutOfMemoryError.class, () -> ExtractionWorkers.failure(new OutOfMemoryError("heap")));
        try (ExtractionWorkers workers = new ExtractionWorkers(ExtractionOptions.defaults())) {
            assertSame(own, assertThrows(NoMainTextException.class, () -> workers.run(() -> {
                throw own;
            })));
        }
    }

    @Test
    void timeoutsReadAsPeopleWriteThem() {
        assertEquals("30 s", ExtractionWorkers.human(Duration.ofSeconds(30)));
        assertEquals("1500 ms", ExtractionWorkers.human(Duration.ofMillis(1500)));
    }

    private static Thread caller(ThrowingRunnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The thread has submitted its task and waits for its result. */
    private static void waitUntilBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(Thread.State.TIMED_WAITING, thread.getState());
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
