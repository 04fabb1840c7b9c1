package io.semsearch.embedding;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The batches of one embedding call, taken one at a time by the calling thread ({@link #runAndAwaitHelpers}) and by
 * helper threads ({@link #help}) from a pool that all calls share: every predictor works on a large call. A helper
 * that starts only after the caller has taken the last batch does nothing, so a call never waits behind the batches of
 * other calls that keep the helpers busy. The first failure is thrown to the caller, the others suppressed in it.
 */
final class SharedBatches {
    private final int batches;
    private final IntConsumer embedBatch;
    private final AtomicInteger next = new AtomicInteger();
    private Throwable failure;
    private int activeHelpers;
    private boolean closed;

    SharedBatches(int batches, IntConsumer embedBatch) {
        this.batches = batches;
        this.embedBatch = embedBatch;
    }

    void help() {
        synchronized (this) {
            if (closed) {
                return;
            }
            activeHelpers++;
        }
        try {
            takeBatches();
        } finally {
            synchronized (this) {
                activeHelpers--;
                notifyAll();
            }
        }
    }

    void runAndAwaitHelpers() {
        takeBatches();
        boolean interrupted = false;
        synchronized (this) {
            closed = true;
            while (activeHelpers > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers write into the caller's results: wait for them anyway
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    private void takeBatches() {
        try {
            for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                embedBatch.accept(b);
            }
        } catch (RuntimeException | Error e) { // unchecked: IntConsumer throws nothing else
            next.set(batches); // the others stop at their next batch
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
    }
}
