package io.semsearch.extraction;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs parses on a bounded managed executor (MicroProfile Context Propagation: in the service a view of Quarkus'
 * worker pool, elsewhere a pool of its own) with at most {@link ExtractionOptions#maxConcurrent()} parses at once and
 * {@link ExtractionOptions#maxQueued()} waiting; a file that finds the queue full gets an
 * {@link ExtractionBusyException} (503) at once. The caller waits at most {@link ExtractionOptions#timeout()} from
 * submission, then gets an {@link ExtractionTimeoutException} and the parse is interrupted. Interruption is
 * cooperative: a parser that ignores it (PDFBox does, measured in {@link PdfContentGuard}) goes on until it
 * finishes, bounded by the size and text limits and by the guards that inflate compressed content before any parser
 * runs; such a parse is logged when it ends, with how long it ran past the timeout.
 */
final class ExtractionWorkers implements AutoCloseable {

    /** The {@code Retry-After} of a refusal for a full queue: about the time a few parses take. */
    static final long RETRY_AFTER_SECONDS = 5;

    /** A parse that stops within this time of its interruption is not worth a warning. */
    static final long RAN_ON_LOGGED_MILLIS = 1000;

    private static final Logger LOG = Logger.getLogger(ExtractionWorkers.class);

    private final ManagedExecutor executor;
    private final Duration timeout;

    ExtractionWorkers(ExtractionOptions options) {
        this.executor = ManagedExecutor.builder().maxAsync(options.maxConcurrent()).maxQueued(options.maxQueued())
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
        this.timeout = options.timeout();
    }

    /** The task's result, or its failure as an {@link ExtractionException}; an {@link Error} is thrown as is. */
    <T> T run(Callable<T> task) {
        AtomicLong abandoned = new AtomicLong();
        Future<T> future = submit(() -> {
            try {
                return task.call();
            } finally {
                long at = abandoned.get();
                long after = at == 0 ? 0 : (System.nanoTime() - at) / 1_000_000;
                if (after >= RAN_ON_LOGGED_MILLIS) {
                    LOG.warnf("A parse abandoned at the timeout (%s) ran on for %d ms after it: its parser ignored"
                            + " the interruption", human(timeout), after);
                }
            }
        });
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandoned.set(System.nanoTime());
            future.cancel(true);
            throw new ExtractionTimeoutException("Parsing the file took longer than " + human(timeout)
                    + " (semsearch.extraction.timeout) and was abandoned.", timeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("extraction interrupted");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    private <T> Future<T> submit(Callable<T> task) {
        try {
            return executor.submit(task);
        } catch (RejectedExecutionException e) {
            throw new ExtractionBusyException("All extraction workers are busy and the queue of files waiting for one"
                    + " is full (semsearch.extraction.max-concurrent, semsearch.extraction.max-queued);"
                    + " send the file again in a few seconds.", RETRY_AFTER_SECONDS, e);
        }
    }

    /** What a parse's failure is answered with. */
    static RuntimeException failure(Throwable cause) {
        if (cause instanceof ExtractionException extraction) {
            return extraction;
        }
        if (cause instanceof StackOverflowError) {
            return new DocumentLimitExceededException("The file is nested too deeply to be parsed.", cause);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CorruptDocumentException("The file cannot be read: " + TikaExtraction.rootMessage(cause), cause);
    }

    static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
