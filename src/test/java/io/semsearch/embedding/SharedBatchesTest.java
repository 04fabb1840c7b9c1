package io.semsearch.embedding;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedBatchesTest {

    private final ExecutorService helpers = Executors.newFixedThreadPool(1);

    @AfterEach
    void stop() {
        helpers.shutdownNow();
    }

    @Test
    void theCallerAndAHelperWorkOnEveryBatchTogether() {
        // each batch waits until another thread is inside one too: a caller that stopped after its first batch, leaving
        // the rest to the helper, would break the barrier
        CyclicBarrier pair = new CyclicBarrier(2);
        List<Integer> done = new CopyOnWriteArrayList<>();
        SharedBatches work = new SharedBatches(8, batch -> {
            try {
                pair.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("batch " + batch + " ran alone", e);
            }
            done.add(batch);
        });
        helpers.execute(work::help);
        work.runAndAwaitHelpers();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), done.stream().sorted().toList());
    }

    @Test
    void aCallDoesNotWaitForAHelperBusyWithAnotherCall() throws Exception {
        CountDownLatch otherCallRunning = new CountDownLatch(1);
        CountDownLatch releaseOtherCall = new CountDownLatch(1);
        helpers.execute(() -> { // the only helper thread, kept busy by another call
            otherCallRunning.countDown();
            try {
                releaseOtherCall.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        otherCallRunning.await();
        AtomicInteger batches = new AtomicInteger();
        SharedBatches work = new SharedBatches(5, batch -> batches.incrementAndGet());
        helpers.execute(work::help); // queued behind the other call
        work.runAndAwaitHelpers(); // returns although its helper never started
        assertEquals(5, batches.get());
        releaseOtherCall.countDown();
    }

    @Test
    void theFirstFailureReachesTheCallerAfterTheHelpersStopped() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("forward pass failed");
        SharedBatches work = new SharedBatches(1000, batch -> {
            running.incrementAndGet();
            try {
                taken.incrementAndGet();
                if (batch == 3) {
                    throw broken;
                }
                Thread.onSpinWait();
            } finally {
                running.decrementAndGet();
            }
        });
        helpers.execute(work::help);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, work::runAndAwaitHelpers);
        assertSame(broken, thrown);
        assertEquals(0, running.get(), "a helper still embedding after the caller returned");
        assertTrue(taken.get() < 1000, "the other batches went on after the failure: " + taken.get());
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
